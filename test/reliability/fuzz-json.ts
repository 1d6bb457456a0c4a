/**
 * Ways to hurt a JSON file (a center, a roster), shared by the file fuzz tests and bench/faults/files.ts: the
 * byte-level hurts of any file (BOM, CRLF, truncation, NUL, Latin-1, random bytes, megabytes) and value-level
 * ones (a string or number replaced by a hostile one at a random place, a duplicated list entry, deep nesting).
 */
import fc from 'fast-check';
import type { Expect } from './fuzz-files.ts';

export interface HurtJson {
  kind: string;
  body: Buffer;
  expect: Expect;
  /** When refused: the JSON path a problem must name. */
  where?: string;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Paths of every leaf of a kind in a JSON value. */
function leaves(value: Json, test: (v: Json) => boolean, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (test(value)) out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, test, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) leaves(v, test, [...path, k], out);
  return out;
}

function replaced(value: Json, path: (string | number)[], leaf: Json): Json {
  const copy = structuredClone(value);
  let at: any = copy;
  for (const k of path.slice(0, -1)) at = at[k];
  at[path.at(-1)!] = leaf;
  return copy;
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** Strings built to hurt: NUL, broken surrogates, control characters, very long, anything. */
const hostileString = fc.oneof(
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udc00y', '\u202e\u0007', ' ', '', '../../etc/passwd', '"; DROP TABLE centers; --', 'é'.repeat(2000)),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const hostileNumber = fc.oneof(fc.constantFrom(-1, 0, -0, 1e308, -1e308, 2 ** 53 + 1, 0.5, 1e-300), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer());

/** Strings no store can hold: a NUL, half a surrogate pair. */
const UNSTORABLE = ['\u0000', 'a\u0000b', '\ud800', 'x\udc00y', 'é\udfff'];
const jsonPath = (path: (string | number)[]) => '$' + path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');

/**
 * Every hurt of a well-formed JSON value (`base`, which its reader accepts), one drawn at random. `list` names an
 * array whose entries carry an `id`: duplicating one must be refused. `stored`: the value is stored, so an
 * unstorable string in a free-text field (`name`) must be refused at its path.
 */
export function hurtJsonArb(base: Json, list?: string, stored = false): fc.Arbitrary<HurtJson> {
  const text = JSON.stringify(base, null, 2);
  const strings = leaves(base, (v) => typeof v === 'string');
  const numbers = leaves(base, (v) => typeof v === 'number');
  const at = (n: number) => n % (text.length + 1);
  const raw = (kind: string, expect: Expect) => (body: Buffer): HurtJson => ({ kind, body, expect });
  const hurts: fc.Arbitrary<HurtJson>[] = [
    fc.constant(raw('clean', 'accept')(utf8(text))),
    fc.constant(raw('bom', 'accept')(utf8('\uFEFF' + text))),
    fc.constant(raw('crlf', 'accept')(utf8(text.replace(/\n/g, '\r\n')))),
    fc.nat().map((n) => raw('truncated', 'refuse')(utf8(text.slice(0, n % text.length)))),
    fc.nat().map((n) => raw('nul', 'refuse')(Buffer.concat([utf8(text.slice(0, at(n))), Buffer.from([0]), utf8(text.slice(at(n)))]))),
    fc.nat().map((n) => raw('latin1', 'either')(Buffer.concat([utf8(text.slice(0, at(n))), Buffer.from([0xe9]), utf8(text.slice(at(n)))]))),
    fc.uint8Array({ maxLength: 4096 }).map((b) => raw('random-bytes', 'either')(Buffer.from(b))),
    fc.constant(raw('empty', 'refuse')(Buffer.alloc(0))),
    fc.integer({ min: 11, max: 12 }).map((mb) => raw('huge', 'refuse')(utf8(JSON.stringify({ ...(base as object), name: 'x'.repeat(mb * 1024 * 1024) })))),
    fc.integer({ min: 1_000, max: 50_000 }).map((depth) => raw('deep', 'either')(utf8(JSON.stringify({ ...(base as object), nested: 0 }).replace('"nested":0', `"nested":${'['.repeat(depth)}${']'.repeat(depth)}`)))),
    fc.tuple(fc.nat(), hostileString).map(([n, s]) => raw('string', 'either')(utf8(JSON.stringify(replaced(base, strings[n % strings.length], s))))),
    fc.tuple(fc.nat(), hostileNumber).map(([n, x]) => raw('number', 'either')(utf8(JSON.stringify(replaced(base, numbers[n % numbers.length], x))))),
  ];
  if (stored) {
    const names = leaves(base, (v) => typeof v === 'string').filter((p) => p.at(-1) === 'name');
    hurts.push(fc.tuple(fc.nat(), fc.constantFrom(...UNSTORABLE)).map(([n, s]) => {
      const path = names[n % names.length];
      return { kind: 'unstorable', body: utf8(JSON.stringify(replaced(base, path, s))), expect: 'refuse' as Expect, where: jsonPath(path) };
    }));
  }
  if (list) {
    const entries = (base as Record<string, Json[]>)[list];
    hurts.push(fc.nat().map((n) => raw('duplicate', 'refuse')(utf8(JSON.stringify({ ...(base as object), [list]: [...entries, entries[n % entries.length]] })))));
  }
  return fc.oneof(...hurts);
}

export const JSON_HURT_KINDS = ['clean', 'bom', 'crlf', 'truncated', 'nul', 'latin1', 'random-bytes', 'empty', 'huge', 'deep', 'string', 'number', 'unstorable', 'duplicate'];

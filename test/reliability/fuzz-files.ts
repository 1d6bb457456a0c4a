/**
 * Ways to hurt a well-formed text file, shared by the file fuzz tests and bench/faults/files.ts. Each hurt takes
 * the file's lines and gives the bytes to send, and says what the product must do with them: accept the file
 * whole, refuse it (naming where), or either (a cut or a stray byte may land where it does no harm).
 */
import fc from 'fast-check';

export type Expect = 'accept' | 'refuse' | 'either';

export interface HurtFile {
  /** The hurt, e.g. "bom", "nul", "huge-line". */
  kind: string;
  body: Buffer;
  expect: Expect;
  /** When refused: what an error's `where` must match (line and column of the culprit). */
  where?: RegExp;
}

/** A well-formed file: header and data lines, with what its producer expects of it as it is. */
export interface BaseFile {
  header: string;
  lines: string[];
  expect: 'accept' | 'refuse';
  where?: RegExp;
  /** What the file is about, e.g. "dst-spring-wall-clock". */
  label: string;
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const lf = (header: string, lines: string[]) => [header, ...lines].join('\n') + '\n';

/** Data records in a body as the CSV reader sees them: non-blank lines after the header. */
export function dataLines(body: Buffer): number {
  return Math.max(0, body.toString('utf8').split(/\r\n|\r|\n/).filter((l) => l.trim() !== '').length - 1);
}

function splice(body: Buffer, at: number, bytes: Uint8Array | number[], remove = 0): Buffer {
  const i = at % (body.length + 1);
  return Buffer.concat([body.subarray(0, i), Buffer.from(bytes), body.subarray(Math.min(body.length, i + remove))]);
}

/** Hurts that keep the content: the file must still be accepted (or refused) as it was, at the same place. */
const lossless = (base: BaseFile): fc.Arbitrary<HurtFile>[] => {
  const keep = (kind: string, body: Buffer): HurtFile => ({ kind, body, expect: base.expect, where: base.where });
  return [
    fc.constant(keep('clean', utf8(lf(base.header, base.lines)))),
    fc.constant(keep('bom', utf8('\uFEFF' + lf(base.header, base.lines)))),
    fc.constant(keep('crlf', utf8([base.header, ...base.lines].join('\r\n') + '\r\n'))),
    fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: base.lines.length + 1, maxLength: base.lines.length + 1 })
      .map((ends) => keep('mixed-eol', utf8([base.header, ...base.lines].map((l, i) => l + ends[i]).join('')))),
  ];
};

/**
 * Hurts that damage the bytes. A file its producer refuses stays refused (damage never repairs it); a good file
 * may survive damage that lands in an ignored column or cuts the last line at a cell boundary.
 */
const damaging = (base: BaseFile): fc.Arbitrary<HurtFile>[] => {
  const text = utf8(lf(base.header, base.lines));
  const after = (e: Expect): Expect => (base.expect === 'refuse' ? 'refuse' : e);
  const lastLineStart = text.length - 1 - Buffer.byteLength(base.lines.at(-1) ?? '');
  const refusedAt = (line: number) => new RegExp(`:${line}(:[a-z_]+)?$`);
  return [
    fc.nat().map((n) => {
      // Cut inside the last line, its newline gone: a truncated upload.
      const cut = lastLineStart + 1 + (n % Math.max(1, text.length - 1 - lastLineStart));
      return { kind: 'truncated', body: text.subarray(0, Math.min(cut, text.length - 1)), expect: after('either') } as HurtFile;
    }),
    fc.nat().map((n) => ({ kind: 'nul', body: splice(text, n, [0]), expect: after('either') })),
    fc.nat().map((n) => ({ kind: 'latin1', body: splice(text, n, [0xe9], 1), expect: after('either') })),
    fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([n, b]) => ({ kind: 'random-splice', body: splice(text, n, b), expect: after('either') })),
    fc.uint8Array({ maxLength: 4096 }).map((b) => ({ kind: 'random-bytes', body: Buffer.from(b), expect: 'either' as Expect })),
    fc.constant({ kind: 'empty', body: Buffer.alloc(0), expect: 'refuse' as Expect, where: /:1$/ }),
    fc.constant({ kind: 'header-only', body: utf8(base.header + '\n'), expect: 'refuse' as Expect }),
    fc.integer({ min: 2, max: 6 }).map((mb) => {
      // Several megabytes in one line, no newline: a record-size bound must stop it, not memory.
      const line = base.lines.length + 2;
      return { kind: 'huge-line', body: Buffer.concat([text, Buffer.alloc(mb * 1024 * 1024, 'x9,')]), expect: 'refuse' as Expect, where: refusedAt(line) };
    }),
    fc.nat().map((n) => {
      const dup = base.lines[n % base.lines.length];
      return { kind: 'duplicate', body: utf8(lf(base.header, [...base.lines, dup])), expect: 'refuse' as Expect, where: base.expect === 'refuse' ? base.where : new RegExp(`:${base.lines.length + 2}:interval_start$`) };
    }),
  ];
};

/** Every hurt of a base file, one drawn at random. */
export function hurtArb(base: BaseFile): fc.Arbitrary<HurtFile> {
  return fc.oneof(...lossless(base), ...damaging(base));
}

export const HURT_KINDS = ['clean', 'bom', 'crlf', 'mixed-eol', 'truncated', 'nul', 'latin1', 'random-splice', 'random-bytes', 'empty', 'header-only', 'huge-line', 'duplicate'];

/**
 * Center and roster files built to hurt: through PUT /api/centers/:id (stored whole or refused with a JSON path,
 * nothing stored) and through the command line's readers (shiftcast import --center-file, roster, validate),
 * which answer with the file, line and column or the JSON path. Random bytes, a BOM, CRLF, truncation, NUL and
 * Latin-1 bytes, megabytes, deep nesting, hostile strings and numbers anywhere, a duplicated agent.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/api/rate-limit.ts';
import { loadCenterFile } from '../../src/domain/center-loader.ts';
import { ValidationError } from '../../src/errors.ts';
import { loadRosterFile } from '../../solver/roster-file.ts';
import { storageTargets } from '../helpers/databases.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { centerFile, centerHurtArb, FUZZ_CENTER, runCenterPut, storedCenterMatches } from './fuzz-center.ts';
import { hurtJsonArb, JSON_HURT_KINDS } from './fuzz-json.ts';

const SEED = 20_270_315;
const RUNS = { pglite: 90, postgres: 20 };

for (const target of storageTargets('file fuzz: center')) {
  describe(`hostile center files through the API on ${target.name}`, () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp({ target, rateLimiter: createRateLimiter(0, 1) });
      expect((await app.call('PUT', `/api/centers/${FUZZ_CENTER}`, 'admin', centerFile())).status).toBe(200);
    });
    afterAll(() => app?.close());

    it('answers every hurt center file with 200 and the file stored whole, or 4xx and nothing stored', async () => {
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(centerHurtArb, async (hurt) => {
          seen.add(hurt.kind);
          const o = await runCenterPut(app, hurt);
          expect(o.verdict, `${hurt.kind}: ${o.why}`).toMatch(/^(whole|refused)$/);
          if (hurt.expect !== 'either') expect(o.verdict, `${hurt.kind}: ${o.why}`).toBe(hurt.expect === 'accept' ? 'whole' : 'refused');
          if (hurt.where) expect(o.wheres, hurt.kind).toContain(hurt.where);
          if (o.verdict === 'whole') expect(await storedCenterMatches(app, hurt.body), hurt.kind).toBe(true);
        }),
        { seed: SEED, numRuns: RUNS[target.name], endOnFailure: true },
      );
      if (target.name === 'pglite') expect([...seen].sort()).toEqual([...JSON_HURT_KINDS].sort());
    });

    it('refuses strings storage cannot hold at their JSON path, and a control character in the center id', async () => {
      const file = centerFile() as { name: string; agents: Array<{ name: string }> };
      const nul = await app.call('PUT', `/api/centers/${FUZZ_CENTER}`, 'admin', { ...file, agents: file.agents.map((a, i) => (i === 3 ? { ...a, name: 'a\u0000b' } : a)) });
      expect(nul.status).toBe(400);
      expect(nul.body.errors).toEqual([{ where: '$.agents[3].name', message: expect.stringMatching(/NUL/) }]);
      const surrogate = await app.call('PUT', `/api/centers/${FUZZ_CENTER}`, 'admin', { ...file, name: 'x\ud800' });
      expect(surrogate.body.errors).toEqual([{ where: '$.name', message: expect.stringMatching(/surrogate/) }]);
      const id = await app.call('PUT', '/api/centers/fu%00zz', 'admin', file);
      expect(id.status).toBe(400);
      expect(id.body.errors[0].where).toBe('$.params.id');
      expect((await app.call('GET', '/api/centers/fu%00zz', 'admin')).status).toBe(400);
    });
  });
}

describe('hostile center and roster files through the command-line readers', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'shiftcast-fuzz-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Reads the bytes as a file: the value, or the ValidationError (anything else fails the test). */
  async function read<T>(bytes: Buffer, reader: (file: string) => Promise<T>): Promise<{ value?: T; error?: ValidationError; file: string }> {
    const file = join(dir, 'input.json');
    writeFileSync(file, bytes);
    try {
      return { value: await reader(file), file };
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return { error: e, file };
    }
  }

  it('a center file is read whole or refused naming the file and the line, column or JSON path', async () => {
    await fc.assert(
      fc.asyncProperty(centerHurtArb, async (hurt) => {
        const r = await read(hurt.body, loadCenterFile);
        if (r.error) {
          expect(r.error.message.startsWith(r.file), r.error.message).toBe(true);
          for (const e of r.error.errors) expect(e.where, e.message).toMatch(new RegExp(`^(\\$|${r.file.replace(/[.\\]/g, '\\$&')}(:\\d+:\\d+)?$)`));
        }
        // On the command line a Latin-1 byte is refused outright (it would turn into U+FFFD in a name).
        const expected = hurt.kind === 'latin1' ? 'refuse' : hurt.kind === 'huge' ? 'either' : hurt.expect;
        if (expected !== 'either') expect(r.error ? 'refuse' : 'accept', `${hurt.kind}: ${r.error?.message}`).toBe(expected);
        if (hurt.kind === 'latin1' || hurt.kind === 'nul') expect(r.error!.errors[0].where).toMatch(/:\d+:\d+$/);
        if (hurt.where) expect(r.error?.errors.map((e) => e.where), hurt.kind).toContain(hurt.where);
      }),
      { seed: SEED, numRuns: 60, endOnFailure: true },
    );
  });

  it('a roster file is read whole or refused naming the file and the JSON path', async () => {
    const roster = {
      center: 'demo', month: '2026-12',
      assignments: [{ agent: 'a001', date: '2026-12-01', shift: 'D', queue: 'csr', start: '2026-12-01T09:00:00+08:00', end: '2026-12-01T18:00:00+08:00', breaks: [{ start: '2026-12-01T09:45:00+08:00', minutes: 5, kind: 'break' }] }],
      coverage: [{ queue: 'csr', interval_start: '2026-12-01T09:00:00+08:00', required: 12, scheduled: 12.5 }],
    };
    await fc.assert(
      fc.asyncProperty(hurtJsonArb(roster), async (hurt) => {
        const r = await read(hurt.body, loadRosterFile);
        if (r.error) expect(r.error.errors.length, r.error.message).toBeGreaterThan(0);
        if (hurt.expect === 'accept') expect(r.value?.assignments).toHaveLength(1);
        if (hurt.kind === 'empty' || hurt.kind === 'truncated' || hurt.kind === 'latin1') expect(r.error, hurt.kind).toBeDefined();
      }),
      { seed: SEED, numRuns: 40, endOnFailure: true },
    );
  });
});

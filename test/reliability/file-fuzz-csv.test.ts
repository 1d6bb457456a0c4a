/**
 * Traffic and requirements files built to hurt, through POST /api/centers/:id/traffic (CSV and JSON rows), POST
 * /api/centers/:id/requirements and the import of `shiftcast import traffic`: random bytes, a BOM, CRLF and mixed
 * line ends, megabyte lines, duplicate intervals, the DST gap and the repeated hour of America/New_York in 2027,
 * Latin-1 bytes, empty and header-only files, truncated last lines, NUL bytes. Each is accepted whole or refused
 * with its line and column, storage untouched; never a 5xx or a dropped connection. Property tests with a fixed
 * seed and a bounded number of runs (fast-check), on PGlite and, when TEST_DATABASE_URL is set, on Postgres
 * (fewer runs).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/api/rate-limit.ts';
import { readRequirementsCsv } from '../../src/formats/requirements-csv.ts';
import { ValidationError } from '../../src/errors.ts';
import { storageTargets } from '../helpers/databases.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { HURT_KINDS } from './fuzz-files.ts';
import { judge, send, snapshot } from './fuzz-judge.ts';
import { newYorkCenter } from './fuzz-timeline.ts';
import { brokenPromises, runCliImport, runUpload, uploadCaseArb } from './fuzz-uploads.ts';

const SEED = 20_270_314;
const RUNS = { pglite: { traffic: 100, requirements: 50, json: 40 }, postgres: { traffic: 25, requirements: 12, json: 10 } };
const CLI_RUNS = 40;

/** History the fuzzed files must never touch (2026, before every fuzzed row). */
const HISTORY = ['queue,interval_start,offered', ...Array.from({ length: 48 }, (_, i) => `csr,2026-06-01T${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'},${i}`)].join('\n');

for (const target of storageTargets('file fuzz: traffic')) {
  describe(`hostile traffic files on ${target.name}`, () => {
    let app: TestApp;
    let dir: string;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'shiftcast-fuzz-'));
      app = await startTestApp({ target, center: newYorkCenter(), rateLimiter: createRateLimiter(0, 1) });
      expect((await app.call('POST', '/api/centers/test/traffic', 'analyst', HISTORY)).status).toBe(201);
    });
    afterAll(async () => {
      await app?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('answers every hurt CSV with 2xx and the whole file, or 4xx naming line and column and nothing stored', async () => {
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(uploadCaseArb('traffic'), async (c) => {
          seen.add(c.file.kind);
          seen.add(c.timeline.label.replace(/ \d+-minute/, '').replace(/ with offsets/, ''));
          expect(brokenPromises(c, await runUpload(app, c))).toEqual([]);
        }),
        { seed: SEED, numRuns: RUNS[target.name].traffic, endOnFailure: true },
      );
      // The seed reaches every hurt and every way of writing a DST day (a changed generator must keep it so).
      if (target.name === 'pglite') {
        expect([...seen].filter((k) => HURT_KINDS.includes(k)).sort()).toEqual([...HURT_KINDS].sort());
        expect([...seen].filter((k) => k.startsWith('DST')).length).toBe(6);
      }
    });

    it('answers every hurt requirements CSV with 2xx and one whole set, or 4xx naming line and column and nothing stored', async () => {
      await fc.assert(
        fc.asyncProperty(uploadCaseArb('requirements'), async (c) => {
          expect(brokenPromises(c, await runUpload(app, c))).toEqual([]);
        }),
        { seed: SEED + 1, numRuns: RUNS[target.name].requirements, endOnFailure: true },
      );
    });

    // The command line reads the same way on both transports; its import path is fuzzed on PGlite.
    if (target.name === 'pglite') it('imports every hurt file from disk as `shiftcast import traffic` does: whole, or a ValidationError at file:line', async () => {
      await fc.assert(
        fc.asyncProperty(uploadCaseArb('traffic'), async (c) => {
          expect(brokenPromises(c, await runCliImport(app, c, join(dir, 'traffic.csv')))).toEqual([]);
        }),
        { seed: SEED + 2, numRuns: CLI_RUNS, endOnFailure: true },
      );
    });

    it('refuses the DST gap and the repeated hour written as wall-clock times, saying which it is', async () => {
      const gap = await app.call('POST', '/api/centers/test/traffic', 'analyst', 'queue,interval_start,offered\ncsr,2027-03-14T01:30,4\ncsr,2027-03-14T02:00,5\n');
      expect(gap.status).toBe(400);
      expect(gap.body.errors).toEqual([{ where: 'body:3:interval_start', message: expect.stringMatching(/2027-03-14T02:00 does not exist in America\/New_York/) }]);
      const repeat = await app.call('POST', '/api/centers/test/traffic', 'analyst', 'queue,interval_start,offered\ncsr,2027-11-07T01:30,4\ncsr,2027-11-07T01:30,5\n');
      expect(repeat.status).toBe(400);
      expect(repeat.body.errors).toEqual([{ where: 'body:3:interval_start', message: expect.stringMatching(/repeats when DST ends: write its offset, e\.g\. 2027-11-07T01:30:00-04:00 or 2027-11-07T01:30:00-05:00/) }]);
      const both = await app.call('POST', '/api/centers/test/traffic', 'analyst', 'queue,interval_start,offered\ncsr,2027-11-07T01:00-04:00,4\ncsr,2027-11-07T01:30-04:00,5\ncsr,2027-11-07T01:00-05:00,6\ncsr,2027-11-07T01:30-05:00,7\n');
      expect(both.status).toBe(201);
      expect(both.body).toMatchObject({ rows: 4, inserted: 4 });
      await app.db.query(`DELETE FROM traffic WHERE interval_start >= '2027-01-01'`);
    });

    it('refuses counts and handle times storage cannot hold, and a stray ?interval=, at the line and column', async () => {
      const state = { rows: 'SELECT count(*) AS n FROM traffic' };
      const before = await snapshot(app, state);
      const big = await app.call('POST', '/api/centers/test/traffic', 'analyst', 'queue,interval_start,offered,handled,aht_seconds\ncsr,2027-05-03T08:00,99999999999,,\ncsr,2027-05-03T08:30,1,3000000000,\ncsr,2027-05-03T09:00,1,,1e39\n');
      expect(big.status).toBe(400);
      expect(big.body.errors.map((e: { where: string }) => e.where)).toEqual(['body:2:offered', 'body:3:handled', 'body:4:aht_seconds']);
      const odd = await app.call('POST', '/api/centers/test/traffic?interval=-5', 'analyst', 'queue,interval_start,offered\ncsr,2027-05-03T08:00,1\n');
      expect(odd.status).toBe(400);
      expect(odd.body.errors[0].where).toBe('interval');
      expect(await snapshot(app, state)).toEqual(before);
    });

    it('keeps JSON rows one row each: a line break, quote or comma inside a value cannot split a row', async () => {
      const state = { rows: 'SELECT count(*) AS n FROM traffic', audit: 'SELECT count(*) AS n FROM audit_log' };
      const value = fc.oneof(fc.constantFrom('csr', 'tsr', 'csr\rcsr,2027-06-01T09:00,7', 'csr\ncsr', '"csr"', 'c,sr', 'csr\u0000'), fc.string({ unit: 'binary', maxLength: 12 }));
      const rows = fc.array(fc.record({ queue: value, interval_start: fc.constantFrom('2027-06-01T08:00', '2027-06-01T08:30', '2027-06-01T08:30\r2027-06-01T09:00', '2027-06-01T08:00"'), offered: fc.nat({ max: 50 }) }), { minLength: 1, maxLength: 4 });
      await fc.assert(
        fc.asyncProperty(rows, async (list) => {
          const before = await snapshot(app, state);
          const answer = await send(app, 'POST', '/api/centers/test/traffic', Buffer.from(JSON.stringify({ rows: list })), 'application/json');
          const after = await snapshot(app, state);
          const o = judge(answer, before, after, (a) => ({ ok: a.body.rows === list.length && after.rows - before.rows === a.body.inserted && a.body.inserted + a.body.updated === list.length, more: after.rows - before.rows > list.length, why: JSON.stringify(a.body) }));
          expect(o.verdict, o.why).toMatch(/^(whole|refused)$/);
          // Rows are records by construction: a ragged record could only come from a value breaking its line.
          expect(o.why).not.toMatch(/Record Length|Quote/);
          for (const w of o.wheres.filter((x) => x.includes('line = index + 2'))) expect(Number(/\):(\d+)/.exec(w)?.[1]), w).toBeLessThanOrEqual(list.length + 1);
          await app.db.query(`DELETE FROM traffic WHERE interval_start >= '2027-01-01'`);
        }),
        { seed: SEED + 3, numRuns: RUNS[target.name].json, endOnFailure: true },
      );
    });

    it('refuses a requirement storage cannot hold and a year before 1900, at the line and column', async () => {
      const state = { sets: 'SELECT count(*) AS n FROM requirement_sets', audit: 'SELECT count(*) AS n FROM audit_log' };
      const before = await snapshot(app, state);
      const r = await app.call('POST', '/api/centers/test/requirements', 'deputy', 'queue,interval_start,required\ncsr,2027-05-03T08:00,1e39\ncsr,0001-01-01T08:00,2\n');
      expect(r.status).toBe(400);
      expect(r.body.errors.map((e: { where: string }) => e.where)).toEqual(['body:2:required', 'body:3:interval_start']);
      expect(await snapshot(app, state)).toEqual(before);
    });

  });
}

// The bound keeps a requirements upload (read whole, stored as one set) from exhausting the server; through the
// API it is a 413 problem+json like any ValidationError with that status.
describe('the row bound of a requirements file', () => {
  it('refuses the first row over the bound with 413 at its line; the bound itself is read', async () => {
    const file = (n: number) => Readable.from(['queue,interval_start,required\n' + Array.from({ length: n }, (_, i) => `csr,2028-01-01T${String(i).padStart(2, '0')}:00Z,${i}\n`).join('')]);
    expect(await readRequirementsCsv(file(5), 'r.csv', 'UTC', 5)).toHaveLength(5);
    const refused = await readRequirementsCsv(file(6), 'r.csv', 'UTC', 5).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect([(refused as ValidationError).status, (refused as ValidationError).errors[0].where]).toEqual([413, 'r.csv:7']);
  });
});

/**
 * Hostile CSV uploads through the API: the traffic history (POST /api/centers/:id/traffic) and the requirements
 * (POST /api/centers/:id/requirements) of FORMATS.md, each a timeline (fuzz-timeline.ts) written as a file and
 * then hurt (fuzz-files.ts). `runUpload` sends one and judges it against the stored rows; `runCliImport` gives
 * a traffic case to the import the way `shiftcast import traffic` does.
 */
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { problemBody } from '../../src/api/problem.ts';
import { ValidationError } from '../../src/errors.ts';
import { openCsvFile } from '../../src/formats/csv-records.ts';
import { importTraffic } from '../../src/services/traffic-import.ts';
import type { TestApp } from '../helpers/test-app.ts';
import { dataLines, hurtArb, type BaseFile, type HurtFile } from './fuzz-files.ts';
import { judge, send, snapshot, type Answer, type Outcome } from './fuzz-judge.ts';
import { FUZZ_FROM, storedForm, timelineArb, type Timeline } from './fuzz-timeline.ts';

export type CsvFormat = 'traffic' | 'requirements';

export interface UploadCase {
  format: CsvFormat;
  timeline: Timeline;
  file: HurtFile;
}

/** Hurts after which the file says exactly what it said before. */
export const LOSSLESS = new Set(['clean', 'bom', 'crlf', 'mixed-eol']);

const FORMATS = {
  traffic: {
    header: 'queue,interval_start,offered,aht_seconds,note',
    line: (r: Timeline['rows'][number], i: number) => `${r.queue},${r.text},${r.value},${120 + (i % 60)},n${i}`,
    path: (center: string) => `/api/centers/${center}/traffic`,
    state: (center: string) => ({
      rows: 'SELECT count(*) AS n FROM traffic',
      history: `SELECT coalesce(sum(offered), 0) + count(*) AS n FROM traffic WHERE center_id = '${center}' AND interval_start < '${FUZZ_FROM}'`,
      audit: 'SELECT count(*) AS n FROM audit_log',
    }),
    stored: (center: string) => `SELECT queue_id AS queue, interval_start AS at, offered AS value FROM traffic WHERE center_id = '${center}' AND interval_start >= '${FUZZ_FROM}'`,
  },
  requirements: {
    header: 'queue,interval_start,required,note',
    line: (r: Timeline['rows'][number], i: number) => `${r.queue},${r.text},${r.value % 60},n${i}`,
    path: (center: string) => `/api/centers/${center}/requirements`,
    state: () => ({
      rows: 'SELECT count(*) AS n FROM requirement_points',
      history: 'SELECT count(*) AS n FROM requirement_sets',
      audit: 'SELECT count(*) AS n FROM audit_log',
    }),
    stored: () => 'SELECT queue_id AS queue, interval_start AS at, required AS value FROM requirement_points WHERE set_id = (SELECT max(id) FROM requirement_sets)',
  },
} as const;

export function baseFile(format: CsvFormat, t: Timeline): BaseFile {
  const f = FORMATS[format];
  return {
    label: t.label,
    header: f.header,
    lines: t.rows.map(f.line),
    expect: t.expect,
    where: t.culprit ? new RegExp(`:${t.culprit.row + 2}:${t.culprit.column}$`) : undefined,
  };
}

export const uploadCaseArb = (format: CsvFormat): fc.Arbitrary<UploadCase> =>
  timelineArb.chain((timeline) => hurtArb(baseFile(format, timeline)).map((file) => ({ format, timeline, file })));

const valueOf = (format: CsvFormat, v: number) => (format === 'traffic' ? v : v % 60);

/**
 * Sends the case and judges it. Accepted whole means: the answer counts every data line, storage grew by exactly
 * that many rows and one audit entry, the rows before FUZZ_FROM are untouched, and for a lossless hurt the stored
 * rows are the file's rows. Traffic rows of the case are deleted afterwards, so every case starts alike.
 */
export async function runUpload(app: TestApp, c: UploadCase, center = 'test'): Promise<Outcome & { storedMatches: boolean | null }> {
  const f = FORMATS[c.format];
  const state = f.state(center);
  const before = await snapshot(app, state);
  const answer = await send(app, 'POST', f.path(center), c.file.body, 'text/csv');
  const after = await snapshot(app, state);
  const lines = dataLines(c.file.body);
  const outcome = judge(answer, before, after, (a) => {
    const grew = after.rows - before.rows;
    const counted = c.format === 'traffic' ? a.body?.rows : a.body?.points;
    const ok = counted === lines && grew === lines && after.audit === before.audit + 1 && (c.format === 'requirements' ? after.history === before.history + 1 : after.history === before.history);
    return { ok, more: grew > lines, why: `answer counted ${counted}, storage grew by ${grew}, file has ${lines} data lines` };
  });
  let storedMatches: boolean | null = null;
  if (outcome.status >= 200 && outcome.status < 300 && LOSSLESS.has(c.file.kind)) {
    const rows = (await app.db.query<{ queue: string; at: Date; value: number }>(f.stored(center))).rows;
    const got = storedForm(rows.map((r) => ({ queue: r.queue, ms: new Date(r.at).getTime(), value: Number(r.value) })));
    storedMatches = JSON.stringify(got) === JSON.stringify(storedForm(c.timeline.rows.map((r) => ({ ...r, value: valueOf(c.format, r.value) }))));
  }
  if (c.format === 'traffic') await app.db.query(`DELETE FROM traffic WHERE center_id = $1 AND interval_start >= $2`, [center, FUZZ_FROM]);
  return { ...outcome, storedMatches };
}

/** What a test asserts of one case, as a list of broken promises (empty when the product kept them all). */
export function brokenPromises(c: UploadCase, o: Outcome & { storedMatches: boolean | null }): string[] {
  const broken: string[] = [];
  const what = `${c.format} "${c.timeline.label}" hurt by ${c.file.kind}`;
  if (o.verdict !== 'whole' && o.verdict !== 'refused') broken.push(`${what}: ${o.verdict} (status ${o.status}): ${o.why}`);
  if (c.file.expect === 'accept' && o.verdict !== 'whole') broken.push(`${what}: must be accepted, got ${o.status}: ${o.why}`);
  if (c.file.expect === 'refuse' && o.verdict !== 'refused') broken.push(`${what}: must be refused, got ${o.status}`);
  if (c.file.expect === 'refuse' && c.file.where && !o.wheres.some((w) => c.file.where!.test(w))) broken.push(`${what}: no problem at ${c.file.where} (got ${o.wheres.join(', ')})`);
  if (o.storedMatches === false) broken.push(`${what}: stored rows differ from the file`);
  return broken;
}

/**
 * The command line's path for the same case: `shiftcast import traffic FILE` reads the file from disk into the
 * same import, and a refusal must be a ValidationError naming the file and line (main() prints it and exits 1;
 * any other error would escape as a crash). Judged like the API answer.
 */
export async function runCliImport(app: TestApp, c: UploadCase, file: string): Promise<Outcome & { storedMatches: boolean | null }> {
  writeFileSync(file, c.file.body);
  const state = FORMATS.traffic.state('test');
  const before = await snapshot(app, state);
  let answer: Answer;
  try {
    const result = await importTraffic(app.db, app.center, await openCsvFile(file), { source: file });
    answer = { status: 201, type: 'application/json', body: result };
  } catch (e) {
    if (!(e instanceof ValidationError)) answer = { status: 500, type: '', body: String((e as Error).stack ?? e) };
    else {
      const located = e.errors.length > 0 && e.errors.every((p) => p.where.startsWith(file));
      answer = { status: 400, type: located ? 'application/problem+json' : 'unlocated', body: problemBody(e) };
    }
  }
  const after = await snapshot(app, state);
  const lines = dataLines(c.file.body);
  const outcome = judge(answer, before, after, (a) => ({ ok: a.body.rows === lines && after.rows - before.rows === lines && after.audit === before.audit + 1, more: after.rows - before.rows > lines, why: `imported ${a.body.rows} of ${lines} lines` }));
  await app.db.query(`DELETE FROM traffic WHERE center_id = 'test' AND interval_start >= $1`, [FUZZ_FROM]);
  return { ...outcome, storedMatches: null };
}

/**
 * Requirements CSV (FORMATS.md "Requirements"): queue,interval_start,required — agents needed on the phones
 * per interval (after breaks, before absence).
 */
import type { Readable } from 'node:stream';
import { ValidationError, type ProblemItem } from '../errors.ts';
import { isoWithOffset } from '../time/local-day.ts';
import { TIMESTAMP_YEARS, csvRecords, openCsvFile, parseNumber, parseTimestamp, repeatedHourHint, skippedLocalTime } from './csv-records.ts';

/** Most agents one interval may require (the storage's real column overflows far above). */
const MAX_REQUIRED = 1_000_000;
/**
 * Most rows one file may hold: a month of 5-minute intervals for 10 queues and then some. The file is read whole
 * into memory and stored as one set, so a bound keeps a hostile upload from exhausting the server.
 */
export const MAX_REQUIREMENT_ROWS = 100_000;

export interface RequirementPoint {
  queue: string;
  /** ISO-8601 with offset. */
  interval_start: string;
  required: number;
}

export function requirementsCsv(points: readonly RequirementPoint[]): string {
  const lines = ['queue,interval_start,required'];
  for (const p of points) lines.push(`${p.queue},${p.interval_start},${Math.round(p.required * 1000) / 1000}`);
  return lines.join('\n') + '\n';
}

export async function readRequirementsCsv(input: Readable, source: string, zone = 'UTC', maxRows = MAX_REQUIREMENT_ROWS): Promise<RequirementPoint[]> {
  const out: RequirementPoint[] = [];
  const errors: ProblemItem[] = [];
  const seen = new Set<string>();
  for await (const { line, cell } of csvRecords(input, source, ['queue', 'interval_start', 'required'])) {
    const where = (col: string) => `${source}:${line}:${col}`;
    const queue = cell('queue') ?? '';
    if (queue === '') {
      errors.push({ where: where('queue'), message: 'is empty' });
      continue;
    }
    const tsText = cell('interval_start') ?? '';
    const ts = parseTimestamp(tsText, zone);
    if (!ts) {
      errors.push({ where: where('interval_start'), message: `"${tsText}" is not an ISO-8601 timestamp in the years ${TIMESTAMP_YEARS.from}–${TIMESTAMP_YEARS.to}` });
      continue;
    }
    const skipped = skippedLocalTime(tsText, ts);
    if (skipped) {
      errors.push({ where: where('interval_start'), message: skipped });
      continue;
    }
    const required = parseNumber(cell('required'));
    if (typeof required === 'string' || required > MAX_REQUIRED) {
      errors.push({ where: where('required'), message: typeof required === 'string' ? required : `"${cell('required')}" must be at most ${MAX_REQUIRED}` });
      continue;
    }
    const key = `${queue}|${ts.toMillis()}`;
    if (seen.has(key)) {
      errors.push({ where: where('interval_start'), message: `interval ${isoWithOffset(ts)} of queue "${queue}" appears twice${repeatedHourHint(tsText, ts)}` });
      continue;
    }
    if (out.length >= maxRows) {
      throw new ValidationError(`${source}: more than ${maxRows} rows; split the file (a month per file)`, [{ where: `${source}:${line}`, message: `row ${maxRows + 1} is over the limit` }], 413);
    }
    seen.add(key);
    out.push({ queue, interval_start: isoWithOffset(ts), required });
    if (errors.length >= 50) break;
  }
  if (errors.length > 0) throw new ValidationError(`${source}: ${errors.length} bad row(s)`, errors);
  return out;
}

export async function readRequirementsFile(file: string, zone = 'UTC'): Promise<RequirementPoint[]> {
  return readRequirementsCsv(await openCsvFile(file), file, zone);
}

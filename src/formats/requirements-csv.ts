/**
 * Requirements CSV (FORMATS.md "Requirements"): queue,interval_start,required — agents needed on the phones
 * per interval (after breaks, before absence).
 */
import type { Readable } from 'node:stream';
import { ValidationError, type ProblemItem } from '../errors.ts';
import { isoWithOffset } from '../time/local-day.ts';
import { csvRecords, openCsvFile, parseNumber, parseTimestamp } from './csv-records.ts';

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

export async function readRequirementsCsv(input: Readable, source: string, zone = 'UTC'): Promise<RequirementPoint[]> {
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
    const ts = parseTimestamp(cell('interval_start') ?? '', zone);
    if (!ts) {
      errors.push({ where: where('interval_start'), message: `"${cell('interval_start')}" is not an ISO-8601 timestamp` });
      continue;
    }
    const required = parseNumber(cell('required'));
    if (typeof required === 'string') {
      errors.push({ where: where('required'), message: required });
      continue;
    }
    const key = `${queue}|${ts.toMillis()}`;
    if (seen.has(key)) {
      errors.push({ where: where('interval_start'), message: `interval ${isoWithOffset(ts)} of queue "${queue}" appears twice` });
      continue;
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

/**
 * Reader of the traffic history CSV (FORMATS.md "Traffic history"). Streams: rows come out in batches, so a
 * 50 MB file never sits in memory whole. Every error names the source, the line and the column; all errors of a
 * file are collected (up to a cap) before failing, so one pass tells the user everything to fix.
 */
import type { Readable } from 'node:stream';
import { ValidationError, type ProblemItem } from '../errors.ts';
import { isoWithOffset } from '../time/local-day.ts';
import { csvRecords, openCsvFile, parseNumber, parseTimestamp } from './csv-records.ts';

export interface TrafficRow {
  queue: string;
  /** ISO-8601 with offset in the reader's zone. */
  intervalStart: string;
  startMs: number;
  offered: number;
  handled?: number;
  abandoned?: number;
  ahtSeconds?: number;
  /** 1-based line in the source. */
  line: number;
}

export interface TrafficReadOptions {
  /** IANA zone for local timestamps without offset, and for the offsets written out. */
  zone: string;
  /** Name used in error messages (a file name, "request body"). */
  source: string;
  defaultQueue?: string;
  batchSize?: number;
  maxErrors?: number;
}

function parseCount(text: string): number | string {
  if (!/^\d+$/.test(text.trim())) {
    if (/^-/.test(text.trim())) return 'must not be negative';
    return 'must be a whole number ≥ 0';
  }
  return Number(text.trim());
}

/** Yields validated rows in batches; throws one ValidationError with every problem found at the end. */
export async function* readTrafficCsv(input: Readable, opts: TrafficReadOptions): AsyncGenerator<TrafficRow[]> {
  const { zone, source } = opts;
  const batchSize = opts.batchSize ?? 5000;
  const maxErrors = opts.maxErrors ?? 50;
  const errors: ProblemItem[] = [];
  const seen = new Map<string, Set<number>>();
  let batch: TrafficRow[] = [];
  let rows = 0;
  const fail = (line: number, column: string, message: string) => {
    if (errors.length < maxErrors) errors.push({ where: `${source}:${line}:${column}`, message });
  };
  for await (const { line, cell } of csvRecords(input, source, ['interval_start', 'offered'])) {
    const tsText = cell('interval_start')!;
    const ts = parseTimestamp(tsText, zone);
    if (!ts) {
      fail(line, 'interval_start', `"${tsText}" is not an ISO-8601 timestamp (e.g. 2026-12-01T08:00 or 2026-12-01T08:00:00+08:00)`);
      continue;
    }
    const offered = parseCount(cell('offered')!);
    if (typeof offered === 'string') {
      fail(line, 'offered', `"${cell('offered')}" ${offered}`);
      continue;
    }
    const row: TrafficRow = {
      queue: cell('queue') || opts.defaultQueue || 'default',
      intervalStart: isoWithOffset(ts),
      startMs: ts.toMillis(),
      offered,
      line,
    };
    let bad = false;
    for (const name of ['handled', 'abandoned'] as const) {
      const text = cell(name);
      if (text === undefined || text === '') continue;
      const n = parseCount(text);
      if (typeof n === 'string') {
        fail(line, name, `"${text}" ${n}`);
        bad = true;
      } else row[name] = n;
    }
    const aht = cell('aht_seconds');
    if (aht !== undefined && aht !== '') {
      const n = parseNumber(aht);
      if (typeof n === 'string') {
        fail(line, 'aht_seconds', `${n} (seconds)`);
        bad = true;
      } else row.ahtSeconds = n;
    }
    if (bad) continue;
    let queueSeen = seen.get(row.queue);
    if (!queueSeen) seen.set(row.queue, (queueSeen = new Set()));
    if (queueSeen.has(row.startMs)) {
      fail(line, 'interval_start', `interval ${row.intervalStart} of queue "${row.queue}" appears twice in the file`);
      continue;
    }
    queueSeen.add(row.startMs);
    rows++;
    if (errors.length > 0) continue; // keep scanning to report every error, but stop producing rows
    batch.push(row);
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (errors.length > 0) {
    throw new ValidationError(`${source}: ${errors.length >= maxErrors ? `${maxErrors}+` : errors.length} bad row(s)`, errors);
  }
  if (rows === 0) throw new ValidationError(`${source}: no data rows after the header`, [{ where: `${source}:2`, message: 'no data rows' }]);
  if (batch.length > 0) yield batch;
}

/** Reads a whole traffic file into memory (for the CLI's forecast and accuracy commands). */
export async function readTrafficFile(file: string, opts: Omit<TrafficReadOptions, 'source'> & { source?: string }): Promise<TrafficRow[]> {
  const rows: TrafficRow[] = [];
  for await (const batch of readTrafficCsv(await openCsvFile(file), { ...opts, source: opts.source ?? file })) rows.push(...batch);
  return rows;
}

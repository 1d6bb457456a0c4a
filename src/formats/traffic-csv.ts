/**
 * Reader of the traffic history CSV (FORMATS.md "Traffic history"). Streams: rows come out in batches, so a
 * 50 MB file never sits in memory whole. Every error names the source, the line and the column; all errors of a
 * file are collected (up to a cap) before failing, so one pass tells the user everything to fix.
 */
import type { Readable } from 'node:stream';
import { ValidationError, type ProblemItem } from '../errors.ts';
import { isoWithOffset } from '../time/local-day.ts';
import { TIMESTAMP_YEARS, csvRecords, openCsvFile, parseNumber, parseTimestamp, repeatedHourHint, skippedLocalTime } from './csv-records.ts';
import { SLOT_MS, SeenIntervals } from './seen-intervals.ts';

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
  /** Queues a row may name (the center's); absent = any. */
  queues?: ReadonlySet<string>;
  batchSize?: number;
  maxErrors?: number;
}

/** Largest count a row may give: what the storage's integer column holds. */
const MAX_COUNT = 2_147_483_647;
/** Longest average handle time a row may give: a day (the storage's real column overflows far above). */
const MAX_AHT_SECONDS = 86_400;

function parseCount(text: string): number | string {
  if (!/^\d+$/.test(text.trim())) {
    if (/^-/.test(text.trim())) return 'must not be negative';
    return 'must be a whole number ≥ 0';
  }
  const n = Number(text.trim());
  return n > MAX_COUNT ? `must be at most ${MAX_COUNT}` : n;
}

/** Yields validated rows in batches; throws one ValidationError with every problem found at the end. */
export async function* readTrafficCsv(input: Readable, opts: TrafficReadOptions): AsyncGenerator<TrafficRow[]> {
  const { zone, source } = opts;
  const batchSize = opts.batchSize ?? 5000;
  const maxErrors = opts.maxErrors ?? 50;
  const errors: ProblemItem[] = [];
  const seen = new SeenIntervals();
  let batch: TrafficRow[] = [];
  let rows = 0;
  const fail = (line: number, column: string, message: string) => {
    if (errors.length < maxErrors) errors.push({ where: `${source}:${line}:${column}`, message });
  };
  for await (const { line, cell } of csvRecords(input, source, ['interval_start', 'offered'])) {
    const tsText = cell('interval_start')!;
    const ts = parseTimestamp(tsText, zone);
    if (!ts) {
      fail(line, 'interval_start', `"${tsText}" is not an ISO-8601 timestamp in the years ${TIMESTAMP_YEARS.from}–${TIMESTAMP_YEARS.to} (e.g. 2026-12-01T08:00 or 2026-12-01T08:00:00+08:00)`);
      continue;
    }
    const skipped = skippedLocalTime(tsText, ts);
    if (skipped) {
      fail(line, 'interval_start', skipped);
      continue;
    }
    if (ts.toMillis() % SLOT_MS !== 0) {
      fail(line, 'interval_start', `"${tsText}" is not on a 5-minute boundary (intervals are 5, 10, 15, 30 or 60 minutes)`);
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
      if (typeof n === 'string' || n > MAX_AHT_SECONDS) {
        fail(line, 'aht_seconds', `${typeof n === 'string' ? n : `"${aht}" must be at most ${MAX_AHT_SECONDS}`} (seconds)`);
        bad = true;
      } else row.ahtSeconds = n;
    }
    if (bad) continue;
    if (opts.queues && !opts.queues.has(row.queue)) {
      fail(line, 'queue', `unknown queue "${row.queue}" (center has ${[...opts.queues].join(', ')})`);
      continue;
    }
    if (!seen.add(row.queue, row.startMs)) {
      fail(line, 'interval_start', `interval ${row.intervalStart} of queue "${row.queue}" appears twice in the file${repeatedHourHint(tsText, ts)}`);
      continue;
    }
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

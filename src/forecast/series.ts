/**
 * Traffic rows → one local-calendar series per queue at the history's own interval. Infers that interval from
 * the spacing of rows (5, 10, 15, 30 or 60 minutes), refuses mixed interval lengths and rows off the interval
 * grid with errors that name the line, and files every row under its local date and minute in the center's
 * zone. The two intervals of a repeated DST hour share a wall-clock position; they are averaged there.
 */
import { ValidationError, type ProblemItem } from '../errors.ts';
import type { TrafficRow } from '../formats/traffic-csv.ts';
import { ZoneClock } from './zone-clock.ts';

export const INTERVALS = [5, 10, 15, 30, 60] as const;

export interface SourceSeries {
  queue: string;
  baseMinutes: number;
  /** Local day numbers of the first and last date with data. */
  firstDay: number;
  lastDay: number;
  rows: number;
  /** Per day (index = day − firstDay): calls per source position, NaN where absent; null = no row that day. */
  values: Array<Float64Array | null>;
  /** Σ aht × weight and Σ weight per source position (weight = handled, else offered). */
  ahtSum: Array<Float64Array | null>;
  ahtWeight: Array<Float64Array | null>;
}

interface Placed {
  row: TrafficRow;
  day: number;
  minute: number;
}

/** Groups rows by queue, in time order. */
export function groupByQueue(rows: readonly TrafficRow[]): Map<string, TrafficRow[]> {
  const out = new Map<string, TrafficRow[]>();
  for (const r of rows) {
    let list = out.get(r.queue);
    if (!list) out.set(r.queue, (list = []));
    list.push(r);
  }
  for (const list of out.values()) list.sort((a, b) => a.startMs - b.startMs);
  return out;
}

const where = (r: TrafficRow) => (r.line > 0 ? `line ${r.line}` : r.intervalStart);

/** The interval of a queue's rows (sorted by time); throws on odd or mixed spacing. */
export function inferBaseMinutes(queue: string, placed: readonly Placed[]): number {
  let base = Infinity;
  let baseAt = 0;
  for (let i = 1; i < placed.length; i++) {
    const gap = (placed[i].row.startMs - placed[i - 1].row.startMs) / 60_000;
    if (gap === 0) {
      const r = placed[i].row;
      throw new ValidationError(`queue "${queue}": interval ${r.intervalStart} appears twice`, [
        { where: where(r), message: `interval ${r.intervalStart} of queue "${queue}" appears twice (also ${where(placed[i - 1].row)})` },
      ]);
    }
    if (gap > 0 && gap < base) {
      base = gap;
      baseAt = i;
    }
  }
  if (!Number.isFinite(base)) return 60; // a single row: any interval fits; the caller's checks decide
  if (!(INTERVALS as readonly number[]).includes(base)) {
    const a = placed[baseAt - 1].row;
    const b = placed[baseAt].row;
    throw new ValidationError(`queue "${queue}": rows ${base} minutes apart`, [
      { where: where(b), message: `${a.intervalStart} and ${b.intervalStart} are ${base} minutes apart; intervals must be 5, 10, 15, 30 or 60 minutes` },
    ]);
  }
  const problems: ProblemItem[] = [];
  for (const p of placed) {
    if (p.minute % base !== 0 && problems.length < 10) {
      problems.push({ where: where(p.row), message: `${p.row.intervalStart} is not on the ${base}-minute grid of queue "${queue}"` });
    }
  }
  if (problems.length > 0) throw new ValidationError(`queue "${queue}": interval starts off the ${base}-minute grid`, problems);
  // Mixed lengths: a day whose rows are never `base` apart (e.g. a 15-minute day in a 5-minute file).
  const firstByDay = new Map<number, { row: TrafficRow; rows: number; minGap: number; last: number }>();
  for (const p of placed) {
    const d = firstByDay.get(p.day);
    if (!d) firstByDay.set(p.day, { row: p.row, rows: 1, minGap: Infinity, last: p.row.startMs });
    else {
      d.minGap = Math.min(d.minGap, (p.row.startMs - d.last) / 60_000);
      d.last = p.row.startMs;
      d.rows++;
    }
  }
  for (const d of firstByDay.values()) {
    if (d.rows >= 4 && d.minGap > base) {
      const first = placed[0].row;
      throw new ValidationError(`queue "${queue}": mixed interval lengths`, [
        {
          where: where(d.row),
          message: `rows from ${d.row.intervalStart} on are ${d.minGap} minutes apart, but ${base} minutes apart elsewhere (e.g. ${where(first)}); give the history one interval length`,
        },
      ]);
    }
  }
  return base;
}

/** Builds each queue's series at its own interval in the zone of `clock`. */
export function buildSourceSeries(queue: string, rows: readonly TrafficRow[], clock: ZoneClock): SourceSeries {
  const placed: Placed[] = rows.map((row) => {
    const { day, minute } = clock.local(row.startMs);
    return { row, day, minute };
  });
  const baseMinutes = inferBaseMinutes(queue, placed);
  const positions = 1440 / baseMinutes;
  const firstDay = placed[0].day;
  const lastDay = placed[placed.length - 1].day;
  const n = lastDay - firstDay + 1;
  const values: Array<Float64Array | null> = new Array(n).fill(null);
  const counts: Array<Uint8Array | null> = new Array(n).fill(null);
  const ahtSum: Array<Float64Array | null> = new Array(n).fill(null);
  const ahtWeight: Array<Float64Array | null> = new Array(n).fill(null);
  for (const { row, day, minute } of placed) {
    const i = day - firstDay;
    const j = minute / baseMinutes;
    if (!values[i]) {
      values[i] = new Float64Array(positions).fill(NaN);
      counts[i] = new Uint8Array(positions);
    }
    const v = values[i]!;
    const c = counts[i]!;
    v[j] = c[j] === 0 ? row.offered : v[j] + row.offered;
    c[j]++;
    if (row.ahtSeconds !== undefined) {
      if (!ahtSum[i]) {
        ahtSum[i] = new Float64Array(positions);
        ahtWeight[i] = new Float64Array(positions);
      }
      const w = row.handled ?? row.offered;
      ahtSum[i]![j] += row.ahtSeconds * w;
      ahtWeight[i]![j] += w;
    }
  }
  // A repeated DST hour files two rows under one wall-clock position: keep their mean there.
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const c = counts[i];
    if (v && c) for (let j = 0; j < positions; j++) if (c[j] > 1) v[j] /= c[j];
  }
  return { queue, baseMinutes, firstDay, lastDay, rows: rows.length, values, ahtSum, ahtWeight };
}

/** Checks that the target interval is a whole multiple of the history's. */
export function assertAggregatable(series: SourceSeries, intervalMinutes: number): void {
  if (intervalMinutes % series.baseMinutes !== 0) {
    throw new ValidationError(`queue "${series.queue}": cannot forecast ${intervalMinutes}-minute intervals`, [
      {
        where: 'intervalMinutes',
        message: `the history of queue "${series.queue}" has ${series.baseMinutes}-minute intervals; the forecast interval must be a multiple of it (e.g. ${series.baseMinutes * Math.max(1, Math.ceil(30 / series.baseMinutes))})`,
      },
    ]);
  }
}

/**
 * Rolling weekly evaluation of forecast(), scored exactly as the independent tool does
 * (tools/forecast-rolling.py beside the repository): an origin every Monday; the history is every row before it
 * (or only its last N days); a 28-day forecast at 30 minutes; per origin the 30-minute wMAPE of day 1, week 1 and
 * weeks 1–4 divided by seasonal naive's (same slot, same weekday, the last week of the history), the share of
 * actuals inside the 80% band over weeks 1–4, and the same ratios for a one-line reference — per slot, the
 * median of the last 5 same weekdays (3 when the history is 21 days or less). Only intervals with actual calls
 * are scored, so days missing from the file (holidays) are not.
 */
import { median } from 'simple-statistics';
import { DateTime } from 'luxon';
import type { TrafficRow } from '../src/formats/traffic-csv.ts';
import type { ForecastResult } from '../src/forecast/forecast.ts';
import type { ForecastOptions } from '../src/forecast/types.ts';

export interface RollingSetup {
  /** Origins: every 7 days from `first` to `last` (dates, local). */
  first: string;
  last: string;
  /** History kept before each origin: 'full' or a number of days. */
  history: 'full' | number;
  zone: string;
  horizonDays?: number;
}

export interface OriginScore {
  origin: string;
  product: [number | null, number | null, number | null];
  reference: [number | null, number | null, number | null];
  cover80: number | null;
  chosen: string;
}

export type Forecaster = (history: TrafficRow[], options: ForecastOptions) => ForecastResult;

const SLOT_MINUTES = 30;

/** Actual calls by local date and 30-minute slot ("YYYY-MM-DD|minute"). */
function actualBySlot(rows: readonly TrafficRow[], zone: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    const t = DateTime.fromMillis(r.startMs, { zone });
    const key = `${t.toISODate()}|${Math.floor((t.hour * 60 + t.minute) / SLOT_MINUTES) * SLOT_MINUTES}`;
    out.set(key, (out.get(key) ?? 0) + r.offered);
  }
  return out;
}

const addDays = (date: string, n: number) => DateTime.fromISO(date, { zone: 'UTC' }).plus({ days: n }).toISODate()!;
const weekday = (date: string) => DateTime.fromISO(date, { zone: 'UTC' }).weekday;

export function rollingEvaluation(rows: readonly TrafficRow[], setup: RollingSetup, forecaster: Forecaster): OriginScore[] {
  const horizon = setup.horizonDays ?? 28;
  const A = actualBySlot(rows, setup.zone);
  const keys = [...A.keys()];
  const days = [...new Set(keys.map((k) => k.slice(0, 10)))].sort();
  const slots = [...new Set(keys.map((k) => Number(k.slice(11))))].sort((a, b) => a - b);
  const end = days[days.length - 1];
  const localDate = (ms: number) => DateTime.fromMillis(ms, { zone: setup.zone }).toISODate()!;
  const out: OriginScore[] = [];
  for (let o = setup.first; o <= setup.last; o = addDays(o, 7)) {
    const lo = setup.history === 'full' ? null : addDays(o, -setup.history);
    const H = days.filter((d) => d < o && (lo === null || d >= lo));
    const history = rows.filter((r) => {
      const d = localDate(r.startMs);
      return d < o && (lo === null || d >= lo);
    });
    const result = forecaster(history, { from: o, days: horizon, intervalMinutes: SLOT_MINUTES, zone: setup.zone });
    const F = new Map<string, number>();
    const L = new Map<string, number>();
    const U = new Map<string, number>();
    for (const p of result.points) {
      const t = DateTime.fromISO(p.intervalStart, { zone: setup.zone });
      const key = `${t.toISODate()}|${Math.floor((t.hour * 60 + t.minute) / SLOT_MINUTES) * SLOT_MINUTES}`;
      F.set(key, (F.get(key) ?? 0) + p.offered);
      L.set(key, (L.get(key) ?? 0) + p.lower);
      U.set(key, (U.get(key) ?? 0) + p.upper);
    }
    const lastOfWeekday = new Map<number, string>();
    for (const d of H) lastOfWeekday.set(weekday(d), d);
    const K = setup.history !== 'full' && setup.history <= 21 ? 3 : 5;
    const R = new Map<string, number>();
    for (let i = 0; i < horizon; i++) {
      const d = addDays(o, i);
      const same = H.filter((x) => weekday(x) === weekday(d)).slice(-K);
      if (same.length === 0) continue;
      for (const m of slots) R.set(`${d}|${m}`, median(same.map((x) => A.get(`${x}|${m}`) ?? 0)));
    }
    const scored = (n: number) => keys.filter((k) => {
      const d = k.slice(0, 10);
      return d >= o && d <= (addDays(o, n - 1) < end ? addDays(o, n - 1) : end);
    });
    const ratio = (P: Map<string, number>, n: number): number | null => {
      const ks = scored(n);
      if (ks.length === 0) return null;
      let e = 0;
      let es = 0;
      for (const k of ks) {
        const a = A.get(k)!;
        const naive = A.get(`${lastOfWeekday.get(weekday(k.slice(0, 10)))}|${k.slice(11)}`) ?? 0;
        es += Math.abs(naive - a);
        e += Math.abs((P.get(k) ?? 0) - a);
      }
      return es > 0 ? e / es : null;
    };
    const band = scored(horizon).filter((k) => L.has(k));
    const cover80 = band.length ? band.filter((k) => L.get(k)! <= A.get(k)! && A.get(k)! <= U.get(k)!).length / band.length : null;
    out.push({
      origin: o,
      product: [ratio(F, 1), ratio(F, 7), ratio(F, horizon)],
      reference: [ratio(R, 1), ratio(R, 7), ratio(R, horizon)],
      cover80,
      chosen: result.report.queues.map((q) => q.chosen.model).join(', '),
    });
  }
  return out;
}

export interface RollingSummary {
  origins: number;
  median: [number, number, number];
  worst: [number, number, number];
  reference: [number, number, number];
  cover80: { median: number; lowest: number };
}

export function summarize(scores: readonly OriginScore[]): RollingSummary {
  const col = (pick: (s: OriginScore) => number | null) => scores.map(pick).filter((x): x is number => x !== null);
  const med = (xs: number[]) => (xs.length ? median(xs) : NaN);
  const idx = [0, 1, 2] as const;
  return {
    origins: scores.length,
    median: idx.map((i) => med(col((s) => s.product[i]))) as [number, number, number],
    worst: idx.map((i) => Math.max(...col((s) => s.product[i]))) as [number, number, number],
    reference: idx.map((i) => med(col((s) => s.reference[i]))) as [number, number, number],
    cover80: { median: med(col((s) => s.cover80)), lowest: Math.min(...col((s) => s.cover80)) },
  };
}

/**
 * Several runs of one day, summed: per interval (or over a set of intervals) the mean counts per run, the
 * pooled ratios (SL = Σ answered in time ÷ Σ offered over the runs, ASA = Σ waits ÷ Σ answered, occupancy =
 * Σ talk ÷ Σ on-phone time) and, for SL, the 5th–95th percentile of the runs' own values: how much the day's
 * result depends on luck (where in each interval calls fell, how long each took, who was patient).
 */
import { quantile } from 'simple-statistics';
import { emptyTally, type IntervalTally } from './simulate.ts';

export interface SimulatedMeasures {
  offered: number;
  answered: number;
  abandoned: number;
  /** Callers still waiting when nobody was left to answer (infinite patience only); part of `abandoned`. */
  unserved: number;
  /** null when no call was offered. */
  serviceLevel: number | null;
  /** 5th and 95th percentiles of the runs' service levels. */
  serviceLevelBand: [number, number] | null;
  asaSeconds: number | null;
  abandonRate: number | null;
  occupancy: number | null;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function add(into: IntervalTally, t: IntervalTally): void {
  into.offered += t.offered;
  into.answered += t.answered;
  into.answeredInTime += t.answeredInTime;
  into.abandoned += t.abandoned;
  into.unserved += t.unserved;
  into.answeredWait += t.answeredWait;
  into.busySeconds += t.busySeconds;
  into.onPhoneSeconds += t.onPhoneSeconds;
}

/** The measures over the intervals `which` of every run (runs[r][i] = run r's tally of interval i). */
export function measures(runs: readonly IntervalTally[][], which: readonly number[]): SimulatedMeasures {
  const total = emptyTally();
  const perRun: number[] = [];
  for (const run of runs) {
    const t = emptyTally();
    for (const i of which) add(t, run[i]);
    add(total, t);
    if (t.offered > 0) perRun.push(t.answeredInTime / t.offered);
  }
  const n = runs.length;
  return {
    offered: round(total.offered / n, 2),
    answered: round(total.answered / n, 2),
    abandoned: round(total.abandoned / n, 2),
    unserved: round(total.unserved / n, 2),
    serviceLevel: total.offered > 0 ? round(total.answeredInTime / total.offered, 4) : null,
    serviceLevelBand: perRun.length > 0 ? [round(quantile(perRun, 0.05), 4), round(quantile(perRun, 0.95), 4)] : null,
    asaSeconds: total.answered > 0 ? round(total.answeredWait / total.answered, 1) : null,
    abandonRate: total.offered > 0 ? round(total.abandoned / total.offered, 4) : null,
    occupancy: total.onPhoneSeconds > 0 ? round(total.busySeconds / total.onPhoneSeconds, 4) : null,
  };
}

/** Mean agents on the phones in interval i (on-phone time ÷ interval length, averaged over the runs). */
export function agentsOnPhones(runs: readonly IntervalTally[][], i: number, intervalSeconds: number): number {
  let s = 0;
  for (const run of runs) s += run[i].onPhoneSeconds;
  return round(s / runs.length / intervalSeconds, 3);
}

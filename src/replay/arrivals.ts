/**
 * When the day's callers arrive, in seconds from the day's start, sorted.
 *
 * From interval counts (the traffic table's rows): a row says n calls came in [start, start + length); the
 * replay places them as n sorted uniform draws in that span. Those are exactly the arrival times of a Poisson
 * process conditioned on its count (the order-statistics property of the Poisson process; e.g. Ross,
 * "Stochastic Processes", thm 2.3.1), so the replay keeps the day's real volume per row — it re-plays the day
 * that happened, not a day of the same rate — and is random only in where inside each row the calls fell.
 * (Drawing a Poisson count per row instead would add volume noise the real day did not have.)
 *
 * From a per-call list: the times given, each with its own handle time and patience when known.
 */
import type { Uniform } from './random.ts';

/** A traffic row: `offered` calls in [startSeconds, startSeconds + seconds). */
export interface CountSpan {
  startSeconds: number;
  seconds: number;
  offered: number;
}

/** One caller of a per-call list. */
export interface CallInput {
  atSeconds: number;
  /** The call's real handle time (talk + wrap-up); else drawn from the interval's AHT. */
  handleSeconds?: number;
  /** How long this caller would have waited; else drawn from the queue's patience. */
  patienceSeconds?: number;
}

/** Sorted arrival times: each span's count as sorted uniform points inside it. */
export function arrivalsFromCounts(spans: readonly CountSpan[], uniform: Uniform): number[] {
  const out: number[] = [];
  for (const s of spans) for (let i = 0; i < s.offered; i++) out.push(s.startSeconds + uniform() * s.seconds);
  return out.sort((a, b) => a - b);
}

/** A per-call list sorted by arrival (the input order need not be). */
export function sortedCalls(calls: readonly CallInput[]): CallInput[] {
  return [...calls].sort((a, b) => a.atSeconds - b.atSeconds);
}

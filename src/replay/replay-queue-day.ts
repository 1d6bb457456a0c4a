/**
 * A roster replayed against one queue's actual day, `runs` times with one seed (src/replay/simulate.ts), and set
 * beside what the Erlang model promised: per interval and for the day, the simulated service level (with the
 * 5–95% band of the runs), ASA, abandonment and occupancy; the Erlang measures for the forecast calls and AHT with
 * the agents the roster planned on the phones ("promised"); and the Erlang measures for the calls that really came
 * with the same agents ("Erlang on actual") — so a miss is seen as forecast error (promised vs Erlang on actual)
 * or as what Erlang's stationary model cannot see (Erlang on actual vs the replay: calls bunched inside an
 * interval, calls running into breaks, agents starting and leaving mid-interval).
 *
 * Pure and CPU-bound (O(runs × calls × agents)): the API runs it in a worker thread.
 */
import { agentsOnPhones, measures, type SimulatedMeasures } from './aggregate.ts';
import type { CountSpan } from './arrivals.ts';
import { erlangMeasures, type ErlangMeasures } from './erlang-measures.ts';
import type { Window } from './on-phone-windows.ts';
import { simulateDay, type IntervalTally } from './simulate.ts';

export interface QueueReplayInput {
  queue: string;
  intervalSeconds: number;
  /** Each interval's start (ISO with offset), in elapsed order. */
  intervalStarts: string[];
  /** Per agent of the queue, on-phone windows in seconds from the day's start. */
  agents: Window[][];
  /** The actual calls, row by row. */
  counts: CountSpan[];
  /** Handle time of the actual calls per interval (reported, else the forecast's, else the queue's). */
  ahtSeconds: number[];
  /** Calls forecast per interval (null: no forecast). */
  forecastCalls: Array<number | null>;
  forecastAhtSeconds: number[];
  /** Mean patience; Infinity: callers never hang up (Erlang C). */
  patienceSeconds: number;
  answerWithinSeconds: number;
  serviceLevelTarget: number;
  runs: number;
  seed: number;
}

export interface ErlangView extends ErlangMeasures {
  calls: number;
}

export interface ReplayInterval {
  interval_start: string;
  offered: number;
  /** Agents on the phones as the roster planned them (breaks removed). */
  plannedAgents: number;
  /** Agents on the phones in the replay (calls finished past a break or the shift's end move them). */
  replayedAgents: number;
  replay: SimulatedMeasures;
  promised: ErlangView | null;
  erlangOnActual: ErlangView | null;
}

export interface QueueReplay {
  queue: string;
  runs: number;
  seed: number;
  patienceSeconds: number | null;
  serviceLevelTarget: number;
  answerWithinSeconds: number;
  intervals: ReplayInterval[];
  day: {
    replay: SimulatedMeasures;
    /** Call-weighted over the intervals (forecast calls for the promise, actual calls for Erlang on actual). */
    promised: { calls: number; serviceLevel: number | null; abandonRate: number | null };
    erlangOnActual: { calls: number; serviceLevel: number | null; abandonRate: number | null };
    /** Intervals with calls whose replayed service level fell below the target. */
    intervalsBelowTarget: number;
  };
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/** Agents on the phones per interval from the windows (on-phone seconds ÷ interval length). */
export function plannedAgents(agents: readonly Window[][], intervals: number, intervalSeconds: number): number[] {
  const out = new Array<number>(intervals).fill(0);
  for (const windows of agents) {
    for (const [from, to] of windows) {
      for (let i = Math.max(0, Math.floor(from / intervalSeconds)); i < intervals && i * intervalSeconds < to; i++) {
        out[i] += Math.max(0, Math.min(to, (i + 1) * intervalSeconds) - Math.max(from, i * intervalSeconds)) / intervalSeconds;
      }
    }
  }
  return out;
}

function erlangView(calls: number, aht: number, agents: number, input: QueueReplayInput): ErlangView {
  const m = erlangMeasures({ calls, ahtSeconds: aht, agents, intervalSeconds: input.intervalSeconds, patienceSeconds: input.patienceSeconds, answerWithinSeconds: input.answerWithinSeconds });
  return { calls: round(calls, 2), serviceLevel: round(m.serviceLevel, 4), asaSeconds: m.asaSeconds === null ? null : round(m.asaSeconds, 1), abandonRate: round(m.abandonRate, 4), occupancy: round(m.occupancy, 4) };
}

function weighted(views: Array<ErlangView | null>) {
  let calls = 0, sl = 0, ab = 0;
  for (const v of views) {
    if (!v || v.calls <= 0) continue;
    calls += v.calls;
    sl += v.calls * v.serviceLevel;
    ab += v.calls * v.abandonRate;
  }
  return { calls: round(calls, 1), serviceLevel: calls > 0 ? round(sl / calls, 4) : null, abandonRate: calls > 0 ? round(ab / calls, 4) : null };
}

export function replayQueueDay(input: QueueReplayInput, progress?: (fraction: number) => void): QueueReplay {
  const n = input.intervalStarts.length;
  const model = {
    intervalSeconds: input.intervalSeconds, intervals: n, agents: input.agents, counts: input.counts,
    ahtSeconds: input.ahtSeconds, patienceSeconds: input.patienceSeconds, answerWithinSeconds: input.answerWithinSeconds,
  };
  const runs: IntervalTally[][] = [];
  for (let r = 0; r < input.runs; r++) {
    runs.push(simulateDay(model, input.seed, r));
    progress?.((r + 1) / input.runs);
  }
  const planned = plannedAgents(input.agents, n, input.intervalSeconds);
  const intervals: ReplayInterval[] = [];
  for (let i = 0; i < n; i++) {
    const offered = runs[0]?.[i].offered ?? 0;
    if (offered === 0 && planned[i] === 0) continue;
    const forecast = input.forecastCalls[i];
    intervals.push({
      interval_start: input.intervalStarts[i], offered, plannedAgents: round(planned[i], 3),
      replayedAgents: agentsOnPhones(runs, i, input.intervalSeconds),
      replay: measures(runs, [i]),
      promised: forecast === null ? null : erlangView(forecast, input.forecastAhtSeconds[i], planned[i], input),
      erlangOnActual: offered > 0 ? erlangView(offered, input.ahtSeconds[i], planned[i], input) : null,
    });
  }
  const all = Array.from({ length: n }, (_, i) => i);
  return {
    queue: input.queue, runs: input.runs, seed: input.seed,
    patienceSeconds: Number.isFinite(input.patienceSeconds) ? input.patienceSeconds : null,
    serviceLevelTarget: input.serviceLevelTarget, answerWithinSeconds: input.answerWithinSeconds,
    intervals,
    day: {
      replay: measures(runs, all),
      promised: weighted(intervals.map((r) => r.promised)),
      erlangOnActual: weighted(intervals.map((r) => r.erlangOnActual)),
      intervalsBelowTarget: intervals.filter((r) => r.offered > 0 && (r.replay.serviceLevel ?? 1) < input.serviceLevelTarget).length,
    },
  };
}

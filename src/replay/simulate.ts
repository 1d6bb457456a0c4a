/**
 * One replication of a day, call by call: callers arrive (arrivals.ts), each draws a handle time (exponential
 * with the AHT of its arrival interval, unless the call brings its own) and a patience (exponential with the
 * queue's mean; an infinite mean = callers never hang up), and is answered first come first served by the
 * agent who can answer soonest — among several free at once, the one idle longest, as an ACD routes.
 *
 * Why call by call in arrival order is exact: under FCFS a caller is answered at the first moment an agent is
 * free after every earlier caller still waiting has been answered; an earlier caller who hung up holds no
 * agent, so taking callers in arrival order and giving each the soonest agent reproduces the event-by-event
 * system, abandonment included (as in test/staffing/erlang-a-simulation.ts). Agents' breaks and shift ends
 * follow phone-agent.ts. A caller who would be answered after their patience runs out hangs up at that moment;
 * with infinite patience and nobody left to answer today, the caller is "unserved" (counted as abandoned too).
 *
 * Tallies are per interval of arrival (offered, answered, in time, abandoned, waits); talk time and on-phone
 * time are split across the intervals they fall in (occupancy = talk ÷ on-phone time, agents on the phones =
 * on-phone time ÷ interval length). Cost: O(calls × agents) per run.
 */
import { arrivalsFromCounts, sortedCalls, type CallInput, type CountSpan } from './arrivals.ts';
import type { Window } from './on-phone-windows.ts';
import { PhoneAgent } from './phone-agent.ts';
import { exponential, stream } from './random.ts';

export interface DayModel {
  intervalSeconds: number;
  intervals: number;
  /** Per agent, on-phone windows (on-phone-windows.ts). */
  agents: ReadonlyArray<readonly Window[]>;
  /** Arrivals: interval counts … */
  counts?: readonly CountSpan[];
  /** … or a per-call list. */
  calls?: readonly CallInput[];
  /** Mean handle time per interval, for calls without their own. */
  ahtSeconds: readonly number[];
  /** Mean patience; Infinity = callers wait as long as it takes. */
  patienceSeconds: number;
  /** T of "answered within T seconds". */
  answerWithinSeconds: number;
}

export interface IntervalTally {
  offered: number;
  answered: number;
  answeredInTime: number;
  abandoned: number;
  unserved: number;
  /** Σ waits of answered callers, seconds. */
  answeredWait: number;
  /** Agent-seconds talking inside the interval. */
  busySeconds: number;
  /** Agent-seconds on the phones inside the interval (idle or talking). */
  onPhoneSeconds: number;
}

export const emptyTally = (): IntervalTally => ({ offered: 0, answered: 0, answeredInTime: 0, abandoned: 0, unserved: 0, answeredWait: 0, busySeconds: 0, onPhoneSeconds: 0 });

/** Adds the part of [from, to) inside each interval to `key` of that interval's tally. */
function spread(tallies: IntervalTally[], intervalSeconds: number, from: number, to: number, key: 'busySeconds' | 'onPhoneSeconds'): void {
  const end = tallies.length * intervalSeconds;
  let s = Math.max(0, from);
  const e = Math.min(end, to);
  while (s < e) {
    const i = Math.floor(s / intervalSeconds);
    const cut = Math.min(e, (i + 1) * intervalSeconds);
    tallies[i][key] += cut - s;
    s = cut;
  }
}

/** The soonest agent for a caller arriving at `at` (ties: idle longest); null when nobody is left today. */
function soonest(agents: readonly PhoneAgent[], at: number): { agent: PhoneAgent; start: number } | null {
  let best: PhoneAgent | null = null;
  let bestStart = Infinity;
  let bestIdle = Infinity;
  for (const agent of agents) {
    const start = agent.availableFrom(at);
    if (start < bestStart || (start === bestStart && start !== Infinity && agent.idleSince < bestIdle)) {
      best = agent;
      bestStart = start;
      bestIdle = agent.idleSince;
    }
  }
  return best ? { agent: best, start: bestStart } : null;
}

/** Replays the day once with the seed's `run`-th streams; one tally per interval. */
export function simulateDay(model: DayModel, seed: number, run: number): IntervalTally[] {
  const { intervalSeconds, intervals, patienceSeconds, answerWithinSeconds } = model;
  const tallies = Array.from({ length: intervals }, emptyTally);
  const handleDraws = stream(seed, run, 'handle');
  const patienceDraws = stream(seed, run, 'patience');
  const callers: CallInput[] = model.calls
    ? sortedCalls(model.calls)
    : arrivalsFromCounts(model.counts ?? [], stream(seed, run, 'arrivals')).map((atSeconds) => ({ atSeconds }));
  const agents = model.agents.map((w) => new PhoneAgent(w));
  let active = agents;

  for (let n = 0; n < callers.length; n++) {
    const call = callers[n];
    const at = call.atSeconds;
    const i = Math.min(intervals - 1, Math.max(0, Math.floor(at / intervalSeconds)));
    const tally = tallies[i];
    // Both draws are made for every caller, so callers stay the same whatever happens to them.
    const handleDraw = exponential(handleDraws, model.ahtSeconds[i]);
    const patienceDraw = exponential(patienceDraws, patienceSeconds);
    const handle = call.handleSeconds ?? handleDraw;
    const patience = call.patienceSeconds ?? patienceDraw;
    tally.offered++;
    const pick = soonest(active, at);
    const wait = pick ? pick.start - at : Infinity;
    if (wait > patience) {
      tally.abandoned++;
    } else if (!pick || pick.start === Infinity) {
      tally.abandoned++;
      tally.unserved++;
    } else {
      const end = pick.agent.take(pick.start, handle);
      tally.answered++;
      tally.answeredWait += wait;
      if (wait <= answerWithinSeconds) tally.answeredInTime++;
      spread(tallies, intervalSeconds, pick.start, end, 'busySeconds');
    }
    // Now and then, agents gone for the day are dropped from the search.
    if ((n & 255) === 255) active = active.filter((a) => a.availableFrom(at) !== Infinity);
  }
  for (const agent of agents) for (const [from, to] of agent.onPhoneSpans()) spread(tallies, intervalSeconds, from, to, 'onPhoneSeconds');
  return tallies;
}

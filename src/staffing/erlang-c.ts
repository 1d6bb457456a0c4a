/**
 * Erlang C (M/M/N, callers wait as long as it takes, first come first served): probability of waiting, service
 * level (share of calls answered within T seconds), average speed of answer and occupancy for `agents` agents
 * facing `trafficErlangs` = calls × AHT / interval length.
 *
 * Method (data/erlang-reference/SOURCE.md): C(N, A) = N·B / (N − A·(1 − B)) with B the Erlang B value from
 * its recursion (src/staffing/erlang-b.ts), so no factorial ever overflows; SL(t) = 1 − C·exp(−(N − A)·t / AHT);
 * ASA = C·AHT / (N − A); occupancy = A / N.
 *
 * A traffic at or above the agent count has no steady state (the queue grows without bound). That case is
 * answered explicitly, never with NaN: P(wait) = 1, SL = 0, ASA = Infinity, occupancy = 1, stable = false.
 * Zero traffic gives P(wait) = 0, SL = 1, ASA = 0, occupancy = 0 (also with zero agents).
 */
import { erlangB } from './erlang-b.ts';

export interface QueueMetrics {
  agents: number;
  trafficErlangs: number;
  /** Share of calls that wait at all. */
  pWait: number;
  /** Share of calls answered within the service-level seconds. */
  serviceLevel: number;
  /** Average speed of answer in seconds (Infinity when the queue is unstable). */
  asaSeconds: number;
  /** Share of the agents' time spent on calls, 0…1. */
  occupancy: number;
  /** False when traffic ≥ agents: the queue grows without bound. */
  stable: boolean;
}

export interface ErlangCInput {
  trafficErlangs: number;
  agents: number;
  ahtSeconds: number;
  /** T of the service level "X% answered within T seconds". */
  answerWithinSeconds: number;
}

/** Offered traffic in Erlangs: calls × AHT / interval length. */
export function trafficErlangs(calls: number, ahtSeconds: number, intervalSeconds: number): number {
  if (!(calls >= 0 && Number.isFinite(calls))) throw new RangeError(`calls must be a finite number ≥ 0, got ${calls}`);
  if (!(ahtSeconds > 0 && Number.isFinite(ahtSeconds))) throw new RangeError(`AHT must be > 0 seconds, got ${ahtSeconds}`);
  if (!(intervalSeconds > 0)) throw new RangeError(`interval must be > 0 seconds, got ${intervalSeconds}`);
  return (calls * ahtSeconds) / intervalSeconds;
}

/** Erlang C probability of waiting, from a known Erlang B value (traffic < agents assumed). */
export function erlangCFromB(trafficErlangs: number, agents: number, b: number): number {
  return (agents * b) / (agents - trafficErlangs * (1 - b));
}

/** P(wait) = C(N, A); 1 when traffic ≥ agents (and traffic > 0). */
export function probabilityOfWaiting(trafficErlangs: number, agents: number): number {
  if (trafficErlangs === 0) return 0;
  if (trafficErlangs >= agents) return 1;
  return erlangCFromB(trafficErlangs, agents, erlangB(trafficErlangs, agents));
}

function checkInput(input: ErlangCInput): void {
  const { trafficErlangs: a, agents, ahtSeconds, answerWithinSeconds } = input;
  if (!(a >= 0 && Number.isFinite(a))) throw new RangeError(`traffic must be a finite number ≥ 0 Erlangs, got ${a}`);
  if (!Number.isInteger(agents) || agents < 0) throw new RangeError(`agents must be a whole number ≥ 0, got ${agents}`);
  if (!(ahtSeconds > 0 && Number.isFinite(ahtSeconds))) throw new RangeError(`AHT must be > 0 seconds, got ${ahtSeconds}`);
  if (!(answerWithinSeconds >= 0)) throw new RangeError(`answer-within seconds must be ≥ 0, got ${answerWithinSeconds}`);
}

/** Every Erlang C measure when P(wait) is already known (used by the agents-required search). */
export function erlangCMetricsFromPWait(input: ErlangCInput, pWait: number): QueueMetrics {
  const { trafficErlangs: a, agents: n, ahtSeconds, answerWithinSeconds: t } = input;
  if (a === 0) return { agents: n, trafficErlangs: 0, pWait: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0, stable: true };
  if (a >= n) return { agents: n, trafficErlangs: a, pWait: 1, serviceLevel: 0, asaSeconds: Infinity, occupancy: 1, stable: false };
  return {
    agents: n,
    trafficErlangs: a,
    pWait,
    serviceLevel: 1 - pWait * Math.exp((-(n - a) * t) / ahtSeconds),
    asaSeconds: (pWait * ahtSeconds) / (n - a),
    occupancy: a / n,
    stable: true,
  };
}

/** Erlang C measures for a given number of agents. */
export function erlangC(input: ErlangCInput): QueueMetrics {
  checkInput(input);
  return erlangCMetricsFromPWait(input, probabilityOfWaiting(input.trafficErlangs, input.agents));
}

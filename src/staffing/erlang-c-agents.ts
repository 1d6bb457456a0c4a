/**
 * The fewest agents that meet a service level, an ASA target and an occupancy cap together under Erlang C
 * (src/staffing/erlang-c.ts). All three measures improve as agents are added, so the answer is the first agent
 * count, counting up from the smallest stable one (⌊A⌋ + 1) or the occupancy bound ⌈A / maxOccupancy⌉, that
 * meets them all. Erlang B is carried along by its recursion, so the search costs O(answer).
 *
 * Reference: 10 Erlangs at 80% within 20 s → 14 agents; with occupancy ≤ 70% → 15 agents
 * (data/erlang-reference/SOURCE.md).
 */
import { erlangB, erlangBNext } from './erlang-b.ts';
import { erlangCFromB, erlangCMetricsFromPWait, type QueueMetrics } from './erlang-c.ts';
import { meetsTargets, missedTargets, validateTargets, type StaffingTargets, type TargetName } from './targets.ts';

export interface ErlangCAgentsInput extends StaffingTargets {
  trafficErlangs: number;
  ahtSeconds: number;
}

export interface AgentsRequired {
  agents: number;
  /** Measures with that many agents. */
  metrics: QueueMetrics;
  /** Targets one agent fewer would miss (which targets set the number); empty when no agent is needed. */
  binding: TargetName[];
}

/** Occupancy bound: the fewest agents with A / N ≤ maxOccupancy (with a tolerance for 7 / 0.7 = 10.000…02). */
export function occupancyBound(trafficErlangs: number, maxOccupancy: number | undefined): number {
  if (maxOccupancy === undefined) return 0;
  return Math.max(0, Math.ceil(trafficErlangs / maxOccupancy - 1e-9));
}

function measure(input: ErlangCAgentsInput, agents: number, b: number): QueueMetrics {
  const a = input.trafficErlangs;
  return erlangCMetricsFromPWait(
    { trafficErlangs: a, agents, ahtSeconds: input.ahtSeconds, answerWithinSeconds: input.serviceLevel.seconds },
    agents > a ? erlangCFromB(a, agents, b) : 1,
  );
}

function checkInput(input: ErlangCAgentsInput): void {
  validateTargets(input);
  const { trafficErlangs: a, ahtSeconds } = input;
  if (!(a >= 0 && Number.isFinite(a))) throw new RangeError(`traffic must be a finite number ≥ 0 Erlangs, got ${a}`);
  if (!(ahtSeconds > 0 && Number.isFinite(ahtSeconds))) throw new RangeError(`AHT must be > 0 seconds, got ${ahtSeconds}`);
}

/** The search itself (input already checked): the agent count and Erlang B at that count. */
function search(input: ErlangCAgentsInput): { agents: number; b: number; metrics: QueueMetrics } {
  const a = input.trafficErlangs;
  let n = Math.max(Math.floor(a) + 1, occupancyBound(a, input.maxOccupancy));
  let b = erlangB(a, n);
  let metrics = measure(input, n, b);
  while (!meetsTargets(metrics, input)) {
    n += 1;
    b = erlangBNext(a, n, b);
    metrics = measure(input, n, b);
  }
  return { agents: n, b, metrics };
}

/** Only the count (no measures at one agent fewer): the starting guess of the Erlang A search. */
export function erlangCAgentCount(input: ErlangCAgentsInput): number {
  checkInput(input);
  return input.trafficErlangs === 0 ? 0 : search(input).agents;
}

export function erlangCAgentsRequired(input: ErlangCAgentsInput): AgentsRequired {
  checkInput(input);
  const a = input.trafficErlangs;
  if (a === 0) return { agents: 0, metrics: measure(input, 0, 1), binding: [] };
  const { agents: n, b, metrics } = search(input);
  // One agent fewer: B(n − 1) = n·B(n) / (A·(1 − B(n))), the recursion run backwards.
  const previous = measure(input, n - 1, n - 1 > a ? (n * b) / (a * (1 - b)) : 1);
  return { agents: n, metrics, binding: missedTargets(previous, input) };
}

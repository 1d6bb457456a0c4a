/**
 * The fewest agents that meet a service level, a maximum abandonment rate (and optionally an ASA target and an
 * occupancy cap) under Erlang A (src/staffing/erlang-a.ts). Every measure improves as agents are added, so the
 * search starts from the Erlang C staffing for the same targets (usually within an agent or two), gallops up
 * or down to bracket the answer and then bisects: a handful of chain evaluations. Unlike Erlang C, a queue with fewer agents than Erlangs is stable here
 * (callers abandon), so answers below the traffic are possible when the targets are loose.
 */
import { erlangA, type ErlangAMetrics } from './erlang-a.ts';
import { erlangCAgentsRequired } from './erlang-c-agents.ts';
import { missedTargets, validateTargets, type StaffingTargets, type TargetName } from './targets.ts';

export interface ErlangAAgentsInput extends StaffingTargets {
  trafficErlangs: number;
  ahtSeconds: number;
  patienceSeconds: number;
}

export interface ErlangAAgentsRequired {
  agents: number;
  metrics: ErlangAMetrics;
  /** Targets one agent fewer would miss; empty when no agent is needed. */
  binding: TargetName[];
}

export function erlangAAgentsRequired(input: ErlangAAgentsInput): ErlangAAgentsRequired {
  validateTargets(input);
  const { trafficErlangs: a, ahtSeconds, patienceSeconds } = input;
  const evaluate = (agents: number) =>
    erlangA({ trafficErlangs: a, agents, ahtSeconds, patienceSeconds, answerWithinSeconds: input.serviceLevel.seconds });
  const cache = new Map<number, { metrics: ErlangAMetrics; missed: TargetName[] }>();
  const check = (agents: number) => {
    let hit = cache.get(agents);
    if (!hit) {
      const metrics = evaluate(agents);
      hit = { metrics, missed: missedTargets(metrics, input) };
      cache.set(agents, hit);
    }
    return hit;
  };
  if (a === 0) return { agents: 0, metrics: evaluate(0), binding: [] };

  // Bracket from a guess: `low` fails, `high` meets every target (0 agents always fails when traffic > 0, as
  // SL = 0 < target). The Erlang C staffing for the same targets is usually within an agent or two.
  const guess = Math.max(1, erlangCAgentsRequired({
    trafficErlangs: a, ahtSeconds, serviceLevel: input.serviceLevel, maxAsaSeconds: input.maxAsaSeconds, maxOccupancy: input.maxOccupancy,
  }).agents);
  let low: number;
  let high: number;
  let step = 1;
  if (check(guess).missed.length === 0) {
    high = guess;
    low = Math.max(0, guess - step);
    while (low > 0 && check(low).missed.length === 0) {
      high = low;
      step *= 2;
      low = Math.max(0, low - step);
    }
  } else {
    low = guess;
    high = guess + step;
    while (check(high).missed.length > 0) {
      low = high;
      step *= 2;
      high += step;
    }
  }
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (check(mid).missed.length > 0) low = mid;
    else high = mid;
  }
  return { agents: high, metrics: check(high).metrics, binding: check(high - 1).missed };
}

/**
 * The fewest agents that meet a service level, a maximum abandonment rate (and optionally an ASA target and an
 * occupancy cap) under Erlang A (src/staffing/erlang-a.ts). Every measure improves as agents are added, so the
 * search starts from the Erlang C staffing for the same targets (usually within an agent or two), gallops up
 * or down to bracket the answer and then bisects: a handful of chain evaluations. Unlike Erlang C, a queue
 * with fewer agents than Erlangs is stable here (callers abandon), so answers below the traffic are possible
 * when the targets are loose.
 */
import { erlangA, type ErlangAMetrics } from './erlang-a.ts';
import { erlangCAgentCount } from './erlang-c-agents.ts';
import { meetsTargets, missedTargets, validateTargets, type StaffingTargets, type TargetName } from './targets.ts';

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

/** The chain evaluations of one search, by agent count (a search makes only a handful). */
class Evaluations {
  private readonly agents: number[] = [];
  private readonly metrics: ErlangAMetrics[] = [];
  constructor(private readonly input: ErlangAAgentsInput) {}

  at(agents: number): ErlangAMetrics {
    const i = this.agents.indexOf(agents);
    if (i >= 0) return this.metrics[i];
    const { trafficErlangs, ahtSeconds, patienceSeconds, serviceLevel } = this.input;
    const m = erlangA({ trafficErlangs, agents, ahtSeconds, patienceSeconds, answerWithinSeconds: serviceLevel.seconds });
    this.agents.push(agents);
    this.metrics.push(m);
    return m;
  }

  meets(agents: number): boolean {
    return meetsTargets(this.at(agents), this.input);
  }
}

export function erlangAAgentsRequired(input: ErlangAAgentsInput): ErlangAAgentsRequired {
  validateTargets(input);
  const a = input.trafficErlangs;
  const evaluations = new Evaluations(input);
  if (a === 0) return { agents: 0, metrics: evaluations.at(0), binding: [] };

  // Bracket from the guess: `low` fails, `high` meets every target (0 agents always fails when traffic > 0, as
  // SL = 0 < target).
  const guess = Math.max(1, erlangCAgentCount({
    trafficErlangs: a, ahtSeconds: input.ahtSeconds, serviceLevel: input.serviceLevel, maxAsaSeconds: input.maxAsaSeconds, maxOccupancy: input.maxOccupancy,
  }));
  let low: number;
  let high: number;
  let step = 1;
  if (evaluations.meets(guess)) {
    high = guess;
    low = Math.max(0, guess - step);
    while (low > 0 && evaluations.meets(low)) {
      high = low;
      step *= 2;
      low = Math.max(0, low - step);
    }
  } else {
    low = guess;
    high = guess + step;
    while (!evaluations.meets(high)) {
      low = high;
      step *= 2;
      high += step;
    }
  }
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (evaluations.meets(mid)) high = mid;
    else low = mid;
  }
  return { agents: high, metrics: evaluations.at(high), binding: missedTargets(evaluations.at(high - 1), input) };
}

/**
 * L10 — no leave during new-hire training (TR1). The manual's original (岗前培训 5.2) is harsher: leave ends
 * the trainee's training, and one who must take leave for a special reason may join a later class. Here a
 * leave overlapping a training period is refused, naming the period.
 */
import type { Agent } from '../domain/center-schema.ts';
import { RuleViolationError } from '../errors.ts';

/** The first training period of the agent that overlaps [from, to], if any. */
export function trainingOverlap(agent: Agent, from: string, to: string): { from: string; to: string } | null {
  return agent.training.find((t) => t.from <= to && from <= t.to) ?? null;
}

export function assertNotInTraining(agent: Agent, from: string, to: string): void {
  const t = trainingOverlap(agent, from, to);
  if (t) {
    throw new RuleViolationError(
      'L10',
      `no leave during new-hire training: ${agent.id} is in training ${t.from} – ${t.to}, the leave asks for ${from} – ${to}`,
      { training: t, leave: { from, to } },
    );
  }
}

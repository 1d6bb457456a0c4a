/**
 * Fairness between comparable people (Q2 weekends, Q3 late shifts, Q4 working days): people of the same team
 * with the same allowed templates are compared (a floater is compared with floaters). The unevenness of a
 * count over such a group is Σ max(0, |x − mean| − tolerance) days: a spread within one day of the mean is
 * fair, anything further counts day by day. Shared by the rules and the solver's local search.
 */
import type { Agent } from '../../src/domain/center-schema.ts';

export const FAIRNESS_TOLERANCE = 1;

/** The comparison group of a phone person (undefined for people without a team). */
export function fairnessKey(agent: Agent): string | undefined {
  if (!agent.team) return undefined;
  return `${agent.team}|${(agent.contract.templates ?? ['*']).join(',')}`;
}

export function unevenness(values: readonly number[], tolerance = FAIRNESS_TOLERANCE): number {
  return unevennessOf(values.length, (j) => values[j], tolerance);
}

/** unevenness() of the n values valueAt(0 … n − 1), without building the list (the local search's hot path). */
export function unevennessOf(n: number, valueAt: (j: number) => number, tolerance = FAIRNESS_TOLERANCE): number {
  if (n < 2) return 0;
  let sum = 0;
  for (let j = 0; j < n; j++) sum += valueAt(j);
  const mean = sum / n;
  let total = 0;
  for (let j = 0; j < n; j++) total += Math.max(0, Math.abs(valueAt(j) - mean) - tolerance);
  return total;
}

/** Each member's own share of the unevenness (how far beyond the tolerance they are). */
export function unevennessByMember(values: readonly number[], tolerance = FAIRNESS_TOLERANCE): number[] {
  if (values.length < 2) return values.map(() => 0);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return values.map((v) => Math.max(0, Math.abs(v - mean) - tolerance));
}

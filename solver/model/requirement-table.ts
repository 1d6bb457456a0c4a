/**
 * Requirements laid onto the month's interval line: per queue, the agents required in each global interval
 * (NaN where the requirements say nothing) and the R3 weight of being short there (more at the day's peak).
 * Rows whose instant is not an interval start of the month (another month, off the interval grid) or whose
 * queue the center does not have are counted as ignored, for the feasibility report.
 */
import type { Horizon } from './horizon.ts';
import { DEFAULT_WEIGHTS, peakWeights, type SoftWeights } from '../rules/weights.ts';

export interface RequirementTable {
  queueIds: string[];
  /** [queue][interval]: agents required, NaN = no requirement. */
  required: Float64Array[];
  /** [queue][interval]: R3 weight per agent-hour short. */
  weight: Float64Array[];
  ignored: { outside: number; unknownQueue: string[] };
}

export interface RequirementLike {
  queue: string;
  interval_start: string;
  required: number;
}

export function buildRequirementTable(
  h: Horizon,
  queueIds: string[],
  rows: readonly RequirementLike[],
  weights: SoftWeights = DEFAULT_WEIGHTS,
): RequirementTable {
  const n = h.startMs.length;
  const required = queueIds.map(() => new Float64Array(n).fill(NaN));
  const unknown = new Set<string>();
  let outside = 0;
  for (const r of rows) {
    const q = queueIds.indexOf(r.queue);
    if (q < 0) {
      unknown.add(r.queue);
      continue;
    }
    const i = h.intervalAt(Date.parse(r.interval_start));
    if (i < 0) {
      outside++;
      continue;
    }
    required[q][i] = r.required;
  }
  const weight = queueIds.map((_, q) => {
    const w = new Float64Array(n);
    for (let d = 0; d < h.dates.length; d++) {
      const from = h.dayFirst[d];
      const to = h.dayFirst[d + 1];
      const day = Array.from(required[q].subarray(from, to), (v) => (Number.isNaN(v) ? 0 : v));
      peakWeights(day, weights).forEach((v, k) => (w[from + k] = v));
    }
    return w;
  });
  return { queueIds, required, weight, ignored: { outside, unknownQueue: [...unknown] } };
}

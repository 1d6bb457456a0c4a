/**
 * How much each soft rule weighs in the roster's objective, per unit of its natural penalty, in the order the
 * issue sets: understaffing (R3) ≫ overstaffing (Q1) > planned attendance (L9) > fairness (Q2–Q4) > stable start
 * times (Q5) > preferences (Q6). Understaffing is weighted more at the day's peaks (R3: "traffic peaks of every
 * day must be staffed"): an interval's weight is 1 + peakBonus × required / the day's peak requirement.
 * Overstaffing only breaks ties between rosters short by the same amount, so the solver never gives up
 * covering a peak to avoid idle time elsewhere (and the understaffing lower bound stays the yardstick).
 * Hard rules are not weighed: a roster with fewer hard violations is always better.
 */

export interface SoftWeights {
  /** R3, per agent-hour short (before the peak factor). */
  understaffed: number;
  /** R3: extra weight at the day's peak interval (linear in required / peak). */
  peakBonus: number;
  /** Q1, per agent-hour over. */
  overstaffed: number;
  /** L9, per percentage point of planned attendance below the floor, per team. */
  attendance: number;
  /** Q2, Q3, Q4, per day of unevenness. */
  fairness: number;
  /** Q5, per hour of start-time change within a week. */
  stableStart: number;
  /** Q6, per unit of preference weight not met. */
  preference: number;
  /** R12, per minute a shift end misses the bus window. */
  busDeparture: number;
}

export const DEFAULT_WEIGHTS: SoftWeights = {
  understaffed: 1,
  peakBonus: 0.2,
  overstaffed: 0.02,
  attendance: 0.5,
  fairness: 0.1,
  stableStart: 0.02,
  preference: 0.05,
  busDeparture: 0.01,
};

/** Weight of each soft rule id per unit of its penalty (R3's peak factor is applied per interval). */
export function ruleWeight(rule: string, w: SoftWeights = DEFAULT_WEIGHTS): number {
  switch (rule) {
    case 'R3': return w.understaffed;
    case 'Q1': return w.overstaffed;
    case 'L9': return w.attendance;
    case 'Q2':
    case 'Q3':
    case 'Q4': return w.fairness;
    case 'Q5': return w.stableStart;
    case 'Q6': return w.preference;
    case 'R12': return w.busDeparture;
    default: return 1;
  }
}

/** R3 weights of a day's intervals from their requirements. */
export function peakWeights(required: readonly number[], w: SoftWeights = DEFAULT_WEIGHTS): number[] {
  const peak = Math.max(0, ...required);
  return required.map((r) => w.understaffed * (1 + (peak > 0 ? (w.peakBonus * r) / peak : 0)));
}

/**
 * Grossing up for time lost off the phones: to have X available when a share s of paid time is lost, plan
 * X / (1 − s). Used for absence in the headcount plan (MANUAL L9); breaks and meals are not shrinkage in
 * ShiftCast (the roster places them, R7/R8). Reference: 14 agents at 30% shrinkage → 20 scheduled, 15 → 22
 * (data/erlang-reference/SOURCE.md).
 */

export function grossUp(value: number, lostShare: number): number {
  if (!(lostShare >= 0 && lostShare < 1)) throw new RangeError(`lost share must be in [0, 1), got ${lostShare}`);
  return value / (1 - lostShare);
}

/** Whole agents to schedule so that `agents` remain after shrinkage. */
export function scheduledAgents(agents: number, shrinkage: number): number {
  return Math.max(0, Math.ceil(grossUp(agents, shrinkage) - 1e-9));
}

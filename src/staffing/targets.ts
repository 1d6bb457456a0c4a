/**
 * Staffing targets shared by the Erlang C and Erlang A searches, and the check of one set of measures against
 * them. A tolerance of 1e-12 absorbs floating-point noise at exact ties (e.g. occupancy 7/10 against a 70% cap).
 */

export interface ServiceLevelTarget {
  /** Share of calls to answer within `seconds`, 0 < target < 1. */
  target: number;
  seconds: number;
}

export interface StaffingTargets {
  serviceLevel: ServiceLevelTarget;
  /** Highest acceptable average speed of answer, seconds. */
  maxAsaSeconds?: number;
  /** Highest acceptable occupancy, 0 < x ≤ 1. */
  maxOccupancy?: number;
  /** Erlang A only: highest acceptable share of callers abandoning. */
  maxAbandonRate?: number;
}

export type TargetName = 'stability' | 'serviceLevel' | 'asa' | 'occupancy' | 'abandonment';

export interface MeasuredQueue {
  serviceLevel: number;
  asaSeconds: number;
  occupancy: number;
  stable: boolean;
  pAbandon?: number;
}

const EPS = 1e-12;

export function validateTargets(targets: StaffingTargets): void {
  const { serviceLevel, maxAsaSeconds, maxOccupancy, maxAbandonRate } = targets;
  if (!(serviceLevel.target > 0 && serviceLevel.target < 1)) {
    throw new RangeError(`service-level target must be in (0, 1), got ${serviceLevel.target}`);
  }
  if (!(serviceLevel.seconds >= 0 && Number.isFinite(serviceLevel.seconds))) {
    throw new RangeError(`service-level seconds must be ≥ 0, got ${serviceLevel.seconds}`);
  }
  if (maxAsaSeconds !== undefined && !(maxAsaSeconds > 0)) throw new RangeError(`ASA target must be > 0 seconds, got ${maxAsaSeconds}`);
  if (maxOccupancy !== undefined && !(maxOccupancy > 0 && maxOccupancy <= 1)) {
    throw new RangeError(`maximum occupancy must be in (0, 1], got ${maxOccupancy}`);
  }
  if (maxAbandonRate !== undefined && !(maxAbandonRate > 0 && maxAbandonRate < 1)) {
    throw new RangeError(`maximum abandonment rate must be in (0, 1), got ${maxAbandonRate}`);
  }
}

/** True when the measures meet every target (the allocation-free form of missedTargets(...).length === 0). */
export function meetsTargets(m: MeasuredQueue, targets: StaffingTargets): boolean {
  return (
    m.stable &&
    m.serviceLevel >= targets.serviceLevel.target - EPS &&
    (targets.maxAsaSeconds === undefined || m.asaSeconds <= targets.maxAsaSeconds + EPS) &&
    (targets.maxOccupancy === undefined || m.occupancy <= targets.maxOccupancy + EPS) &&
    (targets.maxAbandonRate === undefined || m.pAbandon === undefined || m.pAbandon <= targets.maxAbandonRate + EPS)
  );
}

/** The targets these measures miss (empty = all met). An unstable queue always misses "stability". */
export function missedTargets(m: MeasuredQueue, targets: StaffingTargets): TargetName[] {
  const missed: TargetName[] = [];
  if (!m.stable) missed.push('stability');
  if (m.serviceLevel < targets.serviceLevel.target - EPS) missed.push('serviceLevel');
  if (targets.maxAsaSeconds !== undefined && m.asaSeconds > targets.maxAsaSeconds + EPS) missed.push('asa');
  if (targets.maxOccupancy !== undefined && m.occupancy > targets.maxOccupancy + EPS) missed.push('occupancy');
  if (targets.maxAbandonRate !== undefined && m.pAbandon !== undefined && m.pAbandon > targets.maxAbandonRate + EPS) {
    missed.push('abandonment');
  }
  return missed;
}

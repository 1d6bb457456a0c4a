/**
 * The Curtois & Qu employee-shift-scheduling instance, as its text format states it (T. Curtois and R. Qu,
 * "Computational results on new staff scheduling benchmark instances", ASAP, University of Nottingham, 2014).
 * Requests and cover rows refer to employees and shift types by index into `staff` and `shifts`.
 */

export interface CqShift {
  id: string;
  minutes: number;
  /** Shift ids that may not be worked the day after this shift. */
  cannotFollow: string[];
}

export interface CqStaff {
  id: string;
  /** Most shifts of each type over the horizon, by shift id (a type left out is limited only by the horizon). */
  maxShifts: Record<string, number>;
  maxTotalMinutes: number;
  minTotalMinutes: number;
  maxConsecutiveShifts: number;
  minConsecutiveShifts: number;
  minConsecutiveDaysOff: number;
  maxWeekends: number;
  /** Days (0-based) the employee may not work. */
  daysOff: number[];
}

export interface CqRequest {
  /** Index into `staff`. */
  employee: number;
  day: number;
  /** Index into `shifts`. */
  shift: number;
  weight: number;
}

export interface CqCover {
  day: number;
  /** Index into `shifts`. */
  shift: number;
  requirement: number;
  underWeight: number;
  overWeight: number;
}

export interface CqInstance {
  name: string;
  /** Days in the horizon; day 0 is a Monday. */
  horizon: number;
  shifts: CqShift[];
  staff: CqStaff[];
  /** Shift-on requests: not working `shift` on `day` costs `weight`. */
  onRequests: CqRequest[];
  /** Shift-off requests: working `shift` on `day` costs `weight`. */
  offRequests: CqRequest[];
  cover: CqCover[];
}

/** A solution: for each employee (index into `staff`), one entry per day: a shift index, or -1 for a day off. */
export type CqSolution = number[][];

/** The weekends of the horizon as [Saturday, Sunday] day indexes (day 0 is a Monday); a cut weekend keeps its Saturday. */
export function weekendsOf(horizon: number): number[][] {
  const out: number[][] = [];
  for (let sat = 5; sat < horizon; sat += 7) out.push(sat + 1 < horizon ? [sat, sat + 1] : [sat]);
  return out;
}

/** An empty solution (every day off). */
export function emptySolution(instance: CqInstance): CqSolution {
  return instance.staff.map(() => new Array<number>(instance.horizon).fill(-1));
}

/**
 * Past this many employee × day × shift cells (instance 12 has 16 800) root dives are too slow for the time
 * limits of a benchmark run.
 */
const LARGE_CELLS = 30_000;
/**
 * Horizons past four weeks count as large too: on the generated 42-day Gen15 (45 staff, 11 340 cells) the root
 * column generation had not converged after 30 s, and two column-generation threads ended at the best-response
 * start (3606 at 60 s; 3604 at 600 s) where MIP LNS reached 2450 in 60 s. Instances 1–12 are of 14–28 days.
 */
const LARGE_HORIZON = 28;

/** Large instances: one solver thread runs MIP LNS from the start, and an unconverged root hands over to it. */
export function isLargeInstance(instance: CqInstance): boolean {
  return instance.staff.length * instance.horizon * instance.shifts.length > LARGE_CELLS || instance.horizon > LARGE_HORIZON;
}

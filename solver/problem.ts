/**
 * What the roster solver takes and gives: a month's problem (center, requirements, approved leave, published
 * days, the previous month's tail) and the solve options (time limit, progress, cancel). Pure data, no storage.
 */
import type { Center } from '../src/domain/center-schema.ts';
import type { RequirementPoint } from '../src/formats/requirements-csv.ts';
import type { Assignment, Roster, Score } from './roster.ts';
import type { LeaveDay } from './rules/rule.ts';
import type { FeasibilityReport } from './feasibility.ts';
import type { Unscheduled } from './activities/place-activities.ts';

export interface RosterProblem {
  center: Center;
  /** "YYYY-MM". */
  month: string;
  /** Agents needed on the phones per queue and interval (FORMATS.md "Requirements"). */
  requirements: RequirementPoint[];
  /** Approved leave days (besides the center's `unavailable` entries with reason "leave"). */
  leave?: LeaveDay[];
  /** Assignments of published days, kept unchanged (P1). */
  pinned?: Assignment[];
  /** Published dates: every agent's day is fixed there (an agent without a pinned assignment is off). */
  pinnedDates?: string[];
  /**
   * Single person-days fixed as in `pinned` (one without a pinned assignment is a day off): the roster facts of
   * days still to be solved — accepted overtime, approved swaps and rest-day moves, floating re-placements.
   */
  pinnedAgentDays?: Array<{ agent: string; date: string }>;
  /**
   * Work kept as it is beside the solved shifts (accepted overtime, kind "overtime"): counted in the coverage,
   * returned with the roster and judged by the rulebook with it.
   */
  kept?: Assignment[];
  /** The last days of the previous month (rest C1 and consecutive days C2 across the boundary). */
  previous?: Assignment[];
}

export interface SolveProgress {
  /** 0..1 of the time budget (or of the phases, whichever is further). */
  fraction: number;
  phase: string;
  /** Score of the best complete roster so far, when there is one. */
  best?: Score;
  /** The lower bound on understaffed agent-hours, once the month LP has it. */
  bound?: number;
}

export interface SolveOptions {
  /** Wall-clock budget for the whole solve (default 60 s). */
  timeLimitMs?: number;
  onProgress?: (progress: SolveProgress) => void;
  /** Called with each new best roster (at most every `snapshotEveryMs`); the thread wrapper uses it. */
  onBest?: (roster: Roster) => void;
  snapshotEveryMs?: number;
  /** Cancel = stop as soon as possible and return the best roster so far. */
  signal?: AbortSignal;
  /** Polled like `signal` (for callers that cannot deliver an AbortSignal event, e.g. a busy worker thread). */
  shouldStop?: () => boolean;
  /** Add the activities' time off the phones to the requirement the search works on (default true; an ablation). */
  activityUplift?: boolean;
  /** Random seed of the local search (same seed and budget, same roster when the machine is not loaded). */
  seed?: number;
  /**
   * A work bound instead of a time bound: the local search stops after this many moves, and the time limit
   * (default then 10 min) is only a safety net for the LP and MIP phases, which run to their own optimality.
   * For reproducible experiments and for tests that must not depend on how fast the machine is.
   */
  moves?: number;
  /**
   * Resume: start from these assignments (the best roster an interrupted solve kept) instead of the month plan;
   * `startBound` is the bound that solve had found.
   */
  start?: Assignment[];
  startBound?: number;
}

export interface LowerBound {
  /** LP relaxation bound on understaffed agent-hours: no roster keeping the hard rules can do better. */
  understaffed: number;
  /** How the bound was obtained ("LP relaxation of the month shift-design model"). */
  method: string;
  /** The hard rules the bound's model holds (design/rule-prices.ts): a bound for exactly these rules. */
  covers?: string[];
}

export interface PhaseTiming {
  phase: string;
  ms: number;
}

export interface SolveResult {
  roster: Roster;
  lowerBound: LowerBound;
  feasibility: FeasibilityReport;
  phases: PhaseTiming[];
  /** The solve stopped early because it was cancelled. */
  cancelled: boolean;
  /**
   * The final roster's objective as the solver's search prices it and as the rulebook does (equal up to
   * rounding when no hard rule is broken: the search mirrors the rules).
   */
  objective: { search: number; rulebook: number };
  /** TR1–TR4 when the center declares activities: how many were placed, who could not be, their hours and price. */
  activities?: { placed: number; unscheduled: Unscheduled[]; activityHours: number; addedUnderstaffed: number };
}

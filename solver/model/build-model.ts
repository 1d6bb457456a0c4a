/**
 * The solver's view of a RosterProblem, built once: the month's interval line (DST-aware), requirements per
 * queue and interval, every shift option per day with its meal and break choices, and the people with their
 * calendars. Every solver stage reads this; none reads the raw problem again.
 */
import type { Center } from '../../src/domain/center-schema.ts';
import type { RosterProblem } from '../problem.ts';
import { DEFAULT_WEIGHTS, type SoftWeights } from '../rules/weights.ts';
import { buildHorizon, type Horizon } from './horizon.ts';
import { openSpans } from './opening.ts';
import { buildPeople, type Person } from './people.ts';
import { buildRequirementTable, type RequirementTable } from './requirement-table.ts';
import { buildShiftOptions, type ShiftOption } from './shift-options.ts';
import { pinnedDays } from './pinned-days.ts';
import type { TimeSpan } from './work-blocks.ts';

export interface SolverModel {
  problem: RosterProblem;
  center: Center;
  horizon: Horizon;
  queueIds: string[];
  req: RequirementTable;
  weights: SoftWeights;
  /** Options per day, and all options by id. */
  optionsByDay: ShiftOption[][];
  options: ShiftOption[];
  people: Person[];
  phone: Person[];
  supervisors: Person[];
  openDay: boolean[];
  open: TimeSpan[][];
  pinnedDates: Set<string>;
  /** Hours per interval. */
  intervalHours: number;
  /** R7: break length as a share of an interval. */
  breakShare: number;
}

export function buildSolverModel(problem: RosterProblem, weights: SoftWeights = DEFAULT_WEIGHTS): SolverModel {
  const { center } = problem;
  const horizon = buildHorizon(problem.month, center.timezone, center.intervalMinutes);
  const queueIds = center.queues.map((q) => q.id);
  const open = horizon.dates.map((d) => openSpans(center, d));
  const openDay = open.map((s) => s.length > 0);
  const pinned = pinnedDays(problem.pinned ?? [], problem.pinnedDates, problem.pinnedAgentDays);
  const optionsByDay = buildShiftOptions(center, horizon);
  const people = buildPeople({
    center,
    horizon,
    queueIds,
    leave: problem.leave ?? [],
    pinned: problem.pinned ?? [],
    pinnedDays: pinned,
    previous: problem.previous ?? [],
    openDay,
  });
  return {
    problem,
    center,
    horizon,
    queueIds,
    req: buildRequirementTable(horizon, queueIds, problem.requirements, weights),
    weights,
    optionsByDay,
    options: optionsByDay.flat(),
    people,
    phone: people.filter((p) => p.kind === 'phone' && p.queues.length > 0),
    supervisors: people.filter((p) => p.kind === 'supervisor'),
    openDay,
    open,
    pinnedDates: new Set(pinned.dates),
    intervalHours: center.intervalMinutes / 60,
    breakShare: center.rules.hourlyBreakMinutes / center.intervalMinutes,
  };
}

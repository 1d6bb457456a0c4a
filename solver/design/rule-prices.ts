/**
 * The price of each rule: the month's lower bound on understaffed agent-hours (the LP relaxation of the
 * shift-design model, design-model.ts) recomputed with one rule or rule family relaxed at a time; the price is
 * how much lower the bound falls — the understaffing that rule costs at least, whatever the roster. Each
 * relaxation rewrites the problem as a center without that rule would have it (no bus departures, any start
 * the open hours allow, meals anywhere in the shift, …), so the same model measures every price. The rules the
 * bound holds: bound-covers.ts.
 */
import type { Center } from '../../src/domain/center-schema.ts';
import { clockMinutes, formatClock } from '../../src/time/clock.ts';
import type { LpBackend } from '../lp/linear-model.ts';
import { buildSolverModel } from '../model/build-model.ts';
import type { RosterProblem } from '../problem.ts';
import { pinnedCoverage } from '../solve-roster.ts';
import { BOUND_COVERS } from './bound-covers.ts';
import { dayIntegerBound } from './day-integer-bound.ts';
import { buildDesignModel, type DesignSpec } from './design-model.ts';
import { buildGroups } from './groups.ts';


export interface Relaxation {
  id: string;
  rules: string[];
  label: string;
  relax(problem: RosterProblem): RosterProblem;
  /** A relaxation of the model itself rather than of the center. */
  design?: Pick<DesignSpec, 'poolQueues'>;
}

const phone = (role: string) => role === 'agent' || role === 'lead';

function withCenter(problem: RosterProblem, change: (c: Center) => void): RosterProblem {
  const center = structuredClone(problem.center);
  change(center);
  return { ...problem, center };
}

function withContracts(problem: RosterProblem, change: (contract: Center['agents'][number]['contract']) => void): RosterProblem {
  return withCenter(problem, (c) => c.agents.filter((a) => phone(a.role)).forEach((a) => change(a.contract)));
}

/** The open hours of the widest open day, as clock minutes. */
function openSpan(center: Center): [number, number] {
  const from = Math.min(...center.open.map((o) => clockMinutes(o.from)));
  const to = Math.max(...center.open.map((o) => (clockMinutes(o.to) || 1440)));
  return [from, to];
}

export const RELAXATIONS: Relaxation[] = [
  {
    id: 'start-times', rules: ['R4', 'H4'], label: 'start times: any start on the interval grid that keeps the shift inside the open hours',
    relax: (p) => withCenter(p, (c) => {
      const [from, to] = openSpan(c);
      for (const t of c.shiftTemplates) {
        const latest = Math.max(from, to - t.minutes);
        t.start = [formatClock(from), formatClock(latest)];
      }
    }),
  },
  {
    id: 'meal-window', rules: ['R8'], label: 'meal window: the meal anywhere in the shift (after the first minutes, R9)',
    relax: (p) => withCenter(p, (c) => {
      for (const t of c.shiftTemplates) {
        if (!t.meal) continue;
        // A window opening before a shift's start reads as the next day's (night shifts): it opens at the
        // latest start, and closes at the latest end — a superset of the template's own window.
        const starts = Array.isArray(t.start) ? t.start.map(clockMinutes) : [clockMinutes(t.start)];
        const from = Math.min(clockMinutes(t.meal.from), Math.max(...starts));
        const to = Math.max(clockMinutes(t.meal.to), Math.max(...starts) + t.minutes);
        t.meal = { ...t.meal, from: formatClock(from), to: formatClock(Math.min(to, 1439)) };
      }
    }),
  },
  { id: 'bus', rules: ['R12'], label: 'bus departures: shifts may end at any time', relax: (p) => withCenter(p, (c) => void (c.busDepartures = [])) },
  {
    id: 'breaks', rules: ['R7', 'R9'], label: 'hourly breaks: none', relax: (p) => withCenter(p, (c) => {
      c.rules.hourlyBreakMinutes = 0;
      c.rules.noBreakFirstMinutes = 0;
    }),
  },
  { id: 'rest', rules: ['C1'], label: 'rest between shifts: none required', relax: (p) => withContracts(p, (k) => void (k.minRestHours = 0)) },
  { id: 'consecutive', rules: ['C2'], label: 'consecutive days: no limit', relax: (p) => withContracts(p, (k) => void (k.maxConsecutiveDays = 366)) },
  {
    id: 'month-days', rules: ['C3'], label: 'days a month: any number', relax: (p) => withContracts(p, (k) => {
      k.minDays = 0;
      k.maxDays = 31;
    }),
  },
  {
    id: 'skills', rules: ['H2'], label: 'skills: everyone may work every queue',
    relax: (p) => withCenter(p, (c) => c.agents.filter((a) => phone(a.role)).forEach((a) => void (a.skills = c.queues.map((q) => q.id)))),
  },
  {
    id: 'one-queue', rules: ['H2'], label: 'one queue a shift: people with several skills split each interval across their queues (the roster format gives a shift one queue)',
    relax: (p) => p, design: { poolQueues: true },
  },
  {
    id: 'leave', rules: ['H3'], label: 'leave and unavailable days: everyone available',
    relax: (p) => ({ ...withCenter(p, (c) => c.agents.forEach((a) => void (a.unavailable = []))), leave: [] }),
  },
];

export interface BoundResult {
  /** Agent-hours; NaN when the LP did not finish in time. */
  bound: number;
  ms: number;
}

/** The LP bound of a problem (understaffed agent-hours). */
export function lowerBound(problem: RosterProblem, backend: LpBackend, timeLimitMs: number, design: Relaxation['design'] = {}): BoundResult {
  const m = buildSolverModel(problem);
  const groups = buildGroups(m);
  const dm = buildDesignModel(m, groups, { days: m.horizon.dates.map((_, d) => d), fixedCoverage: pinnedCoverage(m), integer: false, monthRows: true, objective: 'understaffed', ...design });
  const sol = backend.solve(dm.lp, { timeLimitMs, lpMethod: dm.lp.numCols >= 15_000 ? 'ipm' : 'simplex' });
  return { bound: sol.status === 'optimal' ? Math.max(0, sol.objective) : NaN, ms: sol.ms };
}

export interface RulePrice {
  id: string;
  rules: string[];
  label: string;
  /** The bound without this rule. */
  bound: number;
  /** The bound with every rule minus the bound without this one: understaffing the rule costs at least. */
  price: number;
}

/** The bound with whole shifts, meals and breaks per day (day-integer-bound.ts) beside the LP's. */
export interface WholeShiftBound {
  bound: number;
  lpBound: number;
  /** Days whose MIP was solved to optimality (the others count with their proven bound). */
  provenDays: number;
  days: number;
  /** Day MIPs solved (identical days are solved once). */
  distinctDays: number;
}

export interface RulePrices {
  bound: number;
  covers: string[];
  prices: RulePrice[];
  /** Absent in results stored before it existed, or when the month LP did not finish in time. */
  wholeShifts?: WholeShiftBound;
}

/**
 * Each distinct day MIP of the whole-shift bound gets at most DAY_MIP_MS, all together at most WHOLE_SHIFT_MS:
 * a stopped day still counts with its proven bound, so the limits cost tightness, never validity.
 */
const DAY_MIP_MS = 10_000;
const WHOLE_SHIFT_MS = 120_000;

/** The day-integer bound of a problem, its day MIPs within `dayMs` each and `totalMs` together. */
export function wholeShiftBound(problem: RosterProblem, backend: LpBackend, limits: { lpMs: number; dayMs: number; totalMs?: number }): WholeShiftBound | undefined {
  const m = buildSolverModel(problem);
  const b = dayIntegerBound(m, buildGroups(m), backend, pinnedCoverage(m), limits);
  return b && { bound: b.bound, lpBound: b.lpBound, provenDays: b.days.filter((d) => d.proven).length, days: b.days.length, distinctDays: b.distinct };
}

/**
 * The bound with whole shifts first (its month LP is the bound with every rule, so that LP is solved once),
 * then each relaxation's bound and price (each LP within `timeLimitMs`).
 */
export function rulePrices(problem: RosterProblem, backend: LpBackend, timeLimitMs: number, onStep?: (done: number, of: number) => void): RulePrices {
  const steps = RELAXATIONS.length + 1;
  onStep?.(0, steps);
  const wholeShifts = wholeShiftBound(problem, backend, { lpMs: timeLimitMs, dayMs: DAY_MIP_MS, totalMs: WHOLE_SHIFT_MS });
  const all = wholeShifts?.lpBound ?? lowerBound(problem, backend, timeLimitMs).bound;
  const prices = RELAXATIONS.map((r, k) => {
    onStep?.(k + 1, steps);
    const bound = lowerBound(r.relax(problem), backend, timeLimitMs, r.design).bound;
    return { id: r.id, rules: r.rules, label: r.label, bound, price: Math.max(0, all - bound) };
  });
  onStep?.(steps, steps);
  return { bound: all, covers: BOUND_COVERS, prices, ...(wholeShifts ? { wholeShifts } : {}) };
}

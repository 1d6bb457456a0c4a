/**
 * The day-integer bound (solver/design/day-integer-bound.ts): a Lagrangian bound with whole shifts, meals and
 * breaks per day, never below the month LP's and never above the best roster the design model allows.
 * Tiny centers, UTC, 60-minute intervals (R7: each full working hour on the phones keeps 55 of its 60 minutes,
 * 11/12 of an agent), open 08:00–20:00, templates E 08:00 and L 14:00 of 4 hours (no meal).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCenter } from '../../src/domain/center-loader.ts';
import type { CenterInput } from '../../src/domain/center-schema.ts';
import { dayIntegerBound } from '../../solver/design/day-integer-bound.ts';
import { buildDesignModel } from '../../solver/design/design-model.ts';
import { buildGroups } from '../../solver/design/groups.ts';
import { createHighsBackend } from '../../solver/lp/highs-backend.ts';
import type { LpBackend } from '../../solver/lp/linear-model.ts';
import { buildSolverModel } from '../../solver/model/build-model.ts';
import type { RosterProblem } from '../../solver/problem.ts';
import { pinnedCoverage } from '../../solver/solve-roster.ts';
import { seededRandom } from '../../src/demo/generate-center.ts';

let highs: LpBackend;
beforeAll(async () => {
  highs = await createHighsBackend();
});

const MONTH = '2027-01';
type Need = { queue: string; interval_start: string; required: number };
/** `required` agents on queue a for each hour from..to (exclusive) of `date`. */
const need = (date: string, from: number, to: number, required: number): Need[] =>
  Array.from({ length: to - from }, (_, k) => ({ queue: 'a', interval_start: `${date}T${String(from + k).padStart(2, '0')}:00:00Z`, required }));

function problem(agents: Array<{ id: string; maxDays: number }>, requirements: Need[]): RosterProblem {
  const input: CenterInput = {
    id: 'b', name: 'b', timezone: 'UTC', intervalMinutes: 60,
    open: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '08:00', to: '20:00' }],
    queues: [{ id: 'a', kind: 'inbound' }],
    shiftTemplates: [
      { id: 'E', start: '08:00', minutes: 240 },
      { id: 'L', start: '14:00', minutes: 240 },
    ],
    teams: [{ id: 't', queue: 'a', lead: agents[0].id, supervisor: 's' }],
    agents: [
      { id: 's', name: 's', role: 'supervisor', skills: ['a'], contract: { minDays: 0, maxDays: 31, templates: ['E'] } },
      ...agents.map((a, k) => ({
        id: a.id, name: a.id, team: 't', role: (k === 0 ? 'lead' : 'agent') as 'lead' | 'agent', skills: ['a'],
        contract: { minDays: 0, maxDays: a.maxDays, maxConsecutiveDays: 6, minRestHours: 11, templates: ['E', 'L'] },
      })),
    ],
  };
  return { center: parseCenter(input), month: MONTH, requirements };
}

function bounds(p: RosterProblem) {
  const m = buildSolverModel(p);
  const groups = buildGroups(m);
  const fixed = pinnedCoverage(m);
  const b = dayIntegerBound(m, groups, highs, fixed, { dayMs: 60_000 })!;
  // The design model's own whole-number optimum, solved exactly (tiny: one or two people).
  const days = m.horizon.dates.map((_, d) => d);
  const dm = buildDesignModel(m, groups, { days, fixedCoverage: fixed, integer: true, integerPlacement: true, monthRows: true, objective: 'understaffed' });
  const mip = highs.solve(dm.lp, { timeLimitMs: 120_000, relGap: 0, absGap: 1e-9 });
  return { ...b, optimum: mip.objective, optimal: mip.status === 'optimal' };
}

describe('the day-integer bound', () => {
  it('one day needing half an agent 08:00–12:00 and 14:00–18:00: LP 1/3 h (half E + half L), whole shifts 2 h', () => {
    const r = bounds(problem([{ id: 'x', maxDays: 31 }], [...need('2027-01-04', 8, 12, 0.5), ...need('2027-01-04', 14, 18, 0.5)]));
    // LP: 0.5 E + 0.5 L covers each of the 8 hours with 0.5 × 11/12 agents: 8 × 0.5/12 = 1/3 short.
    expect(r.lpBound).toBeCloseTo(1 / 3, 6);
    // One shift a day: E covers the morning (11/12 ≥ 0.5), the afternoon's 4 × 0.5 h stay short.
    expect(r.bound).toBeCloseTo(2, 6);
    expect(r.optimum).toBeCloseTo(2, 6);
  });

  it('near miss: a second person makes both halves coverable, LP and day bound 0', () => {
    const r = bounds(problem([{ id: 'x', maxDays: 31 }, { id: 'y', maxDays: 31 }], [...need('2027-01-04', 8, 12, 0.5), ...need('2027-01-04', 14, 18, 0.5)]));
    expect(r.lpBound).toBeCloseTo(0, 6);
    expect(r.bound).toBeCloseTo(0, 6);
  });

  it('days tied by the month total (x may work 1 day of 2 that each need the two halves): 4 1/3 ≤ bound ≤ optimum 6', () => {
    const reqs = [...need('2027-01-04', 8, 12, 0.5), ...need('2027-01-04', 14, 18, 0.5), ...need('2027-01-05', 8, 12, 0.5), ...need('2027-01-05', 14, 18, 0.5)];
    const r = bounds(problem([{ id: 'x', maxDays: 1 }], reqs));
    // LP: a quarter of each of the four shifts, 4 × 11/12 of the 8 agent-hours covered.
    expect(r.lpBound).toBeCloseTo(8 - 44 / 12, 6);
    // One whole shift covers 4 × 0.5 h of them.
    expect(r.optimum).toBeCloseTo(6, 6);
    expect(r.bound).toBeGreaterThanOrEqual(r.lpBound - 1e-6);
    expect(r.bound).toBeLessThanOrEqual(r.optimum + 1e-6);
  });

  it('on random small months (3 people, day limits 2–4, fractional needs over a week) LP ≤ bound ≤ optimum', () => {
    const rand = seededRandom(17);
    let raised = 0;
    for (let run = 0; run < 4; run++) {
      const reqs: Need[] = [];
      for (let day = 4; day <= 10; day++) {
        for (let h = 8; h < 20; h++) if (rand() < 0.6) reqs.push(...need(`2027-01-${String(day).padStart(2, '0')}`, h, h + 1, Math.round(rand() * 20) / 10));
      }
      const r = bounds(problem(['x', 'y', 'z'].map((id) => ({ id, maxDays: 2 + Math.floor(rand() * 3) })), reqs));
      expect(r.optimal).toBe(true);
      expect(r.bound).toBeGreaterThanOrEqual(r.lpBound - 1e-6);
      expect(r.bound).toBeLessThanOrEqual(r.optimum + 1e-6);
      if (r.bound > r.lpBound + 1e-3) raised++;
    }
    // Whole shifts matter on such months: the bound rises above the LP's on at least one of them.
    expect(raised).toBeGreaterThan(0);
  });
});

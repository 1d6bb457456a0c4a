// Working hours (R7 blocks) and meal/break placement: the exact day MIP never does worse than coordinate descent.
import { beforeAll, describe, expect, it } from 'vitest';
import { workBlocks } from '../../solver/model/work-blocks.ts';
import { buildSolverModel } from '../../solver/model/build-model.ts';
import { CoverageState, type Placed } from '../../solver/search/coverage-state.ts';
import { improveDayPlacement } from '../../solver/assign/placement.ts';
import { placeDayExactly } from '../../solver/assign/placement-mip.ts';
import { createHighsBackend } from '../../solver/lp/highs-backend.ts';
import type { LpBackend } from '../../solver/lp/linear-model.ts';
import { requirementsFromBankProfile } from '../../solver/requirements/bank-profile.ts';
import { MONTH, at, tinyCenter } from './fixture.ts';

const ms = (hhmm: string) => Date.parse(at('2026-12-01', hhmm));
const hours = (blocks: ReturnType<typeof workBlocks>) => blocks.map((b) => b.pieces.map((p) => `${new Date(p.fromMs + 8 * 3.6e6).toISOString().slice(11, 16)}-${new Date(p.toMs + 8 * 3.6e6).toISOString().slice(11, 16)}`).join('+'));

describe('working hours (R7 reading)', () => {
  it('an 8-hour shift with a 60-min meal on the hour has 7 full working hours', () => {
    expect(hours(workBlocks(ms('08:00'), ms('16:00'), [{ fromMs: ms('12:00'), toMs: ms('13:00') }]))).toEqual([
      '08:00-09:00', '09:00-10:00', '10:00-11:00', '11:00-12:00', '13:00-14:00', '14:00-15:00', '15:00-16:00',
    ]);
  });
  it('a meal at half past cuts one working hour in two', () => {
    expect(hours(workBlocks(ms('08:00'), ms('16:00'), [{ fromMs: ms('12:30'), toMs: ms('13:30') }]))[4]).toBe('12:00-12:30+13:30-14:00');
  });
  it('the last incomplete hour needs no break: 4 h 30 min without a meal has 4 full hours', () => {
    expect(workBlocks(ms('08:00'), ms('12:30'), [])).toHaveLength(4);
  });
});

describe('meal and break placement of a day', () => {
  let highs: LpBackend;
  beforeAll(async () => {
    highs = await createHighsBackend();
  });

  it('the exact MIP ends no worse than coordinate descent, and keeps each shift its option', () => {
    const center = tinyCenter();
    const m = buildSolverModel({ center, month: MONTH, requirements: requirementsFromBankProfile(center, MONTH) });
    const cov = new CoverageState(m);
    const options = m.optionsByDay[0];
    const e = options.find((o) => o.templateId === 'E')!;
    const l = options.find((o) => o.templateId === 'L')!;
    // Every shift starts with meal position 0 and break slot 0: a deliberately poor start.
    const plan: (Placed | null)[][] = [e, e, e, l, l, l].map((option) => {
      const placed = { option, q: 0, meal: 0, slots: option.meals[0].blocks.map(() => 0) };
      cov.apply(placed, 1);
      return [placed];
    });
    const costOfDay = () => cov.totals().cost;
    const start = costOfDay();
    improveDayPlacement(cov, plan, 0);
    const descent = costOfDay();
    placeDayExactly(cov, highs, plan, 0, 5_000);
    const exact = costOfDay();
    expect(descent).toBeLessThanOrEqual(start + 1e-9);
    expect(exact).toBeLessThanOrEqual(descent + 1e-9);
    expect(plan.map((line) => line[0]!.option.templateId)).toEqual(['E', 'E', 'E', 'L', 'L', 'L']);
  });
});

/**
 * The local search of the large instances (solver/benchmarks/curtois-qu-local-search.ts). Hand cases: a short
 * day that only a two-employee ejection chain repairs (near miss: the second employee is away, nothing can be
 * done), and a request granted by handing a shift over. On a generated large instance: its own bookkeeping
 * agrees with the independent objective, every row keeps the rulebook's hard rules, and the objective falls.
 * Work is bounded by row checks, never by the clock.
 */
import { describe, expect, it } from 'vitest';
import { CqLocalSearch } from '../../solver/benchmarks/curtois-qu-local-search.ts';
import { CqChains } from '../../solver/benchmarks/curtois-qu-chains.ts';
import type { Chain } from '../../solver/benchmarks/curtois-qu-move-state.ts';
import type { CqInstance, CqStaff } from '../../solver/benchmarks/curtois-qu-instance.ts';
import { cqObjective } from '../../solver/benchmarks/curtois-qu-objective.ts';
import { cqHardViolations } from '../../solver/benchmarks/curtois-qu-hard.ts';
import { parseCurtoisQu } from '../../solver/benchmarks/curtois-qu-reader.ts';
import { bestResponse } from '../../solver/benchmarks/curtois-qu-best-response.ts';
import { cqCosts } from '../../solver/benchmarks/curtois-qu-costs.ts';
import { employeeDp, trackLabelsFor, type EmployeeDp } from '../../solver/benchmarks/curtois-qu-dp.ts';
import { emptySolution } from '../../solver/benchmarks/curtois-qu-instance.ts';
import { Random } from '../../solver/benchmarks/random.ts';
import { generateCurtoisQu, GENERATED_SPECS } from '../../bench/curtois-generator.ts';

const person = (id: string, daysOff: number[]): CqStaff => ({
  id,
  maxShifts: {},
  maxTotalMinutes: 480, // one shift over the horizon
  minTotalMinutes: 0,
  maxConsecutiveShifts: 2,
  minConsecutiveShifts: 1,
  minConsecutiveDaysOff: 1,
  maxWeekends: 1,
  daysOff,
});

/** Two days, one 8-hour shift type D needed once a day (100 per missing person), two people of one shift each. */
function twoDays(bDaysOff: number[]): CqInstance {
  return {
    name: 'hand',
    horizon: 2,
    shifts: [{ id: 'D', minutes: 480, cannotFollow: [] }],
    staff: [person('A', []), person('B', bDaysOff)],
    onRequests: [],
    offRequests: [],
    cover: [0, 1].map((day) => ({ day, shift: 0, requirement: 1, underWeight: 100, overWeight: 1 })),
  };
}

/** Opens the chains' row candidates to the test. */
class ChainProbe extends CqChains {
  candidates(solution: number[][], e: number, d: number, t: number): Chain[] {
    this.load(solution);
    const out: Chain[] = [];
    this.rowCandidates(e, d, t, out);
    return out;
  }
}

/**
 * Two weeks (weekends: days 5–6 and 12–13), one employee A on shift D over the first weekend, the limit one
 * weekend; the second weekend needs one D a day (100 each), the first none (1 per person over).
 */
function twoWeekends(maxWeekends: number): CqInstance {
  return {
    name: 'weekends',
    horizon: 14,
    shifts: [{ id: 'D', minutes: 480, cannotFollow: [] }],
    staff: [{ ...person('A', []), maxTotalMinutes: 14 * 480, maxConsecutiveShifts: 14, maxWeekends }],
    onRequests: [],
    offRequests: [],
    cover: [5, 6, 12, 13].map((day) => ({ day, shift: 0, requirement: day > 7 ? 1 : 0, underWeight: 100, overWeight: 1 })),
  };
}

describe('Curtois & Qu local search', () => {
  it('moves a whole weekend when the weekend limit binds: A gives up days 5–6 for 12, alone or with 13', () => {
    const inst = twoWeekends(1);
    const solution = [Array.from({ length: 14 }, (_, d) => (d === 5 || d === 6 ? 0 : -1))];
    expect(cqObjective(inst, solution).total).toBe(202);
    const found = new ChainProbe(inst).candidates(solution, 0, 12, 0).map((c) => ({ days: c.changes.map((x) => [x.d, x.to]), delta: c.delta }));
    // Taking 12 alone breaks the limit, and no change of one more day mends it: only the weekend moves remain.
    expect(found).toEqual([
      { days: [[12, 0], [5, -1], [6, -1]], delta: -100 - 2 },
      { days: [[12, 0], [5, -1], [6, -1], [13, 0]], delta: -200 - 2 },
    ]);
    // The search takes the whole move: 202 → 0.
    new CqLocalSearch(inst).improve(solution, new Random(1), { maxChecks: 10_000 });
    expect(cqObjective(inst, solution).total).toBe(0);
  });

  it('near miss: with two weekends allowed, taking day 12 alone is feasible and no weekend is given up', () => {
    const inst = twoWeekends(2);
    const solution = [Array.from({ length: 14 }, (_, d) => (d === 5 || d === 6 ? 0 : -1))];
    const found = new ChainProbe(inst).candidates(solution, 0, 12, 0).map((c) => c.changes.map((x) => [x.d, x.to]));
    expect(found).toEqual([[[12, 0]]]);
  });

  it('repairs a short day by a chain: A moves to day 1, B (away on day 1) takes day 0', () => {
    const inst = twoDays([1]);
    const solution = [[0, -1], [-1, -1]]; // A on day 0; day 1 short
    expect(cqObjective(inst, solution).total).toBe(100);
    const r = new CqLocalSearch(inst).improve(solution, new Random(1), { maxChecks: 10_000 });
    expect(solution).toEqual([[-1, 0], [0, -1]]);
    expect(r.delta).toBe(-100);
    expect(cqObjective(inst, solution).total).toBe(0);
  });

  it('near miss: B is away both days, so nothing can be repaired and nothing changes', () => {
    const inst = twoDays([0, 1]);
    const solution = [[0, -1], [-1, -1]];
    const r = new CqLocalSearch(inst).improve(solution, new Random(1), { maxChecks: 10_000 });
    expect(solution).toEqual([[0, -1], [-1, -1]]);
    expect(r.delta).toBe(0);
  });

  it('grants a request by handing the shift over (request 3, no over-cover left)', () => {
    const inst: CqInstance = {
      ...twoDays([]),
      horizon: 1,
      cover: [{ day: 0, shift: 0, requirement: 1, underWeight: 100, overWeight: 1 }],
      onRequests: [{ employee: 1, day: 0, shift: 0, weight: 3 }],
    };
    const solution = [[0], [-1]];
    expect(cqObjective(inst, solution).total).toBe(3);
    new CqLocalSearch(inst).improve(solution, new Random(2), { maxChecks: 10_000 });
    expect(solution).toEqual([[-1], [0]]);
  });

  it('on generated Gen13 from a best-response start: falls, keeps every hard rule, and counts its change exactly', () => {
    const inst = parseCurtoisQu(generateCurtoisQu(GENERATED_SPECS.find((s) => s.name === 'Gen13')!), 'Gen13.txt');
    const solution = emptySolution(inst);
    const dps = inst.staff.map((_, e) => employeeDp(inst, e, trackLabelsFor(inst.staff.length)));
    bestResponse(inst, cqCosts(inst), dps as EmployeeDp[], solution, new Random(1), 1);
    const before = cqObjective(inst, solution).total;
    expect(cqHardViolations(inst, solution)).toEqual([]);
    const r = new CqLocalSearch(inst).improve(solution, new Random(3), { maxChecks: 3_000_000 });
    const after = cqObjective(inst, solution).total;
    expect(after - before).toBe(r.delta);
    expect(after).toBeLessThan(before - 500); // five or more short cover units repaired
    expect(cqHardViolations(inst, solution)).toEqual([]);
  });
});

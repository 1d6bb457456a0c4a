import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readCurtoisQuFile } from '../../solver/benchmarks/curtois-qu-reader.ts';
import { cqHardViolations } from '../../solver/benchmarks/curtois-qu-hard.ts';
import { toCenter } from '../../solver/benchmarks/curtois-qu-center.ts';
import { FEASIBLE_ROWS, grid } from './instance1-grids.ts';

const inst = readCurtoisQuFile(fileURLToPath(new URL('../../data/curtois-qu/instances/Instance1.txt', import.meta.url)));

describe('Curtois & Qu hard rules through the rulebook (H1, H3, C2, C4–C9)', () => {
  it('maps staff onto agents with the contract fields of C2 and C4–C9', () => {
    const center = toCenter(inst);
    expect(center.agents[0].contract).toMatchObject({
      maxConsecutiveDays: 5,
      minConsecutiveDays: 2,
      minConsecutiveDaysOff: 2,
      maxWorkingWeekends: 1,
      minMinutes: 3360,
      maxMinutes: 4320,
      maxShiftsPerTemplate: { D: 14 },
    });
    expect(center.agents[0].unavailable).toEqual([{ date: '2024-01-01', reason: 'fixed day off' }]);
    expect(center.agents[1].preferences.filter((p) => p.want === 'D')).toHaveLength(5); // B,0..4,D,3
  });

  it('near miss: a hand-made grid keeping every rule has no violation', () => {
    expect(cqHardViolations(inst, grid(inst, FEASIBLE_ROWS))).toEqual([]);
  });

  it('breaks: everyone working all 14 days breaks max consecutive, weekends, minutes and the day off', () => {
    const all = Object.fromEntries(inst.staff.map((s) => [s.id, 'D'.repeat(14)]));
    const v = cqHardViolations(inst, grid(inst, all));
    const forA = v.filter((x) => x.agent === 'A').map((x) => [x.rule, x.penalty]);
    // 14 days in a row against 5 → 9 over; 2 weekends against 1; 14 × 480 = 6720 min against 4320 → 2400 over;
    // day 0 is A's fixed day off.
    expect(forA.sort()).toEqual([['C2', 9], ['C4', 1], ['C8', 2400], ['H3', 1]]);
    expect(v).toHaveLength(8 * 4);
  });

  it('breaks: a one-day work run and a one-day break inside the horizon (C5, C6)', () => {
    // Days 1–4 work, 5 off, 6 work, 7 off, 8–10 work: 8 shifts and one weekend as before, but day 6 is a
    // 1-day work run (1 short of 2) between 1-day breaks on days 5 and 7 (each 1 short of 2).
    const rows = { ...FEASIBLE_ROWS, A: '.DDDD.D.DDD...' };
    const v = cqHardViolations(inst, grid(inst, rows)).map((x) => [x.rule, x.agent, x.date, x.penalty]);
    expect(v).toEqual([
      ['C5', 'A', '2024-01-07', 1],
      ['C6', 'A', '2024-01-06', 1],
      ['C6', 'A', '2024-01-08', 1],
    ]);
  });
});

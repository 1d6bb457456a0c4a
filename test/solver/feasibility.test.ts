// The feasibility check explains in plain words what cannot be kept. Expected numbers by hand (fixture.ts):
// contracts of 16–23 days, at most 6 days in a row; December 2026 has 31 days.
import { describe, expect, it } from 'vitest';
import { checkFeasibility } from '../../solver/feasibility.ts';
import { MONTH, tinyCenter } from './fixture.ts';
import { days } from './fixture.ts';

const leave = (from: number, n: number) => days(from, n).map((date) => ({ date, reason: 'leave' }));

describe('checkFeasibility', () => {
  it('finds nothing wrong with the tiny center', () => {
    expect(checkFeasibility({ center: tinyCenter(), month: MONTH, requirements: [] })).toEqual({ feasible: true, problems: [] });
  });

  it('L9: team t2 with 12 + 10 leave days can work at most 23 + 17 + 18 = 58 days: 58 / 80 = 72% < 95%', () => {
    // b1 free 13–31 (19 days, at most 19 − ⌊19/7⌋ = 17 in runs of 6), b2 free 11–31 (21 → 18), l2 23 (contract max).
    const center = tinyCenter((c) => {
      c.agents!.find((a) => a.id === 'b1')!.unavailable = leave(1, 12);
      c.agents!.find((a) => a.id === 'b2')!.unavailable = leave(1, 10);
    });
    const report = checkFeasibility({ center, month: MONTH, requirements: [] });
    expect(report.problems).toContainEqual({
      rule: 'L9', level: 'warning',
      message: 'team t2: 22 approved leave days against 80 rostered agent-days in December 2026: planned attendance 72% < 95% (L9)',
    });
    expect(report.feasible).toBe(true);
  });

  it('R11: with the late template limited to Monday–Saturday, no supervisor can cover Sundays 16:00–20:00', () => {
    const center = tinyCenter((c) => {
      c.shiftTemplates!.find((t) => t.id === 'L')!.days = [1, 2, 3, 4, 5, 6];
    });
    const report = checkFeasibility({ center, month: MONTH, requirements: [] });
    expect(report.feasible).toBe(false);
    expect(report.problems).toContainEqual({ rule: 'R11', level: 'impossible', message: 'no supervisor can cover Sundays 16:00–20:00 (R11)' });
  });

  it('R11: days short of supervisors in one line as date ranges, with the numbers (2 shifts a day, 1 supervisor)', () => {
    // Open 08:00–20:00 needs E (08–16) and L (12–20) each day. s2 and s3 are away on 1–5 and 8–10 December,
    // s3 alone also on 6–7 (near miss: s1 and s2 are enough there).
    const away = [...days(1, 5), ...days(8, 3)].map((date) => ({ date, reason: 'course' }));
    const center = tinyCenter((c) => {
      c.agents!.find((a) => a.id === 's2')!.unavailable = away;
      c.agents!.find((a) => a.id === 's3')!.unavailable = [...away, ...days(6, 2).map((date) => ({ date, reason: 'course' }))];
    });
    const r11 = checkFeasibility({ center, month: MONTH, requirements: [] }).problems.filter((p) => p.rule === 'R11' && /a day are needed/.test(p.message));
    expect(r11).toEqual([{
      rule: 'R11', level: 'impossible',
      message: 'on 2026-12-01 – 2026-12-05, 2026-12-08 – 2026-12-10 2 supervisor shifts a day are needed to cover every open minute but only 1 supervisor(s) can work (R11)',
    }]);
  });

  it('C2/C3: 20 days unavailable leave 11 in one run, of which at most 10 can be worked', () => {
    const center = tinyCenter((c) => {
      c.agents!.find((a) => a.id === 'a1')!.unavailable = days(1, 20).map((date) => ({ date, reason: 'course' }));
    });
    const report = checkFeasibility({ center, month: MONTH, requirements: [] });
    expect(report.problems).toContainEqual({
      rule: 'C3', level: 'impossible',
      message: 'a1: at most 10 working days possible in December 2026 (20 days of leave or unavailability, at most 6 in a row) but the contract requires 11 (C2, C3)',
    });
  });

  it('R3: requirements for a queue nobody can work', () => {
    const center = tinyCenter((c) => {
      c.queues!.push({ id: 'vip', kind: 'inbound' });
    });
    const requirements = [{ queue: 'vip', interval_start: '2026-12-01T09:00:00+08:00', required: 4 }];
    expect(checkFeasibility({ center, month: MONTH, requirements }).problems).toContainEqual({
      rule: 'R3', level: 'warning', message: 'nobody can work queue vip: all 2 required agent-hours will be short (H2, R3)',
    });
  });
});

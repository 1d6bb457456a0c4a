import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.ts';
import type { RequirementPoint } from '../../src/formats/requirements-csv.ts';
import { staffingPlan, type QueuePlan } from '../../src/staffing/hiring-gap.ts';
import { fixtureCenter } from './fixture-center.ts';

/** `days` rows (one a day at 10:00, February 2026) of `required` agents for 30 minutes. */
const rows = (queue: string, days: number, required: number): RequirementPoint[] =>
  Array.from({ length: days }, (_, i) => ({ queue, interval_start: `2026-02-${String(i + 1).padStart(2, '0')}T10:00:00+08:00`, required }));

const stepValue = (q: QueuePlan, label: string) => {
  const s = q.steps.find((x) => x.label === label);
  if (!s) throw new Error(`no step "${label}"`);
  return s.value;
};

// Hand computation for the fixture (test/staffing/fixture-center.ts), February 2026 (28 open days):
// shift D = 540 min, meal 60 (R8), 8 breaks × 5 = 40 (R7), 440 min on the phones, paid 540 + 10 briefing (R10) = 550.
// care: 22 rows × 40 agents × 0.5 h = 440 phone hours → 60 shifts → breaks 40 h, meals 60 h, briefings 10 h
//   → 550 shift hours; training 3 agents × (1 exam + 2 in-seat) h = 9 (TR2) → 559; ÷ 0.95 (L9) = 588.4211.
//   capacity: c1 20 d, c2 22 d, c3 20 d × 550/60 h = 568.3333; c3's 2 days of leave take the share of them c3
//   would have worked, 2 × 20/28 = 1.4286 days × 9.1667 h = 13.0952 h → 555.2381.
//   gap 33.1830 h; a hire works the median 20 days: 20 × 9.1667 − 3 / 0.95 = 180.1754 → ⌈0.184⌉ = 1.
// tsr: 22 × 80 × 0.5 = 880 phone h → 120 shifts → 1100 h + 2 × 3 training = 1106 → ÷ 0.95 = 1164.2105;
//   capacity 2 × 20 × 9.1667 = 366.6667; gap 797.5439; mix (17 + 11)/2 = 14 CPH, interns make 11:
//   per hire 183.3333 × 11/14 − 3.1579 = 140.8897 → ⌈5.661⌉ = 6 interns (T1).
describe('headcount and hiring gap (MANUAL R2)', () => {
  const center = fixtureCenter();
  const requirements = [...rows('care', 22, 40), ...rows('tsr', 22, 80), { queue: 'care', interval_start: '2026-03-01T10:00:00+08:00', required: 99 }];
  const plan = staffingPlan({ center, month: '2026-02', requirements, approvedLeave: [{ agent: 'c3', date: '2026-02-10' }, { agent: 'c3', date: '2026-02-11' }] });
  const care = plan.queues.find((q) => q.queue === 'care')!;
  const tsr = plan.queues.find((q) => q.queue === 'tsr')!;

  it('shows the inbound arithmetic line by line', () => {
    expect(plan.openDays).toBe(28);
    expect(stepValue(care, 'phone hours')).toBe(440); // the March row is outside the month
    expect(stepValue(care, 'shifts')).toBeCloseTo(60, 10);
    expect(stepValue(care, 'hourly breaks')).toBeCloseTo(40, 10);
    expect(stepValue(care, 'meals')).toBeCloseTo(60, 10);
    expect(stepValue(care, 'briefings and meetings')).toBeCloseTo(10, 10);
    expect(stepValue(care, 'exam and training hours')).toBe(9);
    expect(care.requiredPaidHours).toBeCloseTo(588.4211, 4);
    expect(stepValue(care, 'contract hours')).toBeCloseTo(568.3333, 4);
    expect(stepValue(care, 'approved leave')).toBeCloseTo(13.0952, 4);
    expect(care.availablePaidHours).toBeCloseTo(555.2381, 4);
    expect(care.gapHours).toBeCloseTo(33.183, 4);
    expect(stepValue(care, 'net hours per hire')).toBeCloseTo(180.1754, 4);
    expect(care.hires).toEqual([{ queue: 'care', tier: null, count: 1 }]);
    expect(care.steps.find((s) => s.label === 'required paid hours')?.rule).toBe('L9');
  });

  it('hires outbound agents as interns and scales for their lower calls per hour (T1)', () => {
    expect(tsr.requiredPaidHours).toBeCloseTo(1164.2105, 4);
    expect(tsr.availablePaidHours).toBeCloseTo(366.6667, 4);
    expect(stepValue(tsr, 'calls per hour of the current mix')).toBe(14);
    expect(stepValue(tsr, 'net hours per hire')).toBeCloseTo(140.8897, 4);
    expect(tsr.hires).toEqual([{ queue: 'tsr', tier: 'intern', count: 6 }]);
    expect(plan.totalHires).toBe(7);
  });

  it('a queue with no requirements in the month hires nobody and says so', () => {
    const sales = plan.queues.find((q) => q.queue === 'sales')!;
    expect(sales.hires).toEqual([]);
    expect(plan.warnings.some((w) => w.includes('"sales"'))).toBe(true);
  });

  it('without the leave the gap is 33.18 − 13.10 = 20.09 h; 3 more days for c1 (27.5 h) close it, 2 days (18.3 h) do not (near miss)', () => {
    const noLeave = staffingPlan({ center, month: '2026-02', requirements }).queues.find((q) => q.queue === 'care')!;
    expect(noLeave.gapHours).toBeCloseTo(20.0877, 4);
    expect(noLeave.hires[0].count).toBe(1);
    const withC1Days = (days: number) => {
      const c = fixtureCenter((input) => {
        input.agents!.find((a) => a.id === 'c1')!.contract = { maxDays: days };
      });
      return staffingPlan({ center: c, month: '2026-02', requirements }).queues.find((q) => q.queue === 'care')!;
    };
    expect(withC1Days(23).gapHours).toBeCloseTo(20.0877 - 27.5, 4);
    expect(withC1Days(23).hires).toEqual([]);
    expect(withC1Days(22).gapHours).toBeCloseTo(20.0877 - 18.3333, 4);
    expect(withC1Days(22).hires[0].count).toBe(1);
  });

  it('takes each assumption as a parameter: TR1 training days of new hires, TR3 outward-bound hours, absence', () => {
    const p = staffingPlan({
      center, month: '2026-02', requirements,
      assumptions: { newHireTrainingDays: 5, outwardBoundHoursPerAgent: 8, absenceRate: 0.1 },
    });
    const q = p.queues.find((x) => x.queue === 'care')!;
    // training 3 × (1 + 2 + 8) = 33 h; (550 + 33) / 0.9 = 647.7778; a hire: 15 days × 9.1667 − 11 / 0.9 = 125.2778.
    expect(q.requiredPaidHours).toBeCloseTo(647.7778, 4);
    expect(stepValue(q, 'net hours per hire')).toBeCloseTo(125.2778, 4);
    expect(p.assumptions.find((a) => a.name === 'outwardBoundHoursPerAgent')).toMatchObject({ value: 8, rule: 'TR3' });
    expect(p.assumptions.find((a) => a.name === 'absenceRate')).toMatchObject({ value: 0.1, rule: 'L9' });
  });

  it('removes L10 new-hire training days of current agents from their capacity, at their contract share', () => {
    const training = fixtureCenter((c) => {
      c.agents!.find((a) => a.id === 'c2')!.training = [{ from: '2026-02-01', to: '2026-02-03' }];
    });
    const q = staffingPlan({ center: training, month: '2026-02', requirements }).queues.find((x) => x.queue === 'care')!;
    // c2 works 22 of 28 open days: 3 training days take 3 × 22/28 = 2.3571 working days × 9.1667 h = 21.6071 h.
    expect(stepValue(q, 'new-hire training days of current agents')).toBeCloseTo(21.6071, 4);
  });

  it('a week of leave (7 calendar days, rest days among them) takes 7 × 20/28 = 5 working days, not 7', () => {
    const week = Array.from({ length: 7 }, (_, i) => ({ agent: 'c3', date: `2026-02-${String(9 + i).padStart(2, '0')}` }));
    const q = staffingPlan({ center, month: '2026-02', requirements, approvedLeave: week }).queues.find((x) => x.queue === 'care')!;
    expect(stepValue(q, 'approved leave')).toBeCloseTo(5 * (550 / 60), 10);
  });

  it('rejects leave of an unknown agent, a bad month and bad assumptions with their paths', () => {
    const problem = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).errors[0]?.where;
      }
      throw new Error('no error');
    };
    expect(problem(() => staffingPlan({ center, month: '2026-02', requirements, approvedLeave: [{ agent: 'zz', date: '2026-02-02' }] }))).toBe('$.approvedLeave[0].agent');
    expect(problem(() => staffingPlan({ center, month: '2026-13', requirements }))).toBe('month');
    expect(problem(() => staffingPlan({ center, month: '2026-02', requirements, assumptions: { absenceRate: 1.5 } }))).toBe('$.assumptions.absenceRate');
    expect(problem(() => staffingPlan({ center, month: '2026-02', requirements, assumptions: { shiftTemplate: 'Q' } }))).toBe('$.assumptions.shiftTemplate');
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});

// Break, meal, report and floor rules R7–R11: one breaking case with its exact penalty and one near miss each.
// The fixture's E shift is 08:00–16:00 with its meal 12:00–13:00 and breaks at :40 of each working hour.
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../solver/rules/rule.ts';
import { rule as r7 } from '../../solver/rules/r7-hourly-break.ts';
import { rule as r8 } from '../../solver/rules/r8-meal.ts';
import { rule as r9 } from '../../solver/rules/r9-break-placement.ts';
import { rule as r10 } from '../../solver/rules/r10-report-time.ts';
import { rule as r11 } from '../../solver/rules/r11-supervisor-cover.ts';
import type { Assignment } from '../../solver/roster.ts';
import { context, roster, shift } from './fixture.ts';

const penalties = (rule: Rule, assignments: Assignment[]) => rule.check(roster(assignments), context()).map((v) => v.penalty);
const E_BREAKS = ['08:40', '09:40', '10:40', '11:40', '13:40', '14:40', '15:40'];
const withBreaks = (breaks: string[]) => shift('a1', '2026-12-01', 'E', undefined, { breaks });

describe('R7 a break in every full working hour', () => {
  it('breaks without the 10:00–11:00 break (1 hour) and with a break straddling the meal (1 hour)', () => {
    expect(penalties(r7, [withBreaks(E_BREAKS.filter((b) => b !== '10:40'))])).toEqual([1]);
    expect(penalties(r7, [withBreaks(E_BREAKS.map((b) => (b === '11:40' ? '11:58' : b)))])).toEqual([1]);
  });
  it('near miss: a break ending exactly at the end of its hour (11:55–12:00)', () => {
    expect(penalties(r7, [withBreaks(E_BREAKS.map((b) => (b === '11:40' ? '11:55' : b)))])).toEqual([]);
  });
  it('a 4-hour floating shift needs exactly 4 breaks', () => {
    expect(penalties(r7, [shift('f1', '2026-12-01', 'F', undefined, { breaks: ['09:40', '10:40', '11:40'] })])).toEqual([1]);
    expect(penalties(r7, [shift('f1', '2026-12-01', 'F')])).toEqual([]);
  });
});

describe('R8 a meal inside its window for shifts over 6 h', () => {
  it('breaks without a meal (60 min) and with the meal 15 min past the window (15 min)', () => {
    expect(penalties(r8, [shift('a1', '2026-12-01', 'E', undefined, { meal: null })])).toEqual([60]);
    expect(penalties(r8, [shift('a1', '2026-12-01', 'E', undefined, { meal: '12:15' })])).toEqual([15]);
  });
  it('near miss: the meal ending exactly at the window end 13:00; a 4-hour shift needs none', () => {
    expect(penalties(r8, [shift('a1', '2026-12-01', 'E')])).toEqual([]);
    expect(penalties(r8, [shift('f1', '2026-12-01', 'F')])).toEqual([]);
  });
});

describe('R9 nothing in the first 30 minutes, breaks never over the meal', () => {
  it('breaks with a break 25 min into the shift (5 min) and one overlapping the meal by 3 min (3 min)', () => {
    expect(penalties(r9, [withBreaks(E_BREAKS.map((b) => (b === '08:40' ? '08:25' : b)))])).toEqual([5]);
    expect(penalties(r9, [withBreaks(E_BREAKS.map((b) => (b === '11:40' ? '11:58' : b)))])).toEqual([3]);
  });
  it('near miss: a break exactly 30 min into the shift, and one ending as the meal starts', () => {
    expect(penalties(r9, [withBreaks(E_BREAKS.map((b) => (b === '08:40' ? '08:30' : b === '11:40' ? '11:55' : b)))])).toEqual([]);
  });
});

describe('R10 report time', () => {
  it('breaks when an agent reports 15 min early (5 min off) and a lead 10 min early (10 min off)', () => {
    expect(penalties(r10, [shift('a1', '2026-12-01', 'E', undefined, { report: '07:45' })])).toEqual([5]);
    expect(penalties(r10, [shift('l1', '2026-12-01', 'E', undefined, { report: '07:50' })])).toEqual([10]);
  });
  it('near miss: agent 10 min, lead 20 min, supervisor 30 min before; no report time at all', () => {
    expect(penalties(r10, [
      shift('a1', '2026-12-01', 'E', undefined, { report: '07:50' }),
      shift('l1', '2026-12-01', 'E', undefined, { report: '07:40' }),
      shift('s1', '2026-12-01', 'E', undefined, { report: '07:30' }),
      shift('a2', '2026-12-01', 'E'),
    ])).toEqual([]);
  });
});

describe('R11 a supervisor on the floor every open minute (08:00–20:00)', () => {
  const on = (assignments: Assignment[]) => r11.check(roster(assignments), context()).filter((v) => v.date === '2026-12-01');
  it('breaks with only an early supervisor: 16:00–20:00 uncovered (240 min)', () => {
    const v = on([shift('s1', '2026-12-01', 'E')]);
    expect(v.map((x) => x.penalty)).toEqual([240]);
    expect(v[0].message).toContain('16:00–20:00');
  });
  it('near miss: E 08:00–16:00 and L 12:00–20:00; or an acting manager for the evening', () => {
    expect(on([shift('s1', '2026-12-01', 'E'), shift('s2', '2026-12-01', 'L')])).toEqual([]);
    expect(on([shift('s1', '2026-12-01', 'E'), shift('m1', '2026-12-01', 'L')])).toEqual([]);
  });
  it('an agent does not count as floor cover', () => {
    expect(on([shift('s1', '2026-12-01', 'E'), shift('a1', '2026-12-01', 'L')]).map((x) => x.penalty)).toEqual([240]);
  });
});

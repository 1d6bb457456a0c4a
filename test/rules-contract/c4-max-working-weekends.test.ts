import { describe, expect, it } from 'vitest';
import { rule } from '../../solver/rules/c4-max-working-weekends.ts';
import { context, datesFrom, roster } from './fixture.ts';

// 2024-01-01 is a Monday: weekends are days 5–6 and 12–13 of a 14-day horizon (Curtois & Qu horizons also start on a Monday).
const dates = datesFrom('2024-01-01', 14);

describe('C4 max working weekends', () => {
  it('breaks: a Saturday in week 1 and a Sunday in week 2 are two weekends against a maximum of 1 (penalty 1 weekend)', () => {
    const v = rule.check(roster(dates, '.....E.......E'), context({ maxWorkingWeekends: 1 }, dates));
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ rule: 'C4', level: 'hard', agent: 'a1', penalty: 1, unit: 'weekends' });
  });

  it('near miss: both days of one weekend count once, and weekdays do not count', () => {
    expect(rule.check(roster(dates, 'EEEEEEE.......'), context({ maxWorkingWeekends: 1 }, dates))).toEqual([]);
  });

  it('a month that starts on a Sunday counts that lone Sunday as a weekend', () => {
    const march = datesFrom('2026-03-01', 31); // 2026-03-01 is a Sunday
    const v = rule.check(roster(march, 'E.......................'), context({ maxWorkingWeekends: 0 }, march));
    expect(v.map((x) => x.penalty)).toEqual([1]);
  });
});

import { describe, expect, it } from 'vitest';
import { rule } from '../../solver/rules/c5-min-consecutive-days.ts';
import { context, datesFrom, roster } from './fixture.ts';

const dates = datesFrom('2024-01-01', 10);

describe('C5 min consecutive working days', () => {
  it('breaks: a lone working day inside the month is 2 days short of a minimum of 3', () => {
    const v = rule.check(roster(dates, '...E......'), context({ minConsecutiveDays: 3 }, dates));
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ rule: 'C5', level: 'hard', agent: 'a1', date: '2024-01-04', penalty: 2, unit: 'days' });
  });

  it('near miss: a run of exactly 3 is fine, and short runs touching either edge are exempt', () => {
    expect(rule.check(roster(dates, 'E...EEE..E'), context({ minConsecutiveDays: 3 }, dates))).toEqual([]);
  });
});

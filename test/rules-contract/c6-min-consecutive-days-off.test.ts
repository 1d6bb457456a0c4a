import { describe, expect, it } from 'vitest';
import { rule } from '../../solver/rules/c6-min-consecutive-days-off.ts';
import { context, datesFrom, roster } from './fixture.ts';

const dates = datesFrom('2024-01-01', 10);

describe('C6 min consecutive days off', () => {
  it('breaks: a single day off between working days is 1 day short of a minimum of 2', () => {
    const v = rule.check(roster(dates, 'EEE.EEE..E'), context({ minConsecutiveDaysOff: 2 }, dates));
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ rule: 'C6', level: 'hard', agent: 'a1', date: '2024-01-04', penalty: 1, unit: 'days' });
  });

  it('near miss: two days off in a row are enough, and a lone day off on the first or last day is exempt', () => {
    expect(rule.check(roster(dates, '.EE..EEEE.'), context({ minConsecutiveDaysOff: 2 }, dates))).toEqual([]);
  });
});

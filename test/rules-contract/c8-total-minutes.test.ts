import { describe, expect, it } from 'vitest';
import { rule } from '../../solver/rules/c8-total-minutes.ts';
import { context, datesFrom, roster } from './fixture.ts';

const dates = datesFrom('2024-01-01', 10);

describe('C8 min/max paid minutes', () => {
  it('breaks above: 3 × E (480) + 2 × N (600) = 2640 min against a maximum of 2400 is 240 minutes over', () => {
    const v = rule.check(roster(dates, 'EEE..NN...'), context({ maxMinutes: 2400 }, dates));
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ rule: 'C8', level: 'hard', agent: 'a1', penalty: 240, unit: 'minutes' });
  });

  it('breaks below: an agent with no shifts is the whole minimum short', () => {
    const v = rule.check(roster(dates, '..........'), context({ minMinutes: 960 }, dates));
    expect(v.map((x) => x.penalty)).toEqual([960]);
  });

  it('near miss: exactly the bounds', () => {
    expect(rule.check(roster(dates, 'EEE..NN...'), context({ minMinutes: 2640, maxMinutes: 2640 }, dates))).toEqual([]);
  });
});

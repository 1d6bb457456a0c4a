import { describe, expect, it } from 'vitest';
import { rule } from '../../solver/rules/c9-forbidden-succession.ts';
import { context, datesFrom, roster } from './fixture.ts';

const dates = datesFrom('2024-01-01', 7);

describe('C9 forbidden successions', () => {
  it('breaks: E the day after N (N lists E as cannot follow) is one forbidden succession', () => {
    const v = rule.check(roster(dates, 'NE..NNE'), context({}, dates));
    expect(v.map((x) => [x.rule, x.level, x.date, x.penalty, x.unit])).toEqual([
      ['C9', 'hard', '2024-01-02', 1, 'successions'],
      ['C9', 'hard', '2024-01-07', 1, 'successions'],
    ]);
  });

  it('near miss: N after E, N after N, and E two days after N are allowed', () => {
    expect(rule.check(roster(dates, 'EN.EENN'), context({}, dates))).toEqual([]);
  });

  it('the previous month’s last night counts against the first day', () => {
    const previous = roster(['2023-12-31'], 'N').assignments;
    expect(rule.check(roster(dates, 'E......'), context({}, dates, previous)).map((x) => x.date)).toEqual(['2024-01-01']);
  });
});

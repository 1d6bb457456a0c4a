import { describe, expect, it } from 'vitest';
import { rule } from '../../solver/rules/c7-max-shifts-per-template.ts';
import { context, datesFrom, roster } from './fixture.ts';

const dates = datesFrom('2024-01-01', 10);

describe('C7 max shifts per template', () => {
  it('breaks: 4 night shifts against a maximum of 2 are 2 shifts too many; a template set to 0 is forbidden', () => {
    const v = rule.check(roster(dates, 'NN..NN..E.'), context({ maxShiftsPerTemplate: { N: 2, E: 0 } }, dates));
    expect(v.map((x) => [x.rule, x.penalty, x.unit])).toEqual([
      ['C7', 2, 'shifts'],
      ['C7', 1, 'shifts'],
    ]);
  });

  it('near miss: exactly the maximum of each template, and unlisted templates are unlimited', () => {
    expect(rule.check(roster(dates, 'NN..EEEEEE'), context({ maxShiftsPerTemplate: { N: 2 } }, dates))).toEqual([]);
  });
});

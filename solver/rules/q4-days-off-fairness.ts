/**
 * Q4 — days off spread evenly: working days in the month, paid leave and training days included (so
 * approved leave is not held against anyone), compared among people of the same team with the same templates;
 * equal working days mean equal days off. Soft. Penalty: days of unevenness per group.
 */
import { fairnessRule, workedDates } from './fairness-rule.ts';

export const rule = fairnessRule('Q4', 'days off spread evenly', 'working days (paid leave included)', (agent, shifts, view, ctx) => {
  const cal = view.calendar(agent.id);
  const credit = ctx.dates.filter((d) => cal.leave.has(d) || cal.training.has(d)).length;
  return workedDates(shifts).size + credit;
});

/**
 * Q2 — weekends spread evenly: weekend days (Saturday, Sunday) worked in the month, compared among people of
 * the same team with the same templates (fairness-rule.ts). Soft. Penalty: days of unevenness per group.
 */
import { isoWeekday } from '../../src/time/local-day.ts';
import { fairnessRule, workedDates } from './fairness-rule.ts';

export const rule = fairnessRule('Q2', 'weekend days spread evenly', 'weekend days worked', (_agent, shifts) =>
  [...workedDates(shifts)].filter((d) => isoWeekday(d) >= 6).length,
);

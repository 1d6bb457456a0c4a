/**
 * Q3 — late shifts spread evenly: shifts ending at or after 21:00 local time or after midnight
 * (shift-facts.ts), compared among people of the same team with the same templates. Soft. Penalty: days
 * (late shifts) of unevenness per group.
 */
import { fairnessRule } from './fairness-rule.ts';
import { contextHorizon } from './roster-view.ts';
import { isLateShift } from './shift-facts.ts';

export const rule = fairnessRule('Q3', 'late shifts spread evenly', 'late shifts', (_agent, shifts, _view, ctx) =>
  shifts.filter((p) => isLateShift(contextHorizon(ctx), p.startMs, p.endMs)).length,
);

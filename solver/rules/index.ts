/**
 * The rulebook: every rule of solver/rules/, hard ones first. The same list judges solver candidates, solved
 * rosters, hand-edited rosters, leave requests and swaps (README.md lists ids, manual references and levels).
 */
import type { Rule } from './rule.ts';
import { rule as h1 } from './h1-one-shift-per-day.ts';
import { rule as h2 } from './h2-queue-skill.ts';
import { rule as h3 } from './h3-leave-and-unavailable.ts';
import { rule as h4 } from './h4-shift-template.ts';
import { rule as r4 } from './r4-start-window.ts';
import { rule as c1 } from './c1-min-rest.ts';
import { rule as c2 } from './c2-max-consecutive-days.ts';
import { rule as c3 } from './c3-working-days.ts';
import { rule as c4 } from './c4-max-working-weekends.ts';
import { rule as c5 } from './c5-min-consecutive-days.ts';
import { rule as c6 } from './c6-min-consecutive-days-off.ts';
import { rule as c7 } from './c7-max-shifts-per-template.ts';
import { rule as c8 } from './c8-total-minutes.ts';
import { rule as c9 } from './c9-forbidden-succession.ts';
import { rule as p1 } from './p1-pinned-days.ts';
import { rule as r7 } from './r7-hourly-break.ts';
import { rule as r8 } from './r8-meal.ts';
import { rule as r9 } from './r9-break-placement.ts';
import { rule as r10 } from './r10-report-time.ts';
import { rule as r11 } from './r11-supervisor-cover.ts';
import { rule as r3 } from './r3-understaffing.ts';
import { rule as q1 } from './q1-overstaffing.ts';
import { rule as l9 } from './l9-planned-attendance.ts';
import { rule as q2 } from './q2-weekend-fairness.ts';
import { rule as q3 } from './q3-late-fairness.ts';
import { rule as q4 } from './q4-days-off-fairness.ts';
import { rule as q5 } from './q5-stable-start.ts';
import { rule as q6 } from './q6-preferences.ts';
import { rule as r12 } from './r12-bus-departures.ts';
import { rule as tr } from './tr-activities.ts';

export const RULES: readonly Rule[] = [
  h1, h2, h3, h4, r4, c1, c2, c3, c4, c5, c6, c7, c8, c9, p1, r7, r8, r9, r10, r11, tr,
  r3, q1, l9, q2, q3, q4, q5, q6, r12,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id || r.alsoIds?.includes(id));
}

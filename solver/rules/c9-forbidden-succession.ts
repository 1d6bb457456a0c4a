/**
 * C9 — forbidden successions: a template listed in another template's `cannotBeFollowedBy` may not be worked
 * the day after it (e.g. an early shift after a night). The last day of the previous month (`ctx.previous`)
 * counts for the month's first day. Follows Curtois & Qu's "shifts which cannot follow" (2014).
 * Penalty: 1 per forbidden pair of consecutive days.
 */
import { DateTime } from 'luxon';
import type { Assignment, Violation } from '../roster.ts';
import { assignmentsByAgent, type Rule } from './rule.ts';

function nextDate(date: string): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days: 1 }).toISODate() ?? '';
}

export const rule: Rule = {
  id: 'C9',
  label: 'forbidden shift succession',
  level: 'hard',
  check(roster, ctx) {
    const inMonth = new Set(ctx.dates);
    const byAgent = assignmentsByAgent([...ctx.previous, ...roster.assignments]);
    const out: Violation[] = [];
    for (const [agent, list] of byAgent) {
      const byDate = new Map<string, Assignment[]>();
      for (const a of list) byDate.set(a.date, [...(byDate.get(a.date) ?? []), a]);
      for (const [date, today] of byDate) {
        const tomorrow = nextDate(date);
        if (!inMonth.has(tomorrow)) continue;
        for (const first of today) {
          const forbidden = ctx.templates.get(first.shift)?.cannotBeFollowedBy ?? [];
          if (forbidden.length === 0) continue;
          for (const second of byDate.get(tomorrow) ?? []) {
            if (!forbidden.includes(second.shift)) continue;
            out.push({
              rule: 'C9',
              level: 'hard',
              agent,
              date: tomorrow,
              penalty: 1,
              unit: 'successions',
              message: `${agent} works ${second.shift} on ${tomorrow} right after ${first.shift}, which it may not follow`,
            });
          }
        }
      }
    }
    return out;
  },
};

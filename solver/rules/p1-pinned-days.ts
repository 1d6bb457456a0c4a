/**
 * P1 — published (pinned) days stay as published: every pinned assignment is still there with the same shift,
 * queue, start and end (breaks may be moved by the duty supervisor, R8), and nobody gains a shift on a
 * published date or on a person-day pinned alone (a roster fact). Accepted overtime beside a pinned day is kept
 * work, not a gained shift. Penalty: 1 per changed, missing or added assignment.
 */
import type { Assignment, Violation } from '../roster.ts';
import { pinnedDays } from '../model/pinned-days.ts';
import type { Rule } from './rule.ts';

const same = (a: Assignment, b: Assignment) =>
  a.agent === b.agent && a.date === b.date && a.shift === b.shift && a.queue === b.queue && Date.parse(a.start) === Date.parse(b.start) && Date.parse(a.end) === Date.parse(b.end);

export const rule: Rule = {
  id: 'P1',
  label: 'published days unchanged',
  level: 'hard',
  check(roster, ctx) {
    const out: Violation[] = [];
    const pinned = pinnedDays(ctx.pinned, ctx.pinnedDates, ctx.pinnedAgentDays);
    if (pinned.dates.size === 0 && !ctx.pinnedAgentDays?.length) return out;
    const onPinned = roster.assignments.filter((a) => a.kind !== 'overtime' && pinned.has(a.agent, a.date));
    const key = (a: Assignment) => `${a.agent}|${a.date}`;
    const rostered = new Map<string, Assignment[]>();
    for (const a of onPinned) (rostered.get(key(a)) ?? rostered.set(key(a), []).get(key(a))!).push(a);
    const published = new Set(ctx.pinned.map(key));
    for (const p of ctx.pinned) {
      const there = rostered.get(key(p)) ?? [];
      if (there.some((a) => same(a, p))) continue;
      const now = there[0];
      out.push({
        rule: 'P1', level: 'hard', agent: p.agent, date: p.date, penalty: 1, unit: 'shifts',
        message: now
          ? `${p.agent}'s published ${p.shift} on ${p.date} (${p.start}–${p.end}, ${p.queue}) was changed to ${now.shift} ${now.start}–${now.end} on ${now.queue}`
          : `${p.agent}'s published ${p.shift} on ${p.date} is missing`,
      });
    }
    for (const a of onPinned) {
      if (published.has(key(a))) continue;
      out.push({ rule: 'P1', level: 'hard', agent: a.agent, date: a.date, penalty: 1, unit: 'shifts', message: `${a.agent} gained a ${a.shift} shift on ${a.date}, a ${pinned.dates.has(a.date) ? 'published day' : 'day kept as agreed'}` });
    }
    return out;
  },
};

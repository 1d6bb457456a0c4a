/**
 * TR1–TR4 — exams, training and meetings placed in the roster as the center declares them (FORMATS.md "Center"
 * activities): each placed activity names a known definition, lasts its minutes, goes to one of its attendees,
 * on a date of its days and inside its local hours; at most `maxTogether` attendees in it at any minute; every
 * attendee has `perPerson` of them when they have shifts that can hold them (an attendee with none in the
 * window — on leave — is reported by the roster analysis, not counted here). Where in the shift (not in the
 * first 30 minutes, over no break or meal) is R9's. Violations carry the definition's own rule id.
 */
import type { Violation } from '../roster.ts';
import { activityIndex, attendeesOf, isAttendee, startRange, windowDates } from '../activities/activity-window.ts';
import type { Rule } from './rule.ts';
import { rosterView, type ParsedAssignment } from './roster-view.ts';

const MINUTE = 60_000;

/** The most attendees in one activity at any instant (a sweep over starts and ends). */
export function mostTogether(spans: ReadonlyArray<{ fromMs: number; toMs: number }>): { most: number; atMs: number } {
  const events = spans.flatMap((s) => [[s.fromMs, 1], [s.toMs, -1]] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let most = 0;
  let atMs = NaN;
  for (const [ms, d] of events) {
    now += d;
    if (now > most) [most, atMs] = [now, ms];
  }
  return { most, atMs };
}

export const rule: Rule = {
  id: 'TR2',
  alsoIds: ['TR1', 'TR3', 'TR4'],
  label: 'exams, training and meetings placed (TR1–TR4)',
  level: 'hard',
  check(roster, ctx) {
    const out: Violation[] = [];
    const defs = activityIndex(ctx.center);
    const view = rosterView(roster, ctx);
    const h = view.horizon;
    const placedByDef = new Map<string, Array<{ p: ParsedAssignment; fromMs: number; toMs: number }>>();
    for (const p of view.parsed) {
      if (!p.inMonth) continue;
      for (const x of p.activities) {
        const def = defs.get(x.activity);
        const bad = (rule: string, message: string) =>
          out.push({ rule, level: 'hard', agent: p.a.agent, date: p.a.date, penalty: 1, unit: 'activities', message: `${p.a.agent} on ${p.a.date}: ${message}` });
        if (!def) {
          bad('TR2', `activity "${x.activity}" is not declared by the center`);
          continue;
        }
        (placedByDef.get(def.id) ?? placedByDef.set(def.id, []).get(def.id)!).push({ p, fromMs: x.fromMs, toMs: x.toMs });
        const minutes = (x.toMs - x.fromMs) / MINUTE;
        if (minutes !== def.minutes) bad(def.rule, `${def.id} lasts ${minutes} min, not ${def.minutes}`);
        if (p.agent && !isAttendee(def, p.agent)) bad(def.rule, `${def.id} is not for ${p.a.agent}`);
        if (!windowDates(def, ctx.dates).includes(p.a.date)) bad(def.rule, `${def.id} is held on day ${def.days.from}–${def.days.to} of the month, not ${p.a.date}`);
        else if (def.hours) {
          const range = startRange(def, h, p.a.date, -Infinity, Infinity, 0);
          if (!range || x.fromMs < range[0] || x.fromMs > range[1]) bad(def.rule, `${def.id} must lie within ${def.hours.from}–${def.hours.to}`);
        }
      }
    }
    for (const def of ctx.center.activities) {
      const placed = placedByDef.get(def.id) ?? [];
      if (def.maxTogether !== undefined) {
        const { most, atMs } = mostTogether(placed);
        if (most > def.maxTogether) {
          out.push({ rule: def.rule, level: 'hard', date: h.iso(atMs).slice(0, 10), penalty: most - def.maxTogether, unit: 'attendees',
            message: `${most} attendees in ${def.id} at ${h.iso(atMs)}, at most ${def.maxTogether} (maxTogether)` });
        }
      }
      const dates = new Set(windowDates(def, ctx.dates));
      for (const agent of attendeesOf(def, ctx.center)) {
        const got = placed.filter((x) => x.p.a.agent === agent.id).length;
        const hosts = (view.byAgent.get(agent.id) ?? [])
          .filter((p) => p.inMonth && dates.has(p.a.date) && startRange(def, h, p.a.date, p.startMs, p.endMs, ctx.center.rules.noBreakFirstMinutes)).length;
        const want = Math.min(def.perPerson, hosts * def.perPerson);
        if (got === want || (got > want && got <= def.perPerson)) continue;
        out.push({ rule: def.rule, level: 'hard', agent: agent.id, penalty: Math.abs(want - got), unit: 'activities',
          message: got < want ? `${agent.id} has ${got} of ${want} ${def.id} though shifts in its window can hold it` : `${agent.id} has ${got} ${def.id}, more than ${def.perPerson}` });
      }
    }
    return out;
  },
};

/**
 * H4 — every shift follows its template and the person's contract: a known person and template, a date of the
 * month on which the center is open and the template is used (template `days`), a template the person's
 * contract allows, a fixed start at the template's start (local time on the date), and a length of the
 * template's minutes in real elapsed time (a shift over a daylight-saving change keeps its length).
 * Start windows are R4's. Accepted overtime (kind "overtime") follows its callout, not a template. A shift
 * shortened by approved time off (VTO) is judged on its `planned` span, and what is worked must lie inside it. Penalty:
 * minutes off for a wrong start or length, else 1 per shift.
 */
import { clockMinutes } from '../../src/time/clock.ts';
import type { Violation } from '../roster.ts';
import { isOpenDay } from '../model/opening.ts';
import type { Rule } from './rule.ts';
import { contextHorizon, rosterView } from './roster-view.ts';

export const rule: Rule = {
  id: 'H4',
  label: 'shift follows its template and the contract',
  level: 'hard',
  check(roster, ctx) {
    const out: Violation[] = [];
    const h = contextHorizon(ctx);
    const add = (agent: string, date: string, penalty: number, unit: string, message: string) =>
      out.push({ rule: 'H4', level: 'hard', agent, date, penalty, unit, message });
    for (const p of rosterView(roster, ctx).parsed) {
      const { agent, date, shift } = p.a;
      if (p.a.kind === 'overtime' && p.inMonth) continue;
      if (!p.inMonth) {
        add(agent, date, 1, 'shifts', `${agent} has a shift on ${date}, outside ${ctx.month}`);
        continue;
      }
      if (!p.agent) {
        add(agent, date, 1, 'shifts', `unknown person "${agent}" rostered on ${date}`);
        continue;
      }
      const t = p.template;
      if (!t) {
        add(agent, date, 1, 'shifts', `${agent} works unknown shift template "${shift}" on ${date}`);
        continue;
      }
      if (!isOpenDay(ctx.center, date)) add(agent, date, 1, 'shifts', `${agent} works ${shift} on ${date}, a day the center is closed`);
      if (t.days && !t.days.includes(h.weekdays[h.dayIndex(date)])) add(agent, date, 1, 'shifts', `template ${shift} is not used on ${date}'s weekday`);
      const allowed = p.agent.contract.templates;
      if (allowed && !allowed.includes(shift)) add(agent, date, 1, 'shifts', `${agent}'s contract does not allow template ${shift} (allowed: ${allowed.join(', ')})`);
      const plannedStart = p.a.planned ? Date.parse(p.a.planned.start) : p.startMs;
      const plannedEnd = p.a.planned ? Date.parse(p.a.planned.end) : p.endMs;
      if (p.a.planned && !(p.startMs >= plannedStart && p.endMs <= plannedEnd && p.endMs > p.startMs)) {
        add(agent, date, 1, 'shifts', `${agent}'s ${shift} on ${date} (${p.a.start}–${p.a.end}) is not inside its planned span ${p.a.planned.start}–${p.a.planned.end}`);
      }
      if (!Array.isArray(t.start)) {
        const expected = h.instant(date, clockMinutes(t.start));
        if (plannedStart !== expected) {
          add(agent, date, Math.abs(plannedStart - expected) / 60_000, 'minutes', `${agent}'s ${shift} on ${date} starts at ${p.a.planned?.start ?? p.a.start}, template start is ${t.start}`);
        }
      }
      const minutes = (plannedEnd - plannedStart) / 60_000;
      if (!(minutes === t.minutes)) {
        const off = Number.isFinite(minutes) ? Math.abs(minutes - t.minutes) : t.minutes;
        add(agent, date, off, 'minutes', `${agent}'s ${shift} on ${date} lasts ${Number.isFinite(minutes) ? minutes : '?'} min, template says ${t.minutes}`);
      }
    }
    return out;
  },
};

/**
 * R8 — a shift longer than 6 hours (rules.mealAfterShiftMinutes) carries one meal of the template's length
 * (or rules.defaultMealMinutes) inside the template's meal window (local times on the shift's date; a window
 * before the start is read on the next day, for night shifts); without a window, anywhere in the shift.
 * Penalty: meal minutes missing or of wrong length, plus minutes outside the window, plus extra meals' minutes.
 */
import { clockMinutes } from '../../src/time/clock.ts';
import type { Violation } from '../roster.ts';
import { overlapMs } from '../model/horizon.ts';
import type { Rule } from './rule.ts';
import { contextHorizon, rosterView } from './roster-view.ts';

export const rule: Rule = {
  id: 'R8',
  label: 'a meal inside its window for shifts over 6 h',
  level: 'hard',
  check(roster, ctx) {
    const out: Violation[] = [];
    const h = contextHorizon(ctx);
    const r = ctx.center.rules;
    for (const p of rosterView(roster, ctx).parsed) {
      const minutes = (p.endMs - p.startMs) / 60_000;
      if (!p.inMonth || !(minutes > r.mealAfterShiftMinutes)) continue;
      const t = p.template;
      const want = t?.meal?.minutes ?? r.defaultMealMinutes;
      let fromMs = p.startMs;
      let toMs = p.endMs;
      if (t?.meal) {
        const startClock = h.clockOf(p.startMs);
        let from = clockMinutes(t.meal.from);
        let to = clockMinutes(t.meal.to);
        if (from < startClock) from += 1440;
        if (to < from) to += 1440;
        fromMs = h.instant(p.a.date, from);
        toMs = h.instant(p.a.date, to);
      }
      const reasons: string[] = [];
      let penalty = 0;
      if (p.meals.length === 0) {
        penalty += want;
        reasons.push(`no meal on a ${minutes}-min shift`);
      }
      p.meals.forEach((m, k) => {
        const len = (m.toMs - m.fromMs) / 60_000;
        if (k > 0) {
          penalty += len;
          reasons.push('more than one meal');
          return;
        }
        if (len !== want) {
          penalty += Math.abs(len - want);
          reasons.push(`a ${len}-min meal, ${want} min expected`);
        }
        const outside = (m.toMs - m.fromMs - overlapMs(m.fromMs, m.toMs, fromMs, toMs)) / 60_000;
        if (outside > 0) {
          penalty += outside;
          reasons.push(`the meal lies ${outside} min outside its window${t?.meal ? ` ${t.meal.from}–${t.meal.to}` : ''}`);
        }
      });
      if (penalty === 0) continue;
      out.push({ rule: 'R8', level: 'hard', agent: p.a.agent, date: p.a.date, penalty, unit: 'minutes', message: `${p.a.agent}'s shift on ${p.a.date}: ${reasons.join('; ')}` });
    }
    return out;
  },
};

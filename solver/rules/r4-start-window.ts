/**
 * R4 — floating and windowed shifts start inside their window. A template whose `start` is a pair
 * [earliest, latest] (R4 floating shifts, and windowed starts) lets the solver place the start per day by the
 * day's forecast; the start must be a local time on the shift's date inside the window, on the center's
 * interval step (for a shift shortened by VTO, its planned start). Penalty: minutes outside the window (or off the step).
 */
import { clockMinutes } from '../../src/time/clock.ts';
import type { Violation } from '../roster.ts';
import type { Rule } from './rule.ts';
import { contextHorizon, rosterView } from './roster-view.ts';

export const rule: Rule = {
  id: 'R4',
  label: 'floating / windowed start inside its window',
  level: 'hard',
  check(roster, ctx) {
    const out: Violation[] = [];
    const h = contextHorizon(ctx);
    const step = ctx.center.intervalMinutes;
    for (const p of rosterView(roster, ctx).parsed) {
      const t = p.template;
      if (!p.inMonth || !t || !Array.isArray(t.start)) continue;
      const [lo, hi] = [clockMinutes(t.start[0]), clockMinutes(t.start[1])];
      let best = Infinity;
      const startMs = p.a.planned ? Date.parse(p.a.planned.start) : p.startMs;
      for (let m = lo; m <= hi; m += step) best = Math.min(best, Math.abs(startMs - h.instant(p.a.date, m)) / 60_000);
      if (best === 0) continue;
      out.push({
        rule: 'R4', level: 'hard', agent: p.a.agent, date: p.a.date, penalty: best, unit: 'minutes',
        message: `${p.a.agent}'s ${t.id} on ${p.a.date} starts at ${p.a.start}, ${best} min from the window ${t.start[0]}–${t.start[1]} (step ${step} min)`,
      });
    }
    return out;
  },
};

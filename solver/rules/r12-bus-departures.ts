/**
 * R12 — when the center lists staff-bus departures, every shift ends 10–15 minutes (rules.busLeadMinutes)
 * before one (same or next day). Hard where the shift's template has a start that day ending so (the solver
 * offers only those starts, and its bound counts only them); soft where it has none (a fixed template a bus
 * does not fit: reported, not forbidden). Penalty: minutes from the nearest acceptable end, per shift.
 */
import { clockMinutes } from '../../src/time/clock.ts';
import { endsBeforeBus, templateStarts } from '../model/shift-options.ts';
import type { Violation } from '../roster.ts';
import type { Rule } from './rule.ts';
import { contextHorizon, rosterView } from './roster-view.ts';

export const rule: Rule = {
  id: 'R12',
  label: 'shift ends 10–15 min before a bus',
  level: 'hard',
  check(roster, ctx) {
    const out: Violation[] = [];
    const buses = ctx.center.busDepartures;
    if (buses.length === 0) return out;
    const [lo, hi] = ctx.center.rules.busLeadMinutes;
    const h = contextHorizon(ctx);
    for (const p of rosterView(roster, ctx).parsed) {
      if (!p.inMonth) continue;
      let best = Infinity;
      for (const dep of buses) {
        for (const extra of [0, 1440]) {
          const lead = (h.instant(p.a.date, clockMinutes(dep) + extra) - p.endMs) / 60_000;
          best = Math.min(best, lead < lo ? lo - lead : lead > hi ? lead - hi : 0);
        }
      }
      if (best === 0) continue;
      const t = p.template;
      const fits = t ? templateStarts(t, ctx.center.intervalMinutes).some((clock) => endsBeforeBus(ctx.center, h, p.a.date, h.instant(p.a.date, clock) + t.minutes * 60_000)) : false;
      out.push({ rule: 'R12', level: fits ? 'hard' : 'soft', agent: p.a.agent, date: p.a.date, penalty: best, unit: 'minutes', message: `${p.a.agent}'s shift on ${p.a.date} ends at ${p.a.end}, ${best} min from ending ${lo}–${hi} min before a bus (${buses.join(', ')})` });
    }
    return out;
  },
};

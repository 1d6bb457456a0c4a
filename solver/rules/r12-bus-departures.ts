/**
 * R12 — when the center lists staff-bus departures, every shift ends 10–15 minutes (rules.busLeadMinutes)
 * before one (same or next day). Soft: a fixed template may not allow it. Penalty: minutes from the nearest
 * acceptable end, per shift.
 */
import { clockMinutes } from '../../src/time/clock.ts';
import type { Violation } from '../roster.ts';
import type { Rule } from './rule.ts';
import { contextHorizon, rosterView } from './roster-view.ts';

export const rule: Rule = {
  id: 'R12',
  label: 'shift ends 10–15 min before a bus',
  level: 'soft',
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
      out.push({ rule: 'R12', level: 'soft', agent: p.a.agent, date: p.a.date, penalty: best, unit: 'minutes', message: `${p.a.agent}'s shift on ${p.a.date} ends at ${p.a.end}, ${best} min from ending ${lo}–${hi} min before a bus (${buses.join(', ')})` });
    }
    return out;
  },
};

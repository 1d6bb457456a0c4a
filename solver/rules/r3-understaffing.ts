/**
 * R3 — peaks staffed: every interval with a requirement should have at least the required agents on the
 * phones (scheduled = average agents on the phones over the interval; breaks and meals remove their share).
 * Soft: the penalty is the shortfall in agent-hours, (required − scheduled) × interval hours; the objective
 * weighs it more at the day's peak (weights.ts). Score.understaffed is the sum of these penalties.
 */
import type { Violation } from '../roster.ts';
import type { Rule } from './rule.ts';
import { rosterView } from './roster-view.ts';

export const rule: Rule = {
  id: 'R3',
  label: 'understaffing per interval',
  level: 'soft',
  check(roster, ctx) {
    const hours = ctx.center.intervalMinutes / 60;
    const out: Violation[] = [];
    for (const c of rosterView(roster, ctx).coverage()) {
      const short = c.required - c.scheduled;
      if (short <= 1e-9) continue;
      out.push({
        rule: 'R3', level: 'soft', queue: c.queue, interval_start: c.interval_start, penalty: short * hours, unit: 'agent-hours',
        message: `${c.queue} ${c.interval_start}: ${c.scheduled.toFixed(2)} on the phones, ${c.required} required`,
      });
    }
    return out;
  },
};

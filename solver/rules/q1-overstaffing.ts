/**
 * Q1 — overstaffing (not in the manual; `S1` there is data access, so this quality rule takes Q1): agents on
 * the phones beyond the requirement are idle. Soft, weighed far below understaffing (weights.ts). Penalty:
 * (scheduled − required) × interval hours, agent-hours. Score.overstaffed is the sum.
 */
import type { Violation } from '../roster.ts';
import type { Rule } from './rule.ts';
import { rosterView } from './roster-view.ts';

export const rule: Rule = {
  id: 'Q1',
  label: 'overstaffing per interval',
  level: 'soft',
  check(roster, ctx) {
    const hours = ctx.center.intervalMinutes / 60;
    const out: Violation[] = [];
    for (const c of rosterView(roster, ctx).coverage()) {
      const over = c.scheduled - c.required;
      if (over <= 1e-9) continue;
      out.push({
        rule: 'Q1', level: 'soft', queue: c.queue, interval_start: c.interval_start, penalty: over * hours, unit: 'agent-hours',
        message: `${c.queue} ${c.interval_start}: ${c.scheduled.toFixed(2)} on the phones, ${c.required} required`,
      });
    }
    return out;
  },
};

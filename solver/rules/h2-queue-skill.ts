/**
 * H2 — whoever takes calls on a queue has that queue's skill. Applies to agents and leads (supervisors are not
 * on the phones; their assignment's queue only labels the floor they hold). Penalty: 1 per assignment.
 */
import type { Violation } from '../roster.ts';
import { PHONE_ROLES } from './availability.ts';
import type { Rule } from './rule.ts';
import { rosterView } from './roster-view.ts';

export const rule: Rule = {
  id: 'H2',
  label: 'skill of the queue worked',
  level: 'hard',
  check(roster, ctx) {
    const out: Violation[] = [];
    const queues = new Set(ctx.center.queues.map((q) => q.id));
    for (const p of rosterView(roster, ctx).parsed) {
      if (!p.inMonth || !p.agent || !PHONE_ROLES.has(p.agent.role)) continue;
      const { agent, date, queue } = p.a;
      if (!queues.has(queue)) {
        out.push({ rule: 'H2', level: 'hard', agent, date, queue, penalty: 1, unit: 'shifts', message: `${agent} is rostered on ${date} on queue "${queue}", which the center does not have` });
      } else if (!p.agent.skills.includes(queue)) {
        out.push({ rule: 'H2', level: 'hard', agent, date, queue, penalty: 1, unit: 'shifts', message: `${agent} is rostered on ${date} on queue ${queue} without that skill (skills: ${p.agent.skills.join(', ') || 'none'})` });
      }
    }
    return out;
  },
};

/**
 * Q6 — agents' preferences (center `preferences`): a wished template (or "off") on a date, or a template (or
 * "any" shift) to avoid. Soft. Penalty: the preference's weight, per preference not met.
 */
import type { Violation } from '../roster.ts';
import type { Rule } from './rule.ts';
import { rosterView } from './roster-view.ts';

export const rule: Rule = {
  id: 'Q6',
  label: 'preferences',
  level: 'soft',
  check(roster, ctx) {
    const out: Violation[] = [];
    const inMonth = new Set(ctx.dates);
    const view = rosterView(roster, ctx);
    for (const agent of ctx.agents.values()) {
      for (const pref of agent.preferences) {
        if (!inMonth.has(pref.date)) continue;
        const shift = (view.byAgent.get(agent.id) ?? []).find((p) => p.a.date === pref.date)?.a.shift;
        const missed: string[] = [];
        if (pref.want !== undefined) {
          if (pref.want === 'off' ? shift !== undefined : shift !== pref.want) missed.push(`wanted ${pref.want === 'off' ? 'the day off' : pref.want}`);
        }
        if (pref.avoid !== undefined && shift !== undefined && (pref.avoid === 'any' || pref.avoid === shift)) missed.push(`wanted to avoid ${pref.avoid}`);
        if (missed.length === 0) continue;
        out.push({ rule: 'Q6', level: 'soft', agent: agent.id, date: pref.date, penalty: pref.weight, unit: 'weight', message: `${agent.id} ${missed.join(' and ')} on ${pref.date}, rostered ${shift ?? 'off'}` });
      }
    }
    return out;
  },
};

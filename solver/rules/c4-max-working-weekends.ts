/**
 * C4 — most working weekends in the month (contract `maxWorkingWeekends`). A weekend is a Saturday and the
 * Sunday after it; it counts as worked when the agent works any shift on either day. A weekend cut by the
 * month's edge (a lone Sunday on the 1st, a lone Saturday on the last day) counts as a weekend of this month.
 * Penalty: weekends worked beyond the maximum, per agent. The definition follows Curtois & Qu's
 * "MaxWeekends" (technical report, University of Nottingham, 2014).
 */
import { DateTime } from 'luxon';
import type { Violation } from '../roster.ts';
import { assignmentsByAgent, type Rule } from './rule.ts';

/** The Saturday that opens the weekend `date` falls in, or undefined for a weekday. */
export function weekendKey(date: string): string | undefined {
  const d = DateTime.fromISO(date, { zone: 'utc' });
  if (d.weekday === 6) return date;
  if (d.weekday === 7) return d.minus({ days: 1 }).toISODate() ?? undefined;
  return undefined;
}

export const rule: Rule = {
  id: 'C4',
  label: 'max working weekends',
  level: 'hard',
  check(roster, ctx) {
    const inMonth = new Set(ctx.dates);
    const byAgent = assignmentsByAgent(roster.assignments);
    const out: Violation[] = [];
    for (const agent of ctx.agents.values()) {
      const max = agent.contract.maxWorkingWeekends;
      if (max === undefined) continue;
      const worked = new Set<string>();
      for (const a of byAgent.get(agent.id) ?? []) {
        if (!inMonth.has(a.date)) continue;
        const key = weekendKey(a.date);
        if (key !== undefined) worked.add(key);
      }
      if (worked.size > max) {
        const excess = worked.size - max;
        out.push({
          rule: 'C4',
          level: 'hard',
          agent: agent.id,
          penalty: excess,
          unit: 'weekends',
          message: `${agent.id} works ${worked.size} weekends, at most ${max} allowed`,
        });
      }
    }
    return out;
  },
};

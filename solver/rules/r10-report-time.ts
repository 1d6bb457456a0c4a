/**
 * R10 — each assignment's report time (the briefing) is its start minus rules.reportBeforeMinutes for the
 * person's role: 10 min for agents, 20 for leads, 30 for supervisors and managers. The field is optional in
 * FORMATS.md (a printed roster can derive it); when present it must be right. Penalty: minutes off.
 */
import type { Violation } from '../roster.ts';
import type { Rule } from './rule.ts';
import { rosterView } from './roster-view.ts';

export function reportBeforeMinutes(rules: { reportBeforeMinutes: Record<string, number> }, role: string): number {
  return rules.reportBeforeMinutes[role] ?? rules.reportBeforeMinutes.agent;
}

export const rule: Rule = {
  id: 'R10',
  label: 'report time before the shift',
  level: 'hard',
  check(roster, ctx) {
    const out: Violation[] = [];
    for (const p of rosterView(roster, ctx).parsed) {
      if (!p.inMonth || p.a.report === undefined || !p.agent) continue;
      const before = reportBeforeMinutes(ctx.center.rules, p.agent.role);
      const expected = p.startMs - before * 60_000;
      const got = Date.parse(p.a.report);
      if (got === expected) continue;
      const off = Number.isFinite(got) ? Math.abs(got - expected) / 60_000 : before;
      out.push({
        rule: 'R10', level: 'hard', agent: p.a.agent, date: p.a.date, penalty: off, unit: 'minutes',
        message: `${p.a.agent} (${p.agent.role}) reports at ${p.a.report} for a shift starting ${p.a.start}; should be ${before} min before`,
      });
    }
    return out;
  },
};

/**
 * The shape shared by the fairness rules Q2–Q4: a per-person count compared within each comparison group
 * (fairness.ts: same team, same allowed templates). One violation per group whose unevenness is above zero,
 * penalty = Σ max(0, |count − mean| − 1) days, naming who is furthest above and below.
 */
import type { Agent } from '../../src/domain/center-schema.ts';
import type { Violation } from '../roster.ts';
import { PHONE_ROLES } from './availability.ts';
import { fairnessKey, unevenness } from './fairness.ts';
import type { Rule, RuleContext } from './rule.ts';
import { rosterView, type ParsedAssignment, type RosterView } from './roster-view.ts';

export function fairnessRule(
  id: string,
  label: string,
  what: string,
  count: (agent: Agent, shifts: ParsedAssignment[], view: RosterView, ctx: RuleContext) => number,
): Rule {
  return {
    id,
    label,
    level: 'soft',
    check(roster, ctx) {
      const view = rosterView(roster, ctx);
      const groups = new Map<string, Array<{ agent: Agent; value: number }>>();
      for (const agent of ctx.agents.values()) {
        const key = fairnessKey(agent);
        if (key === undefined || !PHONE_ROLES.has(agent.role)) continue;
        const shifts = (view.byAgent.get(agent.id) ?? []).filter((p) => p.inMonth);
        (groups.get(key) ?? groups.set(key, []).get(key)!).push({ agent, value: count(agent, shifts, view, ctx) });
      }
      const out: Violation[] = [];
      for (const members of groups.values()) {
        const penalty = unevenness(members.map((m) => m.value));
        if (penalty <= 1e-9) continue;
        const sorted = [...members].sort((a, b) => b.value - a.value);
        const hi = sorted[0];
        const lo = sorted[sorted.length - 1];
        const team = hi.agent.team;
        out.push({
          rule: id, level: 'soft', team, penalty, unit: 'days',
          message: `team ${team} (${members.length} comparable people): ${what} from ${lo.value} (${lo.agent.id}) to ${hi.value} (${hi.agent.id}); ${penalty.toFixed(2)} day(s) beyond ±1 of the mean`,
        });
      }
      return out;
    },
  };
}

/** Distinct dates of a person's shifts. */
export function workedDates(shifts: ParsedAssignment[]): Set<string> {
  return new Set(shifts.map((p) => p.a.date));
}

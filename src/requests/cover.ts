/**
 * Cover suggestions for shifts vacated by approved leave: people free that day who could work the shift and
 * stay within every hard rule of the rulebook. Two pools: the floating pool (agents whose contract allows only
 * floating templates, R4), offered a floating shift starting as close to the vacated start as their template's
 * window allows; and agents on a rest day, offered the vacated shift itself. Each candidate is judged by the
 * rulebook's hard rules on their own month with the shift added (rulebook.ts focusOn); only those it adds no
 * violation for are kept.
 * Floating pool first, then the same team, then whoever works fewest days that month.
 */
import type { Assignment, Roster, Violation } from '../../solver/roster.ts';
import type { Rule, RuleContext } from '../../solver/rules/rule.ts';
import type { Agent, Center, ShiftTemplate } from '../domain/center-schema.ts';
import { clockMinutes, formatClock } from '../time/clock.ts';
import { addedHardViolations, focusOn, hardViolations, type Focus } from './rulebook.ts';
import { moveAssignment, reassign } from './shift-move.ts';

export interface CoverCandidate {
  agent: string;
  team: string | null;
  source: 'floating' | 'rest-day';
  shift: string;
  start: string;
  end: string;
}

export interface CoverSuggestion {
  agent: string;
  date: string;
  shift: string;
  queue: string;
  start: string;
  end: string;
  candidates: CoverCandidate[];
}

const PHONE_ROLES = new Set(['agent', 'lead']);

function floatingTemplate(center: Center, agent: Agent): ShiftTemplate | undefined {
  const allowed = agent.contract.templates;
  if (!allowed || allowed.length === 0) return undefined;
  const templates = allowed.map((id) => center.shiftTemplates.find((t) => t.id === id));
  return templates.every((t) => t?.floating) ? templates[0] : undefined;
}

/** The vacated shift as a floating shift: the window's start nearest the vacated start. */
function floatingOffer(center: Center, vacated: Assignment, t: ShiftTemplate): Assignment {
  const [lo, hi] = typeof t.start === 'string' ? [t.start, t.start] : t.start;
  const wanted = clockMinutes(vacated.start.slice(11, 16));
  const step = center.intervalMinutes;
  const a = clockMinutes(lo);
  const b = clockMinutes(hi);
  const clamped = Math.min(b, Math.max(a, a + Math.round((wanted - a) / step) * step));
  return moveAssignment(center, { ...vacated, breaks: [] }, { date: vacated.date, shift: t.id, start: formatClock(clamped) });
}

/**
 * Rules about where breaks and the meal sit inside a shift. A floating cover shift is offered without them:
 * the duty supervisor places them when the shift is taken (R7, R8), so they are not held against it.
 */
const PLACED_WHEN_TAKEN = new Set(['R7', 'R8', 'R9']);

export function suggestCover(center: Center, roster: Roster, ctx: RuleContext, rules: readonly Rule[], vacated: readonly Assignment[], limit = 5): CoverSuggestion[] {
  const byAgent = new Map<string, Assignment[]>();
  for (const a of roster.assignments) (byAgent.get(a.agent) ?? byAgent.set(a.agent, []).get(a.agent)!).push(a);
  const withoutPlacement = rules.filter((r) => !PLACED_WHEN_TAKEN.has(r.id));
  const judgedAlone = new Map<string, { focus: Focus; before: Violation[] }>();
  const out: CoverSuggestion[] = [];
  for (const v of vacated) {
    const home = center.agents.find((a) => a.id === v.agent)?.team ?? null;
    const found: Array<CoverCandidate & { days: number }> = [];
    for (const agent of center.agents) {
      if (agent.id === v.agent || !PHONE_ROLES.has(agent.role)) continue;
      const own = byAgent.get(agent.id) ?? [];
      if (own.some((a) => a.date === v.date)) continue;
      const floating = floatingTemplate(center, agent);
      const offer = { ...(floating ? floatingOffer(center, v, floating) : v), queue: v.queue };
      const shift = reassign(center, offer, agent.id);
      const judged = floating ? withoutPlacement : rules;
      let seen = judgedAlone.get(agent.id);
      if (!seen) {
        const focus = focusOn(ctx, [agent.id]);
        judgedAlone.set(agent.id, (seen = { focus, before: hardViolations(judged, focus.roster(roster), focus.ctx) }));
      }
      const after = hardViolations(judged, { ...roster, assignments: [...own, shift] }, seen.focus.ctx);
      if (addedHardViolations(seen.before, after).length > 0) continue;
      found.push({ agent: agent.id, team: agent.team ?? null, source: floating ? 'floating' : 'rest-day', shift: shift.shift, start: shift.start, end: shift.end, days: own.length });
    }
    found.sort((x, y) => Number(y.source === 'floating') - Number(x.source === 'floating') || Number(y.team === home) - Number(x.team === home) || x.days - y.days || x.agent.localeCompare(y.agent));
    out.push({
      agent: v.agent, date: v.date, shift: v.shift, queue: v.queue, start: v.start, end: v.end,
      candidates: found.slice(0, limit).map(({ days: _d, ...c }) => c),
    });
  }
  return out;
}

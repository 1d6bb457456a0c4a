/**
 * Who approves a leave request (MANUAL.md L1–L5): the level that may grant it, and the route of approvals up to
 * that level. Pure: requester role, leave type and length in, route out.
 *
 * - An agent's leave starts with the team lead (manual 4.1.1/4.2.1/4.3.1: "the agent gives the request to the
 *   team lead") and climbs one level at a time to the granting level:
 *   L1 1 day → lead; 2 days → supervisor. L3 longLeaveMinDays (3) days → operations/support manager.
 *   L4 more → director (lead → duty supervisor → manager → director).
 *   L5 personal leave (事假) raises the granting level: 1 day → supervisor, up to 3 days → manager, more →
 *   director. The higher of the two levels wins, and the rule that set it is cited.
 * - A team lead's own leave (L2) starts with the duty supervisor: 1 day → supervisor, 2 days → manager,
 *   3+ days → director, climbing level by level like the agent's route.
 * Lengths are calendar days, both ends included.
 */
import type { Rules } from '../domain/rules.ts';
import { LEVELS, type LeaveType, type Level, type RouteStep } from './types.ts';

export interface LeaveRouteInput {
  /** The role of the person taking leave. */
  role: 'agent' | 'lead';
  type: LeaveType;
  days: number;
  /** The person's team lead and duty supervisor (agent ids), named on their steps. */
  lead?: string;
  supervisor?: string;
}

export interface LeaveRoute {
  steps: RouteStep[];
  /** The level whose approval grants the leave. */
  grantingLevel: Level;
  /** The rule that set the granting level. */
  rule: string;
  /** Why, in words. */
  reason: string;
}

const rank = (l: Level) => LEVELS.indexOf(l);

/** The granting level by length alone, for an agent (L1, L3, L4). */
function byLength(days: number, rules: Rules): { level: Level; rule: string; reason: string } {
  const lead = rules.leadGrantsLeaveDays;
  if (days <= lead) return { level: 'lead', rule: 'L1', reason: `${days} day(s): the team lead may grant up to ${lead} day(s)` };
  if (days < rules.longLeaveMinDays) return { level: 'supervisor', rule: 'L1', reason: `${days} days: more than the team lead's ${lead} day(s), so the supervisor grants it` };
  if (days === rules.longLeaveMinDays) return { level: 'manager', rule: 'L3', reason: `${days} days is long leave: lead → supervisor → operations or support manager` };
  return { level: 'director', rule: 'L4', reason: `${days} days is more than ${rules.longLeaveMinDays}: lead → duty supervisor → manager → director` };
}

/** L5: the granting level of personal leave. */
function personal(days: number, rules: Rules): { level: Level; rule: string; reason: string } {
  const manager = rules.personalLeaveManagerDays;
  if (days <= rules.personalLeaveSupervisorDays) return { level: 'supervisor', rule: 'L5', reason: `personal leave of ${days} day(s) is signed by the supervisor` };
  if (days <= manager) return { level: 'manager', rule: 'L5', reason: `personal leave of ${days} days (up to ${manager}) is approved by the operations manager` };
  return { level: 'director', rule: 'L5', reason: `personal leave of ${days} days (over ${manager}) goes to the director` };
}

/** L2: the granting level of a team lead's own leave. */
function leadOwn(days: number, rules: Rules): { level: Level; rule: string; reason: string } {
  if (days <= rules.leadOwnLeaveSupervisorDays) return { level: 'supervisor', rule: 'L2', reason: `a team lead's leave of ${days} day(s) is approved by the supervisor` };
  if (days <= rules.leadOwnLeaveManagerDays) return { level: 'manager', rule: 'L2', reason: `a team lead's leave of ${days} days is approved by the manager` };
  return { level: 'director', rule: 'L2', reason: `a team lead's leave of ${days} days (over ${rules.leadOwnLeaveManagerDays}) is approved by the director` };
}

/** Every level from `first` up to `last`, as route steps citing `rule`. */
export function climb(first: Level, last: Level, rule: string, people: { lead?: string; supervisor?: string }): RouteStep[] {
  const steps: RouteStep[] = [];
  for (let i = rank(first); i <= rank(last); i++) steps.push(stepFor(LEVELS[i], rule, people));
  return steps;
}

export function stepFor(role: Level, rule: string, people: { lead?: string; supervisor?: string }): RouteStep {
  const agent = role === 'lead' ? people.lead : role === 'supervisor' ? people.supervisor : undefined;
  return agent ? { role, agent, rule } : { role, rule };
}

export function leaveRoute(input: LeaveRouteInput, rules: Rules): LeaveRoute {
  if (input.days < 1) throw new RangeError(`a leave lasts at least 1 day, got ${input.days}`);
  const people = { lead: input.lead, supervisor: input.supervisor };
  if (input.role === 'lead') {
    const own = leadOwn(input.days, rules);
    return { steps: climb('supervisor', own.level, own.rule, people), grantingLevel: own.level, rule: own.rule, reason: own.reason };
  }
  let decided = byLength(input.days, rules);
  if (input.type === 'personal') {
    const p = personal(input.days, rules);
    if (rank(p.level) >= rank(decided.level)) decided = p;
  }
  return { steps: climb('lead', decided.level, decided.rule, people), grantingLevel: decided.level, rule: decided.rule, reason: decided.reason };
}

/** The level above (L9: "needs the next level up"); the director has none. */
export function levelAbove(level: Level): Level | null {
  const i = rank(level);
  return i + 1 < LEVELS.length ? LEVELS[i + 1] : null;
}

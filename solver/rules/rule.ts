/**
 * The rulebook's contract. Each manual rule is one file in solver/rules/ exporting a Rule: its MANUAL.md id, a
 * readable label, its level, and a check that returns violations with a penalty in natural units (minutes,
 * agents, days). The same rules judge a solved roster, an edited roster, a leave request and a swap.
 */
import type { Agent, Center, ShiftTemplate, Team } from '../../src/domain/center-schema.ts';
import type { Assignment, Roster, Violation } from '../roster.ts';

export type RuleLevel = 'hard' | 'soft';

export interface RequirementRow {
  queue: string;
  interval_start: string;
  required: number;
}

/** An approved leave day (counted as "not attended" by L9). */
export interface LeaveDay {
  agent: string;
  date: string;
  type?: string;
}

export interface RuleContext {
  center: Center;
  /** "YYYY-MM". */
  month: string;
  /** Every date of the month, in order. */
  dates: string[];
  requirements: RequirementRow[];
  leave: LeaveDay[];
  /** Assignments of published (pinned) days that the roster must keep unchanged. */
  pinned: Assignment[];
  /** Published dates (every person's day is fixed there); default: the dates of `pinned`. */
  pinnedDates?: string[];
  /** Single person-days fixed as in `pinned` (roster facts of days still to be solved). */
  pinnedAgentDays?: Array<{ agent: string; date: string }>;
  /** The last days of the previous month, for rest and consecutive-day rules across the boundary. */
  previous: Assignment[];
  agents: Map<string, Agent>;
  teams: Map<string, Team>;
  templates: Map<string, ShiftTemplate>;
}

export interface Rule {
  id: string;
  /** Other manual ids its violations may carry (TR1–TR4 are checked by one rule). */
  alsoIds?: readonly string[];
  label: string;
  level: RuleLevel;
  check(roster: Roster, ctx: RuleContext): Violation[];
}

export function buildRuleContext(
  center: Center,
  month: string,
  dates: string[],
  parts: Partial<Pick<RuleContext, 'requirements' | 'leave' | 'pinned' | 'pinnedDates' | 'pinnedAgentDays' | 'previous'>> = {},
): RuleContext {
  return {
    center,
    month,
    dates,
    requirements: parts.requirements ?? [],
    leave: parts.leave ?? [],
    pinned: parts.pinned ?? [],
    ...(parts.pinnedDates ? { pinnedDates: parts.pinnedDates } : {}),
    ...(parts.pinnedAgentDays ? { pinnedAgentDays: parts.pinnedAgentDays } : {}),
    previous: parts.previous ?? [],
    agents: new Map(center.agents.map((a) => [a.id, a])),
    teams: new Map(center.teams.map((t) => [t.id, t])),
    templates: new Map(center.shiftTemplates.map((t) => [t.id, t])),
  };
}

/** Assignments grouped by agent, each list sorted by start. */
export function assignmentsByAgent(assignments: readonly Assignment[]): Map<string, Assignment[]> {
  const out = new Map<string, Assignment[]>();
  for (const a of assignments) {
    let list = out.get(a.agent);
    if (!list) out.set(a.agent, (list = []));
    list.push(a);
  }
  for (const list of out.values()) list.sort((x, y) => Date.parse(x.start) - Date.parse(y.start));
  return out;
}

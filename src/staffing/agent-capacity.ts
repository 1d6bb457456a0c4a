/**
 * The paid hours each current phone agent can work in a month under their contract: contract days
 * (min(contract.maxDays, open days)) × the paid minutes of the longest shift template they may work
 * (src/staffing/shift-time.ts: shift + R10/TR4 meetings), capped by contract.maxMinutes, less what approved
 * leave and new-hire training (MANUAL L10) take: of those open days, the share the agent would have worked
 * (contract days ÷ open days), since a week of leave holds rest days too.
 * An agent belongs to their team's queue, or else to the first queue among their skills.
 */
import type { Agent, Center } from '../domain/center-schema.ts';
import { ValidationError, type ProblemItem } from '../errors.ts';
import { isoWeekday, monthDates } from '../time/local-day.ts';
import { shiftTime, type ShiftTimeSettings } from './shift-time.ts';

/** One day an agent will not work (approved leave, or any other unavailability). */
export interface LeaveDay {
  agent: string;
  /** YYYY-MM-DD */
  date: string;
}

export interface AgentCapacity {
  agent: string;
  queue: string;
  tier: Agent['tier'] | null;
  contractDays: number;
  paidHoursPerDay: number;
  /** contract days × paid hours a day, capped by contract.maxMinutes. */
  contractHours: number;
  leaveDays: number;
  trainingDays: number;
  /** (leave + training days) × contract days ÷ open days: the working days they take. */
  lostDays: number;
  /** contract hours − lost days × paid hours a day, at least 0. */
  availableHours: number;
}

/** Dates of the month on which the center opens (its weekly opening days, minus closed special days). */
export function openDates(center: Center, month: string): string[] {
  const weekdays = new Set(center.open.flatMap((o) => o.days));
  const closed = new Set(center.specialDays.filter((d) => d.closed).map((d) => d.date));
  return monthDates(month).filter((d) => weekdays.has(isoWeekday(d)) && !closed.has(d));
}

/** The queue an agent's hours count for, or null when none of their skills is a queue. */
export function agentQueue(center: Center, agent: Agent): string | null {
  const queueIds = new Set(center.queues.map((q) => q.id));
  const team = center.teams.find((t) => t.id === agent.team);
  if (team && queueIds.has(team.queue)) return team.queue;
  return agent.skills.find((s) => queueIds.has(s)) ?? null;
}

/** The agents' unavailable days (leave and the like) within a month, as LeaveDay entries. */
export function centerLeave(center: Center, month: string): LeaveDay[] {
  return center.agents.flatMap((a) => a.unavailable.filter((u) => u.date.startsWith(`${month}-`)).map((u) => ({ agent: a.id, date: u.date })));
}

export function agentCapacities(
  center: Center,
  month: string,
  leave: readonly LeaveDay[],
  settings: ShiftTimeSettings & { phoneRoles: readonly string[] },
): AgentCapacity[] {
  const open = new Set(openDates(center, month));
  const problems: ProblemItem[] = [];
  const leaveByAgent = new Map<string, Set<string>>();
  const known = new Set(center.agents.map((a) => a.id));
  leave.forEach((l, i) => {
    if (!known.has(l.agent)) problems.push({ where: `$.approvedLeave[${i}].agent`, message: `unknown agent "${l.agent}"` });
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(l.date)) problems.push({ where: `$.approvedLeave[${i}].date`, message: `expected YYYY-MM-DD, got "${l.date}"` });
    else if (open.has(l.date)) {
      const days = leaveByAgent.get(l.agent) ?? new Set<string>();
      days.add(l.date);
      leaveByAgent.set(l.agent, days);
    }
  });
  if (problems.length > 0) throw new ValidationError(`approved leave: ${problems.length} problem(s)`, problems.slice(0, 50));

  const out: AgentCapacity[] = [];
  for (const agent of center.agents) {
    if (!settings.phoneRoles.includes(agent.role)) continue;
    const queue = agentQueue(center, agent);
    if (queue === null) continue;
    const allowed = center.shiftTemplates.filter((t) => !agent.contract.templates || agent.contract.templates.includes(t.id));
    const paidMinutes = Math.max(0, ...allowed.map((t) => shiftTime(t, settings).paidMinutes));
    const contractDays = Math.min(agent.contract.maxDays, open.size);
    const paidHoursPerDay = paidMinutes / 60;
    const contractHours = Math.min(contractDays * paidHoursPerDay, agent.contract.maxMinutes !== undefined ? agent.contract.maxMinutes / 60 : Infinity);
    const leaveDays = leaveByAgent.get(agent.id)?.size ?? 0;
    const leaveSet = leaveByAgent.get(agent.id) ?? new Set<string>();
    const trainingDays = [...open].filter(
      (d) => !leaveSet.has(d) && agent.training.some((t) => t.from <= d && d <= t.to),
    ).length;
    const lostDays = open.size > 0 ? ((leaveDays + trainingDays) * contractDays) / open.size : 0;
    out.push({
      agent: agent.id,
      queue,
      tier: agent.tier ?? null,
      contractDays,
      paidHoursPerDay,
      contractHours,
      leaveDays,
      trainingDays,
      lostDays,
      availableHours: Math.max(0, contractHours - lostDays * paidHoursPerDay),
    });
  }
  return out;
}

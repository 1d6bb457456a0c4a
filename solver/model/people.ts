/**
 * The people the solver rosters, with everything their line of the month depends on: phone staff (agents and
 * leads, who count in queue coverage) and duty supervisors (R11 cover only). Managers and directors are never
 * rostered. For each person: queues they may work (H2), templates they may work (contract), day bounds (C3),
 * rest and run limits (C1, C2), the days they cannot work (H3), the published days (P1) and the tail of the
 * previous month, and the activities they attend (TR1–TR4) with the days that could hold them.
 */
import type { Agent, Center } from '../../src/domain/center-schema.ts';
import type { Assignment } from '../roster.ts';
import { agentCalendar, blockedReason, contractDayBounds, FLOOR_ROLES, PHONE_ROLES, restAndRun, type AgentCalendar } from '../rules/availability.ts';
import type { LeaveDay } from '../rules/rule.ts';
import type { Horizon } from './horizon.ts';
import type { PinnedDays } from './pinned-days.ts';
import type { ActivityDefinition } from '../../src/domain/activity-schema.ts';
import { isAttendee, windowDates } from '../activities/activity-window.ts';

export interface Person {
  index: number;
  id: string;
  agent: Agent;
  kind: 'phone' | 'supervisor';
  team?: string;
  /** Queue indices the person may work (phone staff), the home queue first; supervisors: one queue label. */
  queues: number[];
  /** Allowed template indices. */
  templates: boolean[];
  minDays: number;
  maxDays: number;
  maxConsecutive: number;
  minRestMs: number;
  calendar: AgentCalendar;
  /** Per day: may be given a shift by the solver (open, not blocked, not published). */
  free: boolean[];
  /** Per day: approved leave (L9). */
  leave: boolean[];
  /** Per pinned day (a published date, or this person's day alone): the assignment, null = day off; undefined = not pinned. */
  pinned: (Assignment | null | undefined)[];
  /** Days worked in a row up to the last day of the previous month. */
  previousRun: number;
  /** End instant of the previous month's last shift, and its template, when it ended the day before the month. */
  previousEndMs?: number;
  previousTemplate?: string;
  /** Activities the person attends (TR1–TR4) and the days that could hold them (free or pinned at work). */
  activities: Array<{ def: ActivityDefinition; days: number[] }>;
}

export interface PeopleInput {
  center: Center;
  horizon: Horizon;
  queueIds: string[];
  leave: readonly LeaveDay[];
  pinned: readonly Assignment[];
  pinnedDays: PinnedDays;
  previous: readonly Assignment[];
  openDay: boolean[];
}

function previousTail(list: Assignment[], firstDate: string) {
  const worked = new Set(list.map((a) => a.date));
  let run = 0;
  let d = new Date(`${firstDate}T00:00:00Z`);
  for (;;) {
    d = new Date(d.getTime() - 86_400_000);
    if (!worked.has(d.toISOString().slice(0, 10))) break;
    run++;
  }
  let last: Assignment | undefined;
  for (const a of list) if (!last || Date.parse(a.end) > Date.parse(last.end)) last = a;
  return { run, last };
}

export function buildPeople(input: PeopleInput): Person[] {
  const { center, horizon: h, queueIds } = input;
  const teams = new Map(center.teams.map((t) => [t.id, t]));
  const supervised = new Map<string, string>();
  for (const t of center.teams) if (!supervised.has(t.supervisor)) supervised.set(t.supervisor, t.queue);
  const people: Person[] = [];
  for (const agent of center.agents) {
    const kind = PHONE_ROLES.has(agent.role) ? 'phone' : FLOOR_ROLES.has(agent.role) ? 'supervisor' : undefined;
    if (!kind) continue;
    const home = agent.team ? teams.get(agent.team)?.queue : undefined;
    let queues: number[];
    if (kind === 'phone') {
      const skills = agent.skills.filter((s) => queueIds.includes(s));
      const ordered = home && skills.includes(home) ? [home, ...skills.filter((s) => s !== home)] : skills;
      queues = ordered.map((s) => queueIds.indexOf(s));
    } else {
      const label = supervised.get(agent.id) ?? agent.skills.find((s) => queueIds.includes(s)) ?? queueIds[0];
      queues = [queueIds.indexOf(label)];
    }
    const calendar = agentCalendar(agent, input.leave);
    const bounds = contractDayBounds(center, agent, calendar, h.dates);
    const { minRestHours, maxConsecutiveDays } = restAndRun(center, agent);
    const allowed = agent.contract.templates;
    const pinnedOf = input.pinned.filter((a) => a.agent === agent.id);
    const pinned = h.dates.map((date) =>
      input.pinnedDays.has(agent.id, date) ? pinnedOf.find((a) => a.date === date) ?? null : undefined,
    );
    const prevList = input.previous.filter((a) => a.agent === agent.id && a.date < h.dates[0]);
    const tail = previousTail(prevList, h.dates[0]);
    const dayBefore = new Date(Date.parse(`${h.dates[0]}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    people.push({
      index: people.length,
      id: agent.id,
      agent,
      kind,
      team: agent.team,
      queues,
      templates: center.shiftTemplates.map((t) => (allowed ? allowed.includes(t.id) : true)),
      minDays: bounds.min,
      maxDays: bounds.max,
      maxConsecutive: maxConsecutiveDays,
      minRestMs: minRestHours * 3_600_000,
      calendar,
      free: h.dates.map((date, d) => input.openDay[d] && pinned[d] === undefined && blockedReason(calendar, date) === undefined),
      leave: h.dates.map((date) => calendar.leave.has(date)),
      pinned,
      previousRun: tail.run,
      previousEndMs: tail.last ? Date.parse(tail.last.end) : undefined,
      previousTemplate: tail.last && tail.last.date === dayBefore ? tail.last.shift : undefined,
      activities: [],
    });
    const person = people[people.length - 1];
    for (const def of center.activities) {
      if (!isAttendee(def, agent)) continue;
      const days = windowDates(def, h.dates).map((date) => h.dayIndex(date)).filter((d) => person.free[d] || pinned[d]);
      if (days.length > 0) person.activities.push({ def, days });
    }
  }
  return people;
}

/**
 * Who may work which day, read the same way by the rules (H3, C3, L9) and the solver: approved leave (the
 * center's `unavailable` entries with reason "leave" plus the leave days passed in), other unavailability,
 * and new-hire training days (L10, TR1: in training, not on the phones). Also the contract's working-day bounds
 * for the month (C3): approved leave and training days are paid days, so they count toward the minimum, and
 * the minimum never exceeds the days the person can actually work.
 */
import type { Agent, Center } from '../../src/domain/center-schema.ts';
import { dateRange } from '../../src/time/local-day.ts';
import { isOpenDay } from '../model/opening.ts';
import type { LeaveDay } from './rule.ts';

export interface AgentCalendar {
  /** Approved leave days (count as "not attended" for L9, as paid days for C3). */
  leave: Set<string>;
  /** Other days the person cannot be rostered (reason other than leave). */
  unavailable: Set<string>;
  /** New-hire training days (paid, not on the phones). */
  training: Set<string>;
}

const LEAVE_REASON = /leave|假/i;

export function agentCalendar(agent: Agent, leave: readonly LeaveDay[]): AgentCalendar {
  const cal: AgentCalendar = { leave: new Set(), unavailable: new Set(), training: new Set() };
  for (const u of agent.unavailable) (LEAVE_REASON.test(u.reason) ? cal.leave : cal.unavailable).add(u.date);
  for (const l of leave) if (l.agent === agent.id) cal.leave.add(l.date);
  for (const t of agent.training) {
    const days = Math.round((Date.parse(t.to) - Date.parse(t.from)) / 86_400_000) + 1;
    for (const d of dateRange(t.from, Math.max(0, days))) cal.training.add(d);
  }
  return cal;
}

/** The reason a person cannot be rostered on a date, or undefined. */
export function blockedReason(cal: AgentCalendar, date: string): 'leave' | 'unavailable' | 'training' | undefined {
  if (cal.leave.has(date)) return 'leave';
  if (cal.training.has(date)) return 'training';
  if (cal.unavailable.has(date)) return 'unavailable';
  return undefined;
}

export interface DayBounds {
  min: number;
  max: number;
  /** Days of the month the person could work (open, not blocked). */
  workable: number;
  /** Paid days off the roster (leave + training) counted toward the minimum. */
  credit: number;
}

/** C3 bounds of working days in the month for a person. */
export function contractDayBounds(center: Center, agent: Agent, cal: AgentCalendar, dates: readonly string[]): DayBounds {
  let credit = 0;
  let workable = 0;
  for (const d of dates) {
    const reason = blockedReason(cal, d);
    if (reason === 'leave' || reason === 'training') credit++;
    if (reason === undefined && isOpenDay(center, d)) workable++;
  }
  const max = agent.contract.maxDays;
  const min = Math.min(Math.max(0, agent.contract.minDays - credit), workable, max);
  return { min, max, workable, credit };
}

/** Effective contract numbers with the center's defaults (C1, C2). */
export function restAndRun(center: Center, agent: Agent): { minRestHours: number; maxConsecutiveDays: number } {
  return {
    minRestHours: agent.contract.minRestHours ?? center.rules.defaultMinRestHours,
    maxConsecutiveDays: agent.contract.maxConsecutiveDays ?? center.rules.defaultMaxConsecutiveDays,
  };
}

/** Roles that take calls (rostered on a queue) and roles that hold the floor (R11). */
export const PHONE_ROLES = new Set(['agent', 'lead']);
export const FLOOR_ROLES = new Set(['supervisor']);

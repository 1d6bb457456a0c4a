/**
 * Attendance: sign-in/sign-out and a lead's records (excuse A1, papers L6, left the post A5); the judged days;
 * team rates for the month against the 95% floor (L9 actual) with the daily trend; an agent's month with its pay
 * consequences (A3/A4), which only the agent, the managers and the director see (S3).
 */
import { z } from 'zod';
import { assertAgentAccess, assertCenterAccess, canSeeAgent, teamScope, type Principal } from '../../auth/principal.ts';
import { ANALYSTS, EVERYONE, FLOOR } from '../../auth/roles.ts';
import { attendanceDays, monthAttendance } from '../../attendance/attendance-service.ts';
import { EVENT_KINDS, type NewEvent } from '../../attendance/events.ts';
import { summarizeMonth } from '../../attendance/month-summary.ts';
import { recordAttendance } from '../../attendance/record.ts';
import type { Center } from '../../domain/center-schema.ts';
import { ForbiddenError, ValidationError } from '../../errors.ts';
import { monthDates } from '../../time/local-day.ts';
import { defineRoute } from '../route.ts';
import { centerIdParams } from './centers.ts';

/** S3: who sees pay-related results besides the person themself. */
export const PAY_ROLES = ['manager', 'director'] as const;
export const canSeePay = (p: Principal, agent: string) => p.agentId === agent || (PAY_ROLES as readonly string[]).includes(p.role);

const RECORDERS = new Set(['admin', 'director', 'manager', 'supervisor', 'lead']);
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected "YYYY-MM"');
const eventSchema = z.object({
  agent: z.string().min(1).optional(),
  kind: z.enum(EVENT_KINDS),
  at: z.iso.datetime({ offset: true, local: true }).optional(),
  day: z.iso.date().optional(),
  reason: z.string().max(500).optional(),
});

function checkEvent(p: Principal, center: Center, e: z.infer<typeof eventSchema>, i: number): NewEvent {
  const agent = e.agent ?? p.agentId;
  if (!agent) throw new ValidationError('name the agent', [{ where: `events[${i}].agent`, message: 'required' }]);
  assertAgentAccess(p, center, agent);
  const self = p.agentId === agent;
  if (!RECORDERS.has(p.role)) {
    // An agent signs in and out for themself, at the server's time.
    if (!self || (e.kind !== 'sign-in' && e.kind !== 'sign-out')) throw new ForbiddenError(`${p.role} may only sign themself in and out`);
    return { agent, kind: e.kind, at: new Date().toISOString() };
  }
  if ((e.kind === 'excuse' || e.kind === 'left-post') && !e.day) throw new ValidationError(`an ${e.kind} names the day it is for`, [{ where: `events[${i}].day`, message: 'required' }]);
  return { agent, kind: e.kind, at: e.at ?? new Date().toISOString(), day: e.day, reason: e.reason ?? null };
}

defineRoute({
  method: 'post',
  path: '/api/centers/:id/attendance/events',
  summary: 'Record sign-in/sign-out (an agent for themself, at the server time; leads and up for their teams, with a time), excuse (A1, reason required), papers (L6), left-post (A5); one event or { events: [...] }',
  tag: 'attendance',
  roles: EVERYONE.filter((r) => r !== 'analyst' && r !== 'deputy'),
  params: centerIdParams,
  body: z.union([z.object({ events: z.array(eventSchema).min(1).max(5000) }), eventSchema]),
  status: 201,
  async handler({ params, body, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    const list = 'events' in body ? body.events : [body];
    const events = list.map((e, i) => checkEvent(principal, center, e, i));
    return { events: await recordAttendance(ctx.db, center, events, principal.userId) };
  },
});

defineRoute({
  method: 'get',
  path: '/api/centers/:id/attendance',
  summary: 'Judged attendance days (A1, A2, A4, A5, L6) of the people the caller may see, for a day or a range',
  tag: 'attendance',
  roles: [...new Set([...FLOOR, ...ANALYSTS, 'agent' as const])],
  params: centerIdParams,
  query: z.object({ date: z.iso.date().optional(), from: z.iso.date().optional(), to: z.iso.date().optional(), team: z.string().optional(), asOf: z.iso.datetime({ offset: true, local: true }).optional() }),
  async handler({ params, query, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    const from = query.date ?? query.from;
    const to = query.date ?? query.to ?? from;
    if (!from || !to) throw new ValidationError('give date, or from and to', [{ where: 'query.date', message: 'required' }]);
    if (Date.parse(to) - Date.parse(from) > 62 * 86_400_000 || to < from) throw new ValidationError('a range of at most 62 days, from ≤ to', [{ where: 'query.to', message: 'bad range' }]);
    const agents = center.agents.filter((a) => canSeeAgent(principal, center, a.id) && (!query.team || a.team === query.team)).map((a) => a.id);
    return { days: await attendanceDays(ctx.db, center, { from, to, agents, asOf: query.asOf }) };
  },
});

defineRoute({
  method: 'get',
  path: '/api/centers/:id/attendance/teams',
  summary: 'L9 actual: each team\'s attendance rate for the month so far against the floor (95%), with the daily trend',
  tag: 'attendance',
  roles: [...new Set([...FLOOR, ...ANALYSTS])],
  params: centerIdParams,
  query: z.object({ month, asOf: z.iso.datetime({ offset: true, local: true }).optional() }),
  async handler({ params, query, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    monthDates(query.month);
    const scope = teamScope(principal, center);
    const m = await monthAttendance(ctx.db, center, query.month, query.asOf);
    return { month: query.month, asOf: m.asOf, floor: center.rules.attendanceFloor, teams: m.teams.filter((t) => scope === 'all' || scope.has(t.team)) };
  },
});

defineRoute({
  method: 'get',
  path: '/api/centers/:id/attendance/agents/:agent',
  summary: 'An agent\'s month: days, counts and (for the agent, managers and the director only) the pay consequences A3/A4 and the resignation flag',
  tag: 'attendance',
  roles: [...new Set([...FLOOR, ...ANALYSTS, 'agent' as const])],
  params: z.object({ id: z.string().min(1).max(64), agent: z.string().min(1).max(64) }),
  query: z.object({ month, asOf: z.iso.datetime({ offset: true, local: true }).optional() }),
  async handler({ params, query, principal }, ctx) {
    assertCenterAccess(principal, params.id);
    const center = await ctx.center(params.id);
    assertAgentAccess(principal, center, params.agent);
    const dates = monthDates(query.month);
    const days = await attendanceDays(ctx.db, center, { from: dates[0], to: dates[dates.length - 1], agents: [params.agent], asOf: query.asOf });
    const team = center.agents.find((a) => a.id === params.agent)?.team ?? null;
    const { pay, ...summary } = summarizeMonth(params.agent, team, query.month, days, center.rules);
    return { ...summary, ...(canSeePay(principal, params.agent) ? { pay } : {}), days };
  },
});

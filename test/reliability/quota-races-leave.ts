/**
 * Leave limits raced (quota-fixture.ts center). A leave that may not be granted at the caller's level is not
 * an error in this API: it answers 200 with status "escalated", the rule, and the next approver. So here a
 * refusal is that escalation, citing the rule; a grant is status "approved".
 * - L7: the 30 agents under supervisor s1 each ask for the same day of the rostered month; their three team
 *   leads approve all 30 at once → exactly one granted, 29 escalated to the manager (L7).
 * - L8: `seeded` people are already on long leave; 20 more ask for the same 3 days, their lead and supervisor
 *   forward them, and the manager approves all 20 at once. The manager loses the right once more than
 *   longLeaveLock (11) others are on long leave (MANUAL L8; the person asking is not counted), so exactly
 *   lock + 1 − seeded are granted and the rest go to the director.
 * - L9: team td (6 people) asks for 12 single days of its month at once, each on a day its person works, each
 *   alone keeping the team's month at or above 95%; together they would not. The lead grants exactly as many as
 *   the floor allows; the rest are escalated to the supervisor (L9).
 */
import { DateTime } from 'luxon';
import { insertLeaveDays, insertRequest } from '../../src/db/repos/requests.ts';
import { getRoster } from '../../src/db/repos/rosters.ts';
import { addDays, dateRange, monthDates } from '../../src/time/local-day.ts';
import { CENTER_ID, leadOf, membersOf, publishMonth, SUPERVISOR_OF } from './quota-fixture.ts';
import { call, fireAll, outcome, publishedId, type Answer, type RaceOutcome, type RaceSetup } from './quota-race.ts';

const leave = (from: string, to: string) => ({ kind: 'leave', type: 'sick', from, to, reason: 'flu' });
const escalated = (a: Answer, rule: string, to: string) => a.status === 200 && a.body.status === 'escalated' && a.body.rule === rule && a.body.nextApprover?.role === to;
const approved = (a: Answer) => a.status === 200 && a.body.status === 'approved';

async function file(s: RaceSetup, agent: string, from: string, to = from): Promise<number> {
  const r = await call(s, 'POST', '/api/requests', await s.as(agent), leave(from, to));
  if (r.status !== 201) throw new Error(`filing leave for ${agent}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.id;
}

async function leaveRows(s: RaceSetup, where: string, params: unknown[]): Promise<Array<{ agent_id: string; day: string; request_id: number }>> {
  return (await s.app.db.query<{ agent_id: string; day: string; request_id: number }>(`SELECT agent_id, day, request_id FROM leave_days WHERE center_id = $1 AND ${where}`, [CENTER_ID, ...params])).rows;
}

/** L7's day: in the round's rostered month, so each approval reads the roster (L9) and the grant writes a version. */
export const l7Day = (s: RaceSetup) => `${s.month}-10`;

export async function raceSupervisorDay(s: RaceSetup): Promise<RaceOutcome> {
  const day = l7Day(s);
  const teams = Object.keys(SUPERVISOR_OF).filter((t) => SUPERVISOR_OF[t] === 's1');
  const asks = teams.flatMap((t) => membersOf(t).map((agent) => ({ agent, lead: leadOf(t) })));
  const ids = await Promise.all(asks.map((a) => file(s, a.agent, day)));
  const leads = new Map(await Promise.all(teams.map(async (t) => [leadOf(t), await s.as(leadOf(t))] as const)));
  const answers = await fireAll(asks.map((a, i) => (via) => call(s, 'POST', `/api/requests/${ids[i]}/approve`, leads.get(a.lead)!, undefined, via)));
  const rows = await leaveRows(s, 'supervisor_id = $2 AND day = $3', ['s1', day]);
  const granted = answers.filter(approved);
  return outcome('L7', answers, s.app.center.rules.leavePerSupervisorPerDay, { granted: approved, refused: (a) => escalated(a, 'L7', 'manager') }, {
    count: rows.length,
    missing: granted.filter((a) => !rows.some((r) => Number(r.request_id) === a.body.id)).length,
  });
}

/** L8's three days: in a month without a roster (so L9 is not judged), a week apart per round. */
export const l8From = (round: number) => addDays('2028-06-01', 7 * round);
export const L8_SEEDED = membersOf('te').slice(0, 8);
export const L8_ASKING = [...membersOf('ta'), ...membersOf('tb')];

/** Approved long leave written straight to storage (the L8 count's input). */
async function seedLongLeave(s: RaceSetup, agents: string[], days: string[]): Promise<void> {
  await s.app.db.transaction(async (tx) => {
    for (const agent of agents) {
      const team = s.app.center.agents.find((a) => a.id === agent)!.team!;
      const id = await insertRequest(tx, { centerId: CENTER_ID, kind: 'leave', agentId: agent, teamId: team, payload: leave(days[0], days.at(-1)!), dateFrom: days[0], dateTo: days.at(-1)!, createdBy: null });
      await tx.query("UPDATE requests SET status = 'approved' WHERE id = $1", [id]);
      await insertLeaveDays(tx, CENTER_ID, days.map((day) => ({ requestId: id, agentId: agent, day, teamId: team, supervisorId: SUPERVISOR_OF[team], type: 'sick', long: true, wasRostered: false })));
    }
  });
}

export async function raceLongLeave(s: RaceSetup): Promise<RaceOutcome> {
  const days = dateRange(l8From(s.round), s.app.center.rules.longLeaveMinDays);
  await seedLongLeave(s, L8_SEEDED, days);
  const team = (agent: string) => s.app.center.agents.find((a) => a.id === agent)!.team!;
  const ids = await Promise.all(L8_ASKING.map(async (agent) => {
    const id = await file(s, agent, days[0], days.at(-1)!);
    // Lead, then supervisor: both forward (L3: long leave is the manager's to grant).
    for (const who of [leadOf(team(agent)), SUPERVISOR_OF[team(agent)]]) {
      const r = await call(s, 'POST', `/api/requests/${id}/approve`, await s.as(who));
      if (r.status !== 200 || r.body.status !== 'pending') throw new Error(`forwarding ${id} as ${who}: ${r.status} ${JSON.stringify(r.body)}`);
    }
    return id;
  }));
  const answers = await fireAll(ids.map((id) => (via) => call(s, 'POST', `/api/requests/${id}/approve`, 'manager', undefined, via)));
  const rows = await leaveRows(s, 'long AND day = $2', [days[0]]);
  const asking = new Set(L8_ASKING);
  const grantedRows = rows.filter((r) => asking.has(r.agent_id));
  const limit = s.app.center.rules.longLeaveLock + 1 - L8_SEEDED.length;
  return outcome('L8', answers, limit, { granted: approved, refused: (a) => escalated(a, 'L8', 'director') }, {
    count: grantedRows.length,
    missing: answers.filter(approved).filter((a) => !grantedRows.some((r) => Number(r.request_id) === a.body.id)).length,
  });
}

export const L9_TEAM = 'td';
const L9_PEOPLE = [leadOf(L9_TEAM), ...membersOf(L9_TEAM)];
/**
 * L9's month: one of its own with only team td rostered. The floor is judged per team, and each approval
 * reads (and each grant writes) the month's whole roster: one team's keeps the race short.
 */
export const l9Month = (s: RaceSetup) => DateTime.fromISO('2029-01-01', { zone: 'UTC' }).plus({ months: s.round }).toFormat('yyyy-MM');

export interface L9Plan {
  asks: Array<{ agent: string; day: string }>;
  /** Agent-days the team works in the month (leave on a worked day keeps this total). */
  rostered: number;
  /** Leave days the floor allows: the most L with (rostered − L) / rostered ≥ floor. */
  allowed: number;
}

/** Publishes L9's month; 12 single days of leave for team td, each on a day its person works, no two on one day (L7 stays out). */
export async function planAttendance(s: RaceSetup, count = 12): Promise<L9Plan> {
  const month = l9Month(s);
  const meta = await publishMonth(s.app.db, s.app.center, month, L9_PEOPLE);
  const mine = (await getRoster(s.app.db, meta.id, s.app.center.timezone))!.roster.assignments;
  const rostered = new Set(mine.map((a) => `${a.agent}|${a.date}`)).size;
  const agents = membersOf(L9_TEAM);
  const asks: L9Plan['asks'] = [];
  for (const [k, day] of monthDates(month).entries()) {
    const agent = [...agents.slice(k % agents.length), ...agents.slice(0, k % agents.length)]
      .find((a) => mine.filter((x) => x.agent === a && x.date === day).length === 1 && mine.some((x) => x.agent === a && x.date === day && x.kind !== 'overtime'));
    if (agent && asks.length < count) asks.push({ agent, day });
  }
  if (asks.length < count) throw new Error(`only ${asks.length} days for team ${L9_TEAM} in ${month}`);
  const floor = s.app.center.rules.attendanceFloor;
  return { asks, rostered, allowed: Math.floor(rostered * (1 - floor) + 1e-9) };
}

export async function raceAttendance(s: RaceSetup, plan: L9Plan): Promise<RaceOutcome> {
  const ids = await Promise.all(plan.asks.map((a) => file(s, a.agent, a.day)));
  const lead = await s.as(leadOf(L9_TEAM));
  const answers = await fireAll(ids.map((id) => (via) => call(s, 'POST', `/api/requests/${id}/approve`, lead, undefined, via)));
  const month = l9Month(s);
  const rows = await leaveRows(s, 'team_id = $2 AND day BETWEEN $3 AND $4', [L9_TEAM, `${month}-01`, monthDates(month).at(-1)]);
  const roster = (await getRoster(s.app.db, await publishedId(s.app.db, CENTER_ID, month), s.app.center.timezone))!.roster;
  // A granted leave is stored and its shift is gone from the published roster.
  const kept = (a: Answer) => {
    const ask = plan.asks[answers.indexOf(a)];
    return rows.some((r) => Number(r.request_id) === a.body.id) && !roster.assignments.some((x) => x.agent === ask.agent && x.date === ask.day);
  };
  return outcome('L9', answers, plan.allowed, { granted: approved, refused: (a) => escalated(a, 'L9', 'supervisor') }, {
    count: rows.length,
    missing: answers.filter(approved).filter((a) => !kept(a)).length,
  });
}

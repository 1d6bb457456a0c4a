/**
 * The center of the parallel-quota suites (test/reliability/quotas-*.test.ts, bench/faults/quotas.ts): big
 * enough that 30 people can ask at once under one duty supervisor and 50 can answer one callout.
 *
 * Supervisor s1 runs teams ta, tb, tc (leads la, lb, lc; agents a01–a10, b01–b10, c01–c10): the 30 of L7.
 * Supervisor s2 runs team td alone (lead ld, agents d01–d05): small, so a few days of leave reach the 95%
 * floor of L9. Supervisor s3 runs te and tf (le, lf; e01–e10, f01–f10). Manager m1, director x1. One queue
 * (csr), one template E 08:00–16:00 with a meal, Asia/Shanghai, 60-minute intervals.
 *
 * A month's roster: every phone person (lead or agent) works E on a 5-on/2-off cycle shifted by their index
 * (counted in days since 2026-01-01, so the cycle runs on across months). The requirement of every interval is
 * exactly what is scheduled, so any rest-day move leaves its day short and waits for the duty supervisor,
 * while a peer swap (the same shift, another person) changes no interval and is approved at once.
 */
import { DateTime } from 'luxon';
import { parseCenter } from '../../src/domain/center-loader.ts';
import type { Center, CenterInput } from '../../src/domain/center-schema.ts';
import type { Db } from '../../src/db/db.ts';
import { publishRoster, saveRoster, type RosterMeta } from '../../src/db/repos/rosters.ts';
import { defaultRulebook } from '../../src/requests/default-rulebook.ts';
import { isoWithOffset, monthDates } from '../../src/time/local-day.ts';
import type { Roster } from '../../solver/roster.ts';
import { buildRuleContext } from '../../solver/rules/rule.ts';
import { assignment } from '../requests/fixture.ts';

export const CENTER_ID = 'qp';
export const SUPERVISOR_OF: Record<string, string> = { ta: 's1', tb: 's1', tc: 's1', td: 's2', te: 's3', tf: 's3' };
const SIZE: Record<string, number> = { ta: 10, tb: 10, tc: 10, td: 5, te: 10, tf: 10 };

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`);
/** The agents (not leads) of a team, e.g. membersOf('ta') = a01…a10. */
export const membersOf = (team: string): string[] => ids(team.slice(1), SIZE[team]);
export const leadOf = (team: string): string => `l${team.slice(1)}`;
export const TEAMS = Object.keys(SIZE);
/** Leads and agents in roster order (the index sets each one's cycle offset). */
export const PHONE_STAFF = TEAMS.flatMap((t) => [leadOf(t), ...membersOf(t)]);

export function quotaCenter(): Center {
  const person = (id: string, team: string | undefined, role: 'agent' | 'lead' | 'supervisor' | 'manager' | 'director') => ({ id, name: id, team, role, skills: ['csr'] });
  const input: CenterInput = {
    id: CENTER_ID,
    name: CENTER_ID,
    timezone: 'Asia/Shanghai',
    intervalMinutes: 60,
    open: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '08:00', to: '22:00' }],
    queues: [{ id: 'csr', kind: 'inbound' }],
    shiftTemplates: [{ id: 'E', start: '08:00', minutes: 480, meal: { minutes: 60, from: '11:30', to: '13:30' } }],
    teams: TEAMS.map((t) => ({ id: t, queue: 'csr', lead: leadOf(t), supervisor: SUPERVISOR_OF[t] })),
    agents: [
      person('s1', undefined, 'supervisor'), person('s2', undefined, 'supervisor'), person('s3', undefined, 'supervisor'),
      person('m1', undefined, 'manager'), person('x1', undefined, 'director'),
      ...TEAMS.flatMap((t) => [person(leadOf(t), t, 'lead'), ...membersOf(t).map((a) => person(a, t, 'agent'))]),
    ],
    rules: {},
  };
  return parseCenter(input);
}

const EPOCH = Date.UTC(2026, 0, 1);

export function works(agent: string, date: string): boolean {
  const i = PHONE_STAFF.indexOf(agent);
  if (i < 0) return false;
  const k = Math.round((Date.parse(date) - EPOCH) / 86_400_000);
  return (k + i) % 7 < 5;
}

/** The month's roster of `staff` (default: every phone person of the center). */
export function monthRoster(center: Center, month: string, staff: readonly string[] = PHONE_STAFF): Roster {
  const dates = monthDates(month);
  const assignments = dates.flatMap((date) => staff.filter((a) => works(a, date)).map((a) => assignment(a, date, 'E')));
  const roster: Roster = { center: center.id, month, assignments, coverage: [], score: { hard: 0, understaffed: 0, overstaffed: 0, soft: 0 }, violations: [] };
  // Measure what is scheduled in each open hour (the rulebook's measure: breaks and meals off the phones), then
  // require exactly that.
  const open = dates.flatMap((date) => Array.from({ length: 14 }, (_, h) => ({
    queue: 'csr', interval_start: isoWithOffset(DateTime.fromISO(date, { zone: center.timezone }).set({ hour: 8 + h })), required: 0,
  })));
  const measured = defaultRulebook.coverage(roster, buildRuleContext(center, month, dates, { requirements: open }));
  return { ...roster, coverage: measured.map((c) => ({ ...c, required: c.scheduled })) };
}

export async function publishMonth(db: Db, center: Center, month: string, staff: readonly string[] = PHONE_STAFF): Promise<RosterMeta> {
  return db.transaction(async (tx) => {
    const meta = await saveRoster(tx, { centerId: center.id, roster: monthRoster(center, month, staff) });
    return publishRoster(tx, meta.id, null);
  });
}

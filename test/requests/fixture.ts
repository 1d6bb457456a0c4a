/**
 * A small hand-built center for the request tests, and a deterministic December 2026 roster for it.
 *
 * Supervisor s1 runs teams t1 (lead l1, agents a01–a10) and t2 (lead l2, agents a11–a20); supervisor s2 runs
 * t3 (lead l3, agents a21–a24, floating-pool agent f1) and t4 (the outbound queue tsr: lead x1 alone, not
 * rostered, without the csr skill). Manager m1 and director d1. Agent a05 is in new-hire training
 * 2026-12-14 – 2026-12-18 (L10). Templates: E 08:00–16:00, L 14:00–22:00 (may not be followed by E,
 * C9), each with a 60-minute meal; F floating 4 h starting 10:00–14:00. Asia/Shanghai (no daylight saving),
 * 60-minute intervals.
 *
 * Roster: every phone agent works a 5-on/2-off cycle shifted by their index, so day d (0-based) is worked by
 * agent i when (d + i) mod 7 < 5 (a05 is off during training); t1/t2 work E, t3 works E except a24 who works
 * L; f1 works F at 10:00 on the same cycle. Requirements are 1 agent per open hour except on TIGHT_DAY, where
 * csr needs exactly the agents rostered (so any hour lost falls below the requirement).
 */
import { DateTime } from 'luxon';
import { parseCenter } from '../../src/domain/center-loader.ts';
import type { Center, CenterInput } from '../../src/domain/center-schema.ts';
import type { Db } from '../../src/db/db.ts';
import { publishRoster, saveRoster, type RosterMeta } from '../../src/db/repos/rosters.ts';
import { issueTokenFor } from '../../src/services/tokens.ts';
import { defaultRulebook } from '../../src/requests/default-rulebook.ts';
import { dateRange, isoWithOffset, monthDates } from '../../src/time/local-day.ts';
import type { Assignment, Roster } from '../../solver/roster.ts';
import { buildRuleContext } from '../../solver/rules/rule.ts';

export const MONTH = '2026-12';
export const TIGHT_DAY = '2026-12-22';
const ZONE = 'Asia/Shanghai';

const t1 = ['a01', 'a02', 'a03', 'a04', 'a05', 'a06', 'a07', 'a08', 'a09', 'a10'];
const t2 = ['a11', 'a12', 'a13', 'a14', 'a15', 'a16', 'a17', 'a18', 'a19', 'a20'];
const t3 = ['a21', 'a22', 'a23', 'a24', 'f1'];

export function testCenter(rules: CenterInput['rules'] = {}): Center {
  const agent = (id: string, team: string | undefined, role: 'agent' | 'lead' | 'supervisor' | 'manager' | 'director' = 'agent', extra: object = {}) => ({
    id, name: id, team, role, skills: ['csr'], ...extra,
  });
  const input: CenterInput = {
    id: 'rq',
    name: 'rq',
    timezone: ZONE,
    intervalMinutes: 60,
    open: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '08:00', to: '22:00' }],
    queues: [{ id: 'csr', kind: 'inbound' }, { id: 'tsr', kind: 'outbound' }],
    shiftTemplates: [
      { id: 'E', start: '08:00', minutes: 480, meal: { minutes: 60, from: '11:30', to: '13:30' } },
      { id: 'L', start: '14:00', minutes: 480, meal: { minutes: 60, from: '17:30', to: '19:30' }, cannotBeFollowedBy: ['E'] },
      { id: 'F', start: ['10:00', '14:00'], minutes: 240, floating: true },
    ],
    teams: [
      { id: 't1', queue: 'csr', lead: 'l1', supervisor: 's1' },
      { id: 't2', queue: 'csr', lead: 'l2', supervisor: 's1' },
      { id: 't3', queue: 'csr', lead: 'l3', supervisor: 's2' },
      { id: 't4', queue: 'tsr', lead: 'x1', supervisor: 's2' },
    ],
    agents: [
      agent('s1', undefined, 'supervisor'), agent('s2', undefined, 'supervisor'),
      agent('m1', undefined, 'manager'), agent('d1', undefined, 'director'),
      agent('l1', 't1', 'lead'), ...t1.map((id) => agent(id, 't1', 'agent', id === 'a05' ? { training: [{ from: '2026-12-14', to: '2026-12-18' }] } : {})),
      agent('l2', 't2', 'lead'), ...t2.map((id) => agent(id, 't2')),
      agent('l3', 't3', 'lead'), ...t3.map((id) => agent(id, 't3', 'agent', id === 'f1' ? { contract: { templates: ['F'] } } : {})),
      { ...agent('x1', 't4', 'lead'), skills: ['tsr'] },
    ],
    rules,
  };
  return parseCenter(input);
}

/** The phone staff in roster order (the index sets each one's 5-on/2-off offset). */
export const PHONE_STAFF = ['l1', ...t1, 'l2', ...t2, 'l3', ...t3];

function shiftOf(agent: string): 'E' | 'L' | 'F' {
  return agent === 'a24' ? 'L' : agent === 'f1' ? 'F' : 'E';
}

export function works(agent: string, date: string): boolean {
  if (agent === 'a05' && date >= '2026-12-14' && date <= '2026-12-18') return false; // new-hire training (H3, L10)
  const i = PHONE_STAFF.indexOf(agent);
  if (i < 0) return false;
  const d = Number(date.slice(8, 10)) - 1;
  return (d + i) % 7 < 5;
}

/**
 * A shift with its meal in the template's window (R8: 4 h after the start, 60 min) and a 5-minute break 40
 * minutes into every full working hour (R7; none in the first 30 minutes, R9; none in the meal).
 */
export function assignment(agent: string, date: string, shift: 'E' | 'L' | 'F'): Assignment {
  const [h, minutes] = shift === 'E' ? [8, 480] : shift === 'L' ? [14, 480] : [10, 240];
  const start = DateTime.fromISO(date, { zone: ZONE }).set({ hour: h });
  const meal = minutes > 360 ? 4 : null;
  const hours = Array.from({ length: meal === null ? minutes / 60 : minutes / 60 - 1 }, (_, k) => (meal !== null && k >= meal ? k + 1 : k));
  const breaks: Assignment['breaks'] = hours.map((k) => ({ start: isoWithOffset(start.plus({ hours: k, minutes: 40 })), minutes: 5, kind: 'break' as const }));
  if (meal !== null) breaks.splice(meal, 0, { start: isoWithOffset(start.plus({ hours: meal })), minutes: 60, kind: 'meal' });
  return { agent, date, shift, queue: 'csr', start: isoWithOffset(start), end: isoWithOffset(start.plus({ minutes })), breaks };
}

export function decemberRoster(center: Center): Roster {
  const assignments = monthDates(MONTH).flatMap((date) => PHONE_STAFF.filter((a) => works(a, date)).map((a) => assignment(a, date, shiftOf(a))));
  const hours = monthDates(MONTH).flatMap((date) => Array.from({ length: 14 }, (_, k) => ({ date, start: isoWithOffset(DateTime.fromISO(date, { zone: ZONE }).set({ hour: 8 + k })) })));
  const rows = hours.map((h) => ({ queue: 'csr', interval_start: h.start, required: 1 }));
  const roster: Roster = { center: center.id, month: MONTH, assignments, coverage: [], score: { hard: 0, understaffed: 0, overstaffed: 0, soft: 0 }, violations: [] };
  const measure = (requirements: typeof rows) => defaultRulebook.coverage(roster, buildRuleContext(center, MONTH, monthDates(MONTH), { requirements }));
  const required = new Map(measure(rows.filter((r) => r.interval_start.startsWith(TIGHT_DAY))).map((c) => [c.interval_start, c.scheduled]));
  return { ...roster, coverage: measure(rows.map((r) => ({ ...r, required: required.get(r.interval_start) ?? 1 }))) };
}

export async function publishDecember(db: Db, center: Center): Promise<RosterMeta> {
  return db.transaction(async (tx) => {
    const meta = await saveRoster(tx, { centerId: center.id, roster: decemberRoster(center) });
    return publishRoster(tx, meta.id, null);
  });
}

/** A bearer token for a person of the center (role and scope from the center file). */
export async function tokenFor(db: Db, center: Center, agent: string): Promise<string> {
  return (await issueTokenFor(db, center, { agent }, null)).token;
}

/** Rostered (true) and rest (false) days of an agent in a date range. */
export function workingDays(agent: string, from: string, days: number): Array<[string, boolean]> {
  return dateRange(from, days).map((d) => [d, works(agent, d)]);
}

/** Tokens by agent id, issued on first use. */
export function tokenBook(db: Db, center: Center): (agent: string) => Promise<string> {
  const cache = new Map<string, Promise<string>>();
  return (agent) => {
    if (!cache.has(agent)) cache.set(agent, tokenFor(db, center, agent));
    return cache.get(agent)!;
  };
}

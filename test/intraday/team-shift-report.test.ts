/**
 * RP3: a team's results after its shift. The request tests' December roster (test/requests/fixture.ts): team t1
 * works E 08:00–16:00 (breaks 5 minutes at 08:40, 09:40, 10:40, 11:40, 13:40, 14:40, 15:40; meal 12:00–13:00 =
 * 95 planned minutes off the phones). On 2026-12-03: 60 calls an hour of csr from 08:00 to 15:00 (480), a01 signs
 * in on time and keeps every break, a02 signs in 10 minutes late (an A3 late, not absence) and skips the 08:40 break; nobody else of t1
 * signs in. Breaks kept = (95 + 90) / 190.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAttendance } from '../../src/attendance/record.ts';
import { storeStates } from '../../src/intraday/agent-states.ts';
import { teamShiftReports } from '../../src/reports/team-shift-report.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { PHONE_STAFF, publishDecember, testCenter, tokenBook, works } from '../requests/fixture.ts';

const DAY = '2026-12-03';
const at = (hhmm: string) => `${DAY}T${hhmm}:00+08:00`;
const BREAKS = ['08:40', '09:40', '10:40', '11:40', '13:40', '14:40', '15:40'];
const supervisor = { userId: 0, role: 'supervisor' as const, centerId: 'rq', agentId: 's1', name: 's1', tokenId: 0 };

let app: TestApp;
let as: (agent: string) => Promise<string>;
const t1Working = () => PHONE_STAFF.filter((a) => works(a, DAY) && app.center.agents.find((x) => x.id === a)!.team === 't1');

function feed(agent: string, skip: string[] = []) {
  const rows: Array<{ agent: string; state: 'phone' | 'break' | 'meal'; atMs: number }> = [{ agent, state: 'phone', atMs: Date.parse(at('08:00')) }];
  for (const b of BREAKS.filter((x) => !skip.includes(x))) {
    rows.push({ agent, state: 'break', atMs: Date.parse(at(b)) }, { agent, state: 'phone', atMs: Date.parse(at(b)) + 5 * 60_000 });
  }
  rows.push({ agent, state: 'meal', atMs: Date.parse(at('12:00')) }, { agent, state: 'phone', atMs: Date.parse(at('13:00')) });
  return rows;
}

beforeAll(async () => {
  app = await startTestApp({ center: testCenter() });
  as = tokenBook(app.db, app.center);
  await publishDecember(app.db, app.center);
  const csv = ['queue,interval_start,offered,handled,abandoned', ...[8, 9, 10, 11, 12, 13, 14, 15].map((h) => `csr,${DAY}T${String(h).padStart(2, '0')}:00,60,57,3`)].join('\n') + '\n';
  expect((await app.call('POST', '/api/centers/rq/actuals', 'analyst', csv, { 'content-type': 'text/csv' })).status).toBe(201);
  await recordAttendance(app.db, app.center, [
    { agent: 'a01', kind: 'sign-in', at: at('07:55') }, { agent: 'a01', kind: 'sign-out', at: at('16:02') },
    { agent: 'a02', kind: 'sign-in', at: at('08:10') }, { agent: 'a02', kind: 'sign-out', at: at('16:01') },
  ], null);
  await storeStates(app.db, app.center, [...feed('a01'), ...feed('a02', ['08:40'])], null);
});
afterAll(() => app.close());

describe('RP3 team results per shift', () => {
  it('after the shift: calls while it ran, service level, attendance and breaks kept', async () => {
    expect(t1Working()).toEqual(expect.arrayContaining(['a01', 'a02']));
    const [t1] = await teamShiftReports(app.db, app.center, supervisor, DAY, 't1', new Date(at('17:00')));
    expect(t1).toMatchObject({
      team: 't1', lead: 'l1', queue: 'csr', shift: 'E', from: at('08:00'), to: at('16:00'), status: 'ready',
      calls: { offered: 480, handled: 456, abandoned: 24 },
      attendance: { rostered: t1Working().length, attended: 2, late: 1, absenceDays: t1Working().length - 2, onLeave: 0, pending: 0 },
      breaks: { plannedMinutes: 190, keptMinutes: 185, people: 2 },
    });
    expect(t1.breaks.kept).toBeCloseTo(185 / 190, 4);
    expect(t1.serviceLevel).toBeGreaterThan(0);
    expect(t1.serviceLevel).toBeLessThanOrEqual(1);
  });

  it('while the shift runs it is in progress, with the figures so far (one minute before its end, and at it)', async () => {
    const [running] = await teamShiftReports(app.db, app.center, supervisor, DAY, 't1', new Date(at('15:59')));
    expect(running.status).toBe('in progress');
    expect(running.calls.offered).toBe(480); // 15:00's interval began before 15:59
    const [ended] = await teamShiftReports(app.db, app.center, supervisor, DAY, 't1', new Date(at('16:00')));
    expect(ended.status).toBe('ready');
    const [early] = await teamShiftReports(app.db, app.center, supervisor, DAY, 't1', new Date(at('10:00')));
    expect(early.calls.offered).toBe(120);
    expect(early.breaks.plannedMinutes).toBe(20); // 08:40 and 09:40, for a01 and a02
  });

  it('through the API: a lead gets their team, as JSON or CSV (logged under RP3); other teams are not theirs', async () => {
    const mine = await app.call('GET', `/api/centers/rq/team-reports?date=${DAY}`, await as('l1'));
    expect(mine.status).toBe(200);
    expect(mine.body.reports.map((r: any) => r.team)).toEqual(['t1']);
    expect((await app.call('GET', `/api/centers/rq/team-reports?date=${DAY}&team=t2`, await as('l1'))).body.reports).toEqual([]);
    const csv = await app.call('GET', `/api/centers/rq/team-reports?date=${DAY}&team=t1&format=csv`, await as('l1'));
    const [head, row] = csv.body.trim().split('\n');
    expect(head.split(',').slice(0, 3)).toEqual(['date', 'team', 'shift']);
    expect(row.split(',').slice(0, 3)).toEqual([DAY, 't1', 'E']);
    const log = await app.db.query<{ rule: string }>("SELECT rule FROM audit_log WHERE object_id = 'RP3' ORDER BY id DESC LIMIT 1");
    expect(log.rows[0].rule).toBe('RP3');
    expect((await app.call('GET', `/api/centers/rq/team-reports?date=${DAY}&team=zz`, await as('l1'))).status).toBe(404);
    expect((await app.call('GET', `/api/centers/rq/team-reports?date=${DAY}`, await as('a01'))).status).toBe(403);
  });
});

/**
 * RP5: the safe-home report of a shift end falls due 1 h 30 min after it (1 h 29 min: not yet, refused; 1 h 30 min:
 * due, accepted), is made once, and lists the people whose day ends then. The request tests' December roster
 * (test/requests/fixture.ts): E 08:00–16:00 for most, F 10:00–14:00 for f1, L 14:00–22:00 for a24 (Asia/Shanghai);
 * who works a day is counted from the fixture's own 5-on/2-off rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overdueSafeHome, reportSafeHome, safeHomeDay } from '../../src/reports/safe-home.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { PHONE_STAFF, publishDecember, testCenter, tokenBook, works } from '../requests/fixture.ts';

const DAY = '2026-12-03';
const at = (hhmm: string, date = DAY) => new Date(`${date}T${hhmm}:00+08:00`);
const manager = { userId: 0, role: 'manager' as const, centerId: 'rq', agentId: 'm1', name: 'm1', tokenId: 0 };

let app: TestApp;
let as: (agent: string) => Promise<string>;

beforeAll(async () => {
  app = await startTestApp({ center: testCenter() });
  as = tokenBook(app.db, app.center);
  await publishDecember(app.db, app.center);
  await as('m1');
  manager.userId = (await app.db.query<{ id: number }>("SELECT id FROM users WHERE agent_id = 'm1'")).rows[0].id;
});
afterAll(() => app.close());

describe('RP5 safe-home reports', () => {
  it('lists each shift end of the day with the people whose day ends then', async () => {
    const items = await safeHomeDay(app.db, app.center, DAY, at('12:00'));
    const working = PHONE_STAFF.filter((a) => works(a, DAY));
    const endOf = (a: string) => (a === 'a24' ? '22:00' : a === 'f1' ? '14:00' : '16:00');
    const expected = [...new Set(working.map(endOf))].sort().map((end) => ({ end, agents: working.filter((a) => endOf(a) === end).sort() }));
    expect(items.map((i) => ({ end: i.shiftEnd.slice(11, 16), agents: i.agents }))).toEqual(expected);
    expect(items.every((i) => i.status === 'upcoming')).toBe(true);
    const sixteen = items.find((i) => i.shiftEnd.slice(11, 16) === '16:00')!;
    expect(sixteen.dueAt).toBe(`${DAY}T17:30:00+08:00`);
  });

  it('1 h 29 min after the end it is not due and cannot be reported; at 1 h 30 min it is due and can', async () => {
    const shiftEnd = `${DAY}T16:00:00+08:00`;
    const before = (await safeHomeDay(app.db, app.center, DAY, at('17:29'))).find((i) => i.shiftEnd === shiftEnd)!;
    expect(before.status).toBe('upcoming');
    await expect(reportSafeHome(app.db, app.center, manager, { date: DAY, shiftEnd }, at('17:29'))).rejects.toMatchObject({ status: 422, rule: 'RP5' });
    const due = (await safeHomeDay(app.db, app.center, DAY, at('17:30'))).find((i) => i.shiftEnd === shiftEnd)!;
    expect(due).toMatchObject({ status: 'due', overdueMinutes: 0 });
    const done = await reportSafeHome(app.db, app.center, manager, { date: DAY, shiftEnd, note: 'all home' }, at('17:30'));
    expect(done.status).toBe('reported');
    expect(done.report).toMatchObject({ by: 'm1', note: 'all home' });
    // Once only; and no report for a moment nobody's shift ends.
    await expect(reportSafeHome(app.db, app.center, manager, { date: DAY, shiftEnd }, at('18:00'))).rejects.toMatchObject({ status: 409, rule: 'RP5' });
    await expect(reportSafeHome(app.db, app.center, manager, { date: DAY, shiftEnd: `${DAY}T15:00:00+08:00` }, at('18:00'))).rejects.toMatchObject({ status: 404 });
  });

  it('reminds of what is due and not reported, over the last days, and forgets what was reported', async () => {
    const due = await overdueSafeHome(app.db, app.center, '2026-12-04', 2, at('00:30', '2026-12-05'));
    const ends = due.map((i) => `${i.date} ${i.shiftEnd.slice(11, 16)}`);
    // Dec 3 16:00 was reported above; Dec 4's 16:00 is 7 hours overdue at 00:30 on Dec 5.
    expect(ends).not.toContain(`${DAY} 16:00`);
    expect(ends).toContain('2026-12-04 16:00');
    expect(due.every((i) => i.status === 'due' && i.overdueMinutes! >= 0)).toBe(true);
    expect(due.find((i) => i.date === '2026-12-04' && i.shiftEnd.slice(11, 16) === '16:00')!.overdueMinutes).toBe(7 * 60);
  });

  it('through the API: managers report, supervisors see, agents do not; bad input names the field', async () => {
    const list = await app.call('GET', '/api/centers/rq/safe-home?date=2026-12-02', await as('s1'));
    expect(list.status).toBe(200);
    const item = list.body.items.find((i: { shiftEnd: string }) => i.shiftEnd.endsWith('16:00:00+08:00'));
    expect(item.status).toBe('due'); // long past
    expect((await app.call('POST', '/api/centers/rq/safe-home', await as('s1'), { date: '2026-12-02', shiftEnd: item.shiftEnd })).status).toBe(403);
    expect((await app.call('GET', '/api/centers/rq/safe-home?date=2026-12-02', await as('a01'))).status).toBe(403);
    const made = await app.call('POST', '/api/centers/rq/safe-home', await as('m1'), { date: '2026-12-02', shiftEnd: item.shiftEnd });
    expect(made.status).toBe(201);
    expect(made.body.status).toBe('reported');
    const log = await app.db.query<{ rule: string }>("SELECT rule FROM audit_log WHERE action = 'safe-home.report' ORDER BY id DESC LIMIT 1");
    expect(log.rows[0].rule).toBe('RP5');
    const bad = await app.call('POST', '/api/centers/rq/safe-home', await as('m1'), { date: '2026-12-02', shiftEnd: '16:00' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].where).toBe('$.body.shiftEnd');
    const overdue = await app.call('GET', '/api/centers/rq/safe-home/overdue?days=3', await as('m1'));
    expect(overdue.status).toBe(200);
    expect(overdue.body.items.every((i: { status: string }) => i.status === 'due')).toBe(true);
  });
});

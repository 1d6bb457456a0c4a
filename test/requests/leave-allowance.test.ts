/**
 * Leave allowances before asking (L7, L9, L10), on the request tests' December roster (test/requests/fixture.ts).
 * Team t1 = l1 and a01–a10 under supervisor s1 (with t2); each works 5 days in 7; a05 is in training 14–18 Dec.
 * Expected values are counted from the fixture's own rule (`works`), not from the stored roster.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthDates } from '../../src/time/local-day.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { MONTH, publishDecember, testCenter, tokenBook, works } from './fixture.ts';

const T1 = ['l1', 'a01', 'a02', 'a03', 'a04', 'a05', 'a06', 'a07', 'a08', 'a09', 'a10'];
let app: TestApp;
let as: (agent: string) => Promise<string>;
const allowance = async (agent: string, who = agent) => (await app.call('GET', `/api/centers/rq/agents/${agent}/leave-allowance?month=${MONTH}`, await as(who))).body;
const worked = () => T1.reduce((n, a) => n + monthDates(MONTH).filter((d) => works(a, d)).length, 0);
/** A day both agents work: a02 takes leave there, a01 asks about it. */
const shared = () => monthDates(MONTH).find((d) => d >= '2026-12-08' && works('a01', d) && works('a02', d) && works('a01', `2026-12-${String(Number(d.slice(8)) - 1).padStart(2, '0')}`))!;

beforeAll(async () => {
  app = await startTestApp({ center: testCenter() });
  as = tokenBook(app.db, app.center);
  await publishDecember(app.db, app.center);
});
afterAll(() => app.close());

describe('leave allowances', () => {
  it('L9: the team\'s month can take floor(worked − 0.95 × rostered) more leave days; rostered days are open, rest days free', async () => {
    const a = await allowance('a01');
    const w = worked();
    expect(a.team9).toMatchObject({ worked: w, leave: 0, rate: 1, floor: 0.95, moreDays: Math.floor(w - 0.95 * w) });
    for (const d of a.days) expect(d.status).toBe(works('a01', d.date) ? 'open' : 'free');
  });

  it('L7: once a02 has approved leave on a day, that day needs the manager for a01 (the day before stays open)', async () => {
    const day = shared();
    const filed = await app.call('POST', '/api/requests', await as('a02'), { kind: 'leave', type: 'sick', from: day, to: day, reason: 'flu' });
    expect((await app.call('POST', `/api/requests/${filed.body.id}/approve`, await as('l1'))).body.status).toBe('approved');
    const a = await allowance('a01');
    const on = a.days.find((d: any) => d.date === day);
    expect(on).toMatchObject({ status: 'needs manager', rules: ['L7'], supervisorDay: { onLeave: 1, limit: 1 } });
    const before = a.days.find((d: any) => d.date === `2026-12-${String(Number(day.slice(8)) - 1).padStart(2, '0')}`);
    expect(before).toMatchObject({ status: 'open', supervisorDay: { onLeave: 0 } });
    // a02 sees their own day as leave; the team's month has one leave day more and one fewer to give.
    const mine = await allowance('a02');
    expect(mine.days.find((d: any) => d.date === day).status).toBe('on leave');
    expect(mine.team9).toMatchObject({ worked: worked() - 1, leave: 1, moreDays: Math.floor(worked() - 1 - 0.95 * worked()) });
  });

  it('balances: the month\'s R5 and R6 quotas used and left, and leave days taken by type', async () => {
    const before = (await allowance('a01')).balances;
    expect(before).toMatchObject({ restDay: { used: 0, quota: 2, left: 2 }, swapSelf: { used: 0, quota: 1, left: 1 }, swapPeer: { used: 0, quota: 2, left: 2 } });
    const rest = monthDates(MONTH).find((d) => d >= '2026-12-20' && !works('a01', d))!;
    const work = monthDates(MONTH).find((d) => d >= '2026-12-20' && works('a01', d))!;
    expect((await app.call('POST', '/api/requests', await as('a01'), { kind: 'rest-day', from: rest, to: work })).status).toBe(201);
    expect((await allowance('a01')).balances.restDay).toEqual({ used: 1, quota: 2, left: 1 });
    // a02's sick day of the previous test.
    expect((await allowance('a02')).balances.leaveDays).toEqual({ month: { sick: 1 }, year: { sick: 1 } });
  });

  it('L10: new-hire training days are closed; the lead may look at their people, another team\'s lead may not', async () => {
    const a = await allowance('a05', 'l1');
    for (const d of a.days) if (d.date >= '2026-12-14' && d.date <= '2026-12-18') expect(d).toMatchObject({ status: 'closed', rules: expect.arrayContaining(['L10']) });
    expect((await app.call('GET', `/api/centers/rq/agents/a05/leave-allowance?month=${MONTH}`, await as('l2'))).status).toBe(404);
    expect((await app.call('GET', `/api/centers/rq/agents/a01/leave-allowance?month=2026-13`, await as('a01'))).status).toBe(400);
  });
});

describe('leave allowances at the L9 boundary', () => {
  it('a floor the team\'s month just meets leaves 0 more days: every rostered day needs the next level (L9)', async () => {
    const w = worked();
    // Floor = w / (w + 0.5): floor(w − floor × w) = floor(w × 0.5 / (w + 0.5)) = 0, while a floor one leave day lower leaves 1.
    const tight = await startTestApp({ center: testCenter({ attendanceFloor: w / (w + 0.5) }) });
    const loose = await startTestApp({ center: testCenter({ attendanceFloor: (w - 1) / w }) });
    try {
      for (const [app2, more] of [[tight, 0], [loose, 1]] as const) {
        await publishDecember(app2.db, app2.center);
        const a = (await app2.call('GET', `/api/centers/rq/agents/a01/leave-allowance?month=${MONTH}`, await tokenBook(app2.db, app2.center)('a01'))).body;
        expect(a.team9.moreDays).toBe(more);
        const rostered = a.days.filter((d: any) => d.rostered);
        expect(new Set(rostered.map((d: any) => d.status))).toEqual(new Set([more === 0 ? 'needs manager' : 'open']));
        // What the allowance said is what the approval does: the lead grants it, or it goes up under L9.
        const book = tokenBook(app2.db, app2.center);
        const filed = await app2.call('POST', '/api/requests', await book('a01'), { kind: 'leave', type: 'sick', from: rostered[0].date, to: rostered[0].date, reason: 'flu' });
        const decided = await app2.call('POST', `/api/requests/${filed.body.id}/approve`, await book('l1'));
        expect(decided.body).toMatchObject(more === 0 ? { status: 'escalated', rule: 'L9' } : { status: 'approved' });
      }
    } finally {
      await tight.close();
      await loose.close();
    }
  });
});

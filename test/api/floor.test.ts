/**
 * GET /api/centers/:id/floor and POST …/agent-states on the request tests' December roster (test/requests/fixture.ts:
 * E 08:00–16:00, a 5-minute break 40 minutes into every working hour, meal 12:00–13:00; Asia/Shanghai). At 10:00 on
 * 2026-12-03, a01 — fed by the state feed — started 10 minutes late and took the 08:40 break 5 minutes late:
 * 10 + 5 + 5 = 20 of 120 scheduled minutes out, adherence 100/120. People without a state feed are judged on
 * sign-in: a02 signed in at 08:00, so everything counts as followed; nobody else signed in (0%).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAttendance } from '../../src/attendance/record.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { PHONE_STAFF, publishDecember, testCenter, tokenBook, works } from '../requests/fixture.ts';

const DAY = '2026-12-03';
const at = (hhmm: string) => `${DAY}T${hhmm}:00+08:00`;
const AS_OF = encodeURIComponent(at('10:00'));

let app: TestApp;
let as: (agent: string) => Promise<string>;
let floor: any;

beforeAll(async () => {
  app = await startTestApp({ center: testCenter() });
  as = tokenBook(app.db, app.center);
  await publishDecember(app.db, app.center);
  expect([works('a01', DAY), works('a02', DAY)]).toEqual([true, true]);
  const rows = [['08:10', 'phone'], ['08:45', 'break'], ['08:50', 'phone'], ['09:40', 'break'], ['09:45', 'phone']].map(([t, state]) => ({ agent: 'a01', state, at: at(t) }));
  expect((await app.call('POST', '/api/centers/rq/agent-states', await as('s1'), { rows })).status).toBe(201);
  await recordAttendance(app.db, app.center, [{ agent: 'a02', kind: 'sign-in', at: at('08:00') }], null);
  floor = (await app.call('GET', `/api/centers/rq/floor?date=${DAY}&asOf=${AS_OF}`, await as('s1'))).body;
});
afterAll(() => app.close());

describe('the floor and schedule adherence', () => {
  it('a01 on the state feed: 20 of 120 minutes out, the exceptions where they happened', () => {
    const a01 = floor.agents.find((a: any) => a.agent === 'a01');
    expect(a01).toMatchObject({ basis: 'states', scheduledMinutes: 120, outMinutes: 20, adherence: Math.round((100 / 120) * 10_000) / 10_000, plannedNow: 'phone', actualNow: 'phone' });
    expect(a01.exceptions.map((e: any) => [e.from.slice(11, 16), e.minutes, e.planned, e.actual])).toEqual([
      ['08:00', 10, 'phone', 'off'], ['08:40', 5, 'break', 'phone'], ['08:45', 5, 'phone', 'break'],
    ]);
  });

  it('without a state feed, sign-in decides: a02 in the seat since 08:00 follows the plan; the rest are out', () => {
    expect(floor.agents.find((a: any) => a.agent === 'a02')).toMatchObject({ basis: 'sign-in', outMinutes: 0, adherence: 1 });
    const idle = PHONE_STAFF.find((a) => !['a01', 'a02'].includes(a) && works(a, DAY) && app.center.agents.find((x) => x.id === a)!.team === 't1')!;
    expect(floor.agents.find((a: any) => a.agent === idle)).toMatchObject({ basis: 'sign-in', adherence: 0, actualNow: 'off' });
  });

  it('shows a supervisor their teams only, with team adherence from its people\'s minutes', () => {
    const teams = new Set(floor.agents.map((a: any) => a.team));
    expect([...teams].sort()).toEqual(['t1', 't2']);
    const t1 = floor.agents.filter((a: any) => a.team === 't1');
    expect(t1.map((a: any) => a.agent).sort()).toEqual(PHONE_STAFF.filter((a) => works(a, DAY) && app.center.agents.find((x) => x.id === a)!.team === 't1').sort());
    const scheduled = t1.reduce((s: number, a: any) => s + a.scheduledMinutes, 0);
    const out = t1.reduce((s: number, a: any) => s + a.outMinutes, 0);
    expect(floor.teams.find((t: any) => t.team === 't1').adherence).toBeCloseTo(1 - out / scheduled, 4);
  });

  it('per interval, agents planned and actually on the phones and on break (RP4)', () => {
    const eight = floor.intervals.find((r: any) => r.interval_start === at('08:00'));
    const people = floor.agents.length;
    // Planned at 08:00: everyone of the scope on an E shift, 55 minutes on the phones and 5 on break.
    const early = floor.agents.filter((a: any) => a.scheduledMinutes === 120).length;
    expect(early).toBe(people);
    expect(eight.planned.phone).toBeCloseTo((early * 55) / 60, 2);
    expect(eight.planned.break).toBeCloseTo((early * 5) / 60, 2);
    // Actual: a01 50 − 5 + 5 on the phones (08:10–08:45, 08:50–09:00 = 45 min) and 5 on break; a02 as planned.
    expect(eight.actual.phone).toBeCloseTo(45 / 60 + 55 / 60, 2);
    expect(eight.actual.break).toBeCloseTo(5 / 60 + 5 / 60, 2);
    expect(floor.intervals.find((r: any) => r.interval_start === at('11:00')).actual).toEqual({});
  });

  it('who is where, interval by interval (RP4): the state at each interval\'s middle, planned and — up to now — actual', () => {
    const col = (hhmm: string) => floor.intervals.findIndex((r: any) => r.interval_start === at(hhmm));
    const a01 = floor.grid.find((g: any) => g.agent === 'a01');
    expect([a01.planned[col('08:00')], a01.planned[col('12:00')], a01.planned[col('15:00')]]).toEqual(['phone', 'meal', 'phone']);
    expect([a01.actual[col('08:00')], a01.actual[col('09:00')], a01.actual[col('10:00')]]).toEqual(['phone', 'phone', null]);
    const idle = floor.grid.find((g: any) => g.agent !== 'a01' && g.agent !== 'a02');
    expect(idle.actual[col('08:00')]).toBe('off');
    expect(floor.grid).toHaveLength(floor.agents.length);
  });

  it('refuses a bad feed whole, naming each row, and stores nothing of it', async () => {
    const bad = await app.call('POST', '/api/centers/rq/agent-states', await as('s1'), { rows: [
      { agent: 'a01', state: 'phone', at: at('10:30') }, { agent: 'zz', state: 'phone', at: at('10:30') }, { agent: 'a01', state: 'lunch', at: '10:30' },
    ] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.where)).toEqual(['body.rows[1].agent', 'body.rows[2].state', 'body.rows[2].at']);
    const n = await app.db.query<{ n: number }>("SELECT count(*)::int AS n FROM agent_states WHERE at >= $1", [new Date(at('10:30'))]);
    expect(n.rows[0].n).toBe(0);
    expect((await app.call('POST', '/api/centers/rq/agent-states', await as('a01'), { rows: [{ agent: 'a01', state: 'phone', at: at('10:30') }] })).status).toBe(403);
    expect((await app.call('GET', `/api/centers/rq/floor?date=${DAY}`, await as('a01'))).status).toBe(403);
  });

  it('a lead sees their own team only', async () => {
    const lead = (await app.call('GET', `/api/centers/rq/floor?date=${DAY}&asOf=${AS_OF}`, await as('l2'))).body;
    expect(new Set(lead.agents.map((a: any) => a.team))).toEqual(new Set(['t2']));
  });
});

/**
 * Reports: RP1 (a day's volume vs forecast, wMAPE, estimated service level, attendance, overtime) as JSON and
 * CSV, and O3 (overtime pay against the center's average from per-agent metrics, unrequested overtime), with
 * the S1/S3 role limits. Expected values are hand computations: wMAPE = Σ|A − F| / ΣA (Hyndman & Koehler
 * 2006); the day's service level is the calls-weighted mean of each interval's Erlang A service level with
 * the agents on the phones (src/staffing, tested against published tables in test/staffing).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assignment } from '../../solver/roster.ts';
import { saveForecast } from '../../src/db/repos/forecasts.ts';
import { publishRoster, saveRoster } from '../../src/db/repos/rosters.ts';
import { erlangA } from '../../src/staffing/index.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

const D = '2026-12-09';
const at = (hhmm: string, date = D) => `${date}T${hhmm}:00+08:00`;
const shift = (agent: string, from: string, to: string, kind?: 'overtime', date = D): Assignment =>
  ({ agent, date, shift: kind ? 'OT' : 'E', queue: 'csr', start: at(from, date), end: at(to, date), breaks: [], ...(kind ? { kind } : {}) });

describe('reports', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    const forecast = ['08:00', '08:30', '09:00', '09:30'].map((h) => ({ queue: 'csr', intervalStart: at(h), offered: 20, ahtSeconds: 240, lower: 15, upper: 25, model: 'flat' }));
    await saveForecast(app.db, { centerId: 'test', jobId: null, params: {}, report: {}, points: forecast, createdBy: null });
    const assignments = [
      shift('a003', '08:00', '10:00'), shift('a004', '08:00', '10:00'), shift('a005', '08:00', '10:00'),
      shift('a003', '10:00', '12:00', 'overtime'), shift('a004', '10:00', '12:00', 'overtime'), shift('a005', '10:00', '12:00', 'overtime'),
      shift('a006', '08:00', '17:00', undefined, '2026-12-10'),
    ];
    await app.db.transaction(async (tx) => {
      const m = await saveRoster(tx, { centerId: 'test', roster: { center: 'test', month: '2026-12', assignments, coverage: [], score: { hard: 0, understaffed: 0, overstaffed: 0, soft: 0 }, violations: [] } });
      await publishRoster(tx, m.id, null);
    });
    const actual = await app.call('POST', '/api/centers/test/actuals', 'analyst',
      `queue,interval_start,offered,abandoned\ncsr,${at('08:00')},10,1\ncsr,${at('08:30')},20,2\ncsr,${at('09:00')},30,3\ncsr,${at('09:30')},20,2\n`);
    expect(actual.status).toBe(201);
    const events = ['a003', 'a004'].flatMap((agent) => [{ agent, kind: 'sign-in', at: at('08:00') }, { agent, kind: 'sign-out', at: at('10:00') }]);
    events.push({ agent: 'a005', kind: 'sign-in', at: at('08:20') }, { agent: 'a005', kind: 'sign-out', at: at('10:00') });
    // Unrequested overtime: a006 stays an hour past the 17:00 end on the 10th.
    events.push({ agent: 'a006', kind: 'sign-in', at: at('08:00', '2026-12-10') }, { agent: 'a006', kind: 'sign-out', at: at('18:00', '2026-12-10') });
    expect((await app.call('POST', '/api/centers/test/attendance/events', 'manager', { events })).status).toBe(201);
  });
  afterAll(() => app.close());

  it('RP1: volume vs forecast, wMAPE, estimated service level, attendance, overtime (JSON)', async () => {
    const r = await app.call('GET', `/api/centers/test/reports/daily?date=${D}`, 'analyst');
    expect(r.status).toBe(200);
    const csr = r.body.queues.find((q: any) => q.queue === 'csr');
    expect(csr).toMatchObject({ offered: 80, forecast: 80, wMAPE: 0.25, bias: 0, abandonRate: 0.1, overtimeHours: 6 });
    const sl = (calls: number) => erlangA({ trafficErlangs: (calls * 240) / 1800, agents: 3, ahtSeconds: 240, patienceSeconds: 120, answerWithinSeconds: 20 }).serviceLevel;
    expect(csr.serviceLevel).toBeCloseTo((10 * sl(10) + 20 * sl(20) + 30 * sl(30) + 20 * sl(20)) / 80, 3);
    expect(r.body.overtime).toEqual({ hours: 6, people: 3 });
    // The day replayed call by call: the report carries what the replay API gives for the same runs and seed.
    const replay = (await app.call('GET', `/api/centers/test/replay?date=${D}&queue=csr&runs=20&seed=1`, 'analyst')).body.queues[0].day;
    expect(csr).toMatchObject({ replayServiceLevel: replay.replay.serviceLevel, replayAbandonRate: replay.replay.abandonRate, replayIntervalsBelowTarget: replay.intervalsBelowTarget });
    expect(replay.replay.offered).toBe(80);
    // a005 signed in 20 minutes late: half a day (A1); 2.5 of 3 agent-days attended.
    expect(r.body.attendance).toMatchObject({ rostered: 3, attended: 2.5, absenceDays: 0.5, lates: 0 });
    expect(r.body.attendance.rate).toBeCloseTo(2.5 / 3, 4);
  });

  it('RP1 as CSV, one metric per row; only analysts, managers and the director (S1)', async () => {
    const r = await app.call('GET', `/api/centers/test/reports/daily?date=${D}&format=csv`, 'manager');
    expect(r.type).toContain('text/csv');
    const lines = r.body.trim().split('\n');
    expect(lines[0]).toBe('date,scope,metric,value');
    expect(lines).toContain(`${D},queue:csr,wMAPE,0.25`);
    expect(lines).toContain(`${D},center,overtime.hours,6`);
    expect((await app.call('GET', `/api/centers/test/reports/daily?date=${D}`, 'supervisor')).status).toBe(403);
    expect((await app.call('GET', `/api/centers/test/reports/daily?date=${D}`, 'deputy')).status).toBe(403);
  });

  it('O3: overtime at or above the center\'s calls per hour earns overtime pay, below it commission only, unrequested commission only', async () => {
    // Per-agent metrics for December (30-minute rows): a003 24 calls/h, a004 8 calls/h in their overtime and in
    // their shift; center average = Σ handled / Σ logged hours over the month on csr.
    const rows = ['agent,queue,interval_start,handled'];
    for (const h of ['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30']) {
      rows.push(`a003,csr,${at(h)},12`, `a004,csr,${at(h)},4`);
    }
    const up = await app.call('POST', '/api/centers/test/agent-metrics', 'analyst', rows.join('\n') + '\n');
    expect(up.status).toBe(201);
    const bad = await app.call('POST', '/api/centers/test/agent-metrics', 'analyst', `agent,queue,interval_start,handled\nzz9,csr,${at('08:00')},-1\n`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.where)).toEqual(['body:2:agent', 'body:2:handled']);

    const r = await app.call('GET', '/api/centers/test/reports/overtime?month=2026-12', 'manager');
    expect(r.status).toBe(200);
    const entry = (agent: string) => r.body.entries.find((e: any) => e.agent === agent);
    // Center average: (8 × 12 + 8 × 4) calls / (16 × 0.5 h) = 16 calls/h.
    expect(entry('a003')).toMatchObject({ callsPerHour: 24, centerCallsPerHour: 16, pay: 'overtime-pay', requested: true, hours: 2 });
    expect(entry('a004')).toMatchObject({ callsPerHour: 8, pay: 'commission-only' });
    expect(entry('a005')).toMatchObject({ pay: 'no-data', callsPerHour: null });
    expect(entry('a006')).toMatchObject({ requested: false, pay: 'commission-only', hours: 1, start: at('17:00', '2026-12-10') });
    expect(r.body.agents.find((a: any) => a.agent === 'a004')).toMatchObject({ hours: 2, commissionOnlyHours: 2, capHours: 36 });

    // S3: an agent sees only their own overtime; analysts see none of it.
    const own = await app.call('GET', '/api/centers/test/reports/overtime?month=2026-12', 'agent');
    expect(own.status).toBe(200);
    expect(own.body.entries.every((e: any) => e.agent === app.tokens.agentId)).toBe(true);
    expect((await app.call('GET', '/api/centers/test/reports/overtime?month=2026-12', 'analyst')).status).toBe(403);
    const csv = await app.call('GET', '/api/centers/test/reports/overtime?month=2026-12&format=csv', 'director');
    expect(csv.body.split('\n')[0]).toBe('month,agent,date,queue,start,end,hours,requested,callout,calls_per_hour,center_calls_per_hour,success_rate,center_success_rate,pay,reason');
  });

  it('the intraday view is for the floor and analysts, not agents', async () => {
    expect((await app.call('GET', `/api/centers/test/intraday?date=${D}&queue=csr`, 'agent')).status).toBe(403);
    expect((await app.call('GET', `/api/centers/test/intraday?date=${D}&queue=fax`, 'supervisor')).status).toBe(400);
    const all = await app.call('GET', `/api/centers/test/intraday?date=${D}`, 'lead');
    expect(all.body.queues.map((q: any) => q.queue)).toEqual(['csr', 'tsr']);
  });
});

/**
 * GET /api/centers/:id/replay — the published December roster of the request tests (test/requests/fixture.ts)
 * replayed against actual calls sent through the actuals API. Checked against independent figures: the calls
 * offered are the ones sent, the agents the replay plans on the phones are the intraday view's "scheduled"
 * (src/intraday/coverage.ts, another implementation), the Erlang figures on the actual calls are erlangMeasures
 * of those numbers; the simulated measures are consistent (answered + abandoned = offered, the band brackets the
 * service level); one seed gives one answer, another seed another; bad input is refused naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erlangMeasures } from '../../src/replay/erlang-measures.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { publishDecember, testCenter, tokenBook } from '../requests/fixture.ts';

const DAY = '2026-12-07';
const HOURS = [9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20];
/** 60 calls an hour of 300 s (5 erlangs; the roster has about 17 agents an hour on the day shift), 200 at noon. */
const actualsCsv = ['queue,interval_start,offered,aht_seconds', ...HOURS.map((h) => `csr,${DAY}T${String(h).padStart(2, '0')}:00,${h === 12 ? 200 : 60},300`)].join('\n') + '\n';

let app: TestApp;
let as: (agent: string) => Promise<string>;
let replay: any;

beforeAll(async () => {
  app = await startTestApp({ center: testCenter() });
  as = tokenBook(app.db, app.center);
  await publishDecember(app.db, app.center);
  const sent = await app.call('POST', '/api/centers/rq/actuals', 'analyst', actualsCsv, { 'content-type': 'text/csv' });
  expect(sent.status).toBe(201);
  const res = await app.call('GET', `/api/centers/rq/replay?date=${DAY}&runs=6&seed=5`, 'analyst');
  expect(res.status).toBe(200);
  replay = res.body;
});
afterAll(() => app.close());

describe('roster replay', () => {
  it('replays the published roster of the day, inbound queues only, with the runs and seed asked for', () => {
    expect(replay.rosterStatus).toBe('published');
    expect(replay.queues.map((q: any) => q.queue)).toEqual(['csr']);
    expect(replay.queues[0]).toMatchObject({ runs: 6, seed: 5, patienceSeconds: null, serviceLevelTarget: 0.8, answerWithinSeconds: 20 });
  });

  it('offers exactly the calls sent, hour by hour, and accounts for every one', () => {
    const rows = replay.queues[0].intervals;
    for (const h of HOURS) {
      const row = rows.find((r: any) => Number(r.interval_start.slice(11, 13)) === h);
      expect(row.offered).toBe(h === 12 ? 200 : 60);
      expect(row.replay.answered + row.replay.abandoned).toBeCloseTo(row.offered, 6);
    }
    expect(replay.queues[0].day.replay.offered).toBe(11 * 60 + 200);
  });

  it('plans on the phones the agents the intraday view schedules (breaks and meals removed)', async () => {
    const view = (await app.call('GET', `/api/centers/rq/intraday?date=${DAY}&queue=csr`, 'analyst')).body;
    const scheduled = new Map(view.intervals.map((r: any) => [r.interval_start, r.scheduled]));
    const rows = replay.queues[0].intervals;
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) expect(row.plannedAgents).toBeCloseTo(Number(scheduled.get(row.interval_start) ?? 0), 3);
  });

  it('sets Erlang on the actual calls beside the replay, and the replay\'s measures are consistent', () => {
    for (const row of replay.queues[0].intervals.filter((r: any) => r.offered > 0)) {
      const erlang = erlangMeasures({ calls: row.offered, ahtSeconds: 300, agents: row.plannedAgents, intervalSeconds: 3600, patienceSeconds: Infinity, answerWithinSeconds: 20 });
      expect(row.erlangOnActual.serviceLevel).toBeCloseTo(erlang.serviceLevel, 3);
      const { serviceLevel, serviceLevelBand, occupancy } = row.replay;
      expect(serviceLevelBand[0]).toBeLessThanOrEqual(serviceLevel);
      expect(serviceLevelBand[1]).toBeGreaterThanOrEqual(serviceLevel);
      expect(occupancy).toBeGreaterThan(0);
      expect(occupancy).toBeLessThanOrEqual(1);
    }
    // The fixture breaks every agent at :40–:45 and sends them all to their meal at 12:00. Erlang spreads a break
    // as 1/12 of each agent and promises 09:00 a service level of 1; in the replay the callers of those 5 minutes
    // wait until :45, and all but those of its last 20 s wait too long: SL ≈ 1 − 280/3600 = 0.922 (360 calls
    // over the runs: standard error 0.014, four of them allowed).
    const hour = (h: string) => replay.queues[0].intervals.find((r: any) => r.interval_start.slice(11, 13) === h);
    expect(hour('09').erlangOnActual.serviceLevel).toBeCloseTo(1, 6);
    expect(Math.abs(hour('09').replay.serviceLevel - (1 - 280 / 3600))).toBeLessThan(0.056);
    // Noon: nobody on the phones, the 200 callers wait for 13:00; 13:00's own callers queue behind them.
    expect(hour('12').plannedAgents).toBe(0);
    expect(hour('12').replay.serviceLevel).toBe(0);
    expect(hour('13').replay.serviceLevel).toBeLessThan(0.1);
    expect(hour('13').erlangOnActual.serviceLevel).toBeCloseTo(1, 6);
    expect(replay.queues[0].day.intervalsBelowTarget).toBeGreaterThanOrEqual(2);
  });

  it('one seed, one answer; another seed, other callers (the same calls per hour)', async () => {
    const again = await app.call('GET', `/api/centers/rq/replay?date=${DAY}&runs=6&seed=5&queue=csr`, 'deputy');
    expect(again.body.queues[0].day).toEqual(replay.queues[0].day);
    const other = await app.call('GET', `/api/centers/rq/replay?date=${DAY}&runs=6&seed=6`, 'analyst');
    expect(other.body.queues[0].day.replay.offered).toBe(replay.queues[0].day.replay.offered);
    expect(other.body.queues[0].day.replay.asaSeconds).not.toBe(replay.queues[0].day.replay.asaSeconds);
  });

  it('with a patience, callers hang up and Erlang A is the promise', async () => {
    const res = await app.call('GET', `/api/centers/rq/replay?date=${DAY}&runs=6&seed=5&patience=30`, await as('s1'));
    expect(res.status).toBe(200);
    const q = res.body.queues[0];
    expect(q.patienceSeconds).toBe(30);
    expect(q.day.replay.abandonRate).toBeGreaterThan(0);
    const noon = q.intervals.find((r: any) => r.interval_start.slice(11, 13) === '12');
    const erlang = erlangMeasures({ calls: 200, ahtSeconds: 300, agents: noon.plannedAgents, intervalSeconds: 3600, patienceSeconds: 30, answerWithinSeconds: 20 });
    expect(noon.erlangOnActual.abandonRate).toBeCloseTo(erlang.abandonRate, 3);
  });

  it('refuses what it cannot replay, naming why', async () => {
    expect((await app.call('GET', '/api/centers/rq/replay?date=2027-03-02', 'analyst')).status).toBe(404);
    const outbound = await app.call('GET', `/api/centers/rq/replay?date=${DAY}&queue=tsr`, 'analyst');
    expect(outbound.status).toBe(400);
    expect(outbound.body.errors[0].where).toBe('query.queue');
    const runs = await app.call('GET', `/api/centers/rq/replay?date=${DAY}&runs=0`, 'analyst');
    expect(runs.status).toBe(400);
    expect(runs.body.errors[0].where).toBe('$.query.runs');
    expect((await app.call('GET', `/api/centers/rq/replay?date=${DAY}&roster=999999`, 'analyst')).status).toBe(404);
    // Near miss: an agent may not replay the floor (403), a lead may (200).
    expect((await app.call('GET', `/api/centers/rq/replay?date=${DAY}&runs=1`, await as('a01'))).status).toBe(403);
    expect((await app.call('GET', `/api/centers/rq/replay?date=${DAY}&runs=1`, await as('l1'))).status).toBe(200);
  });
});

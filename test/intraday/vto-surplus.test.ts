/**
 * Surplus windows for VTO (issue 26: "a surplus of at least one agent for an hour"): exactly 1 agent for exactly
 * 60 minutes is a window; 0.9 agent, 30 minutes, or an hour that has already started is not. First on the
 * pure function, then through the intraday view on the hand-built plan of fixtures/vto-plan.ts (storage on
 * PGlite, and on Postgres with TEST_DATABASE_URL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intradayView } from '../../src/intraday/intraday-view.ts';
import { surplusWindows, type SurplusInterval } from '../../src/intraday/surplus-windows.ts';
import type { Db } from '../../src/db/db.ts';
import { saveCenter } from '../../src/db/repos/centers.ts';
import { storageTargets } from '../helpers/databases.ts';
import { at, D1, D2, D3, seedVtoPlan, vtoCenter } from './fixtures/vto-plan.ts';

const render = (ms: number) => new Date(ms).toISOString();
/** 30-minute intervals from 16:00 UTC of a day, with the given gaps (required − scheduled). */
const rows = (gaps: number[]): SurplusInterval[] =>
  gaps.map((gap, k) => ({ start: render(Date.UTC(2026, 0, 5, 16, 30 * k)), startMs: Date.UTC(2026, 0, 5, 16, 30 * k), gap }));

describe('surplus windows (pure)', () => {
  const before = Date.UTC(2026, 0, 5, 0, 0);

  it('1 agent over the need for two 30-minute intervals is one window of 60 minutes letting 1 agent go', () => {
    expect(surplusWindows('csr', rows([0, -1, -1, 0]), 30, before, render)).toEqual([{
      queue: 'csr', from: render(Date.UTC(2026, 0, 5, 16, 30)), to: render(Date.UTC(2026, 0, 5, 17, 30)),
      fromMs: Date.UTC(2026, 0, 5, 16, 30), toMs: Date.UTC(2026, 0, 5, 17, 30), minutes: 60, agents: 1, minSurplus: 1, agentHoursOver: 1,
    }]);
  });

  it('0.9 agent for 60 minutes, or 1 agent for 30, is no window', () => {
    expect(surplusWindows('csr', rows([-0.9, -0.9]), 30, before, render)).toEqual([]);
    expect(surplusWindows('csr', rows([-1, -0.9]), 30, before, render)).toEqual([]);
    expect(surplusWindows('csr', rows([-5, 0, -5]), 30, before, render)).toEqual([]);
  });

  it('lets go floor of the smallest surplus, and counts agent-hours over the need', () => {
    const [w] = surplusWindows('csr', rows([-2.5, -1.5, -3]), 30, before, render);
    // min(2.5, 1.5, 3) = 1.5 → 1 agent; (2.5 + 1.5 + 3) × 0.5 h = 3.5 agent-hours.
    expect(w).toMatchObject({ minutes: 90, agents: 1, minSurplus: 1.5, agentHoursOver: 3.5 });
  });

  it('an interval already started does not count (an offer expires at its window\'s start)', () => {
    const list = rows([-1, -1, -1]);
    // At 16:01 only 16:30–17:30 is ahead: 60 minutes, still a window; at 16:31, 30 minutes: none.
    expect(surplusWindows('csr', list, 30, list[0].startMs + 60_000, render).map((w) => w.minutes)).toEqual([60]);
    expect(surplusWindows('csr', list, 30, list[1].startMs + 60_000, render)).toEqual([]);
  });

  it('a missing interval breaks a run', () => {
    // 16:00 and 17:00 are over the need, 16:30 has no row: two runs of 30 minutes, not one of 90.
    const list = rows([-1, -1, -1]).filter((_, k) => k !== 1);
    expect(surplusWindows('csr', list, 30, before, render)).toEqual([]);
  });
});

for (const target of storageTargets('vto surplus windows')) {
  describe(`surplus windows in the intraday view on ${target.name}`, () => {
    let db: Db;
    let drop: () => Promise<void>;
    const center = vtoCenter();
    const surplus = async (date: string) => (await intradayView(db, center, { date, queues: ['csr'], asOf: at(date, '06:00') })).queues[0].surplus;

    beforeAll(async () => {
      ({ db, drop } = await target.open());
      await db.transaction((tx) => saveCenter(tx, center));
      await seedVtoPlan(db, center);
    });
    afterAll(() => drop());

    it('D1: a01 and a02 overlap 16:00–17:00 against 1 required: exactly one window, 1 agent for 60 minutes', async () => {
      const view = (await intradayView(db, center, { date: D1, queues: ['csr'], asOf: at(D1, '06:00') })).queues[0];
      const row = (hhmm: string) => view.intervals.find((r) => r.interval_start === at(D1, hhmm))!;
      expect([row('16:00'), row('16:30')].map((r) => [r.reforecastRequired, r.scheduled])).toEqual([[1, 2], [1, 2]]);
      expect(await surplus(D1)).toEqual([expect.objectContaining({ from: at(D1, '16:00'), to: at(D1, '17:00'), minutes: 60, agents: 1, minSurplus: 1, agentHoursOver: 1 })]);
    });

    it('D2: a02 from 16:01 overlaps 59 minutes: 16:00–16:30 is 0.97 over, so no hour-long window', async () => {
      const view = (await intradayView(db, center, { date: D2, queues: ['csr'], asOf: at(D2, '06:00') })).queues[0];
      expect(view.intervals.find((r) => r.interval_start === at(D2, '16:00'))!.gap).toBeCloseTo(-(1 + 29 / 30 - 1), 2);
      expect(await surplus(D2)).toEqual([]);
    });

    it('D3: 3-minute breaks leave 0.9 agent over for the hour: no window', async () => {
      const view = (await intradayView(db, center, { date: D3, queues: ['csr'], asOf: at(D3, '06:00') })).queues[0];
      expect(view.intervals.filter((r) => r.interval_start >= at(D3, '16:00') && r.interval_start < at(D3, '17:00')).map((r) => r.gap)).toEqual([-0.9, -0.9]);
      expect(await surplus(D3)).toEqual([]);
    });

    it('D1 seen at 16:00: the hour has started, nothing is offered any more', async () => {
      expect((await intradayView(db, center, { date: D1, queues: ['csr'], asOf: at(D1, '16:00') })).queues[0].surplus).toEqual([]);
    });
  });
}

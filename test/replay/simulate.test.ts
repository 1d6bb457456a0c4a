/**
 * The replay simulator (src/replay/simulate.ts) against Erlang A and Erlang C on stationary days: N agents on the
 * phones all day, callers arriving as a Poisson process of constant rate. The steady-state measures of the
 * simulation must agree with the analytic model (src/staffing/erlang-a.ts) within the run-to-run noise: each run is
 * a separate day, so the runs are independent and the standard error of their mean is sd/√runs; the test allows
 * four of them (a tolerance that a correct simulation misses about once in 15,000 runs of the test — and, the seeds
 * being fixed, never from one run of the suite to the next). The same tolerance must separate the model of N agents
 * from that of N − 1 (the check can fail). The first two hours of each day (the queue filling from empty) are left
 * out of the comparison.
 */
import { mean, standardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { measures } from '../../src/replay/aggregate.ts';
import { erlangMeasures } from '../../src/replay/erlang-measures.ts';
import { exponential, mulberry32 } from '../../src/replay/random.ts';
import { simulateDay, type DayModel, type IntervalTally } from '../../src/replay/simulate.ts';

const INTERVAL = 1800;
const DAY = 86_400;
const INTERVALS = DAY / INTERVAL;
const WARM_UP = 4; // intervals (2 h)

/** A stationary day: Poisson arrivals at `rate` calls a second (a per-call list), N agents on the phones all day. */
function stationaryDay(rate: number, agents: number, ahtSeconds: number, patienceSeconds: number, seed: number): DayModel {
  const u = mulberry32(seed);
  const calls = [];
  for (let t = exponential(u, 1 / rate); t < DAY; t += exponential(u, 1 / rate)) calls.push({ atSeconds: t });
  return {
    intervalSeconds: INTERVAL, intervals: INTERVALS, calls,
    agents: Array.from({ length: agents }, () => [[0, DAY + 6 * 3600] as const]),
    ahtSeconds: Array(INTERVALS).fill(ahtSeconds), patienceSeconds, answerWithinSeconds: 20,
  };
}

interface Case { rate: number; agents: number; aht: number; patience: number }

function replay(c: Case, runs: number) {
  const days: IntervalTally[][] = [];
  for (let r = 0; r < runs; r++) days.push(simulateDay(stationaryDay(c.rate, c.agents, c.aht, c.patience, 1000 + r), 7, r));
  const steady = Array.from({ length: INTERVALS - WARM_UP }, (_, k) => k + WARM_UP);
  const perDay = days.map((d) => measures([d], steady));
  return {
    pooled: measures(days, steady),
    sl: perDay.map((m) => m.serviceLevel!),
    abandon: perDay.map((m) => m.abandonRate!),
    asa: perDay.map((m) => m.asaSeconds!),
    occupancy: perDay.map((m) => m.occupancy!),
  };
}

const tolerance = (xs: number[]) => 4 * standardDeviation(xs) / Math.sqrt(xs.length);
const erlang = (c: Case, agents = c.agents) => erlangMeasures({
  calls: c.rate * INTERVAL, ahtSeconds: c.aht, agents, intervalSeconds: INTERVAL, patienceSeconds: c.patience, answerWithinSeconds: 20,
});

describe('replay on stationary days agrees with the Erlang model', () => {
  const cases: Array<[string, Case]> = [
    ['Erlang A: 12 agents, 10.8 erlangs offered, patience 120 s', { rate: 0.06, agents: 12, aht: 180, patience: 120 }],
    ['Erlang A: overloaded, 8 agents for 9.6 erlangs, patience 60 s', { rate: 0.04, agents: 8, aht: 240, patience: 60 }],
    ['Erlang C: 20 agents, 17 erlangs offered, callers never hang up', { rate: 0.1, agents: 20, aht: 170, patience: Infinity }],
  ];
  for (const [name, c] of cases) {
    it(name, () => {
      const sim = replay(c, 24);
      const model = erlang(c);
      const fewer = erlang(c, c.agents - 1);
      expect(Math.abs(mean(sim.sl) - model.serviceLevel)).toBeLessThanOrEqual(tolerance(sim.sl));
      expect(Math.abs(mean(sim.abandon) - model.abandonRate)).toBeLessThanOrEqual(Math.max(tolerance(sim.abandon), 1e-9));
      expect(Math.abs(mean(sim.asa) - model.asaSeconds!)).toBeLessThanOrEqual(tolerance(sim.asa));
      expect(Math.abs(mean(sim.occupancy) - model.occupancy)).toBeLessThanOrEqual(tolerance(sim.occupancy));
      // The tolerance is tight enough to tell N agents from N − 1.
      expect(Math.abs(mean(sim.sl) - fewer.serviceLevel)).toBeGreaterThan(tolerance(sim.sl));
      // Pooled ratios and the 5–95% band of the days' own service levels bracket the mean.
      expect(sim.pooled.serviceLevelBand![0]).toBeLessThanOrEqual(sim.pooled.serviceLevel!);
      expect(sim.pooled.serviceLevelBand![1]).toBeGreaterThanOrEqual(sim.pooled.serviceLevel!);
    });
  }
});

describe('replay bookkeeping', () => {
  const counts = [{ startSeconds: 0, seconds: 1800, offered: 40 }, { startSeconds: 1800, seconds: 1800, offered: 7 }];
  const model: DayModel = {
    intervalSeconds: 1800, intervals: 2, counts, agents: [[[0, 3600]], [[0, 1200], [1500, 3600]]],
    ahtSeconds: [200, 200], patienceSeconds: 90, answerWithinSeconds: 20,
  };

  it('keeps each row of actual traffic whole: its calls arrive inside its own span', () => {
    const tallies = simulateDay(model, 3, 0);
    expect(tallies.map((t) => t.offered)).toEqual([40, 7]);
    for (const t of tallies) expect(t.answered + t.abandoned).toBe(t.offered);
  });

  it('one seed gives the same day; another seed another day', () => {
    expect(simulateDay(model, 3, 0)).toEqual(simulateDay(model, 3, 0));
    expect(simulateDay(model, 3, 1)).not.toEqual(simulateDay(model, 3, 0));
    expect(simulateDay(model, 4, 0)).not.toEqual(simulateDay(model, 3, 0));
  });

  it('counts on-phone time as the roster plans it when no call runs over (a 5-minute break out of 30 minutes)', () => {
    const quiet: DayModel = { ...model, counts: [], agents: [[[0, 1200], [1500, 1800]]], intervals: 1 };
    const [t] = simulateDay(quiet, 1, 0);
    expect(t.onPhoneSeconds).toBe(1500);
    expect(t.busySeconds).toBe(0);
  });

  it('a call answered before the break finishes first, and the full break follows (R7): the agent is back later', () => {
    // One agent, on the phones [0, 600) and [900, 1800) (a 5-minute break due at 600). One call at 500 s lasting
    // 200 s: it ends at 700, the break runs 700–1000, so a second call at 900 s waits until 1000 s (100 s).
    const day: DayModel = {
      intervalSeconds: 1800, intervals: 1, agents: [[[0, 600], [900, 1800]]],
      calls: [{ atSeconds: 500, handleSeconds: 200, patienceSeconds: 1000 }, { atSeconds: 900, handleSeconds: 60, patienceSeconds: 1000 }],
      ahtSeconds: [100], patienceSeconds: Infinity, answerWithinSeconds: 20,
    };
    const [t] = simulateDay(day, 1, 0);
    expect(t.answered).toBe(2);
    expect(t.answeredWait).toBe(100);
    expect(t.answeredInTime).toBe(1);
    // On the phones 0–700 and 1000–1800 = 1500 s, talking 200 + 60 s.
    expect(t.onPhoneSeconds).toBe(1500);
    expect(t.busySeconds).toBe(260);
  });

  it('a caller whose wait would pass their patience hangs up; 1 s less patient than the wait, 0 s more', () => {
    const day = (patience: number): DayModel => ({
      intervalSeconds: 1800, intervals: 1, agents: [[[0, 1800]]],
      calls: [{ atSeconds: 0, handleSeconds: 300 }, { atSeconds: 100, handleSeconds: 60, patienceSeconds: patience }],
      ahtSeconds: [100], patienceSeconds: Infinity, answerWithinSeconds: 20,
    });
    expect(simulateDay(day(199), 1, 0)[0].abandoned).toBe(1);
    expect(simulateDay(day(200), 1, 0)[0].abandoned).toBe(0);
  });

  it('callers left when every agent has gone home are unserved, and counted as abandoned', () => {
    const day: DayModel = {
      intervalSeconds: 1800, intervals: 1, agents: [[[0, 600]]],
      calls: [{ atSeconds: 700, handleSeconds: 60 }], ahtSeconds: [100], patienceSeconds: Infinity, answerWithinSeconds: 20,
    };
    const [t] = simulateDay(day, 1, 0);
    expect([t.abandoned, t.unserved, t.answered]).toEqual([1, 1, 0]);
  });
});

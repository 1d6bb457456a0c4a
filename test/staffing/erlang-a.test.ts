import { describe, expect, it } from 'vitest';
import { erlangA } from '../../src/staffing/erlang-a.ts';
import { erlangAAgentsRequired } from '../../src/staffing/erlang-a-agents.ts';
import { erlangC } from '../../src/staffing/erlang-c.ts';
import { missedTargets } from '../../src/staffing/targets.ts';
import { simulateErlangA } from './erlang-a-simulation.ts';

const base = { ahtSeconds: 180, answerWithinSeconds: 20 };

describe('Erlang A converges to Erlang C as patience grows', () => {
  it('the published 10 Erlangs / 14 agents example: patience 1e9 s gives Erlang C within 1e-6', () => {
    // Erlang C values: data/erlang-reference/SOURCE.md (SL 0.8883500191794669, P(wait) 0.1741319335950498).
    const a = erlangA({ ...base, trafficErlangs: 10, agents: 14, patienceSeconds: 1e9 });
    expect(a.serviceLevel).toBeCloseTo(0.8883500191794669, 6);
    expect(a.pWait).toBeCloseTo(0.1741319335950498, 6);
    const c = erlangC({ ...base, trafficErlangs: 10, agents: 14 });
    expect(Math.abs(a.asaSeconds - c.asaSeconds)).toBeLessThan(1e-4);
    expect(a.pAbandon).toBeLessThan(1e-7);
  });

  it('the distance to Erlang C shrinks steadily as patience grows', () => {
    const c = erlangC({ ...base, trafficErlangs: 20, agents: 24 });
    let previous = Infinity;
    for (const patience of [30, 300, 3000, 30000, 300000]) {
      const a = erlangA({ ...base, trafficErlangs: 20, agents: 24, patienceSeconds: patience });
      const distance = Math.abs(a.serviceLevel - c.serviceLevel) + Math.abs(a.pWait - c.pWait);
      expect(distance).toBeLessThan(previous);
      previous = distance;
    }
    expect(previous).toBeLessThan(1e-3);
  });

  it('an infinite patience is Erlang C exactly', () => {
    const a = erlangA({ ...base, trafficErlangs: 10, agents: 14, patienceSeconds: Infinity });
    expect(a.serviceLevel).toBe(erlangC({ ...base, trafficErlangs: 10, agents: 14 }).serviceLevel);
    expect(a.pAbandon).toBe(0);
  });
});

describe('Erlang A is internally consistent', () => {
  it('abandonment from the caller view equals γ·E[queue] / λ (rate balance), and waits obey Little', () => {
    for (const [traffic, agents, patience] of [[10, 14, 120], [20, 16, 60], [100, 80, 120], [5, 5, 600]]) {
      const m = erlangA({ ...base, trafficErlangs: traffic, agents, patienceSeconds: patience });
      const gamma = base.ahtSeconds / patience;
      expect(m.pAbandon).toBeCloseTo((gamma * m.meanQueueLength) / traffic, 10);
      expect(m.averageWaitSeconds).toBeCloseTo((m.meanQueueLength / traffic) * base.ahtSeconds, 10);
      expect(m.occupancy).toBeCloseTo((traffic * (1 - m.pAbandon)) / agents, 10);
    }
  });

  it('traffic above the agent count is stable and finite (callers abandon), never NaN', () => {
    for (const [traffic, agents] of [[12, 10], [1000, 900], [10, 10], [3, 0]]) {
      const m = erlangA({ ...base, trafficErlangs: traffic, agents, patienceSeconds: 120 });
      expect(Object.values(m).some((v) => Number.isNaN(v))).toBe(false);
      expect(m.pWait).toBeGreaterThan(0);
      expect(m.pWait).toBeLessThanOrEqual(1);
      // Carried load cannot exceed the agents: P(abandon) ≥ 1 − N/A.
      expect(m.pAbandon).toBeGreaterThanOrEqual(1 - agents / traffic - 1e-12);
    }
  });

  it('answering "within 0 seconds" counts only callers who do not wait', () => {
    const m = erlangA({ ...base, answerWithinSeconds: 0, trafficErlangs: 10, agents: 12, patienceSeconds: 120 });
    expect(m.serviceLevel).toBeCloseTo(1 - m.pWait, 12);
  });
});

// Independent check: the seeded discrete-event simulation in erlang-a-simulation.ts (400,000 calls after 5,000
// warm-up, 20 batches). Stated tolerance: probabilities within 0.01 absolute and ASA within 3% relative, and
// every difference within 4 batch standard errors.
describe('Erlang A against a discrete-event simulation', () => {
  const cases = [
    { traffic: 10, agents: 14, aht: 180, patience: 120, t: 20 },
    { traffic: 10, agents: 10, aht: 180, patience: 90, t: 20 },
    { traffic: 20, agents: 16, aht: 240, patience: 60, t: 30 },
    { traffic: 3, agents: 4, aht: 300, patience: 600, t: 20 },
  ];
  const simulate = (c: (typeof cases)[number], seed: number) =>
    simulateErlangA({
      callsPerSecond: c.traffic / c.aht, agents: c.agents, ahtSeconds: c.aht, patienceSeconds: c.patience,
      answerWithinSeconds: c.t, calls: 400_000, warmupCalls: 5_000, batches: 20, seed,
    });

  it.each(cases)('A=$traffic N=$agents patience=$patience s agrees within tolerance', (c) => {
    const exact = erlangA({ trafficErlangs: c.traffic, agents: c.agents, ahtSeconds: c.aht, patienceSeconds: c.patience, answerWithinSeconds: c.t });
    const sim = simulate(c, 20261201);
    for (const key of ['pWait', 'pAbandon', 'serviceLevel'] as const) {
      const diff = Math.abs(exact[key] - sim[key].mean);
      expect(diff, `${key}: exact ${exact[key]}, simulated ${sim[key].mean}`).toBeLessThanOrEqual(0.01);
      expect(diff, `${key}: ${diff} vs 4 SE ${4 * sim[key].standardError}`).toBeLessThanOrEqual(4 * sim[key].standardError);
    }
    expect(Math.abs(exact.asaSeconds / sim.asaSeconds.mean - 1)).toBeLessThanOrEqual(0.03);
    expect(Math.abs(exact.asaSeconds - sim.asaSeconds.mean)).toBeLessThanOrEqual(4 * sim.asaSeconds.standardError);
  });

  it('the comparison can fail: Erlang C (no abandonment) is far outside the tolerance on an impatient queue', () => {
    const c = cases[2];
    const sim = simulate(c, 20261201);
    const noAbandon = erlangC({ trafficErlangs: c.traffic, agents: c.agents, ahtSeconds: c.aht, answerWithinSeconds: c.t });
    expect(Math.abs(noAbandon.serviceLevel - sim.serviceLevel.mean)).toBeGreaterThan(0.1);
    const wrongPatience = erlangA({ trafficErlangs: c.traffic, agents: c.agents, ahtSeconds: c.aht, patienceSeconds: c.patience * 2, answerWithinSeconds: c.t });
    expect(Math.abs(wrongPatience.pAbandon - sim.pAbandon.mean)).toBeGreaterThan(0.01);
  });
});

describe('Erlang A: fewest agents', () => {
  const linearScan = (input: Parameters<typeof erlangAAgentsRequired>[0]) => {
    for (let n = 0; ; n++) {
      const m = erlangA({ trafficErlangs: input.trafficErlangs, agents: n, ahtSeconds: input.ahtSeconds, patienceSeconds: input.patienceSeconds, answerWithinSeconds: input.serviceLevel.seconds });
      if (missedTargets(m, input).length === 0) return n;
    }
  };

  it('the bracketing search finds the same count as scanning every agent count', () => {
    for (const traffic of [0.3, 2, 7.5, 15, 42, 120]) {
      for (const patience of [10, 60, 300, 3000]) {
        for (const sl of [{ target: 0.8, seconds: 20 }, { target: 0.95, seconds: 60 }, { target: 0.5, seconds: 0 }]) {
          const input = { trafficErlangs: traffic, ahtSeconds: 200, patienceSeconds: patience, serviceLevel: sl, maxAbandonRate: 0.05, maxOccupancy: 0.9 };
          expect(erlangAAgentsRequired(input).agents, JSON.stringify(input)).toBe(linearScan(input));
        }
      }
    }
  });

  it('meets the targets with the count it returns and misses them with one fewer (near miss)', () => {
    const input = { trafficErlangs: 10, ahtSeconds: 180, patienceSeconds: 120, serviceLevel: { target: 0.8, seconds: 20 } };
    const r = erlangAAgentsRequired(input);
    expect(r.metrics.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(r.binding).toEqual(['serviceLevel']);
    const fewer = erlangA({ ...base, trafficErlangs: 10, agents: r.agents - 1, patienceSeconds: 120 });
    expect(fewer.serviceLevel).toBeLessThan(0.8);
    // Abandonment shortens the queue: fewer agents than Erlang C's 14 for the same 80/20 target.
    expect(r.agents).toBeLessThan(14);
  });

  it('a maximum abandonment rate can be the binding target', () => {
    const input = { trafficErlangs: 10, ahtSeconds: 180, patienceSeconds: 30, serviceLevel: { target: 0.5, seconds: 20 }, maxAbandonRate: 0.01 };
    const r = erlangAAgentsRequired(input);
    expect(r.binding).toContain('abandonment');
    expect(r.metrics.pAbandon).toBeLessThanOrEqual(0.01);
  });

  it('with patience far beyond the waits the search lands on the Erlang C answer (14 for the published example)', () => {
    const r = erlangAAgentsRequired({ trafficErlangs: 10, ahtSeconds: 180, patienceSeconds: 1e7, serviceLevel: { target: 0.8, seconds: 20 } });
    expect(r.agents).toBe(14);
    expect(r.metrics.serviceLevel).toBeCloseTo(0.8883500191794669, 4);
  });

  it('no traffic needs no agents', () => {
    expect(erlangAAgentsRequired({ trafficErlangs: 0, ahtSeconds: 180, patienceSeconds: 60, serviceLevel: { target: 0.8, seconds: 20 } }).agents).toBe(0);
  });
});

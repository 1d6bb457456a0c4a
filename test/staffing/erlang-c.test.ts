import { describe, expect, it } from 'vitest';
import { erlangC, probabilityOfWaiting, trafficErlangs } from '../../src/staffing/erlang-c.ts';
import { erlangCAgentsRequired } from '../../src/staffing/erlang-c-agents.ts';
import { scheduledAgents } from '../../src/staffing/shrinkage.ts';
import { logSpaceErlangC } from './log-space-erlang.ts';
import { close, readReferenceCsv } from './reference-tables.ts';

// Published worked example (data/erlang-reference/SOURCE.md, callcentrehelper.com "Erlang C formula example",
// also pyworkforce's test vectors): 100 calls in 30 min, AHT 180 s = 10 Erlangs, 80% within 20 s → 14 agents,
// SL 0.8883500191794669, P(wait) 0.1741319335950498, occupancy 0.7142857; 30% shrinkage → 20;
// occupancy ≤ 70% → 15 agents (22 with 30% shrinkage).
describe('Erlang C: the published worked example', () => {
  const traffic = trafficErlangs(100, 180, 30 * 60);
  const targets = { trafficErlangs: traffic, ahtSeconds: 180, serviceLevel: { target: 0.8, seconds: 20 } };

  it('10 Erlangs at 80/20 need 14 agents with SL 0.88835…, P(wait) 0.17413…, occupancy 0.714…', () => {
    expect(traffic).toBe(10);
    const r = erlangCAgentsRequired(targets);
    expect(r.agents).toBe(14);
    expect(r.metrics.serviceLevel).toBeCloseTo(0.8883500191794669, 12);
    expect(r.metrics.pWait).toBeCloseTo(0.1741319335950498, 12);
    expect(r.metrics.occupancy).toBeCloseTo(0.7142857, 7);
    expect(r.binding).toEqual(['serviceLevel']);
  });

  it('13 agents miss the target (near miss)', () => {
    const m = erlangC({ trafficErlangs: 10, agents: 13, ahtSeconds: 180, answerWithinSeconds: 20 });
    expect(m.serviceLevel).toBeLessThan(0.8);
    expect(m.serviceLevel).toBeGreaterThan(0.79);
  });

  it('with occupancy capped at 70% it takes 15 agents, and the cap is what binds', () => {
    const r = erlangCAgentsRequired({ ...targets, maxOccupancy: 0.7 });
    expect(r.agents).toBe(15);
    expect(r.binding).toEqual(['occupancy']);
    expect(r.metrics.occupancy).toBeLessThanOrEqual(0.7);
  });

  it('30% shrinkage turns 14 into 20 scheduled agents and 15 into 22', () => {
    expect(scheduledAgents(14, 0.3)).toBe(20);
    expect(scheduledAgents(15, 0.3)).toBe(22);
  });
});

describe('Erlang C: reference tables', () => {
  it('reproduces every row of erlangc_agents_required.csv', () => {
    const rows = readReferenceCsv('erlangc_agents_required.csv');
    expect(rows.length).toBe(63);
    for (const r of rows) {
      const traffic = trafficErlangs(r.calls_per_interval, r.aht_seconds, r.interval_minutes * 60);
      const got = erlangCAgentsRequired({
        trafficErlangs: traffic, ahtSeconds: r.aht_seconds, serviceLevel: { target: r.sl_target, seconds: r.answer_within_seconds },
      });
      const label = `${r.calls_per_interval} calls, AHT ${r.aht_seconds}, ${r.sl_target}/${r.answer_within_seconds}`;
      expect(close(traffic, r.traffic_erlangs, 1e-11), `${label}: traffic`).toBe(true);
      expect(got.agents, `${label}: agents`).toBe(r.agents_required);
      // The table prints 10 significant digits: relative tolerance 1e-9.
      expect(close(got.metrics.serviceLevel, r.achieved_sl, 1e-9), `${label}: SL ${got.metrics.serviceLevel}`).toBe(true);
      expect(close(got.metrics.pWait, r.p_wait, 1e-9), `${label}: P(wait)`).toBe(true);
      expect(close(got.metrics.asaSeconds, r.asa_seconds, 1e-9), `${label}: ASA`).toBe(true);
      expect(close(got.metrics.occupancy, r.occupancy, 1e-9), `${label}: occupancy`).toBe(true);
    }
  });

  it('matches every value of erlangc_grid.csv (P(wait), SL at 20 s and ASA for AHT 180 s, occupancy)', () => {
    for (const r of readReferenceCsv('erlangc_grid.csv')) {
      const m = erlangC({ trafficErlangs: r.traffic_erlangs, agents: r.agents, ahtSeconds: 180, answerWithinSeconds: 20 });
      const label = `A=${r.traffic_erlangs} N=${r.agents}`;
      expect(close(m.pWait, r.p_wait_erlang_c, 1e-10), `${label}: P(wait) ${m.pWait}`).toBe(true);
      expect(close(m.serviceLevel, r.sl_t20_aht180, 1e-10), `${label}: SL`).toBe(true);
      expect(close(m.asaSeconds, r.asa_seconds_aht180, 1e-10), `${label}: ASA`).toBe(true);
      expect(close(m.occupancy, r.occupancy, 1e-10), `${label}: occupancy`).toBe(true);
    }
  });

  it('an ASA target picks the first agent count of the grid whose ASA meets it', () => {
    // erlangc_grid.csv, 10 Erlangs, AHT 180: ASA 7.84 s at 14 agents (> 5 s); the grid row at 15 is below 5 s.
    const grid = readReferenceCsv('erlangc_grid.csv').filter((r) => r.traffic_erlangs === 10);
    const expected = grid.find((r) => r.asa_seconds_aht180 <= 5)!.agents;
    const r = erlangCAgentsRequired({ trafficErlangs: 10, ahtSeconds: 180, serviceLevel: { target: 0.8, seconds: 20 }, maxAsaSeconds: 5 });
    expect(r.agents).toBe(expected);
    expect(r.binding).toEqual(['asa']);
  });
});

describe('Erlang C: targets together', () => {
  it('SL, ASA and occupancy together need the largest of the counts each needs alone (all improve with agents)', () => {
    const sl = { target: 0.8, seconds: 20 };
    for (const traffic of [2.5, 10, 37.3, 250]) {
      const base = { trafficErlangs: traffic, ahtSeconds: 180, serviceLevel: sl };
      const alone = [
        erlangCAgentsRequired(base).agents,
        erlangCAgentsRequired({ ...base, serviceLevel: { target: 0.01, seconds: 0 }, maxAsaSeconds: 3 }).agents,
        erlangCAgentsRequired({ ...base, serviceLevel: { target: 0.01, seconds: 0 }, maxOccupancy: 0.75 }).agents,
      ];
      const together = erlangCAgentsRequired({ ...base, maxAsaSeconds: 3, maxOccupancy: 0.75 });
      expect(together.agents, `A=${traffic}`).toBe(Math.max(...alone));
    }
  });
});

describe('Erlang C: traffic at or above the agent count (infinite queue)', () => {
  it('A = N and A > N give P(wait) 1, SL 0, ASA Infinity, never NaN', () => {
    for (const [a, n] of [[10, 10], [12.5, 10], [3, 0], [5000, 4999]]) {
      const m = erlangC({ trafficErlangs: a, agents: n, ahtSeconds: 180, answerWithinSeconds: 20 });
      expect(m).toMatchObject({ pWait: 1, serviceLevel: 0, asaSeconds: Infinity, occupancy: 1, stable: false });
      expect(Object.values(m).some((v) => Number.isNaN(v))).toBe(false);
    }
    expect(probabilityOfWaiting(10, 10)).toBe(1);
  });

  it('just below the agent count the queue is stable but nearly always waits (near miss)', () => {
    const m = erlangC({ trafficErlangs: 9.999, agents: 10, ahtSeconds: 180, answerWithinSeconds: 20 });
    expect(m.stable).toBe(true);
    expect(m.pWait).toBeGreaterThan(0.99);
    expect(Number.isFinite(m.asaSeconds)).toBe(true);
  });

  it('the search still answers when the traffic is a whole number of Erlangs or far above a usual center', () => {
    // 10 Erlangs exactly: 10 agents are unstable, the published answer 14 stands (above).
    expect(erlangCAgentsRequired({ trafficErlangs: 10, ahtSeconds: 180, serviceLevel: { target: 0.01, seconds: 20 } }).agents).toBe(11);
    const big = erlangCAgentsRequired({ trafficErlangs: 4000, ahtSeconds: 180, serviceLevel: { target: 0.8, seconds: 20 } });
    expect(big.agents).toBeGreaterThan(4000);
    expect(big.metrics.serviceLevel).toBeGreaterThanOrEqual(0.8);
    const fewer = erlangC({ trafficErlangs: 4000, agents: big.agents - 1, ahtSeconds: 180, answerWithinSeconds: 20 });
    expect(fewer.serviceLevel).toBeLessThan(0.8);
  });

  it('zero traffic needs no agents and is served perfectly', () => {
    const r = erlangCAgentsRequired({ trafficErlangs: 0, ahtSeconds: 180, serviceLevel: { target: 0.8, seconds: 20 } });
    expect(r.agents).toBe(0);
    expect(r.metrics).toMatchObject({ pWait: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0 });
  });
});

describe('Erlang C: thousands of agents', () => {
  it('agrees with an independent log-space formula where factorials overflow', () => {
    for (const [a, n] of [[3000, 3050], [5000, 5100], [800, 830]]) {
      const m = erlangC({ trafficErlangs: a, agents: n, ahtSeconds: 180, answerWithinSeconds: 20 });
      expect(close(m.pWait, logSpaceErlangC(a, n), 1e-9), `A=${a} N=${n}`).toBe(true);
    }
  });
});

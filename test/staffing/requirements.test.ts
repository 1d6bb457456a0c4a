import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.ts';
import type { ForecastPoint } from '../../src/formats/forecast-csv.ts';
import { erlangAAgentsRequired } from '../../src/staffing/erlang-a-agents.ts';
import { computeRequirements } from '../../src/staffing/requirements.ts';
import { fixtureCenter } from './fixture-center.ts';

const point = (queue: string, intervalStart: string, offered: number, ahtSeconds = NaN): ForecastPoint => ({
  queue, intervalStart, offered, ahtSeconds, lower: offered, upper: offered, model: 'test',
});

describe('requirements per queue and interval', () => {
  const center = fixtureCenter();
  const forecast = [
    // The published example (data/erlang-reference/SOURCE.md): 100 calls in 30 min, AHT 180 s, 80/20 → 14.
    point('sales', '2026-12-01T10:00:00+08:00', 100, 180),
    point('sales', '2026-12-01T10:30:00+08:00', 0, 180),
    point('care', '2026-12-01T10:00:00+08:00', 50), // no AHT: the queue's 240 s
    point('tsr', '2026-12-01T10:00:00+08:00', 70), // 70 calls ÷ (14 CPH × 0.5 h) = 10
    point('tsr', '2026-12-01T10:30:00+08:00', 70.1), // 11 (near miss)
  ];
  const result = computeRequirements(forecast, center);

  it('uses Erlang C for an inbound queue without patience (published 14 agents)', () => {
    expect(result.points[0]).toEqual({ queue: 'sales', interval_start: '2026-12-01T10:00:00+08:00', required: 14 });
    expect(result.details[0]).toMatchObject({ model: 'erlang-c', trafficErlangs: 10, binding: ['serviceLevel'] });
    expect(result.details[0].serviceLevel).toBeCloseTo(0.8883500191794669, 12);
    expect(result.points[1].required).toBe(0);
  });

  it('uses Erlang A with the queue’s patience, abandonment cap, occupancy cap and default AHT', () => {
    const expected = erlangAAgentsRequired({
      trafficErlangs: (50 * 240) / 1800, ahtSeconds: 240, patienceSeconds: 120,
      serviceLevel: { target: 0.8, seconds: 20 }, maxOccupancy: 0.85, maxAbandonRate: 0.05,
    });
    expect(result.details[2]).toMatchObject({ model: 'erlang-a', ahtSeconds: 240, required: expected.agents });
    expect(result.details[2].pAbandon).toBeLessThanOrEqual(0.05);
    expect(result.details[2].occupancy).toBeLessThanOrEqual(0.85);
  });

  it('divides outbound target calls by the tier mix calls per hour', () => {
    expect(result.points.slice(3).map((p) => p.required)).toEqual([10, 11]);
    const exact = computeRequirements(forecast.slice(3), center, { outboundRounding: 'exact' });
    expect(exact.points[0].required).toBeCloseTo(10, 12);
  });

  it('summarizes each queue: agent-hours, peak, offered-weighted service level', () => {
    const sales = result.summary.find((s) => s.queue === 'sales')!;
    expect(sales).toMatchObject({ intervals: 2, offered: 100, agentHours: 7, peakRequired: 14, peakAt: '2026-12-01T10:00:00+08:00' });
    expect(sales.serviceLevel).toBeCloseTo(0.8883500191794669, 12);
    const tsr = result.summary.find((s) => s.queue === 'tsr')!;
    expect(tsr.agentHours).toBe(10.5);
    expect(tsr.tierMix?.callsPerHour).toBe(14);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result); // plain JSON, no Infinity or NaN
  });

  it('solves repeated (calls, AHT) pairs once and gives identical rows', () => {
    const many = Array.from({ length: 48 }, (_, i) => point('care', new Date(Date.UTC(2026, 11, 1) + i * 1_800_000).toISOString(), 50));
    const r = computeRequirements(many, center);
    expect(new Set(r.points.map((p) => p.required)).size).toBe(1);
    expect(r.details[0]).toEqual({ ...r.details[47], intervalStart: r.details[0].intervalStart });
  });

  it('rejects an unknown queue, a negative count and rows closer than the interval, naming the row', () => {
    const bad = [
      point('nope', '2026-12-01T10:00:00+08:00', 5),
      point('sales', '2026-12-01T10:00:00+08:00', -1, 180),
      point('sales', '2026-12-01T10:15:00+08:00', 3, 180),
    ];
    try {
      computeRequirements(bad, center, { source: 'f.csv' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      const wheres = (e as ValidationError).errors.map((p) => p.where);
      expect(wheres).toEqual(['f.csv row 1 (queue)', 'f.csv row 2 (offered)', 'f.csv row 3 (interval_start)']);
    }
  });
});

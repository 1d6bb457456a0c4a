/**
 * The intraday reforecast (src/intraday/reforecast.ts). Expected values are hand computations of the stated
 * method: ρ = Σw·A / Σw·F·c, w = 0.5^(age/halfLife), Z = E/(E + k), r = clamp(1 + Z(ρ − 1)), future interval h
 * steps ahead = F·(1 + (r − 1)·φ^h).
 */
import { describe, expect, it } from 'vitest';
import { reforecastDay } from '../../src/intraday/reforecast.ts';

describe('reforecast of the rest of the day', () => {
  it('keeps the forecast when nothing is observed yet', () => {
    const r = reforecastDay({ forecast: [10, 20, 30], actual: [null, null, null] });
    expect(r.values).toEqual([10, 20, 30]);
    expect(r.ratio).toMatchObject({ observed: null, applied: 1, credibility: 0 });
    expect(r.firstOpen).toBe(0);
  });

  it('scales the remaining intervals by the credibility-damped ratio, fading with the horizon', () => {
    // ρ = 150/100 = 1.5; E = 100, Z = 100/150 = 2/3; r = 1 + (2/3)(0.5) = 4/3.
    const r = reforecastDay({ forecast: [100, 100, 100, 100], actual: [150, null, null, null] });
    expect(r.ratio.observed).toBeCloseTo(1.5, 12);
    expect(r.ratio.credibility).toBeCloseTo(2 / 3, 12);
    expect(r.ratio.applied).toBeCloseTo(4 / 3, 12);
    expect(r.values[0]).toBe(150);
    expect(r.values[1]).toBeCloseTo(100 * (1 + 1 / 3), 9); // h = 0
    expect(r.values[2]).toBeCloseTo(100 * (1 + (1 / 3) * 0.97), 9); // h = 1
    expect(r.values[3]).toBeCloseTo(100 * (1 + (1 / 3) * 0.97 ** 2), 9); // h = 2
    expect(r.method).toMatch(/clamp\(1 \+ Z·\(ρ − 1\), 0.5, 2\)/);
  });

  it('weights recent intervals more (half-life)', () => {
    // halfLife 1: w = [0.5, 1]; ρ = (50 + 200)/(50 + 100) = 5/3; E = 150, Z = 0.75; r = 1 + 0.75·(2/3) = 1.5.
    const r = reforecastDay({ forecast: [100, 100, 100], actual: [100, 200, null] }, { halfLifeIntervals: 1 });
    expect(r.ratio.observed).toBeCloseTo(5 / 3, 12);
    expect(r.ratio.applied).toBeCloseTo(1.5, 12);
    expect(r.values[2]).toBeCloseTo(150, 9);
  });

  it('is bounded: ten times the forecast moves it at most to maxRatio', () => {
    const r = reforecastDay({ forecast: [100, 100], actual: [1000, null] }, { credibilityCalls: 0 });
    expect(r.ratio.observed).toBe(10);
    expect(r.ratio.applied).toBe(2);
    expect(r.values[1]).toBe(200);
    const low = reforecastDay({ forecast: [100, 100], actual: [0, null] }, { credibilityCalls: 0 });
    expect(low.ratio.applied).toBe(0.5);
  });

  it('near miss of the bound: a ratio just inside is applied as is', () => {
    const r = reforecastDay({ forecast: [100, 100], actual: [199, null] }, { credibilityCalls: 0 });
    expect(r.ratio.applied).toBeCloseTo(1.99, 12);
  });

  it('a partly reported interval: counts its reported share, and adds the unreported share at the ratio', () => {
    // w = [0.5^(1/4), 1]; num = 0.8409·100 + 30; den = 0.8409·100 + 100·0.5; ρ = 0.85085, Z = den/(den + 50) = 0.72839,
    // r = 0.89136; the interval in progress = 30 + 100·0.5·r = 74.568; the next = 100·(1 + (r − 1)·0.97) = 89.462.
    const r = reforecastDay({ forecast: [100, 100, 100], actual: [100, 30, null], reported: [1, 0.5, 0] });
    expect(r.firstOpen).toBe(1);
    expect(r.ratio.observed).toBeCloseTo(0.8508460476701643, 10);
    expect(r.ratio.applied).toBeCloseTo(0.8913572766274109, 10);
    expect(r.values[1]).toBeCloseTo(74.56786383137054, 9);
    expect(r.values[2]).toBeCloseTo(89.46165583285885, 9);
  });

  it('a gap in past data is estimated at the ratio, not taken as zero calls', () => {
    const r = reforecastDay({ forecast: [100, 100, 100], actual: [null, 150, null] });
    expect(r.values[0]).toBeCloseTo(100 * (4 / 3), 9);
    expect(r.values[1]).toBe(150);
  });
});

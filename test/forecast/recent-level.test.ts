/**
 * The pull of a long-memory level toward the last two weeks (src/forecast/models/recent-level.ts), and the
 * evidence count of the conformal bands in backtest origins and the miss budget a floored side leaves to the
 * other (src/forecast/prediction-intervals.ts).
 */
import { describe, expect, it } from 'vitest';
import { probit } from 'simple-statistics';
import { trackLevel } from '../../src/forecast/models/level-track.ts';
import { dayNoise, levelWeights, pullTowardRecent, RECENT_WINDOW_DAYS } from '../../src/forecast/models/recent-level.ts';
import { FLOOR_SHARE, intervalBands, MIN_ORIGINS } from '../../src/forecast/prediction-intervals.ts';

/** Seeded uniform numbers in [0, 1) (Park–Miller), so the noise is the same on every run. */
function uniforms(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

/** Daily log levels of 60 consecutive days (age 60 … 1), ±noise around `base`, plus `step` in the last two weeks. */
function series(seed: number, noise: number, step: number): { z: number[]; ages: number[] } {
  const u = uniforms(seed);
  const ages = Array.from({ length: 60 }, (_, k) => 60 - k);
  const z = ages.map((a) => Math.log(1000) + noise * (2 * u() - 1) + (a <= RECENT_WINDOW_DAYS ? step : 0));
  return { z, ages };
}

describe('levelWeights reproduce the exponentially weighted level of level-track.ts', () => {
  const { z } = series(7, 0.02, 0);
  for (const h of [5, 40]) {
    it(`half-life ${h}: Σ w·z equals trackLevel's level, and the weights sum to 1`, () => {
      const w = levelWeights(z.length, h);
      expect(w.reduce((a, x) => a + x, 0)).toBeCloseTo(1, 12);
      expect(w.reduce((a, x, k) => a + x * z[k], 0)).toBeCloseTo(trackLevel(z, h).level, 12);
    });
  }
});

describe('pullTowardRecent', () => {
  it('a 10% step in the last two weeks, far beyond ±1% day noise: the level moves (almost) all the way', () => {
    const { z, ages } = series(11, 0.01, Math.log(1.1));
    const w = levelWeights(z.length, 40);
    const level = w.reduce((a, x, k) => a + x * z[k], 0);
    const recentMean = z.slice(-RECENT_WINDOW_DAYS).reduce((a, x) => a + x, 0) / RECENT_WINDOW_DAYS;
    const pulled = pullTowardRecent(z, ages, level, w);
    // James–Stein factor 1 − var(d)/d²: var(d) ≈ (0.01/√3)² · Σ(r − w)² ≈ 3e-6, d² ≈ 0.0077 → within 0.1% of the gap.
    expect((pulled - level) / (recentMean - level)).toBeGreaterThan(0.99);
    expect((pulled - level) / (recentMean - level)).toBeLessThanOrEqual(1);
  });
  it('a gap that noise explains (no step, ±5% noise): the level moves less than half way', () => {
    const { z, ages } = series(3, 0.05, 0);
    const w = levelWeights(z.length, 40);
    const level = w.reduce((a, x, k) => a + x * z[k], 0);
    const recentMean = z.slice(-RECENT_WINDOW_DAYS).reduce((a, x) => a + x, 0) / RECENT_WINDOW_DAYS;
    const pulled = pullTowardRecent(z, ages, level, w);
    expect(Math.abs(pulled - level)).toBeLessThan(0.5 * Math.abs(recentMean - level));
  });
  it('a history no longer than the window is the recent mean already: unchanged', () => {
    const { z, ages } = series(5, 0.02, 0);
    const w = levelWeights(12, 5);
    expect(pullTowardRecent(z.slice(-12), ages.slice(-12), 1.23, w)).toBe(1.23);
  });
  it('day noise of an alternating ±a series: |differences| = 2a, ÷ √2 × 1.4826', () => {
    const z = Array.from({ length: 21 }, (_, k) => (k % 2 ? 0.03 : -0.03));
    expect(dayNoise(z)).toBeCloseTo((1.4826 * 0.06) / Math.SQRT2, 12);
  });
});

describe('conformal bands count evidence in backtest origins', () => {
  const z = probit(0.9);
  const cells = (origins: number, perOrigin: number) => {
    const n = origins * perOrigin;
    return {
      ahead: new Int32Array(n),
      origin: Int32Array.from({ length: n }, (_, c) => Math.floor(c / perOrigin)),
      actual: new Float64Array(n).fill(100),
      pred: new Float64Array(n).fill(100),
    };
  };
  it(`2000 perfect day-1 scores from one origin: weight 1/${MIN_ORIGINS} on them, the rest on the default ±z`, () => {
    const b = intervalBands(0.8, cells(1, 2000));
    expect(b.high[0]).toBeCloseTo((1 - 1 / MIN_ORIGINS) * z, 12);
    expect(b.low[0]).toBeCloseTo(-(1 - 1 / MIN_ORIGINS) * z, 12);
  });
  it(`the same scores from ${MIN_ORIGINS} origins are their own: the band falls to the floor, ${FLOOR_SHARE} × z`, () => {
    const b = intervalBands(0.8, cells(MIN_ORIGINS, 100));
    expect(b.high[0]).toBeCloseTo(FLOOR_SHARE * z, 12);
  });
});

describe('a floored side of the band leaves its miss budget to the other side', () => {
  // 1400 day-1 scores from 14 origins (their own evidence), evenly spread over [lo, hi] in scaled units:
  // forecast 100, scale √(100 + 8²) = √164.
  const spread = (lo: number, hi: number) => {
    const n = 1400;
    const scale = Math.sqrt(164);
    return {
      ahead: new Int32Array(n),
      origin: Int32Array.from({ length: n }, (_, c) => c % MIN_ORIGINS),
      actual: Float64Array.from({ length: n }, (_, c) => 100 + (lo + ((hi - lo) * c) / (n - 1)) * scale),
      pred: new Float64Array(n).fill(100),
    };
  };
  const held = (b: ReturnType<typeof intervalBands>, lo: number, hi: number) => {
    const xs = Array.from({ length: 1400 }, (_, c) => lo + ((hi - lo) * c) / 1399);
    return xs.filter((x) => x >= b.low[0] && x <= b.high[0]).length / xs.length;
  };

  it('errors all above the forecast (0 to 3): the lower side sits on the floor, the upper one moves from the 90% to the 80% quantile (2.7 → 2.4), and the band holds 80% of the scores, not 90%', () => {
    const b = intervalBands(0.8, spread(0, 3));
    expect(b.low[0]).toBeCloseTo(-FLOOR_SHARE * probit(0.9), 12);
    expect(b.high[0]).toBeCloseTo(2.4, 2);
    expect(held(b, 0, 3)).toBeCloseTo(0.8, 2);
  });

  it('near miss: symmetric errors (−3 to 3) reach past the floor on both sides: the 10% and 90% quantiles, ±2.4', () => {
    const b = intervalBands(0.8, spread(-3, 3));
    expect(b.low[0]).toBeCloseTo(-2.4, 2);
    expect(b.high[0]).toBeCloseTo(2.4, 2);
  });

  it('near miss: errors inside the floor on both sides (−0.5 to 0.5): both sides on the floor, nothing to move', () => {
    const b = intervalBands(0.8, spread(-0.5, 0.5));
    expect(b.low[0]).toBeCloseTo(-FLOOR_SHARE * probit(0.9), 12);
    expect(b.high[0]).toBeCloseTo(FLOOR_SHARE * probit(0.9), 12);
  });
});

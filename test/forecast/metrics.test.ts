/**
 * Error measures against hand computation (definitions: Hyndman & Koehler, IJF 2006).
 * actual   = [10, 20, 0, 30], forecast = [12, 18, 1, 27]
 * errors f − a = [2, −2, 1, −3]; Σ|e| = 8; Σa = 60; Σf = 58
 * MAPE  = (2/10 + 2/20 + 3/30) / 3 = 0.4 / 3 (the a = 0 point is left out)
 * wMAPE = 8 / 60;  bias = (58 − 60) / 60 = −1/30;  MAE = 8 / 4 = 2;  RMSE = √((4+4+1+9)/4) = √4.5
 * MASE with an in-sample seasonal-naive MAE of 4: 2 / 4 = 0.5
 */
import { describe, expect, it } from 'vitest';
import { errorMetrics, seasonalNaiveScale } from '../../src/forecast/metrics.ts';

describe('error metrics', () => {
  const m = errorMetrics([10, 20, 0, 30], [12, 18, 1, 27], 4);

  it('MAPE leaves out zero actuals', () => expect(m.mape).toBeCloseTo(0.4 / 3, 12));
  it('wMAPE = Σ|a − f| / Σa', () => expect(m.wMAPE).toBeCloseTo(8 / 60, 12));
  it('bias = (Σf − Σa) / Σa, negative when under', () => expect(m.bias).toBeCloseTo(-1 / 30, 12));
  it('RMSE', () => expect(m.rmse).toBeCloseTo(Math.sqrt(4.5), 12));
  it('MASE = MAE / scale', () => {
    expect(m.mae).toBe(2);
    expect(m.mase).toBe(0.5);
  });
  it('sums and count', () => expect([m.n, m.actual, m.forecast]).toEqual([4, 60, 58]));

  it('undefined measures are null, not NaN or Infinity', () => {
    const z = errorMetrics([0, 0], [1, 1]);
    expect([z.mape, z.wMAPE, z.bias, z.mase]).toEqual([null, null, null, null]);
    expect(z.rmse).toBe(1);
  });

  it('a perfect forecast scores 0 everywhere (near miss: one call off is not 0)', () => {
    expect(errorMetrics([5, 7], [5, 7], 1)).toMatchObject({ mape: 0, wMAPE: 0, bias: 0, rmse: 0, mase: 0 });
    expect(errorMetrics([5, 7], [5, 8], 1).wMAPE).toBeCloseTo(1 / 12, 12);
  });

  it('refuses series of different lengths', () => expect(() => errorMetrics([1], [1, 2])).toThrow(RangeError));
});

describe('seasonal naive scale', () => {
  it('is the mean |y(t) − y(t − season)| over the pairs that exist', () => {
    // Days 0..9 (season 7): pairs (7,0), (8,1), (9,2): |17−10| + |12−11| + |9−12| = 7 + 1 + 3 → 11/3.
    const ys = [10, 11, 12, 13, 14, 15, 16, 17, 12, 9];
    expect(seasonalNaiveScale(new Map(ys.map((y, t) => [t, y])), (t) => t - 7)).toBeCloseTo(11 / 3, 12);
  });
  it('is NaN with no pair', () => expect(seasonalNaiveScale(new Map([[0, 1]]), (t) => t - 7)).toBeNaN());
});

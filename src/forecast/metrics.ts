/**
 * Forecast error measures, with a = actual and f = forecast over n points (Hyndman & Koehler, "Another look at
 * measures of forecast accuracy", IJF 22(4), 2006):
 *   MAPE  = (1/n') Σ |a − f| / a over the n' points with a > 0 (points with a = 0 are left out);
 *   wMAPE = Σ |a − f| / Σ a (MAPE weighted by volume; the WFM industry's usual "accuracy");
 *   bias  = (Σ f − Σ a) / Σ a (positive = over-forecast);
 *   RMSE  = √((1/n) Σ (f − a)²);
 *   MASE  = MAE / scale, where scale = mean |y(t) − y(t − one week)| of the seasonal naive method in sample
 *           (Hyndman & Koehler 2006, §3.4, with season = one week). Below 1 beats seasonal naive.
 * All are fractions (0.05 = 5 %); null where undefined (no volume, no points, no scale).
 */

export interface ErrorMetrics {
  n: number;
  actual: number;
  forecast: number;
  mape: number | null;
  wMAPE: number | null;
  bias: number | null;
  mae: number | null;
  rmse: number | null;
  mase: number | null;
}

export class ErrorAccumulator {
  n = 0;
  nPositive = 0;
  sumActual = 0;
  sumForecast = 0;
  sumAbs = 0;
  sumSquared = 0;
  sumPercent = 0;

  add(actual: number, forecast: number): void {
    const e = forecast - actual;
    this.n++;
    this.sumActual += actual;
    this.sumForecast += forecast;
    this.sumAbs += Math.abs(e);
    this.sumSquared += e * e;
    if (actual > 0) {
      this.nPositive++;
      this.sumPercent += Math.abs(e) / actual;
    }
  }

  /** `scale`: the in-sample seasonal-naive MAE for MASE (omit or 0 → MASE null). */
  result(scale?: number): ErrorMetrics {
    const mae = this.n > 0 ? this.sumAbs / this.n : null;
    return {
      n: this.n,
      actual: this.sumActual,
      forecast: this.sumForecast,
      mape: this.nPositive > 0 ? this.sumPercent / this.nPositive : null,
      wMAPE: this.sumActual > 0 ? this.sumAbs / this.sumActual : null,
      bias: this.sumActual > 0 ? (this.sumForecast - this.sumActual) / this.sumActual : null,
      mae,
      rmse: this.n > 0 ? Math.sqrt(this.sumSquared / this.n) : null,
      mase: mae !== null && scale && scale > 0 ? mae / scale : null,
    };
  }
}

/** All measures of paired series (same length). */
export function errorMetrics(actual: ArrayLike<number>, forecast: ArrayLike<number>, scale?: number): ErrorMetrics {
  if (actual.length !== forecast.length) throw new RangeError(`actual has ${actual.length} points, forecast ${forecast.length}`);
  const acc = new ErrorAccumulator();
  for (let i = 0; i < actual.length; i++) acc.add(actual[i], forecast[i]);
  return acc.result(scale);
}

/**
 * MASE scale: mean |y(t) − y(t − lag)| over the pairs where both are known. `series` maps a time key to a
 * value; `lagKey` gives the key one season earlier. NaN when there is no pair.
 */
export function seasonalNaiveScale<K>(series: ReadonlyMap<K, number>, lagKey: (k: K) => K): number {
  let sum = 0;
  let n = 0;
  for (const [k, y] of series) {
    const prev = series.get(lagKey(k));
    if (prev === undefined) continue;
    sum += Math.abs(y - prev);
    n++;
  }
  return n > 0 ? sum / n : NaN;
}

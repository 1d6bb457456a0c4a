/**
 * Prediction intervals from backtest residuals, per slot of the day: the empirical quantiles of the scaled
 * errors z = (actual − forecast) / √max(forecast, 1) of the chosen forecast, pooled over the slot and its two
 * neighbours on each side, give  lower = f + z_lo √max(f,1), upper = f + z_hi √max(f,1)  (clipped at 0).
 * Empirical out-of-sample error quantiles are the method of R.L. Winkler & W.L. Williams, "Empirical prediction
 * intervals", Management Science 17(9), 1971 (also Hyndman & Athanasopoulos 2021, §5.5); the √f scaling makes
 * errors of busy and quiet intervals comparable, as for Poisson counts. With no backtest, the interval is the
 * Poisson one, f ± z √f with z the normal quantile.
 */
import { probit, quantileSorted } from 'simple-statistics';

/** Neighbouring slots pooled on each side. */
const POOL = 2;
/** Fewest pooled residuals for an empirical quantile; fewer → the Poisson interval. */
const MIN_RESIDUALS = 10;

export interface IntervalBands {
  method: string;
  /** Quantiles of the scaled error per slot; null → Poisson. */
  low: Array<number | null>;
  high: Array<number | null>;
  zPoisson: number;
}

export function intervalBands(slots: number, coverage: number, cellSlots?: Int32Array, actual?: Float64Array, pred?: Float64Array): IntervalBands {
  const qLow = (1 - coverage) / 2;
  const qHigh = 1 - qLow;
  const zPoisson = probit(qHigh);
  const low: Array<number | null> = new Array(slots).fill(null);
  const high: Array<number | null> = new Array(slots).fill(null);
  if (!cellSlots || !actual || !pred || actual.length === 0) {
    return { method: `Poisson ±${zPoisson.toFixed(2)}√f (no backtest residuals)`, low, high, zPoisson };
  }
  const bySlot: number[][] = Array.from({ length: slots }, () => []);
  for (let c = 0; c < actual.length; c++) bySlot[cellSlots[c]].push((actual[c] - pred[c]) / Math.sqrt(Math.max(pred[c], 1)));
  let empirical = 0;
  for (let s = 0; s < slots; s++) {
    const pooled: number[] = [];
    for (let k = Math.max(0, s - POOL); k <= Math.min(slots - 1, s + POOL); k++) pooled.push(...bySlot[k]);
    if (bySlot[s].length === 0 || pooled.length < MIN_RESIDUALS) continue;
    pooled.sort((a, b) => a - b);
    low[s] = quantileSorted(pooled, qLow);
    high[s] = quantileSorted(pooled, qHigh);
    empirical++;
  }
  return {
    method: `empirical ${Math.round(coverage * 100)}% quantiles of backtest errors per interval (scaled by √forecast, ±${POOL} neighbouring intervals pooled)${empirical < slots ? '; Poisson where an interval had too few' : ''}`,
    low,
    high,
    zPoisson,
  };
}

export function bandAt(bands: IntervalBands, slot: number, f: number): { lower: number; upper: number } {
  const scale = Math.sqrt(Math.max(f, 1));
  const lo = bands.low[slot];
  const hi = bands.high[slot];
  if (lo === null || hi === null) {
    const half = bands.zPoisson * Math.sqrt(Math.max(f, 0));
    return { lower: Math.max(0, f - half), upper: f + half };
  }
  return { lower: Math.max(0, Math.min(f, f + lo * scale)), upper: Math.max(f, f + hi * scale) };
}

/**
 * Prediction intervals by split conformal prediction over the backtest's daily origins (V. Vovk, A. Gammerman,
 * G. Shafer, "Algorithmic Learning in a Random World", 2005; J. Lei et al., "Distribution-free predictive
 * inference for regression", JASA 113, 2018): the nonconformity score of a scored interval is its scaled error
 * q = (actual − forecast) / scale(forecast), scale(f) = √(f + (ρ f)²) — Poisson noise plus a relative
 * day-level error ρ, so quiet and busy intervals are comparable — and the band is f + scale(f) × the empirical
 * quantiles of q, taken apart for each horizon (day 1, days 2–7, 8–14, 15 and later), since errors grow with
 * the lead. With few scores in a horizon the quantiles are drawn toward a stated default dispersion, the normal
 * quantiles ±z at ρ = DEFAULT_RHO, in proportion to how far the scores fall short of MIN_SCORES — a short
 * history gets a wide band from the default, not a narrow one from a handful of errors; and never narrower than
 * FLOOR_SHARE of the default. Evidence is also counted in backtest origins: the intervals of one origin share
 * its level error, and origins a day apart share most of their horizon, so a thousand scores from a few
 * origins are a few pieces of evidence; below MIN_ORIGINS the quantiles are drawn toward the default too.
 * The band aims at the asked coverage, not above it: when the floor widens one side, that side misses fewer
 * backtest scores than its (1 − coverage)/2, and the other side's quantile is taken at the rest of the miss
 * budget (never inside the floor), so the floored band still misses 1 − coverage of the backtest's scores
 * rather than less — the floor guards against a calm backtest without making every band over-cover.
 */
import { probit, quantileSorted } from 'simple-statistics';

/** Relative day-level error of the default dispersion (8% of the forecast, beside Poisson noise). */
export const DEFAULT_RHO = 0.08;
/** Scores a horizon needs before its quantiles are its own. */
export const MIN_SCORES = 1000;
/** Backtest origins the quantiles need before they are their own: two weeks of daily origins. */
export const MIN_ORIGINS = 14;
/**
 * The band is never narrower than this share of the default dispersion: conformal quantiles assume the coming
 * weeks are like the backtested ones, and a calm stretch before a change would otherwise give a band that is
 * too narrow exactly when it matters.
 */
export const FLOOR_SHARE = 0.85;
/** First day ahead (0-based) of each horizon group. */
const HORIZONS = [0, 1, 7, 14];

export interface IntervalBands {
  method: string;
  /** Lower and upper quantile of the scaled error per horizon group. */
  low: number[];
  high: number[];
  rho: number;
}

export const scaleOf = (f: number, rho: number) => Math.sqrt(Math.max(f, 0) + (rho * f) ** 2);
export const horizonGroup = (ahead: number) => HORIZONS.filter((h) => ahead >= h).length - 1;

export interface ScoredCells {
  /** Days ahead of each cell (0 = the first forecast day). */
  ahead: Int32Array;
  /** Backtest origin of each cell. */
  origin: Int32Array;
  actual: Float64Array;
  pred: Float64Array;
}

/** Share of the sorted scores beyond `bound`: below it (side −1) or above it (side +1). */
function shareOutside(sorted: readonly number[], bound: number, side: -1 | 1): number {
  let lo = 0;
  let hi = sorted.length;
  // First index whose score is ≥ bound (side −1) or > bound (side +1).
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (side < 0 ? sorted[mid] < bound : sorted[mid] <= bound) lo = mid + 1;
    else hi = mid;
  }
  return side < 0 ? lo / sorted.length : (sorted.length - lo) / sorted.length;
}

export function intervalBands(coverage: number, cells?: ScoredCells): IntervalBands {
  const qLow = (1 - coverage) / 2;
  const z = probit(1 - qLow);
  const rho = DEFAULT_RHO;
  const scores: number[][] = HORIZONS.map(() => []);
  if (cells) for (let c = 0; c < cells.actual.length; c++) scores[horizonGroup(cells.ahead[c])].push((cells.actual[c] - cells.pred[c]) / Math.max(1e-9, scaleOf(cells.pred[c], rho)));
  const origins = cells ? new Set(cells.origin).size : 0;
  const low: number[] = [];
  const high: number[] = [];
  const counts: number[] = [];
  // A horizon without scores of its own borrows the nearest shorter one's (errors only grow with the lead).
  let borrowed: number[] = [];
  const floor = FLOOR_SHARE * z;
  for (const s of scores) {
    const own = s.length > 0 ? s.sort((a, b) => a - b) : borrowed;
    borrowed = own;
    const w = Math.min(1, own.length / MIN_SCORES, origins / MIN_ORIGINS);
    const drawn = (q: number, toward: number) => w * (own.length ? quantileSorted(own, q) : 0) + (1 - w) * toward;
    let lo = drawn(qLow, -z);
    let hi = drawn(1 - qLow, z);
    // A floored side misses fewer scores than its share; the other side takes the rest of the miss budget.
    if (own.length > 0 && lo > -floor && hi > floor) hi = Math.max(floor, drawn(1 - Math.max(0, 1 - coverage - shareOutside(own, -floor, -1)), z));
    else if (own.length > 0 && hi < floor && lo < -floor) lo = Math.min(-floor, drawn(Math.max(0, 1 - coverage - shareOutside(own, floor, 1)), -z));
    low.push(Math.min(lo, -floor));
    high.push(Math.max(hi, floor));
    counts.push(s.length);
  }
  const total = counts.reduce((a, b) => a + b, 0);
  return {
    method: `conformal ${Math.round(coverage * 100)}% band: quantiles of the backtest's scaled errors (actual − forecast) ÷ √(f + (${rho}·f)²) per horizon (day 1, 2–7, 8–14, 15+: ${counts.join(' / ')} scores)` +
      (total < MIN_SCORES * HORIZONS.length || origins < MIN_ORIGINS ? `, drawn toward the default ±${z.toFixed(2)} where a horizon has fewer than ${MIN_SCORES} scores or the backtest fewer than ${MIN_ORIGINS} origins (${origins})` : '') +
      `; at least ${FLOOR_SHARE} × the default, the other side taking the miss budget a floored side leaves`,
    low,
    high,
    rho,
  };
}

export function bandAt(bands: IntervalBands, ahead: number, f: number): { lower: number; upper: number } {
  const g = horizonGroup(ahead);
  const scale = scaleOf(f, bands.rho);
  return { lower: Math.max(0, Math.min(f, f + bands.low[g] * scale)), upper: Math.max(f, f + bands.high[g] * scale) };
}

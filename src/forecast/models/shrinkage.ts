/**
 * How far to trust a group's own estimate over the pooled one: the positive-part James–Stein factor
 * max(0, 1 − noise / spread), where spread is the squared distance of the own estimates from the pooled value
 * and noise the part of it their sampling variance explains (B. Efron & C. Morris, "Stein's estimation rule
 * and its competitors — an empirical Bayes approach", JASA 68, 1973). A pure pattern (no noise) is kept as it
 * is; estimates no farther apart than their noise fall back on the pooled value. When the noise cannot be
 * measured (one observation per group), a pseudo-count prior is used instead: n / (n + prior).
 */
export function shrinkFactor(spread: number, noise: number | null, n: number, prior: number): number {
  if (noise === null || !Number.isFinite(noise)) return n / (n + prior);
  if (spread <= 0) return noise > 0 ? 0 : 1;
  return Math.max(0, 1 - noise / spread);
}

export const MIN_FOR_VARIANCE = 3;

/** Weighted mean, variance of one observation, and effective count (Kish) of weighted observations. */
export class WeightedMoments {
  private w = 0;
  private w2 = 0;
  private wx = 0;
  private wxx = 0;

  add(x: number, weight: number): void {
    this.w += weight;
    this.w2 += weight * weight;
    this.wx += weight * x;
    this.wxx += weight * x * x;
  }

  get weight(): number {
    return this.w;
  }

  get mean(): number {
    return this.w > 0 ? this.wx / this.w : 0;
  }

  /** Effective number of observations, (Σw)² / Σw². */
  get n(): number {
    return this.w2 > 0 ? (this.w * this.w) / this.w2 : 0;
  }

  /**
   * Variance of one observation (weighted, bias-corrected for the effective count); null below MIN_FOR_VARIANCE
   * observations (a variance from two is too rough to decide how much to shrink).
   */
  get variance(): number | null {
    const n = this.n;
    if (n < MIN_FOR_VARIANCE - 1e-9) return null;
    return Math.max(0, this.wxx / this.w - this.mean ** 2) * (n / (n - 1));
  }

  /** Variance of the mean; null below MIN_FOR_VARIANCE observations. */
  get varianceOfMean(): number | null {
    const v = this.variance;
    return v === null ? null : v / this.n;
  }
}

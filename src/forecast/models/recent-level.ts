/**
 * Pull a long-memory level toward the mean of the last two weeks when they disagree by more than noise.
 *
 * An exponentially weighted level with a half-life of weeks lags a move of a few percent for a month: the
 * shift test of level-track.ts waits for a step of many standard errors, so a slow slide or a swell is averaged
 * away while the next four weeks already sit at the new level. Two whole weeks are the shortest window in which
 * every weekday counts equally (an error in a weekday effect cancels) and day noise halves. Their mean m and the
 * level L differ by d = m − L; the part of d² that noise explains is var(d) = σ² Σ (r_k − w_k)², with r and w the
 * weights the two estimates give each day (they share the recent days) and σ the day-to-day noise. The level
 * moves by the positive-part James–Stein factor max(0, 1 − var(d) / d²) of d (Efron & Morris 1973): all the
 * way when the gap is far beyond noise, not at all when noise explains it.
 */

/** The window of the recent mean, in calendar days (two weekly cycles). */
export const RECENT_WINDOW_DAYS = 14;
/** Fewest observations outside the window: without them the level is the recent mean already. */
const MIN_OLDER_OBSERVATIONS = 3;

/** Weight of each observation in the exponentially weighted level of level-track.ts (same recursion). */
export function levelWeights(n: number, halfLife: number): Float64Array {
  const alpha = 1 - 0.5 ** (1 / halfLife);
  const gains = new Float64Array(n);
  gains[0] = 1;
  let weight = 1;
  for (let k = 1; k < n; k++) {
    weight = weight * (1 - alpha) + 1;
    gains[k] = 1 / Math.min(weight, 1 / alpha);
  }
  const w = new Float64Array(n);
  let keep = 1;
  for (let k = n - 1; k >= 0; k--) {
    w[k] = gains[k] * keep;
    keep *= 1 - gains[k];
  }
  return w;
}

/** Day-to-day noise of a series: the robust spread of consecutive differences, ÷ √2 (a level that drifts slowly cancels). */
export function dayNoise(z: readonly number[]): number {
  if (z.length < 3) return 0;
  const diffs = z.slice(1).map((x, k) => Math.abs(x - z[k])).sort((a, b) => a - b);
  return (1.4826 * diffs[Math.floor(diffs.length / 2)]) / Math.SQRT2;
}

/**
 * The level after the pull: z the deseasonalised log totals (oldest first), ageDays[k] how many calendar days
 * before the origin observation k lies (1 = the last day), level an estimate of it with weights w over z
 * (levelWeights).
 */
export function pullTowardRecent(z: readonly number[], ageDays: readonly number[], level: number, w: Float64Array): number {
  const recent = z.map((_, k) => ageDays[k] <= RECENT_WINDOW_DAYS);
  const m = recent.filter(Boolean).length;
  if (m === 0 || z.length - m < MIN_OLDER_OBSERVATIONS) return level;
  const mean = z.reduce((a, x, k) => a + (recent[k] ? x : 0), 0) / m;
  const spread = w.reduce((a, wk, k) => a + ((recent[k] ? 1 / m : 0) - wk) ** 2, 0);
  const gap = mean - level;
  const noise = dayNoise(z) ** 2 * spread;
  if (gap === 0) return level;
  return level + Math.max(0, 1 - noise / (gap * gap)) * gap;
}

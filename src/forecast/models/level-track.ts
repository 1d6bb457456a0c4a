/**
 * The level of a series of deseasonalised daily log totals: an exponentially weighted mean, with a check for a
 * recent shift so that a step in level is followed within days rather than averaged away over weeks.
 */

/**
 * Shift detection: the last days must sit this many standard errors off the level before them, all on one side
 * (5: a one-off burst of a few days — a holiday's carried-over calls, a month end — is not taken for a shift).
 */
const SHIFT_Z = 5;
const SHIFT_MAX_DAYS = 10;

/**
 * The level of a deseasonalised log series: an exponentially weighted mean (half-life in observations), unless
 * the last 3–10 observations each sit more than σ to one side of the level before them and their mean more
 * than SHIFT_Z standard errors (σ from the median one-step error), in which case the level restarts at their
 * mean — a shift is followed within days instead of being averaged away over weeks.
 */
export function trackLevel(z: readonly number[], halfLife: number): { level: number; shiftDays: number } {
  const n = z.length;
  if (n === 0) return { level: 0, shiftDays: 0 };
  const alpha = 1 - 0.5 ** (1 / halfLife);
  const before: number[] = [];
  const errors: number[] = [];
  let level = z[0];
  let weight = 1;
  for (let k = 1; k < n; k++) {
    before.push(level);
    errors.push(Math.abs(z[k] - level));
    // A weighted mean while few observations are in (no over-weighting of the first one).
    weight = weight * (1 - alpha) + 1;
    level += (z[k] - level) / Math.min(weight, 1 / alpha);
  }
  if (errors.length >= 5) {
    const sigma = 1.4826 * [...errors].sort((a, b) => a - b)[Math.floor(errors.length / 2)];
    for (let m = Math.min(SHIFT_MAX_DAYS, n - 3); m >= 3; m--) {
      const ref = before[n - m - 1];
      const tail = z.slice(n - m);
      const mean = tail.reduce((a, x) => a + x, 0) / m;
      // Every day of the window past the level by a standard deviation in the shift's direction (a dip that
      // has recovered is not a shift), and their mean by SHIFT_Z standard errors.
      const side = Math.sign(mean - ref);
      const each = tail.every((x) => side * (x - ref) > sigma);
      if (each && sigma > 0 && Math.abs(mean - ref) > (SHIFT_Z * sigma) / Math.sqrt(m)) return { level: mean, shiftDays: m };
    }
  }
  return { level, shiftDays: 0 };
}

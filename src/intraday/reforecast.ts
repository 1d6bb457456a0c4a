/**
 * Reforecast of the rest of the day from what has been observed so far (intraday re-projection).
 *
 * Method (multiplicative intraday update, as WFM tools do it, damped twice and bounded):
 *   ρ  = Σ wᵢ·Aᵢ / Σ wᵢ·Fᵢ·cᵢ over the observed intervals i (actual calls Aᵢ, forecast Fᵢ, reported share cᵢ of
 *        the interval), with recency weights wᵢ = 0.5^(ageᵢ / halfLife), age in intervals before the latest one;
 *   Z  = E / (E + k), E = Σ wᵢ·Fᵢ·cᵢ (Bühlmann credibility: little observed volume moves the ratio little);
 *   r  = clamp(1 + Z·(ρ − 1), minRatio, maxRatio);
 *   remaining interval h steps after the first unobserved one: F·(1 + (r − 1)·φ^h) (the deviation fades with the
 *   horizon, like Gardner's damped trend); the interval in progress = its actual + the unreported share of F·r.
 * Observed intervals keep their actual (a gap in past data is estimated as F·r, not taken as zero). AHT stays the forecast's. All constants are options with these defaults.
 */

export interface ReforecastOptions {
  /** Intervals after which an observation's weight halves (default 4 = two hours at 30 minutes). */
  halfLifeIntervals?: number;
  /** Credibility constant k in calls (default 50). */
  credibilityCalls?: number;
  /** Bounds of the applied ratio (default 0.5 and 2). */
  minRatio?: number;
  maxRatio?: number;
  /** Per-interval fade φ of the deviation into the future (default 0.97). */
  horizonDamping?: number;
}

export interface ReforecastInput {
  forecast: readonly number[];
  /** Actual calls per interval; null = nothing reported. */
  actual: ReadonlyArray<number | null>;
  /** Share of each interval reported (0…1); an interval with actual but no share given counts as complete. */
  reported?: readonly number[];
}

export interface ReforecastResult {
  values: number[];
  /** Index of the first interval not fully observed (= values.length when the day is over). */
  firstOpen: number;
  ratio: { observed: number | null; credibility: number; applied: number; observedCalls: number; expectedCalls: number };
  options: Required<ReforecastOptions>;
  method: string;
}

export const DEFAULT_REFORECAST: Required<ReforecastOptions> = {
  halfLifeIntervals: 4, credibilityCalls: 50, minRatio: 0.5, maxRatio: 2, horizonDamping: 0.97,
};

export function describeReforecast(o: Required<ReforecastOptions>): string {
  return `reforecast = forecast × (1 + (r − 1)·${o.horizonDamping}^h) for the interval h steps ahead; `
    + `r = clamp(1 + Z·(ρ − 1), ${o.minRatio}, ${o.maxRatio}); ρ = Σw·actual / Σw·forecast over the observed intervals, `
    + `w = 0.5^(age/${o.halfLifeIntervals} intervals); Z = E/(E + ${o.credibilityCalls}) with E the weighted forecast calls observed `
    + '(credibility damping); observed intervals keep their actual; AHT from the forecast';
}

export function reforecastDay(input: ReforecastInput, options: ReforecastOptions = {}): ReforecastResult {
  const o = { ...DEFAULT_REFORECAST, ...options };
  const n = input.forecast.length;
  const share = (i: number) => (input.actual[i] === null ? 0 : Math.min(1, Math.max(0, input.reported?.[i] ?? 1)));
  let last = -1;
  for (let i = 0; i < n; i++) if (input.actual[i] !== null && share(i) > 0) last = i;

  let num = 0;
  let den = 0;
  let observedCalls = 0;
  let expectedCalls = 0;
  for (let i = 0; i <= last; i++) {
    const a = input.actual[i];
    if (a === null || share(i) === 0) continue;
    const w = 0.5 ** ((last - i) / o.halfLifeIntervals);
    num += w * a;
    den += w * input.forecast[i] * share(i);
    observedCalls += a;
    expectedCalls += input.forecast[i] * share(i);
  }
  const observed = den > 0 ? num / den : null;
  const credibility = den > 0 ? den / (den + o.credibilityCalls) : 0;
  const applied = observed === null ? 1 : Math.min(o.maxRatio, Math.max(o.minRatio, 1 + credibility * (observed - 1)));

  // The first interval not fully observed: the one in progress (partly reported) or the one after the last.
  const firstOpen = last >= 0 && share(last) < 1 ? last : last + 1;
  const values = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    // Past intervals with a gap in the data (unreported, not zero) are estimated at the full ratio.
    const factor = i < firstOpen ? applied : 1 + (applied - 1) * o.horizonDamping ** (i - firstOpen);
    values[i] = (input.actual[i] ?? 0) + input.forecast[i] * (1 - share(i)) * factor;
  }
  return {
    values, firstOpen,
    ratio: { observed, credibility, applied, observedCalls, expectedCalls },
    options: o, method: describeReforecast(o),
  };
}

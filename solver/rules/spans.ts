/**
 * Runs of equal values in a sequence (OR-Tools' shift_scheduling_sat keeps one helper for every run-length
 * rule; so do we): consecutive working days, consecutive days off, runs of night shifts.
 */

export interface Span<T> {
  value: T;
  /** Index of the first element. */
  start: number;
  length: number;
  /** The run begins at index 0 / ends at the last index: it may continue outside the horizon. */
  touchesStart: boolean;
  touchesEnd: boolean;
}

export function spans<T>(values: readonly T[]): Span<T>[] {
  const out: Span<T>[] = [];
  let i = 0;
  while (i < values.length) {
    let j = i + 1;
    while (j < values.length && values[j] === values[i]) j++;
    out.push({ value: values[i], start: i, length: j - i, touchesStart: i === 0, touchesEnd: j === values.length });
    i = j;
  }
  return out;
}

/** Runs whose value is `value`, longer than `max`: the excess of each, for "at most N in a row" rules. */
export function runsOver<T>(values: readonly T[], value: T, max: number): Array<Span<T> & { excess: number }> {
  return spans(values)
    .filter((s) => s.value === value && s.length > max)
    .map((s) => ({ ...s, excess: s.length - max }));
}

/**
 * Runs whose value is `value`, shorter than `min`: the shortfall of each, for "at least N in a row" rules.
 * Runs touching an edge of the horizon are exempt (they may continue outside it).
 */
export function runsUnder<T>(values: readonly T[], value: T, min: number): Array<Span<T> & { shortfall: number }> {
  return spans(values)
    .filter((s) => s.value === value && s.length < min && !s.touchesStart && !s.touchesEnd)
    .map((s) => ({ ...s, shortfall: min - s.length }));
}

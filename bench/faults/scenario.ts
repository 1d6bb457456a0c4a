/**
 * One row of `npm run bench:faults`: a fault or abuse scenario tried `tries` times. `survived` counts the tries
 * after which the product answered as it should and its data were whole; `lost` counts writes or jobs that were
 * accepted and then missing; `duplicated` counts what appeared twice (two rosters for one job, a quota passed);
 * `recoverMs` lists, per try, how long after the fault the product was serving again (a job resumed, a 503 turned
 * back into 2xx) where that applies.
 */
export interface FaultRow {
  scenario: string;
  tries: number;
  survived: number;
  lost: number;
  duplicated: number;
  recoverMs?: number[];
  /** what the row measured beyond the counts (peak RSS, statuses seen), in a few words. */
  note?: string;
}

/** A scenario module: bench/faults/<name>.ts exports `run` and is listed in bench/faults.ts. */
export type FaultScenario = () => Promise<FaultRow[]>;

export function medianMs(values: number[] | undefined): number | null {
  if (!values || values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

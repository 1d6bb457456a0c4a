/**
 * Applying an analyst's overrides to a forecast's points, in the order they were made. A percentage scales the
 * calls (and the band) of a queue's intervals in [from, to); a total sets their sum, spread by the forecast's own
 * intraday shape (evenly where the forecast says nothing). A point that changed keeps its computed value as
 * `original` and lists the overrides that touched it.
 */
import type { ForecastPoint } from '../formats/forecast-csv.ts';

export interface ForecastOverride {
  id: number;
  queue: string;
  fromMs: number;
  toMs: number;
  percent: number | null;
  total: number | null;
}

export type AdjustedPoint = ForecastPoint & { original?: number; overrides?: number[] };

const r2 = (x: number) => Math.round(x * 100) / 100;

export function applyOverrides(points: readonly ForecastPoint[], overrides: readonly ForecastOverride[]): AdjustedPoint[] {
  const out: AdjustedPoint[] = points.map((p) => ({ ...p }));
  for (const o of overrides) {
    const hit = out.filter((p) => p.queue === o.queue && Date.parse(p.intervalStart) >= o.fromMs && Date.parse(p.intervalStart) < o.toMs);
    if (hit.length === 0) continue;
    const sum = hit.reduce((s, p) => s + p.offered, 0);
    for (const p of hit) {
      const factor = o.percent !== null ? 1 + o.percent / 100 : sum > 0 ? o.total! / sum : null;
      const next = factor === null ? o.total! / hit.length : p.offered * factor;
      p.original ??= p.offered;
      p.overrides = [...(p.overrides ?? []), o.id];
      // The band moves with the point: scaled where a factor exists, else centred on the new value.
      if (factor !== null) {
        p.lower = r2(p.lower * factor);
        p.upper = r2(p.upper * factor);
      } else {
        p.lower = r2(next);
        p.upper = r2(next);
      }
      p.offered = r2(next);
    }
  }
  return out;
}

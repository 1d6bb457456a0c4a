/**
 * Forecast CSV (FORMATS.md "Forecast"): queue,interval_start,offered,aht_seconds,lower,upper,model.
 */
import type { Readable } from 'node:stream';
import { ValidationError, type ProblemItem } from '../errors.ts';
import { isoWithOffset } from '../time/local-day.ts';
import { csvRecords, openCsvFile, parseNumber, parseTimestamp } from './csv-records.ts';

export interface ForecastPoint {
  queue: string;
  /** ISO-8601 with offset. */
  intervalStart: string;
  offered: number;
  ahtSeconds: number;
  lower: number;
  upper: number;
  model: string;
}

export const FORECAST_COLUMNS = ['queue', 'interval_start', 'offered', 'aht_seconds', 'lower', 'upper', 'model'] as const;

const round = (x: number, digits = 3) => {
  const f = 10 ** digits;
  return String(Math.round(x * f) / f);
};

export function forecastCsv(points: readonly ForecastPoint[]): string {
  const lines = [FORECAST_COLUMNS.join(',')];
  for (const p of points) {
    lines.push([p.queue, p.intervalStart, round(p.offered), round(p.ahtSeconds, 1), round(p.lower), round(p.upper), p.model].join(','));
  }
  return lines.join('\n') + '\n';
}

export async function readForecastCsv(input: Readable, source: string, zone = 'UTC'): Promise<ForecastPoint[]> {
  const out: ForecastPoint[] = [];
  const errors: ProblemItem[] = [];
  const seen = new Set<string>();
  for await (const { line, cell } of csvRecords(input, source, ['interval_start', 'offered'])) {
    const where = (col: string) => `${source}:${line}:${col}`;
    const ts = parseTimestamp(cell('interval_start') ?? '', zone);
    if (!ts) {
      errors.push({ where: where('interval_start'), message: `"${cell('interval_start')}" is not an ISO-8601 timestamp` });
      continue;
    }
    const nums: Record<string, number> = {};
    let bad = false;
    for (const col of ['offered', 'aht_seconds', 'lower', 'upper']) {
      const text = cell(col);
      if ((text === undefined || text === '') && col !== 'offered') continue;
      const n = parseNumber(text);
      if (typeof n === 'string') {
        errors.push({ where: where(col), message: n });
        bad = true;
      } else nums[col] = n;
    }
    if (bad) continue;
    const point: ForecastPoint = {
      queue: cell('queue') || 'default',
      intervalStart: isoWithOffset(ts),
      offered: nums.offered,
      ahtSeconds: nums.aht_seconds ?? NaN,
      lower: nums.lower ?? nums.offered,
      upper: nums.upper ?? nums.offered,
      model: cell('model') || '',
    };
    const key = `${point.queue}|${ts.toMillis()}`;
    if (seen.has(key)) {
      errors.push({ where: where('interval_start'), message: `interval ${point.intervalStart} of queue "${point.queue}" appears twice` });
      continue;
    }
    seen.add(key);
    out.push(point);
    if (errors.length >= 50) break;
  }
  if (errors.length > 0) throw new ValidationError(`${source}: ${errors.length} bad row(s)`, errors);
  return out;
}

export async function readForecastFile(file: string, zone = 'UTC'): Promise<ForecastPoint[]> {
  return readForecastCsv(await openCsvFile(file), file, zone);
}

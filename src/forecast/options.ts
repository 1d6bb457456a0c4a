/**
 * Validation of forecast() options: every problem is reported at once, each with the option's name, as a
 * ValidationError (never a crash deep inside a model).
 */
import { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { zodProblems } from '../domain/center-loader.ts';
import { MODEL_NAMES } from './models/registry.ts';
import { parseSpecialDays } from './special-days.ts';
import type { ForecastOptions, SpecialDay } from './types.ts';
import { assertZone } from './zone-clock.ts';
import { INTERVALS } from './series.ts';

export const DEFAULT_BACKTEST_WEEKS = 4;
export const DEFAULT_COVERAGE = 0.8;
export const MAX_FORECAST_DAYS = 400;

const optionsSchema = z.object({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date "YYYY-MM-DD"').refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a calendar date'),
  days: z.number().int('must be a whole number').min(1).max(MAX_FORECAST_DAYS),
  intervalMinutes: z.number().refine((n) => (INTERVALS as readonly number[]).includes(n), 'must be 5, 10, 15, 30 or 60'),
  zone: z.string().min(1),
  model: z.string().default('auto').refine((m) => m === 'auto' || MODEL_NAMES.includes(m), { message: `must be "auto" or one of: ${MODEL_NAMES.join(', ')}` }),
  specialDays: z.unknown().optional(),
  defaultAhtSeconds: z.union([z.number().positive(), z.record(z.string(), z.number().positive())]).optional(),
  backtestWeeks: z.number().int().min(0).max(52).default(DEFAULT_BACKTEST_WEEKS),
  coverage: z.number().gt(0).lt(1).default(DEFAULT_COVERAGE),
  queues: z.array(z.string().min(1)).min(1).optional(),
  allModels: z.boolean().default(false),
});

export type ParsedOptions = Omit<z.infer<typeof optionsSchema>, 'specialDays'> & { specialDays: SpecialDay[] };

export function parseForecastOptions(options: ForecastOptions): ParsedOptions {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new ValidationError('invalid forecast options', zodProblems(parsed.error));
  }
  assertZone(parsed.data.zone);
  return { ...parsed.data, specialDays: parseSpecialDays(parsed.data.specialDays) };
}

export function defaultAhtFor(options: ParsedOptions, queue: string, fallback: number): number {
  const d = options.defaultAhtSeconds;
  if (typeof d === 'number') return d;
  return d?.[queue] ?? fallback;
}

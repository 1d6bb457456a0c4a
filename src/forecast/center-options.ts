/**
 * forecast() options from a center (FORMATS.md "Center"): its zone, interval, special-day calendar and each
 * inbound queue's default AHT, plus the request's own fields. What the API job and `--center` both need.
 */
import type { Center } from '../domain/center-schema.ts';
import type { ForecastOptions } from './types.ts';

export interface ForecastRequest {
  from: string;
  days: number;
  model?: string;
  queues?: readonly string[];
  backtestWeeks?: number;
  coverage?: number;
}

export function forecastOptionsForCenter(center: Center, request: ForecastRequest): ForecastOptions {
  const defaultAhtSeconds: Record<string, number> = {};
  for (const q of center.queues) if (q.kind === 'inbound') defaultAhtSeconds[q.id] = q.ahtSeconds;
  return {
    ...request,
    model: request.model ?? 'auto',
    intervalMinutes: center.intervalMinutes,
    zone: center.timezone,
    specialDays: center.specialDays,
    defaultAhtSeconds,
  };
}

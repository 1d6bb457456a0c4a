/**
 * What-if staffing for a month, before solving: the month's forecast turned into requirements and the hiring
 * plan (hiring-gap.ts) again for each value of one lever — the service-level target of the inbound queues, a
 * factor on every interval's AHT, or the share of rostered time lost to absence (shrinkage) — so a planner sees
 * how many heads a point of service level or ten seconds of AHT cost. Every other input stays as it is.
 * Pure: the API runs it in a worker thread.
 */
import type { Center } from '../domain/center-schema.ts';
import type { ForecastPoint } from '../formats/forecast-csv.ts';
import type { LeaveDay } from './agent-capacity.ts';
import { staffingPlan } from './hiring-gap.ts';
import { computeRequirements } from './requirements.ts';

export const LEVERS = ['serviceLevel', 'aht', 'absence'] as const;
export type Lever = (typeof LEVERS)[number];

/** The values tried when none are given, and the range a value may take. */
export const LEVER_DEFAULTS: Record<Lever, { values: number[]; min: number; max: number }> = {
  serviceLevel: { values: [0.7, 0.75, 0.8, 0.85, 0.9, 0.95], min: 0.05, max: 0.99 },
  aht: { values: [0.8, 0.9, 1, 1.1, 1.2], min: 0.25, max: 4 },
  absence: { values: [0.03, 0.05, 0.08, 0.1, 0.12, 0.15], min: 0, max: 0.5 },
};

export interface WhatIfInput {
  center: Center;
  month: string;
  forecast: ForecastPoint[];
  approvedLeave: LeaveDay[];
  lever: Lever;
  values: number[];
}

export interface WhatIfPoint {
  value: number;
  /** Agent-hours on the phones the requirements ask for. */
  phoneHours: number;
  /** The busiest interval's agents on the phones, summed over queues. */
  peakAgents: number;
  requiredPaidHours: number;
  availablePaidHours: number;
  gapHours: number;
  hires: number;
}

const r1 = (x: number) => Math.round(x * 10) / 10;

function variant(input: WhatIfInput, value: number): { center: Center; forecast: ForecastPoint[]; absenceRate?: number } {
  if (input.lever === 'serviceLevel') {
    const queues = input.center.queues.map((q) => (q.kind === 'inbound' ? { ...q, serviceLevel: { ...q.serviceLevel, target: value } } : q));
    return { center: { ...input.center, queues } as Center, forecast: input.forecast };
  }
  if (input.lever === 'aht') return { center: input.center, forecast: input.forecast.map((p) => ({ ...p, ahtSeconds: p.ahtSeconds * value })) };
  return { center: input.center, forecast: input.forecast, absenceRate: value };
}

export function whatIf(input: WhatIfInput): { lever: Lever; month: string; points: WhatIfPoint[] } {
  const hours = input.center.intervalMinutes / 60;
  const points = input.values.map((value) => {
    const v = variant(input, value);
    const req = computeRequirements(v.forecast, v.center);
    const plan = staffingPlan({ center: v.center, month: input.month, requirements: req.points, approvedLeave: input.approvedLeave, assumptions: v.absenceRate === undefined ? {} : { absenceRate: v.absenceRate } });
    const perInterval = new Map<string, number>();
    for (const p of req.points) perInterval.set(p.interval_start, (perInterval.get(p.interval_start) ?? 0) + p.required);
    const sum = (f: (q: (typeof plan.queues)[number]) => number) => r1(plan.queues.reduce((s, q) => s + f(q), 0));
    return {
      value, phoneHours: r1(req.points.reduce((s, p) => s + p.required * hours, 0)), peakAgents: Math.max(0, ...perInterval.values()),
      requiredPaidHours: sum((q) => q.requiredPaidHours), availablePaidHours: sum((q) => q.availablePaidHours), gapHours: sum((q) => q.gapHours), hires: plan.totalHires,
    };
  });
  return { lever: input.lever, month: input.month, points };
}

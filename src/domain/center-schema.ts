/**
 * The center file (FORMATS.md "Center"): zod schemas for its shape. Cross-references (teams, leads,
 * supervisors, skills) are checked in center-loader.ts, which reports every problem with its JSON path.
 */
import { z } from 'zod';
import { rulesSchema } from './rules.ts';
import { activitySchema } from './activity-schema.ts';

export const ROLES = ['agent', 'lead', 'supervisor', 'manager', 'director'] as const;
export type Role = (typeof ROLES)[number];

export const TIERS = ['intern', 'C', 'B', 'A'] as const;
export type Tier = (typeof TIERS)[number];

/** "HH:MM", 00:00–24:00. */
export const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected a time "HH:MM" between 00:00 and 24:00');

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date "YYYY-MM-DD"');

const id = z.string().min(1, 'must not be empty').max(64);
const isoWeekday = z.number().int().min(1).max(7);

export const openingSchema = z.object({
  days: z.array(isoWeekday).min(1),
  from: clockTime,
  to: clockTime,
});

const serviceLevelSchema = z.object({
  target: z.number().gt(0).lt(1),
  seconds: z.number().int().min(0),
});

export const inboundQueueSchema = z.object({
  id,
  kind: z.literal('inbound'),
  name: z.string().optional(),
  serviceLevel: serviceLevelSchema.default({ target: 0.8, seconds: 20 }),
  maxOccupancy: z.number().gt(0).max(1).optional(),
  /** Erlang A: mean caller patience; absent = Erlang C (callers never abandon). */
  patienceSeconds: z.number().positive().optional(),
  /** Average handle time used when the history has none. */
  ahtSeconds: z.number().positive().default(180),
  /** Erlang A: highest acceptable share of callers abandoning. */
  maxAbandonRate: z.number().gt(0).lt(1).optional(),
});

export const callsPerHourSchema = z.object({
  intern: z.number().positive().default(11),
  C: z.number().positive().default(13),
  B: z.number().positive().default(15),
  A: z.number().positive().default(17),
});

export const outboundQueueSchema = z.object({
  id,
  kind: z.literal('outbound'),
  name: z.string().optional(),
  /** T1: calls per hour by tier. */
  callsPerHour: callsPerHourSchema.prefault({}),
});

export const queueSchema = z.discriminatedUnion('kind', [inboundQueueSchema, outboundQueueSchema]);

export const mealSchema = z.object({
  minutes: z.number().int().positive(),
  from: clockTime,
  to: clockTime,
});

export const shiftTemplateSchema = z.object({
  id,
  name: z.string().optional(),
  /** A fixed start, or a window [earliest, latest] in which the solver picks the start (step = interval). */
  start: z.union([clockTime, z.tuple([clockTime, clockTime])]),
  minutes: z.number().int().positive(),
  meal: mealSchema.optional(),
  /** R4: a floating shift's start is placed per day by the day's forecast. */
  floating: z.boolean().default(false),
  /** ISO weekdays the template may be used on; absent = every open day. */
  days: z.array(isoWeekday).min(1).optional(),
  /** Templates that may not be worked the day after this one (forbidden successions). */
  cannotBeFollowedBy: z.array(id).default([]),
});

export const teamSchema = z.object({
  id,
  name: z.string().optional(),
  queue: id,
  lead: id,
  supervisor: id,
});

export const contractSchema = z.object({
  minDays: z.number().int().min(0).default(0),
  maxDays: z.number().int().min(0).default(31),
  maxConsecutiveDays: z.number().int().min(1).optional(),
  minRestHours: z.number().min(0).optional(),
  /** Shortest run of consecutive working days (runs touching the month's edges are exempt). */
  minConsecutiveDays: z.number().int().min(1).optional(),
  /** Shortest run of consecutive days off (runs touching the month's edges are exempt). */
  minConsecutiveDaysOff: z.number().int().min(1).optional(),
  /** Most weekends (Saturday or Sunday worked) in the month. */
  maxWorkingWeekends: z.number().int().min(0).optional(),
  /** Paid minutes in the month. */
  minMinutes: z.number().int().min(0).optional(),
  maxMinutes: z.number().int().min(0).optional(),
  /** Most shifts of each template in the month, by template id. */
  maxShiftsPerTemplate: z.record(z.string(), z.number().int().min(0)).optional(),
  /** Templates this agent may work; absent = all. */
  templates: z.array(id).optional(),
});

export const unavailableSchema = z.object({
  date: isoDate,
  reason: z.string().default('unavailable'),
});

export const preferenceSchema = z.object({
  date: isoDate,
  /** A template id the agent would like to work that day, or "off". */
  want: z.string().optional(),
  /** A template id (or "any") the agent would rather not work that day. */
  avoid: z.string().optional(),
  weight: z.number().positive().default(1),
});

export const agentSchema = z.object({
  id,
  name: z.string().default(''),
  team: id.optional(),
  role: z.enum(ROLES).default('agent'),
  skills: z.array(id).default([]),
  tier: z.enum(TIERS).optional(),
  contract: contractSchema.prefault({}),
  unavailable: z.array(unavailableSchema).default([]),
  /** L10: new-hire training periods (no leave, not on the phones). */
  training: z.array(z.object({ from: isoDate, to: isoDate })).default([]),
  preferences: z.array(preferenceSchema).default([]),
  hireDate: isoDate.optional(),
});

export const specialDaySchema = z.object({
  date: isoDate,
  kind: z.enum(['holiday', 'campaign']),
  name: z.string().default(''),
  /** Closed all day (no traffic, no roster). */
  closed: z.boolean().default(false),
  /** Forecast = normal × multiplier, or like a given past day. */
  multiplier: z.number().positive().optional(),
  likeDate: isoDate.optional(),
});

export const centerSchema = z.object({
  id: id.optional(),
  name: z.string().min(1),
  timezone: z.string().min(1),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
  intervalMinutes: z.union([z.literal(5), z.literal(10), z.literal(15), z.literal(30), z.literal(60)]).default(30),
  open: z.array(openingSchema).min(1),
  queues: z.array(queueSchema).min(1),
  shiftTemplates: z.array(shiftTemplateSchema).min(1),
  teams: z.array(teamSchema).default([]),
  agents: z.array(agentSchema).default([]),
  rules: rulesSchema,
  /** R12: staff bus departures ("HH:MM"); shift ends are placed 10–15 min before one. */
  busDepartures: z.array(clockTime).default([]),
  specialDays: z.array(specialDaySchema).default([]),
  /** TR1–TR4: exams, training and meetings the roster places off the phones (activity-schema.ts). */
  activities: z.array(activitySchema).default([]),
});

export type CenterInput = z.input<typeof centerSchema>;
export type Center = z.infer<typeof centerSchema> & { id: string };
export type Queue = z.infer<typeof queueSchema>;
export type InboundQueue = z.infer<typeof inboundQueueSchema>;
export type OutboundQueue = z.infer<typeof outboundQueueSchema>;
export type ShiftTemplate = z.infer<typeof shiftTemplateSchema>;
export type Team = z.infer<typeof teamSchema>;
export type Agent = z.infer<typeof agentSchema>;
export type Contract = z.infer<typeof contractSchema>;
export type Opening = z.infer<typeof openingSchema>;
export type SpecialDay = z.infer<typeof specialDaySchema>;

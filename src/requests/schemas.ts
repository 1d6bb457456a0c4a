/**
 * Request bodies as the API accepts them (zod). Only what the caller may say: kind and its details. Fields
 * such as status, approvedBy or route are not part of any schema, so they are dropped before a service sees
 * the body.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { clockTime, isoDate } from '../domain/center-schema.ts';
import { LEAVE_TYPES, REQUEST_KINDS, REQUEST_STATUSES } from './types.ts';

const agentId = z.string().min(1).max(64);
/** "YYYY-MM-DD" that is a real calendar day (not 2026-02-30). */
const day = isoDate.refine((d) => DateTime.fromISO(d, { zone: 'UTC' }).isValid, 'not a calendar date');

export const leaveBody = z.object({
  kind: z.literal('leave'),
  type: z.enum(LEAVE_TYPES),
  from: day,
  to: day,
  reason: z.string().trim().min(1, 'give a reason').max(1000),
  /** "form" or "phone"; anything else (a text message) is refused by L6 with the channel named. */
  channel: z.string().max(40).optional(),
  /** The agent the leave is for, when a lead or supervisor records sick leave for their team member (L6). */
  agent: agentId.optional(),
});

export const selfSwapBody = z.object({
  kind: z.literal('swap'),
  mode: z.literal('self'),
  date: day,
  toDate: day.optional(),
  toShift: z.string().min(1).max(64).optional(),
  toStart: clockTime.optional(),
});

export const peerSwapBody = z.object({
  kind: z.literal('swap'),
  mode: z.literal('peer'),
  with: agentId,
  date: day,
});

export const restDayBody = z.object({
  kind: z.literal('rest-day'),
  from: day,
  to: day,
});

export const swapBody = z.discriminatedUnion('mode', [selfSwapBody, peerSwapBody]);

/** POST /api/requests. */
export const requestBody = z.discriminatedUnion('kind', [leaveBody, swapBody, restDayBody]);

export type LeaveBody = z.infer<typeof leaveBody>;
export type SwapBody = z.infer<typeof swapBody>;
export type RestDayBody = z.infer<typeof restDayBody>;
export type RequestBody = z.infer<typeof requestBody>;

/** GET /api/requests. */
export const listQuery = z.object({
  status: z.enum(REQUEST_STATUSES).optional(),
  kind: z.enum(REQUEST_KINDS).optional(),
  /** "true": only requests the caller filed, is the subject of, or is the swap peer of. */
  mine: z.enum(['true', 'false']).optional(),
  team: z.string().min(1).max(64).optional(),
  /** Admins (no center of their own) name the center. */
  center: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const idParams = z.object({ id: z.coerce.number().int().positive() });

/** POST /api/requests/:id/reject|cancel. */
export const noteBody = z.object({ reason: z.string().trim().max(1000).optional() }).default({});

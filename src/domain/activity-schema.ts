/**
 * Off-phone activities of a center (FORMATS.md "Center" `activities`, MANUAL TR1–TR4): exams, in-seat training,
 * meetings, coaching. Each attendee gets `perPerson` of them, wholly inside one of their shifts, on a day of the
 * month in `days` (clipped to the month's length), inside the local `hours` when given, with at most
 * `maxTogether` attendees in it at any minute when given. Cross-references are checked in activity-checks.ts.
 */
import { z } from 'zod';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected a time "HH:MM" between 00:00 and 24:00');
const dayOfMonth = z.number().int().min(1).max(31);

export const activityAttendeesSchema = z.union([
  z.object({ role: z.enum(['agent', 'lead', 'supervisor', 'manager', 'director']) }).strict(),
  z.object({ team: z.string().min(1) }).strict(),
  z.object({ agents: z.array(z.string().min(1)).min(1) }).strict(),
], { error: 'expected { "role": R }, { "team": T } or { "agents": [ids] }' });

export const activitySchema = z.object({
  id: z.string().min(1, 'must not be empty').max(64),
  name: z.string().optional(),
  /** The manual's rule the activity serves ("TR2"). */
  rule: z.string().min(1).max(16),
  minutes: z.number().int().min(5).max(600),
  attendees: activityAttendeesSchema,
  days: z.object({ from: dayOfMonth, to: dayOfMonth }),
  hours: z.object({ from: clock, to: clock }).optional(),
  maxTogether: z.number().int().min(1).optional(),
  perPerson: z.number().int().min(1).max(31).default(1),
});

export type ActivityDefinition = z.infer<typeof activitySchema>;
export type ActivityAttendees = z.infer<typeof activityAttendeesSchema>;

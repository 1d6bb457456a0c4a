/**
 * Reading a roster file (FORMATS.md "Roster"): the shape checked by zod, every problem reported with its JSON
 * path ("roster.json: $.assignments[12].start: …"). Extra fields are allowed and kept out.
 */
import { readJsonFile } from '../src/formats/json-file.ts';
import { z } from 'zod';
import { zodProblems } from '../src/domain/center-loader.ts';
import { ValidationError } from '../src/errors.ts';
import type { Roster } from './roster.ts';

const instant = z.string().refine((s) => /T\d{2}:\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), 'expected an ISO-8601 date-time with offset');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date "YYYY-MM-DD"');

const breakSchema = z.object({ start: instant, minutes: z.number().positive(), kind: z.enum(['break', 'meal']) });
const activitySchema = z.object({ start: instant, minutes: z.number().int().positive(), activity: z.string().min(1) });
const assignmentSchema = z.object({
  agent: z.string().min(1),
  date,
  shift: z.string().min(1),
  queue: z.string(),
  start: instant,
  end: instant,
  breaks: z.array(breakSchema).default([]),
  activities: z.array(activitySchema).optional(),
  planned: z.object({ start: instant, end: instant }).optional(),
  kind: z.enum(['regular', 'overtime']).optional(),
  report: instant.optional(),
});
const coverageSchema = z.object({ queue: z.string(), interval_start: instant, required: z.number(), scheduled: z.number() });
export const rosterSchema = z.object({
  center: z.string(),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month "YYYY-MM"'),
  assignments: z.array(assignmentSchema),
  coverage: z.array(coverageSchema).default([]),
  score: z.object({ hard: z.number(), understaffed: z.number(), overstaffed: z.number(), soft: z.number() }).default({ hard: 0, understaffed: 0, overstaffed: 0, soft: 0 }),
  violations: z.array(z.any()).default([]),
});

export function parseRoster(input: unknown, source = 'roster'): Roster {
  const result = rosterSchema.safeParse(input);
  if (!result.success) {
    const errors = zodProblems(result.error);
    throw new ValidationError(`${source}: ${errors.length} problem(s) in the roster file`, errors.map((e) => ({ ...e, where: `${source}: ${e.where}` })));
  }
  return result.data as Roster;
}

export async function loadRosterFile(file: string): Promise<Roster> {
  return parseRoster(await readJsonFile(file), file);
}

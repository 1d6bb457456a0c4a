/**
 * The assumptions of the headcount plan (MANUAL R2), each a named parameter with the manual rule it reads and
 * its default. Where the manual gives a number it comes from the center's `rules` (src/domain/rules.ts); where
 * it names an activity without a length (exam, in-seat training, post-shift meeting) the default is stated here
 * and every plan prints the values it used.
 */
import { z } from 'zod';
import { TIERS, type Center, type Tier } from '../domain/center-schema.ts';
import { zodProblems } from '../domain/center-loader.ts';
import { ValidationError } from '../errors.ts';
import { PHONE_ROLES } from './outbound.ts';

const hours = z.number().min(0).max(24 * 31);

export const headcountAssumptionsSchema = z.object({
  /** Shift template used to turn phone hours into shifts (default: the longest template). */
  shiftTemplate: z.string().optional(),
  /** R10/TR4: paid pre-shift briefing per shift, minutes (default the center's rules.reportBeforeMinutes.agent, 10). */
  briefingMinutesPerShift: z.number().min(0).max(120).optional(),
  /** TR4: paid post-shift meeting per shift, minutes (the manual gives no length). */
  debriefMinutesPerShift: z.number().min(0).max(120).default(0),
  /** TR2: the monthly exam (written, oral, hands-on) before the 25th, hours per agent. */
  monthlyExamHoursPerAgent: hours.default(1),
  /** TR2: in-seat training on the 30th, hours per agent. */
  inSeatTrainingHoursPerAgent: hours.default(2),
  /** TR3: the quarterly outward-bound day, hours per agent; set it (e.g. 8) for the month that holds it. */
  outwardBoundHoursPerAgent: hours.default(0),
  /** TR1: days of this month a new hire spends in new-hire training (09:00–12:00, 13:00–17:30) instead of on the phones. */
  newHireTrainingDays: z.number().int().min(0).max(31).default(0),
  /** L9: share of rostered time lost to unplanned absence (default 1 − the attendance floor, 5%). */
  absenceRate: z.number().min(0).lt(1).optional(),
  /** T1: new agents start as interns. */
  newHireTier: z.enum(TIERS).default('intern'),
  /** Days a new hire works in the month (default: the median contract days of the queue's current agents). */
  newHireDays: z.number().int().min(1).max(31).optional(),
  /** Roles whose hours count as phone capacity. */
  phoneRoles: z.array(z.enum(['agent', 'lead', 'supervisor', 'manager', 'director'])).min(1).default([...PHONE_ROLES]),
});

export type HeadcountAssumptionsInput = z.input<typeof headcountAssumptionsSchema>;

export interface HeadcountAssumptions {
  shiftTemplate: string;
  hourlyBreakMinutes: number;
  mealAfterShiftMinutes: number;
  defaultMealMinutes: number;
  briefingMinutesPerShift: number;
  debriefMinutesPerShift: number;
  monthlyExamHoursPerAgent: number;
  inSeatTrainingHoursPerAgent: number;
  outwardBoundHoursPerAgent: number;
  newHireTrainingDays: number;
  absenceRate: number;
  newHireTier: Tier;
  newHireDays: number | null;
  phoneRoles: string[];
}

export interface AssumptionLine {
  name: keyof HeadcountAssumptions;
  value: number | string | string[] | null;
  rule: string | null;
  meaning: string;
}

/** Resolves the defaults against the center (its rules and templates); bad input → ValidationError. */
export function resolveAssumptions(center: Center, input: HeadcountAssumptionsInput = {}): HeadcountAssumptions {
  const parsed = headcountAssumptionsSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError('invalid staffing-plan assumptions', zodProblems(parsed.error, ['assumptions']));
  const a = parsed.data;
  if (a.shiftTemplate !== undefined && !center.shiftTemplates.some((t) => t.id === a.shiftTemplate)) {
    throw new ValidationError('invalid staffing-plan assumptions', [
      { where: '$.assumptions.shiftTemplate', message: `unknown shift template "${a.shiftTemplate}"` },
    ]);
  }
  const longest = center.shiftTemplates.reduce((best, t) => (t.minutes > best.minutes ? t : best), center.shiftTemplates[0]);
  return {
    shiftTemplate: a.shiftTemplate ?? longest.id,
    hourlyBreakMinutes: center.rules.hourlyBreakMinutes,
    mealAfterShiftMinutes: center.rules.mealAfterShiftMinutes,
    defaultMealMinutes: center.rules.defaultMealMinutes,
    briefingMinutesPerShift: a.briefingMinutesPerShift ?? center.rules.reportBeforeMinutes.agent,
    debriefMinutesPerShift: a.debriefMinutesPerShift,
    monthlyExamHoursPerAgent: a.monthlyExamHoursPerAgent,
    inSeatTrainingHoursPerAgent: a.inSeatTrainingHoursPerAgent,
    outwardBoundHoursPerAgent: a.outwardBoundHoursPerAgent,
    newHireTrainingDays: a.newHireTrainingDays,
    absenceRate: a.absenceRate ?? 1 - center.rules.attendanceFloor,
    newHireTier: a.newHireTier,
    newHireDays: a.newHireDays ?? null,
    phoneRoles: a.phoneRoles,
  };
}

const RULES: Record<keyof HeadcountAssumptions, [string | null, string]> = {
  shiftTemplate: [null, 'shift template that turns phone hours into shifts'],
  hourlyBreakMinutes: ['R7', 'break minutes inside each full worked hour'],
  mealAfterShiftMinutes: ['R8', 'shifts longer than this (minutes) carry a meal'],
  defaultMealMinutes: ['R8', 'meal minutes when the template gives none'],
  briefingMinutesPerShift: ['R10/TR4', 'paid pre-shift briefing per shift, minutes'],
  debriefMinutesPerShift: ['TR4', 'paid post-shift meeting per shift, minutes'],
  monthlyExamHoursPerAgent: ['TR2', 'monthly exam, hours per agent'],
  inSeatTrainingHoursPerAgent: ['TR2', 'in-seat training on the 30th, hours per agent'],
  outwardBoundHoursPerAgent: ['TR3', 'quarterly outward-bound training, hours per agent this month'],
  newHireTrainingDays: ['TR1', 'days of the month a new hire spends in new-hire training'],
  absenceRate: ['L9', 'unplanned absence allowed by the attendance floor (1 − floor)'],
  newHireTier: ['T1', 'tier new agents start at (sets outbound productivity)'],
  newHireDays: [null, 'days a new hire works in the month (null = median of the queue’s agents)'],
  phoneRoles: ['R11', 'roles whose hours count as phone capacity (supervisors stay on the floor)'],
};

export function describeAssumptions(a: HeadcountAssumptions): AssumptionLine[] {
  return (Object.keys(RULES) as Array<keyof HeadcountAssumptions>).map((name) => ({
    name,
    value: a[name],
    rule: RULES[name][0],
    meaning: RULES[name][1],
  }));
}

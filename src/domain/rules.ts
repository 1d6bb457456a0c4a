/**
 * The center's rule settings. Every number the operations manual states (MANUAL.md) is a named setting here,
 * with the manual's value as default, so a center can tune its reading without code changes.
 */
import { z } from 'zod';

const minutes = z.number().int().min(0);

export const rulesSchema = z
  .object({
    /** R7: one break of this length inside each full working hour. */
    hourlyBreakMinutes: minutes.default(5),
    /** R9: no break or meal starts within this many minutes of the shift start. */
    noBreakFirstMinutes: minutes.default(30),
    /** R8: shifts longer than this carry a meal. */
    mealAfterShiftMinutes: minutes.default(360),
    /** R8: meal length when the template does not give one. */
    defaultMealMinutes: minutes.default(60),
    /** R6: swap quotas per agent per calendar month. */
    swapQuota: z.object({ self: z.number().int().min(0).default(1), peer: z.number().int().min(0).default(2) }).prefault({}),
    /** R5: rest-day adjustments per agent per calendar month. */
    restDayAdjustments: z.number().int().min(0).default(2),
    /** L7: people on leave per duty supervisor per day at the normal approval level. */
    leavePerSupervisorPerDay: z.number().int().min(0).default(1),
    /** L9: planned and actual attendance floor per team and month. */
    attendanceFloor: z.number().min(0).max(1).default(0.95),
    /** L8: more than this many people on long leave locks the operations manager out of approving. */
    longLeaveLock: z.number().int().min(0).default(11),
    /** L3/L4: leave of at least this many days is "long leave". */
    longLeaveMinDays: z.number().int().min(1).default(3),
    /** L1: the most days of leave a team lead may grant. */
    leadGrantsLeaveDays: z.number().int().min(0).default(1),
    /** L5: personal leave (事假) up to this many days is signed by the supervisor, up to the next by the manager. */
    personalLeaveSupervisorDays: z.number().int().min(0).default(1),
    personalLeaveManagerDays: z.number().int().min(0).default(3),
    /** L2: a team lead's own leave up to this many days is approved by the supervisor, up to the next by the manager. */
    leadOwnLeaveSupervisorDays: z.number().int().min(0).default(1),
    leadOwnLeaveManagerDays: z.number().int().min(0).default(2),
    /** R10: report (briefing) time before the shift start, per role. */
    reportBeforeMinutes: z
      .object({
        agent: minutes.default(10),
        lead: minutes.default(20),
        supervisor: minutes.default(30),
        manager: minutes.default(30),
        director: minutes.default(30),
      })
      .prefault({}),
    /** R10: signing in within this many minutes of the start is on time. */
    signInGraceMinutes: minutes.default(3),
    /** A1: lateness beyond these many minutes counts as half a day / a full day of absence. */
    lateHalfDayMinutes: minutes.default(15),
    lateFullDayMinutes: minutes.default(30),
    /** A2: early leave from this many minutes counts; from these, half a day / a full day of absence. */
    earlyLeaveMinMinutes: minutes.default(5),
    earlyLeaveHalfDayMinutes: minutes.default(15),
    earlyLeaveFullDayMinutes: minutes.default(30),
    /** A3: this many lates or early leaves in a month withhold the month's performance bonus. */
    bonusWithheldAfterIncidents: z.number().int().min(1).default(3),
    /** A4/A5: this many consecutive days of absence are treated as resignation. */
    resignationConsecutiveAbsences: z.number().int().min(1).default(3),
    /** R12: shift ends are placed this many minutes before a bus departure (range). */
    busLeadMinutes: z.tuple([minutes, minutes]).default([10, 15]),
    /** O1: monthly overtime cap per agent, hours (PRC Labour Law art. 41: at most 36 h a month). */
    monthlyOvertimeCapHours: z.number().min(0).default(36),
    /** Contract defaults used when an agent's contract leaves them out. */
    defaultMinRestHours: z.number().min(0).default(11),
    defaultMaxConsecutiveDays: z.number().int().min(1).default(6),
  })
  .prefault({});

export type Rules = z.infer<typeof rulesSchema>;

/** The manual's defaults, for code that needs rules without a center (tests, benchmarks). */
export function defaultRules(): Rules {
  return rulesSchema.parse({});
}

/**
 * One agent's rostered day judged by the attendance rules (MANUAL A1, A2, A5, R10), with the center's settings:
 *
 * - A1 late: signed in more than signInGraceMinutes (R10: 3) after the start. More than lateHalfDayMinutes (15)
 *   late = half a day of absence; more than lateFullDayMinutes (30) = a full day ("超過" = strictly more than).
 *   A lead's excuse for the day (bad weather, force majeure) clears the lateness. No sign-in at all once the
 *   start is more than 30 minutes past = a full day of absence (A4).
 * - A2 early leave: signed out earlyLeaveMinMinutes (5) or more before the end; earlyLeaveHalfDayMinutes (15) or
 *   more = half a day of absence; earlyLeaveFullDayMinutes (30) or more = a full day ("提前…15分鐘" = at least).
 * - A5 left the post without approval (a lead's "left-post" record) = the day is a full day of absence.
 * Absence of a day is capped at one day. A late or early leave that already counts as absence is not also
 * counted as an A3 incident (each lapse has one consequence). Minutes are exact (fractions of a minute count).
 */
import type { Rules } from '../domain/rules.ts';

export type DayStatus = 'present' | 'late' | 'early-leave' | 'absent' | 'leave' | 'pending';

export interface DayEvents {
  signIns: number[];
  signOuts: number[];
  excuse?: { reason: string; by: number | null };
  leftPost?: { reason: string | null; by: number | null };
}

export interface DayInput {
  agent: string;
  date: string;
  startMs: number;
  endMs: number;
  events: DayEvents;
  asOfMs: number;
}

export interface DayRecord {
  agent: string;
  date: string;
  shiftStart: string | null;
  shiftEnd: string | null;
  signIn: string | null;
  signOut: string | null;
  /** Minutes after the start of the first sign-in (negative = early; null = none). */
  lateMinutes: number | null;
  /** Minutes before the end of the last sign-out (negative = stayed later; null = none). */
  earlyMinutes: number | null;
  /** A3 incidents of the day: a late (A1) and/or an early leave (A2) that did not become absence. */
  late: boolean;
  earlyLeave: boolean;
  /** Days of absence (0, 0.5 or 1) and the rules that made them. */
  absenceDays: number;
  rules: string[];
  excused: { reason: string; by: number | null } | null;
  /** Share of the day attended for L9 (1 − absence; 0 on leave). null while pending or on leave. */
  attended: number | null;
  status: DayStatus;
  notes: string[];
  /** Voluntary time off accepted for the day (approved: the roster's shift is already the shorter one). */
  vto?: { start: string; end: string; minutes: number; offer: number };
}

type AttendanceRules = Pick<Rules, 'signInGraceMinutes' | 'lateHalfDayMinutes' | 'lateFullDayMinutes' | 'earlyLeaveMinMinutes' | 'earlyLeaveHalfDayMinutes' | 'earlyLeaveFullDayMinutes'>;

const minutes = (ms: number) => Math.round((ms / 60_000) * 1000) / 1000;

export function classifyDay(input: DayInput, rules: AttendanceRules, render: (ms: number) => string): DayRecord {
  const { startMs, endMs, events, asOfMs } = input;
  const signIn = events.signIns.length > 0 ? Math.min(...events.signIns) : null;
  const signOut = events.signOuts.length > 0 ? Math.max(...events.signOuts) : null;
  const rec: DayRecord = {
    agent: input.agent, date: input.date, shiftStart: render(startMs), shiftEnd: render(endMs),
    signIn: signIn === null ? null : render(signIn), signOut: signOut === null ? null : render(signOut),
    lateMinutes: signIn === null ? null : minutes(signIn - startMs), earlyMinutes: signOut === null ? null : minutes(endMs - signOut),
    late: false, earlyLeave: false, absenceDays: 0, rules: [], excused: events.excuse ?? null, attended: null, status: 'present', notes: [],
  };
  if (events.leftPost) {
    rec.absenceDays = 1;
    rec.rules.push('A5');
    rec.notes.push(`left the post without approval${events.leftPost.reason ? `: ${events.leftPost.reason}` : ''} (A5: a day of absence)`);
  }
  if (signIn === null) {
    if (rec.absenceDays < 1 && asOfMs <= startMs + rules.lateFullDayMinutes * 60_000) {
      rec.status = 'pending';
      rec.notes.push('not signed in yet');
      return rec;
    }
    if (rec.absenceDays < 1) {
      rec.absenceDays = 1;
      rec.rules.push('A4');
      rec.notes.push('no sign-in: absence without leave (A4)');
    }
  } else {
    const late = (signIn - startMs) / 60_000;
    if (late > rules.signInGraceMinutes) {
      if (events.excuse) rec.notes.push(`late ${minutes(late)} min, excused: ${events.excuse.reason}`);
      else if (late > rules.lateFullDayMinutes) {
        rec.absenceDays = 1;
        rec.rules.push('A1');
        rec.notes.push(`late ${minutes(late)} min > ${rules.lateFullDayMinutes}: a day of absence (A1)`);
      } else if (late > rules.lateHalfDayMinutes) {
        rec.absenceDays = Math.max(rec.absenceDays, 0.5);
        rec.rules.push('A1');
        rec.notes.push(`late ${minutes(late)} min > ${rules.lateHalfDayMinutes}: half a day of absence (A1)`);
      } else {
        rec.late = true;
        rec.rules.push('A1');
        rec.notes.push(`late ${minutes(late)} min (A1)`);
      }
    }
    if (signOut === null || signOut < signIn) {
      if (asOfMs < endMs) {
        if (rec.absenceDays < 1) rec.status = 'pending';
        rec.notes.push('on shift: not signed out yet');
      } else rec.notes.push('no sign-out recorded');
    } else {
      const early = (endMs - signOut) / 60_000;
      let half = 0;
      if (early >= rules.earlyLeaveFullDayMinutes) half = 1;
      else if (early >= rules.earlyLeaveHalfDayMinutes) half = 0.5;
      else if (early >= rules.earlyLeaveMinMinutes) {
        rec.earlyLeave = true;
        rec.rules.push('A2');
        rec.notes.push(`left ${minutes(early)} min early (A2)`);
      }
      if (half > 0) {
        rec.absenceDays = Math.min(1, rec.absenceDays + half);
        rec.rules.push('A2');
        rec.notes.push(`left ${minutes(early)} min early ≥ ${half === 1 ? rules.earlyLeaveFullDayMinutes : rules.earlyLeaveHalfDayMinutes}: ${half === 1 ? 'a day' : 'half a day'} of absence (A2)`);
      }
    }
  }
  if (rec.status !== 'pending') {
    const lateBeyondGrace = rec.lateMinutes !== null && rec.lateMinutes > rules.signInGraceMinutes && !events.excuse;
    const earlyBeyondMin = rec.earlyMinutes !== null && rec.earlyMinutes >= rules.earlyLeaveMinMinutes;
    rec.status = rec.absenceDays >= 1 ? 'absent' : lateBeyondGrace ? 'late' : earlyBeyondMin ? 'early-leave' : 'present';
    rec.attended = 1 - rec.absenceDays;
  }
  rec.rules = [...new Set(rec.rules)];
  return rec;
}

/** A day of approved leave: not attended, not absent (unless L6 papers never came, see the service). */
export function leaveDay(agent: string, date: string, type: string, shift: { startMs: number; endMs: number } | null, render: (ms: number) => string): DayRecord {
  return {
    agent, date, shiftStart: shift ? render(shift.startMs) : null, shiftEnd: shift ? render(shift.endMs) : null, signIn: null, signOut: null,
    lateMinutes: null, earlyMinutes: null, late: false, earlyLeave: false, absenceDays: 0, rules: [], excused: null, attended: 0, status: 'leave',
    notes: [`approved leave (${type})`],
  };
}

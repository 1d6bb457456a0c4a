/**
 * One person's line of the month, priced the way the rulebook prices it: hard contract rules (C1 rest, C2
 * consecutive days, C3 day bounds, C4–C9 when the contract sets them) in natural units, and the person-level
 * soft rules (Q5 stable start times, Q6 preferences), and a shift to hold each activity the person attends. A move changes one or two lines, so the local search
 * re-prices just those (O(days) each). The counts fairness needs (weekend days, late shifts) come out too.
 */
import type { SolverModel } from '../model/build-model.ts';
import type { Person } from '../model/people.ts';
import { isLateEnd, localClock } from '../rules/shift-facts.ts';
import { startRange } from '../activities/activity-window.ts';

export interface DayWork {
  startMs: number;
  endMs: number;
  /** Template index (-1 when a pinned shift names an unknown template). */
  template: number;
  startClock: number;
  minutes: number;
  floating: boolean;
  late: boolean;
}

export interface LineCost {
  /** Σ hard penalties in natural units (days, shifts, hours of rest). */
  hard: number;
  /** Weighted soft penalties (Q5, Q6). */
  soft: number;
  worked: number;
  weekendDays: number;
  lates: number;
}

export function dayWorkOf(model: SolverModel, startMs: number, endMs: number, templateId: string): DayWork {
  const template = model.center.shiftTemplates.findIndex((t) => t.id === templateId);
  const t = model.center.shiftTemplates[template];
  return {
    startMs,
    endMs,
    template,
    startClock: localClock(model.horizon.zone, startMs),
    minutes: Math.round((endMs - startMs) / 60_000),
    floating: t?.floating ?? false,
    late: isLateEnd(model.horizon.zone, startMs, endMs),
  };
}

/** Weekend key of a day (the Saturday's day index, possibly -1 for a Sunday on the 1st), or undefined. */
function weekendOf(model: SolverModel, d: number): number | undefined {
  const wd = model.horizon.weekdays[d];
  return wd === 6 ? d : wd === 7 ? d - 1 : undefined;
}

export function lineCost(model: SolverModel, p: Person, line: readonly (DayWork | null)[]): LineCost {
  const c = p.agent.contract;
  const days = line.length;
  let hard = 0;
  let soft = 0;
  let worked = 0;
  let weekendDays = 0;
  let lates = 0;
  let minutes = 0;
  const countTemplates = c.maxShiftsPerTemplate !== undefined;
  const countWeekends = c.maxWorkingWeekends !== undefined;
  const perTemplate = countTemplates ? new Map<number, number>() : undefined;
  const weekends = countWeekends ? new Set<number>() : undefined;
  const forbidden = model.center.shiftTemplates.some((t) => t.cannotBeFollowedBy.length > 0);
  let run = p.previousRun;
  let prevEnd = p.previousEndMs;
  let prevTemplate = p.previousTemplate;
  let lastStartInWeek: number | undefined;
  const templates = model.center.shiftTemplates;
  for (let d = 0; d < days; d++) {
    const w = line[d];
    if (model.horizon.weekdays[d] === 1) lastStartInWeek = undefined;
    if (!w) {
      if (run > p.maxConsecutive) hard += run - p.maxConsecutive;
      run = 0;
      prevTemplate = undefined;
      continue;
    }
    worked++;
    run++;
    minutes += templates[w.template]?.minutes ?? w.minutes;
    perTemplate?.set(w.template, (perTemplate.get(w.template) ?? 0) + 1);
    if (prevEnd !== undefined && w.startMs - prevEnd < p.minRestMs) hard += 1 + (p.minRestMs - (w.startMs - prevEnd)) / 3_600_000;
    prevEnd = Math.max(prevEnd ?? -Infinity, w.endMs);
    if (forbidden) {
      if (prevTemplate !== undefined && templates.find((t) => t.id === prevTemplate)?.cannotBeFollowedBy.includes(templates[w.template]?.id ?? '')) hard += 1;
      prevTemplate = templates[w.template]?.id;
    }
    const wk = weekendOf(model, d);
    if (wk !== undefined) {
      weekendDays++;
      weekends?.add(wk);
    }
    if (w.late) lates++;
    if (!w.floating) {
      if (lastStartInWeek !== undefined) soft += model.weights.stableStart * (Math.abs(w.startClock - lastStartInWeek) / 60);
      lastStartInWeek = w.startClock;
    }
  }
  if (run > p.maxConsecutive) hard += run - p.maxConsecutive;
  if (worked < p.minDays) hard += p.minDays - worked;
  if (worked > p.maxDays) hard += worked - p.maxDays;
  if (weekends && c.maxWorkingWeekends !== undefined && weekends.size > c.maxWorkingWeekends) hard += weekends.size - c.maxWorkingWeekends;
  if (perTemplate && c.maxShiftsPerTemplate) {
    for (const [t, n] of perTemplate) {
      const max = c.maxShiftsPerTemplate[templates[t]?.id ?? ''];
      if (max !== undefined && n > max) hard += n - max;
    }
  }
  if (c.minMinutes !== undefined && minutes < c.minMinutes) hard += (c.minMinutes - minutes) / 60;
  if (c.maxMinutes !== undefined && minutes > c.maxMinutes) hard += (minutes - c.maxMinutes) / 60;
  if ((c.minConsecutiveDays ?? 1) > 1 || (c.minConsecutiveDaysOff ?? 1) > 1) hard += shortRuns(line, c.minConsecutiveDays ?? 1, c.minConsecutiveDaysOff ?? 1);
  for (const pref of p.agent.preferences) {
    const d = model.horizon.dayIndex(pref.date);
    if (d < 0) continue;
    const w = line[d];
    const id = w ? templates[w.template]?.id : undefined;
    let missed = false;
    if (pref.want !== undefined) missed ||= pref.want === 'off' ? w !== null : id !== pref.want;
    if (pref.avoid !== undefined) missed ||= w !== null && (pref.avoid === 'any' || id === pref.avoid);
    if (missed) soft += model.weights.preference * pref.weight;
  }
  for (const { def, days: window } of p.activities) {
    // TR1–TR4: at least one shift in the activity's window that can hold it (the in-seat training day needs
    // its people at work); placing it inside that shift comes after the search (activities/place-activities.ts).
    const held = window.some((d) => {
      const w = line[d];
      return w !== null && startRange(def, model.horizon, model.horizon.dates[d], w.startMs, w.endMs, model.center.rules.noBreakFirstMinutes) !== null;
    });
    if (!held) hard += 1;
  }
  return { hard, soft, worked, weekendDays, lates };
}

/** C5/C6: runs of work / of days off shorter than the minimum, not touching the month's edges. */
function shortRuns(line: readonly (DayWork | null)[], minOn: number, minOff: number): number {
  let short = 0;
  let i = 0;
  while (i < line.length) {
    const on = line[i] !== null;
    let j = i + 1;
    while (j < line.length && (line[j] !== null) === on) j++;
    const inner = i > 0 && j < line.length;
    const min = on ? minOn : minOff;
    if (inner && j - i < min) short += min - (j - i);
    i = j;
  }
  return short;
}

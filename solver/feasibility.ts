/**
 * Before solving: what makes the month impossible, in plain words. "impossible" means a hard rule cannot be
 * kept whatever the roster (the solver still returns its best roster and lists the violations); "warning"
 * means a soft rule cannot be kept (L9 attendance, R3 understaffing). Checks, per rule:
 *  - C3/C2: a person's free days cannot reach the contract minimum under the max-consecutive-days limit;
 *  - R11: an open stretch of a day that no available supervisor's shift can cover, or more supervisor shifts
 *    needed than supervisors can work;
 *  - L9: a team whose approved leave keeps planned attendance below the floor even if everyone works their
 *    maximum;
 *  - H2/R3: requirements nobody can work, and queues needing more agent-hours than the staff can give;
 *  - P1/H3: a published shift on a day of leave.
 */
import { DateTime } from 'luxon';
import { formatClock } from '../src/time/clock.ts';
import type { SolverModel } from './model/build-model.ts';
import { buildSolverModel } from './model/build-model.ts';
import type { Person } from './model/people.ts';
import type { RosterProblem } from './problem.ts';
import { blockedReason } from './rules/availability.ts';
import { localClock } from './rules/shift-facts.ts';

export interface FeasibilityProblem {
  rule: string;
  level: 'impossible' | 'warning';
  message: string;
}

export interface FeasibilityReport {
  feasible: boolean;
  problems: FeasibilityProblem[];
}

const WEEKDAYS = ['', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];

/** Most days a person can work given free days, pinned work and the run limit. */
function reachableDays(p: Person): number {
  let total = 0;
  let run = p.previousRun;
  let segment = 0;
  const flush = () => {
    const k = p.maxConsecutive;
    // A segment of L consecutive workable days preceded by a run r: at most L − ⌊(L + r) / (k + 1)⌋ days.
    total += Math.max(0, segment - Math.floor((segment + run) / (k + 1)));
    segment = 0;
    run = 0;
  };
  p.free.forEach((free, d) => {
    if (free || p.pinned[d]) segment++;
    else flush();
  });
  flush();
  return total;
}

export function checkFeasibility(problem: RosterProblem, built?: SolverModel): FeasibilityReport {
  const m = built ?? buildSolverModel(problem);
  const problems: FeasibilityProblem[] = [];
  const monthName = DateTime.fromISO(`${problem.month}-01`).toFormat('LLLL yyyy');
  const add = (rule: string, level: FeasibilityProblem['level'], message: string) => problems.push({ rule, level, message });

  for (const p of m.people) {
    if (p.kind === 'phone' && p.queues.length === 0) {
      add('H2', 'warning', `${p.id} has none of the center's queue skills and cannot take calls`);
      continue;
    }
    const hasOption = m.optionsByDay.some((list, d) => p.free[d] && list.some((o) => p.templates[o.template]));
    if (!hasOption && p.minDays > 0 && p.pinned.every((a) => !a)) {
      add('C3', 'impossible', `${p.id}: no allowed shift template can be worked on any free day of ${monthName}, but the contract requires ${p.minDays} days`);
      continue;
    }
    const reachable = reachableDays(p);
    if (reachable < p.minDays) {
      const blocked = m.horizon.dates.filter((d) => blockedReason(p.calendar, d)).length;
      add('C3', 'impossible', `${p.id}: at most ${reachable} working days possible in ${monthName} (${blocked} days of leave or unavailability, at most ${p.maxConsecutive} in a row) but the contract requires ${p.minDays} (C2, C3)`);
    }
    p.pinned.forEach((a, d) => {
      if (a && blockedReason(p.calendar, m.horizon.dates[d])) add('P1', 'impossible', `${p.id} has a published shift on ${m.horizon.dates[d]}, a day of leave or unavailability (H3)`);
    });
  }

  // R11: what supervisors can cover, per day.
  const gapsByWeekday = new Map<string, string[]>();
  const shortByCount = new Map<string, string[]>();
  let shiftsNeeded = 0;
  m.horizon.dates.forEach((date, d) => {
    const avail = m.supervisors.filter((s) => s.free[d] || s.pinned[d]);
    const spans = avail.flatMap((s) => {
      const pinned = s.pinned[d];
      if (pinned) return [{ from: Date.parse(pinned.start), to: Date.parse(pinned.end) }];
      return m.optionsByDay[d].filter((o) => s.templates[o.template]).map((o) => ({ from: o.startMs, to: o.endMs }));
    }).sort((a, b) => a.from - b.from);
    for (const open of m.open[d]) {
      // Greedy interval cover: the fewest shifts covering the open span, and what stays uncovered.
      let at = open.fromMs;
      let used = 0;
      while (at < open.toMs) {
        let reach = at;
        for (const s of spans) if (s.from <= at && s.to > reach) reach = s.to;
        if (reach === at) {
          const next = spans.filter((s) => s.from > at && s.from < open.toMs).reduce((a, s) => Math.min(a, s.from), open.toMs);
          const key = `${WEEKDAYS[m.horizon.weekdays[d]]} ${formatClock(localClock(m.horizon.zone, at))}–${formatClock(localClock(m.horizon.zone, next) || 1440)}`;
          (gapsByWeekday.get(key) ?? gapsByWeekday.set(key, []).get(key)!).push(date);
          at = next;
          continue;
        }
        used++;
        at = reach;
      }
      shiftsNeeded += used;
      if (used > avail.length) {
        const key = `${used}|${avail.length}`;
        (shortByCount.get(key) ?? shortByCount.set(key, []).get(key)!).push(date);
      }
    }
  });
  // Days with the same shortfall, as date ranges (one line, not one a day).
  for (const [key, dates] of shortByCount) {
    const [used, avail] = key.split('|');
    add('R11', 'impossible', `on ${dateRanges(dates, m.horizon.dates)} ${used} supervisor shifts a day are needed to cover every open minute but only ${avail} supervisor(s) can work (R11)`);
  }
  for (const [key, dates] of gapsByWeekday) {
    const [weekday, time] = key.split(' ');
    const all = m.horizon.dates.filter((_, d) => WEEKDAYS[m.horizon.weekdays[d]] === weekday && m.openDay[d]).length;
    const when = dates.length === all && all > 1 ? `${weekday} ${time}` : `${time} on ${dates.join(', ')}`;
    add('R11', 'impossible', `no supervisor can cover ${when} (R11)`);
  }
  const supervisorDays = m.supervisors.reduce((s, p) => s + Math.min(p.maxDays, reachableDays(p)), 0);
  if (shiftsNeeded > supervisorDays) {
    add('R11', 'impossible', `${shiftsNeeded} supervisor shifts are needed to cover every open minute of ${monthName}, but the ${m.supervisors.length} supervisor(s) can work at most ${supervisorDays} days (R11)`);
  }

  // L9: attendance even at everyone's maximum.
  const floor = m.center.rules.attendanceFloor;
  for (const team of m.center.teams) {
    const members = m.people.filter((p) => p.kind === 'phone' && p.team === team.id);
    const leave = members.reduce((s, p) => s + p.leave.filter(Boolean).length, 0);
    if (leave === 0) continue;
    const worked = members.reduce((s, p) => s + Math.min(p.maxDays, reachableDays(p)), 0);
    const rate = worked / (worked + leave);
    if (rate < floor) {
      add('L9', 'warning', `team ${team.id}: ${leave} approved leave days against ${worked + leave} rostered agent-days in ${monthName}: planned attendance ${Math.floor(rate * 100)}% < ${Math.round(floor * 100)}% (L9)`);
    }
  }

  // Requirements nobody can work, and more agent-hours than the staff can give.
  const { ignored } = m.req;
  if (ignored.unknownQueue.length > 0) add('H2', 'warning', `requirements name queue(s) the center does not have: ${ignored.unknownQueue.join(', ')} (ignored)`);
  if (ignored.outside > 0) add('R3', 'warning', `${ignored.outside} requirement row(s) fall outside ${monthName} or off the ${m.center.intervalMinutes}-minute grid (ignored)`);
  m.queueIds.forEach((queue, q) => {
    const req = m.req.required[q];
    let hours = 0;
    for (const v of req) if (!Number.isNaN(v)) hours += v * m.intervalHours;
    if (hours === 0) return;
    const staff = m.phone.filter((p) => p.queues.includes(q));
    if (staff.length === 0) {
      add('R3', 'warning', `nobody can work queue ${queue}: all ${hours.toFixed(0)} required agent-hours will be short (H2, R3)`);
      return;
    }
    const capacity = staff.reduce((s, p) => {
      const options = m.options.filter((o) => p.templates[o.template]);
      const perShift = options.length === 0 ? 0 : Math.max(...options.map((o) => o.meals[0].frac.reduce((a, b) => a + b, 0) * m.intervalHours));
      return s + Math.min(p.maxDays, reachableDays(p)) * perShift;
    }, 0);
    if (capacity < hours) add('R3', 'warning', `queue ${queue}: ${hours.toFixed(0)} agent-hours required in ${monthName}, at most ${capacity.toFixed(0)} available even at every contract's maximum (R3)`);
  });
  return { feasible: !problems.some((p) => p.level === 'impossible'), problems };
}

/** Dates as runs of consecutive days of the month: "2026-12-01 – 2026-12-05, 2026-12-08". */
export function dateRanges(dates: readonly string[], month: readonly string[]): string {
  const index = new Map(month.map((d, i) => [d, i]));
  const runs: string[][] = [];
  for (const d of [...dates].sort()) {
    const run = runs[runs.length - 1];
    if (run && index.get(d) === index.get(run[run.length - 1])! + 1) run.push(d);
    else runs.push([d]);
  }
  return runs.map((r) => (r.length === 1 ? r[0] : `${r[0]} – ${r[r.length - 1]}`)).join(', ');
}

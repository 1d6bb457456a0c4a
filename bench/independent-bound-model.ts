/**
 * Helper of bench/independent-bound.ts (read its header for the model): the month "as the rules are written",
 * enumerated for the LP — the interval line, the requirements on it, staff groups with calendars and contracts,
 * shift options, and per shift option the coverage vectors of every meal and break placement the rules allow.
 * Written from the rule texts (MANUAL.md, solver/rules/*.ts comments); imports nothing from solver/.
 */
import { DateTime } from 'luxon';
import type { Center, ShiftTemplate } from '../src/domain/center-schema.ts';
import { clockMinutes } from '../src/time/clock.ts';
import { dayIntervals, dayStart, isoWeekday, localInstant, monthDates } from '../src/time/local-day.ts';

const MIN = 60_000;
/** The finest grid meals and breaks are placed on (the brief's 5 minutes; refined by gcd when data need it). */
const GRID_MINUTES = 5;

export interface Requirement { queue: string; interval_start: string; required: number }

export interface Line {
  dates: string[];
  dayStartMs: number[];
  startMs: number[];
  endMs: number[];
  index: Map<number, number>;
  beginMs: number;
  finishMs: number;
}

export function monthLine(center: Center, month: string): Line {
  const dates = monthDates(month);
  const startMs: number[] = [];
  for (const d of dates) for (const iv of dayIntervals(d, center.timezone, center.intervalMinutes)) startMs.push(iv.startMs);
  const beginMs = dayStart(dates[0], center.timezone).toMillis();
  const finishMs = dayStart(dates[dates.length - 1], center.timezone).plus({ days: 1 }).startOf('day').toMillis();
  const endMs = startMs.map((s, i) => (i + 1 < startMs.length ? startMs[i + 1] : finishMs));
  const dayStartMs = dates.map((d) => dayStart(d, center.timezone).toMillis());
  return { dates, dayStartMs, startMs, endMs, index: new Map(startMs.map((s, i) => [s, i])), beginMs, finishMs };
}

/** Requirements per center queue on the line; rows of unknown queues can never be covered (a constant). */
export function requirementGrid(center: Center, line: Line, rows: readonly Requirement[]) {
  const req = new Map(center.queues.map((q) => [q.id, new Float64Array(line.startMs.length)]));
  const seen = new Set<string>();
  const warnings: string[] = [];
  let constant = 0;
  let offGrid = 0;
  for (const r of rows) {
    const ms = DateTime.fromISO(r.interval_start, { zone: center.timezone }).toMillis();
    if (!Number.isFinite(ms)) throw new Error(`requirements: bad interval_start "${r.interval_start}"`);
    if (ms < line.beginMs || ms >= line.finishMs || !(r.required > 0)) continue; // the rulebook scores the month only
    const key = `${r.queue}|${ms}`;
    if (seen.has(key)) throw new Error(`requirements: interval ${r.interval_start} of queue ${r.queue} appears twice`);
    seen.add(key);
    const i = line.index.get(ms);
    if (!req.has(r.queue)) constant += (r.required * center.intervalMinutes) / 60;
    else if (i === undefined) offGrid++;
    else req.get(r.queue)![i] = r.required;
  }
  if (offGrid > 0) warnings.push(`${offGrid} requirement row(s) off the ${center.intervalMinutes}-min grid ignored (bound stays valid, weaker)`);
  return { req, constant, warnings };
}

/** H4: open day = some `open` entry on the weekday with to > from, and no closed special day. */
export function isOpenDay(center: Center, date: string): boolean {
  if (center.specialDays.some((s) => s.date === date && s.closed)) return false;
  const wd = isoWeekday(date);
  const at = (hhmm: string) => localInstant(date, clockMinutes(hhmm), center.timezone).toMillis();
  return center.open.some((o) => o.days.includes(wd) && at(o.to) > at(o.from));
}

/** People identical for the model (skills, templates, calendar, contract numbers) with their multiplicity. */
export interface Group {
  members: string[];
  skills: string[];
  templates: Set<string>;
  blocked: Set<string>;
  minDays: number;
  maxDays: number;
  maxConsecutive: number;
  minRestHours: number;
}

const LEAVE_REASON = /leave|假/i;

export function phoneGroups(center: Center, dates: readonly string[]): Group[] {
  const queues = new Set(center.queues.map((q) => q.id));
  const byKey = new Map<string, Group>();
  for (const a of center.agents) {
    if (a.role !== 'agent' && a.role !== 'lead') continue; // supervisors and up take no calls
    const leave = new Set(a.unavailable.filter((u) => LEAVE_REASON.test(u.reason)).map((u) => u.date));
    const blocked = new Set(a.unavailable.map((u) => u.date));
    for (const t of a.training) for (const d of dates) if (d >= t.from && d <= t.to) (blocked.add(d), leave.add(d));
    const monthBlocked = dates.filter((d) => blocked.has(d));
    // C3 (availability.ts): leave and training days count toward minDays; min ≤ workable days and ≤ maxDays.
    const credit = dates.filter((d) => leave.has(d)).length;
    const workable = dates.filter((d) => !blocked.has(d) && isOpenDay(center, d)).length;
    const c = a.contract;
    const g: Omit<Group, 'members'> = {
      skills: [...new Set(a.skills.filter((s) => queues.has(s)))].sort(),
      templates: new Set(center.shiftTemplates.map((t) => t.id).filter((t) => !c.templates || c.templates.includes(t))),
      blocked: new Set(monthBlocked),
      minDays: Math.min(Math.max(0, c.minDays - credit), workable, c.maxDays),
      maxDays: c.maxDays,
      maxConsecutive: c.maxConsecutiveDays ?? center.rules.defaultMaxConsecutiveDays,
      minRestHours: c.minRestHours ?? center.rules.defaultMinRestHours,
    };
    const key = JSON.stringify({ ...g, templates: [...g.templates].sort(), blocked: monthBlocked });
    const found = byKey.get(key);
    if (found) found.members.push(a.id);
    else byKey.set(key, { ...g, members: [a.id] });
  }
  return [...byKey.values()];
}

export interface ShiftOption { id: number; day: number; date: string; template: ShiftTemplate; startMs: number; endMs: number }

/** H4 + R4 (+ R12 when `bus`, where a template can meet a bus): every (date, template, start) a rule-abiding shift may take. */
export function shiftOptions(center: Center, dates: readonly string[], bus: boolean): ShiftOption[] {
  const out: ShiftOption[] = [];
  const zone = center.timezone;
  const [leadLo, leadHi] = center.rules.busLeadMinutes;
  const busOk = (date: string, endMs: number) =>
    !bus || center.busDepartures.length === 0 ||
    center.busDepartures.some((dep) => [0, 1440].some((extra) => {
      const lead = (localInstant(date, clockMinutes(dep) + extra, zone).toMillis() - endMs) / MIN;
      return lead >= leadLo && lead <= leadHi;
    }));
  dates.forEach((date, day) => {
    if (!isOpenDay(center, date)) return;
    for (const t of center.shiftTemplates) {
      if (t.days && !t.days.includes(isoWeekday(date))) continue;
      const clocks: number[] = [];
      if (Array.isArray(t.start)) for (let m = clockMinutes(t.start[0]); m <= clockMinutes(t.start[1]); m += center.intervalMinutes) clocks.push(m);
      else clocks.push(clockMinutes(t.start));
      const starts = [...new Set(clocks.map((m) => localInstant(date, m, zone).toMillis()))]; // a DST gap may merge two
      // R12 binds where the template has a start that day ending before a bus; where it has none, it is soft
      // (r12-bus-departures.ts) and every start stays.
      const fitting = starts.filter((startMs) => busOk(date, startMs + t.minutes * MIN));
      for (const startMs of fitting.length > 0 ? fitting : starts) out.push({ id: out.length, day, date, template: t, startMs, endMs: startMs + t.minutes * MIN });
    }
  });
  return out;
}

/** A coverage vector: fraction of each (relevant) interval an activity occupies. */
export interface Vec { key: string; idx: number[]; frac: number[] }

/**
 * Off-phone structure of one shift option: `meals[j]` is the meal vector of placement class j (one empty class
 * when the shift has no meal); each `blocks` entry is one required break: its weight Σ_items w equals Σ_{j in
 * configs} z_j. Classes merge meal positions whose meal vector and break choices are identical.
 */
export interface OffPhone { shift: Vec; meals: Vec[]; blocks: Array<{ configs: number[]; items: Vec[] }> }

const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));

export function offPhone(center: Center, line: Line, o: ShiftOption, relevant: (i: number) => boolean,
  flags: { mealWindow: boolean; breaks: boolean }): OffPhone | undefined {
  const r = center.rules;
  const { startMs: s, endMs: e, template: t } = o;
  const cache = new Map<string, Vec>();
  const vec = (from: number, to: number): Vec => {
    const ck = `${from}|${to}`;
    const hit = cache.get(ck);
    if (hit) return hit;
    const idx: number[] = [];
    const frac: number[] = [];
    let lo = 0;
    let hi = line.startMs.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (line.endMs[mid] <= from) lo = mid + 1; else hi = mid; }
    for (let i = lo; i < line.startMs.length && line.startMs[i] < to; i++) {
      const ov = Math.min(to, line.endMs[i]) - Math.max(from, line.startMs[i]);
      if (ov > 0 && relevant(i)) (idx.push(i), frac.push(ov / (line.endMs[i] - line.startMs[i])));
    }
    const v = { key: idx.map((i, k) => `${i}:${frac[k]}`).join(','), idx, frac };
    cache.set(ck, v);
    return v;
  };
  const first = r.noBreakFirstMinutes * MIN;
  const brk = flags.breaks ? r.hourlyBreakMinutes * MIN : 0;
  // R8: shifts longer than mealAfterShiftMinutes carry one meal of the template's length inside its window.
  const mealLen = (e - s) / MIN > r.mealAfterShiftMinutes ? (t.meal?.minutes ?? r.defaultMealMinutes) * MIN : 0;
  let winFrom = s;
  let winTo = e;
  if (mealLen > 0 && t.meal && flags.mealWindow) {
    const local = DateTime.fromMillis(s, { zone: center.timezone });
    let from = clockMinutes(t.meal.from);
    let to = clockMinutes(t.meal.to);
    if (from < local.hour * 60 + local.minute) from += 1440; // a window before the start: next day (R8)
    if (to < from) to += 1440;
    winFrom = localInstant(o.date, from, center.timezone).toMillis();
    winTo = localInstant(o.date, to, center.timezone).toMillis();
  }
  // Placement grid: 5 minutes, refined so every datum (interval edges, window, lengths) lies on it.
  const g = [center.intervalMinutes, 60, brk / MIN, first / MIN, mealLen / MIN, (e - s) / MIN, (winFrom - s) / MIN,
    (winTo - s) / MIN, (line.dayStartMs[o.day] - s) / MIN].reduce(gcd, GRID_MINUTES) * MIN;
  const onGrid = (from: number, to: number) => { // grid points p (relative to s) with from ≤ p ≤ to
    const out: number[] = [];
    for (let p = s + Math.ceil((from - s) / g) * g; p <= to; p += g) out.push(p);
    return out;
  };
  const mealStarts = mealLen > 0 ? onGrid(Math.max(s + first, winFrom), Math.min(e, winTo) - mealLen) : [NaN];
  const configs = new Map<string, { meal: Vec; blocks: Array<{ key: string; items: Vec[] } | null> }>();
  for (const m of mealStarts) {
    const pieces = mealLen > 0 ? [[s, m], [m + mealLen, e]].filter(([a, b]) => b > a) : [[s, e]];
    // R7: every 60 minutes of working time from the start is a full hour (a block, maybe cut by the meal);
    // its break lies wholly inside one piece, starts no earlier than s + noBreakFirst (R9).
    const blocks: Array<{ key: string; items: Vec[] } | null> = [];
    let current: number[][] = [];
    let need = 60 * MIN;
    let feasible = true;
    for (const [a, b] of pieces) {
      for (let from = a; from < b; ) {
        const take = Math.min(need, b - from);
        current.push([from, from + take]);
        from += take;
        need -= take;
        if (need > 0) continue;
        if (brk > 0) {
          const items = new Map<string, Vec>();
          for (const [pa, pb] of current) for (const p of onGrid(Math.max(pa, s + first), pb - brk)) {
            const v = vec(p, p + brk);
            items.set(v.key, v);
          }
          if (items.size === 0) feasible = false;
          blocks.push(items.has('') ? null : { key: [...items.keys()].sort().join('|'), items: [...items.values()] });
        }
        current = [];
        need = 60 * MIN;
      }
    }
    if (!feasible) continue;
    const meal = mealLen > 0 ? vec(m, m + mealLen) : { key: '', idx: [], frac: [] };
    configs.set(`${meal.key}#${blocks.map((b) => b?.key ?? '-').join('#')}`, { meal, blocks });
  }
  if (configs.size === 0) return undefined; // no meal/break placement keeps R7–R9: the option is unusable
  const list = [...configs.values()];
  const byBlock = new Map<string, { configs: number[]; items: Vec[] }>();
  list.forEach((c, j) => c.blocks.forEach((b, k) => {
    if (!b) return;
    const key = `${k}@${b.key}`;
    (byBlock.get(key) ?? byBlock.set(key, { configs: [], items: b.items }).get(key)!).configs.push(j);
  }));
  return { shift: vec(s, e), meals: list.map((c) => c.meal), blocks: [...byBlock.values()] };
}

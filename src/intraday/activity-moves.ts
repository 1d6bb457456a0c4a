/**
 * Activities into the day's surplus (TR1–TR4 with RP4's real-time picture): when the reforecast shows more agents
 * than the rest of the day needs somewhere and fewer elsewhere, today's activities that have not started move
 * to where they cost the least service by the reforecast — same people, same shifts, not before now plus a
 * lead time for the people to be told. The preview lists the moves and the understaffing (agent-hours, rest of
 * the day, by the reforecast) before and after; applying writes them as a new roster version (TR2, an
 * "activity" roster fact) only when the preview still holds and they help.
 */
import type { Assignment } from '../../solver/roster.ts';
import { placeActivities } from '../../solver/activities/place-activities.ts';
import { withoutActivities } from '../../solver/activities/restore-breaks.ts';
import type { Center } from '../domain/center-schema.ts';
import type { Queryable } from '../db/db.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { defaultRulebook } from '../requests/default-rulebook.ts';
import { applyChange, baseRoster, saveChange, type BaseRoster, type RosterChange } from '../requests/roster-versions.ts';
import { addPresence, timed } from './coverage.ts';
import { intradayView } from './intraday-view.ts';

/** Minutes between now and the earliest start of a moved activity: time to tell the people. */
export const MOVE_LEAD_MINUTES = 15;

export interface ActivityMove {
  agent: string;
  activity: string;
  from: string;
  to: string;
  minutes: number;
}

export interface ActivityMovePlan {
  date: string;
  asOf: string;
  rosterId: number | null;
  moves: ActivityMove[];
  /** Agent-hours short by the reforecast over the rest of the day, with the activities where they are and moved. */
  under: { before: number; after: number };
}

interface Planned {
  plan: ActivityMovePlan;
  base: BaseRoster | null;
  change: RosterChange;
}

export interface DayMovesInput {
  center: Center;
  month: string;
  date: string;
  /** The month's published assignments. */
  assignments: readonly Assignment[];
  /** Agents required per queue and interval by the reforecast (the day's). */
  requirements: ReadonlyArray<{ queue: string; interval_start: string; required: number }>;
  /** No activity moves from or to before this instant (now plus the lead time). */
  notBeforeMs: number;
}

export interface DayMoves {
  moves: ActivityMove[];
  change: RosterChange;
  under: { before: number; after: number };
}

/** The moves on one day, pure: today's activities from `notBeforeMs` on, placed again against the reforecast. */
export function movesOnDay(input: DayMovesInput): DayMoves {
  const { center, date, notBeforeMs } = input;
  const short = (list: readonly Assignment[]) => restOfDayShort(center, input.requirements, list.filter((a) => a.date === date), notBeforeMs);
  const before = short(input.assignments);
  const none: DayMoves = { moves: [], change: { removed: [], added: [] }, under: { before: round(before), after: round(before) } };
  const movers = input.assignments.filter((a) => a.date === date && (a.activities ?? []).some((x) => Date.parse(x.start) >= notBeforeMs));
  if (movers.length === 0) return none;
  const stripped = movers.map((a) => withoutActivities(a, center, (x) => Date.parse(x.start) < notBeforeMs));
  const edited = applyChange({ center: center.id, month: input.month, assignments: [...input.assignments], coverage: [], score: { hard: 0, understaffed: 0, overstaffed: 0, soft: 0 }, violations: [] }, { removed: movers, added: stripped });
  const people = new Set(movers.map((a) => a.agent));
  const placed = placeActivities({
    center, month: input.month, assignments: edited.assignments, requirements: [...input.requirements], notBeforeMs,
    isFixed: (agent, d) => d !== date || !people.has(agent),
  });
  const after = short(placed.assignments);
  if (placed.unscheduled.length > 0 || after >= before - 1e-9) return none;
  const key = (a: Assignment) => `${a.agent}|${a.date}|${Date.parse(a.start)}`;
  const now = new Map(placed.assignments.filter((a) => people.has(a.agent) && a.date === date).map((a) => [key(a), a]));
  const moves: ActivityMove[] = [];
  const added: Assignment[] = [];
  for (const old of movers) {
    const next = now.get(key(old))!;
    added.push(next);
    const was = (old.activities ?? []).filter((x) => Date.parse(x.start) >= notBeforeMs);
    const is = (next.activities ?? []).filter((x) => Date.parse(x.start) >= notBeforeMs);
    was.forEach((x, k) => {
      if (is[k] && is[k].start !== x.start) moves.push({ agent: old.agent, activity: x.activity, from: x.start, to: is[k].start, minutes: x.minutes });
    });
  }
  if (moves.length === 0) return none;
  return { moves, change: { removed: movers, added }, under: { before: round(before), after: round(after) } };
}

export async function planActivityMoves(db: Queryable, center: Center, options: { date: string; asOf?: string | Date }): Promise<Planned> {
  const view = await intradayView(db, center, { date: options.date, asOf: options.asOf });
  const base = await baseRoster(db, center, options.date.slice(0, 7));
  const plan = (d: Pick<DayMoves, 'moves' | 'under'>): ActivityMovePlan => ({ date: options.date, asOf: view.asOf, rosterId: base?.meta.id ?? null, moves: d.moves, under: d.under });
  if (!base || base.meta.status !== 'published') return { plan: plan({ moves: [], under: { before: 0, after: 0 } }), base, change: { removed: [], added: [] } };
  const day = movesOnDay({
    center, month: base.roster.month, date: options.date, assignments: base.roster.assignments,
    requirements: view.queues.flatMap((q) => q.intervals.map((i) => ({ queue: q.queue, interval_start: i.interval_start, required: i.reforecastRequired }))),
    notBeforeMs: Date.parse(view.asOf) + MOVE_LEAD_MINUTES * 60_000,
  });
  return { plan: plan(day), base, change: day.change };
}

/** Writes the planned moves as a new roster version; 409 when the roster changed or nothing is left to gain. */
export async function applyActivityMoves(tx: Queryable, center: Center, options: { date: string; asOf?: string | Date; rosterId?: number }, userId: number | null): Promise<ActivityMovePlan & { version?: { id: number; version: number } }> {
  const { plan, base, change } = await planActivityMoves(tx, center, options);
  if (options.rosterId !== undefined && plan.rosterId !== options.rosterId) throw new ConflictError(`the published roster changed (now ${plan.rosterId ?? 'none'}); look at the moves again`, 'TR2');
  if (!base) throw new NotFoundError(`no published roster for ${options.date.slice(0, 7)}`);
  if (plan.moves.length === 0) throw new ConflictError('no move of today\'s activities lowers the understaffing by the reforecast now', 'TR2');
  const saved = await saveChange(tx, {
    center, base, change, rulebook: defaultRulebook, userId, ref: { moves: plan.moves.length }, rule: 'TR2', action: 'activities.move', fact: 'activity',
  });
  return { ...plan, version: { id: saved.id, version: saved.version } };
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Agent-hours the day's assignments leave short of the requirement in the intervals ending after `fromMs`. */
function restOfDayShort(center: Center, requirements: DayMovesInput['requirements'], assignments: readonly Assignment[], fromMs: number): number {
  const step = center.intervalMinutes * 60_000;
  const shifts = assignments.map((a) => ({ queue: a.queue, t: timed(a) }));
  let short = 0;
  for (const r of requirements) {
    const s = Date.parse(r.interval_start);
    if (s + step <= fromMs) continue;
    const on = [0];
    for (const x of shifts) if (x.queue === r.queue) addPresence(on, [s], step, x.t);
    short += Math.max(0, r.required - on[0]) * (center.intervalMinutes / 60);
  }
  return short;
}

/**
 * Builds the solver's problem for a stored center and month: the current requirements, approved leave, what a
 * published version already holds, and the previous month's last week (rest C1 and consecutive days C2 across
 * the boundary).
 *
 * With a published version the solve is a replan from `replanFrom` (default tomorrow in the center's zone):
 * days before it are history or agreed and stay exactly as published, accepted overtime included; on the days
 * re-solved, every roster fact of the published version (accepted overtime, approved swaps and rest-day moves,
 * floating re-placements) pins that person's day as it is. A replan starts today or later and inside the month
 * (days before today have happened and are never re-solved), else 422 naming `replanFrom`.
 */
import { DateTime } from 'luxon';
import type { RosterProblem } from '../../solver/problem.ts';
import type { Center } from '../domain/center-schema.ts';
import type { Queryable } from '../db/db.ts';
import { currentRequirements } from '../db/repos/requirements.ts';
import { listFacts } from '../db/repos/roster-facts.ts';
import { getAssignments, publishedRoster, type RosterMeta } from '../db/repos/rosters.ts';
import { ValidationError } from '../errors.ts';
import { addDays, monthDates } from '../time/local-day.ts';
import { approvedLeaveDays } from './leave-days.ts';

export interface ProblemOptions {
  /** First day to solve again when the month has a published version (default: tomorrow in the center's zone). */
  replanFrom?: string;
  /** "Today" in the center's zone (default: the clock's). */
  today?: string;
  /** The whole month as if nothing were published (the rule prices' problem): no replan, no pinned days. */
  whole?: boolean;
}

export interface BuiltProblem {
  problem: RosterProblem;
  /** The published version the solve replans from, and its first re-solved day. */
  replan: { base: RosterMeta; from: string } | null;
}

const invalid = (where: string, message: string) => new ValidationError(message, [{ where, message }], 422);

/** The first day a replan solves again, checked against the month and today. */
function replanStart(month: string, today: string, asked: string | undefined): string {
  const dates = monthDates(month);
  const [first, last] = [dates[0], dates[dates.length - 1]];
  if (asked !== undefined && (asked < first || asked > last)) {
    throw invalid('replanFrom', `replanFrom ${asked} is outside ${month} (${first} – ${last})`);
  }
  if (asked !== undefined && asked < today) {
    throw invalid('replanFrom', `replanFrom ${asked} is before today (${today} in the center's time zone): days that have happened are history and are never re-solved`);
  }
  const from = asked ?? (addDays(today, 1) < first ? first : addDays(today, 1));
  if (from > last) throw invalid('month', `every day of ${month} up to today (${today}) has happened: there is nothing left to replan`);
  return from;
}

export async function buildRosterProblem(db: Queryable, center: Center, month: string, options: ProblemOptions = {}): Promise<BuiltProblem> {
  const zone = center.timezone;
  const start = DateTime.fromISO(`${month}-01`, { zone }).startOf('day');
  const end = start.plus({ months: 1 });
  const published = options.whole ? null : await publishedRoster(db, center.id, month);
  const today = options.today ?? DateTime.now().setZone(zone).toISODate()!;
  if (!published && options.replanFrom !== undefined) {
    throw invalid('replanFrom', `${month} has no published roster to replan: solve the whole month (without replanFrom)`);
  }
  const from = published ? replanStart(month, today, options.replanFrom) : null;
  const requirements = await currentRequirements(db, center.id, zone, start.toJSDate(), end.toJSDate());
  if (requirements.length === 0) {
    throw new ValidationError(`no requirements for ${month}: forecast the month and compute requirements first (POST /api/centers/${center.id}/requirements)`, [
      { where: 'month', message: 'no requirements stored for this month' },
    ], 422);
  }
  const leave = (await approvedLeaveDays(db, center, month)).map((d) => ({ agent: d.agent, date: d.date, type: d.type }));
  const problem: RosterProblem = { center, month, requirements, leave };
  if (published && from) {
    const held = (await getAssignments(db, published.id, zone)).map(({ id: _id, ...a }) => a);
    const key = (agent: string, date: string) => `${agent}|${date}`;
    // Every fact of a day still to be solved pins that person's day; so does accepted overtime without one
    // (recorded before facts were kept).
    const facts = new Map((await listFacts(db, published.id)).filter((f) => f.date >= from).map((f) => [key(f.agent, f.date), { agent: f.agent, date: f.date }]));
    for (const a of held) if (a.kind === 'overtime' && a.date >= from) facts.set(key(a.agent, a.date), { agent: a.agent, date: a.date });
    const keep = (a: { agent: string; date: string }) => a.date < from || facts.has(key(a.agent, a.date));
    problem.pinnedDates = monthDates(month).filter((d) => d < from);
    problem.pinnedAgentDays = [...facts.values()];
    problem.pinned = held.filter((a) => (a.kind ?? 'regular') === 'regular' && keep(a));
    problem.kept = held.filter((a) => a.kind === 'overtime' && keep(a));
  }
  const previousMonth = start.minus({ months: 1 }).toFormat('yyyy-MM');
  const before = await publishedRoster(db, center.id, previousMonth);
  if (before) {
    const fromPrev = start.minus({ days: 7 }).toISODate()!;
    problem.previous = (await getAssignments(db, before.id, zone, { from: fromPrev, to: start.minus({ days: 1 }).toISODate()! })).map(({ id: _id, ...a }) => a);
  }
  return { problem, replan: published && from ? { base: published, from } : null };
}

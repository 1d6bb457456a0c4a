/**
 * Which person-days a solve keeps as they are: whole published dates (every person's day fixed) and single
 * person-days (roster facts: accepted overtime, approved swaps, … on days still to be solved). A pinned
 * assignment's date is a whole pinned date unless its person-day is pinned alone. Read the same way by the
 * model (people.ts) and by the rule that checks it (rules/p1-pinned-days.ts).
 */
import type { Assignment } from '../roster.ts';

export interface PinnedDays {
  /** Dates on which every person's day is fixed. */
  dates: ReadonlySet<string>;
  /** Is this person's day fixed (by its date or alone)? */
  has(agent: string, date: string): boolean;
}

export const personDay = (agent: string, date: string) => `${agent}|${date}`;

export function pinnedDays(
  pinned: readonly Assignment[],
  pinnedDates: readonly string[] | undefined,
  pinnedAgentDays: ReadonlyArray<{ agent: string; date: string }> | undefined,
): PinnedDays {
  const alone = new Set((pinnedAgentDays ?? []).map((d) => personDay(d.agent, d.date)));
  const dates = new Set([...(pinnedDates ?? []), ...pinned.filter((a) => !alone.has(personDay(a.agent, a.date))).map((a) => a.date)]);
  return { dates, has: (agent, date) => dates.has(date) || alone.has(personDay(agent, date)) };
}

/**
 * Placing the month's activities (TR1–TR4) in a solved or edited roster where they cost the least service:
 * each attendee's activity goes to the shift and minute whose phone time the queue can best spare — the surplus
 * first, then the least understaffing added (agent-hours) — within the definition's days, hours and seats
 * (`maxTogether`). Attendees with the fewest shifts to choose from go first; then each placed activity is taken
 * out and put back at its best place while that helps. Activities already in the roster stay when still valid
 * (a re-placement after leave or a swap moves only what it must); an attendee with no shift that can hold the
 * activity is reported, not scheduled. The price is the understaffing added, beside the activities' hours.
 */
import type { Center } from '../../src/domain/center-schema.ts';
import type { ActivityDefinition } from '../../src/domain/activity-schema.ts';
import { buildHorizon } from '../model/horizon.ts';
import type { Assignment } from '../roster.ts';
import { PHONE_ROLES } from '../rules/availability.ts';
import type { RequirementRow } from '../rules/rule.ts';
import { attendeesOf, windowDates } from './activity-window.ts';
import { candidatesIn, fitAt, mealsOf, withActivity, type Candidate } from './activity-candidates.ts';
import { PhoneGrid } from './phone-grid.ts';
import { SeatBook } from './seat-book.ts';
import { keptActivities } from './kept-activities.ts';

export interface PlacementInput {
  center: Center;
  month: string;
  assignments: readonly Assignment[];
  requirements: readonly RequirementRow[];
  /** Person-days that must not change (published days, pinned facts): activities there stay, none is added. */
  isFixed?: (agent: string, date: string) => boolean;
  /** No activity is placed to start before this instant (same-day moves: not in the past). */
  notBeforeMs?: number;
  /** Improvement rounds after the first placement (default 2). */
  rounds?: number;
}

export interface Unscheduled {
  agent: string;
  activity: string;
  reason: string;
}

export interface PlacementResult {
  assignments: Assignment[];
  placed: number;
  unscheduled: Unscheduled[];
  /** Hours of the activities in the roster (attendees × minutes). */
  activityHours: number;
  /** Understaffing (agent-hours) the placed activities add to the roster without them: their price. */
  addedUnderstaffed: number;
}

interface Need {
  def: ActivityDefinition;
  agent: string;
  /** Indices of the assignments that can hold it. */
  hosts: number[];
}

interface Placed {
  need: Need;
  host: number;
  c: Candidate;
}

export function placeActivities(input: PlacementInput): PlacementResult {
  const { center } = input;
  const h = buildHorizon(input.month, center.timezone, center.intervalMinutes);
  const isFixed = input.isFixed ?? (() => false);
  const notBefore = input.notBeforeMs ?? -Infinity;
  const agents = new Map(center.agents.map((a) => [a.id, a]));
  const onPhones = (a: Assignment) => PHONE_ROLES.has(agents.get(a.agent)?.role ?? '');
  const base = keptActivities(input.assignments, center, h, isFixed).assignments;
  const grid = new PhoneGrid(h, center, input.requirements);
  for (const a of base) if (onPhones(a)) grid.add(a, 1);
  const underBefore = grid.totalUnder();
  const seats = new SeatBook(center);
  for (const a of base) for (const x of a.activities ?? []) seats.take(x.activity, Date.parse(x.start), x.minutes);

  const needs: Need[] = [];
  const unscheduled: Unscheduled[] = [];
  for (const def of center.activities) {
    const dates = new Set(windowDates(def, h.dates));
    for (const agent of attendeesOf(def, center)) {
      const mine = base.filter((a) => a.agent === agent.id);
      const have = mine.reduce((n, a) => n + (a.activities ?? []).filter((x) => x.activity === def.id).length, 0);
      const hosts = base.flatMap((a, i) => (a.agent === agent.id && dates.has(a.date) && !isFixed(a.agent, a.date) && a.kind !== 'overtime' ? [i] : []));
      for (let k = have; k < def.perPerson; k++) {
        if (hosts.length === 0) unscheduled.push({ agent: agent.id, activity: def.id, reason: `no shift on days ${def.days.from}–${def.days.to} of the month (leave, rest days or not rostered)` });
        else needs.push({ def, agent: agent.id, hosts });
      }
    }
  }
  needs.sort((x, y) => x.hosts.length - y.hosts.length);

  const current = base.slice();
  const best = (need: Need): { p: Placed; under: number } | null => {
    let top: { p: Placed; under: number } | null = null;
    let topScore = Infinity;
    for (const host of need.hosts) {
      const a = current[host];
      const phone = onPhones(a);
      for (const c of candidatesIn(need.def, a, h, center.rules.noBreakFirstMinutes)) {
        if (c.fromMs < notBefore || !seats.free(need.def.id, c.fromMs, need.def.minutes)) continue;
        const d = phone ? grid.delta(a, c) : { under: 0, score: 0 };
        if (d.score < topScore) [top, topScore] = [{ p: { need, host, c }, under: d.under }, d.score];
      }
    }
    return top;
  };
  const put = (p: Placed) => {
    const a = current[p.host];
    if (onPhones(a)) grid.add(a, -1);
    current[p.host] = withActivity(a, p.need.def, p.c, h);
    if (onPhones(a)) grid.add(current[p.host], 1);
    seats.take(p.need.def.id, p.c.fromMs, p.need.def.minutes);
  };
  // Taking an activity out rebuilds the shift from before placement with the others, so its breaks come back.
  const takeOut = (p: Placed, placed: readonly Placed[]) => {
    const a = current[p.host];
    if (onPhones(a)) grid.add(a, -1);
    let rebuilt = base[p.host];
    for (const o of placed) {
      if (o === p || o.host !== p.host) continue;
      const dropped = fitAt(rebuilt, o.c.fromMs, o.c.toMs, mealsOf(rebuilt)) ?? [];
      rebuilt = withActivity(rebuilt, o.need.def, { ...o.c, dropped }, h);
    }
    current[p.host] = rebuilt;
    if (onPhones(a)) grid.add(rebuilt, 1);
    seats.release(p.need.def.id, p.c.fromMs, p.need.def.minutes);
  };

  const placed: Placed[] = [];
  for (const need of needs) {
    const top = best(need);
    if (!top) {
      unscheduled.push({ agent: need.agent, activity: need.def.id, reason: 'no free seat or minute in the shifts of its window' });
      continue;
    }
    put(top.p);
    placed.push(top.p);
  }
  for (let round = 0; round < (input.rounds ?? 2); round++) {
    let moved = 0;
    for (let k = 0; k < placed.length; k++) {
      const p = placed[k];
      const before = grid.totalUnder();
      takeOut(p, placed);
      const top = best(p.need);
      const gain = top ? before - (grid.totalUnder() + top.under) : 0;
      const next = top && gain > 1e-9 ? top.p : p;
      if (next !== p) moved++;
      // Put back (or move): re-derive the candidate's dropped breaks on the shift as it now stands.
      const dropped = fitAt(current[next.host], next.c.fromMs, next.c.toMs, mealsOf(current[next.host]));
      placed[k] = { ...next, c: { ...next.c, dropped: dropped ?? next.c.dropped } };
      put(placed[k]);
    }
    if (moved === 0) break;
  }
  const activityHours = current.reduce((s, a) => s + (a.activities ?? []).reduce((t, x) => t + x.minutes / 60, 0), 0);
  return {
    assignments: current,
    placed: placed.length,
    unscheduled,
    activityHours: Math.round(activityHours * 100) / 100,
    addedUnderstaffed: Math.round((grid.totalUnder() - underBefore) * 1e4) / 1e4,
  };
}

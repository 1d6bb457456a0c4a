/**
 * The floor today (RP4, schedule adherence): for the people the caller may see, each one's planned state now and
 * actual state now, adherence so far with the spans out of adherence, team adherence, and per interval the agents
 * planned and actually on the phones, on break, at a meal and in other work — where seats can be moved from.
 * Planned = the published roster of the day; actual = the agent-state feed, else attendance sign-in/out
 * (adherence.ts says how each basis is read).
 */
import { DateTime } from 'luxon';
import type { Principal } from '../auth/principal.ts';
import { canSeeAgent } from '../auth/principal.ts';
import type { Center } from '../domain/center-schema.ts';
import type { Queryable } from '../db/db.ts';
import { readEvents } from '../attendance/events.ts';
import { dayIntervals, isoWithOffset } from '../time/local-day.ts';
import {
  actualSpans, adherence, plannedSpans, seatChanges, stateAt, stateCounts, type AgentState, type Basis, type StateSpan,
} from './adherence.ts';
import { stateChanges } from './agent-states.ts';
import { publishedAssignments } from './published-assignments.ts';

export interface FloorAgent {
  agent: string;
  team: string | null;
  basis: Basis;
  plannedNow: AgentState;
  actualNow: AgentState;
  scheduledMinutes: number;
  outMinutes: number;
  adherence: number | null;
  exceptions: Array<{ from: string; to: string; planned: AgentState; actual: AgentState; minutes: number }>;
}

export interface FloorView {
  center: string;
  date: string;
  asOf: string;
  agents: FloorAgent[];
  teams: Array<{ team: string; scheduledMinutes: number; outMinutes: number; adherence: number | null }>;
  intervals: Array<{ interval_start: string; planned: Record<string, number>; actual: Record<string, number> }>;
  /** Who is where (RP4): per person, the state at the middle of each interval above, planned and actual (null ahead). */
  grid: Array<{ agent: string; planned: AgentState[]; actual: Array<AgentState | null> }>;
}

/** Sign-in basis on the floor: in the seat, the agent is read as doing what the plan says. */
function followPlan(planned: readonly StateSpan[], seat: readonly StateSpan[]): StateSpan[] {
  const cuts = [...new Set([...planned, ...seat].flatMap((s) => [s.from, s.to]))].sort((a, b) => a - b);
  const out: StateSpan[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const state = stateAt(seat, cuts[k]) === 'off' ? 'off' : stateAt(planned, cuts[k]);
    out.push({ from: cuts[k], to: cuts[k + 1], state });
  }
  return out;
}

export async function floorView(db: Queryable, center: Center, principal: Principal, date: string, asOf: Date = new Date()): Promise<FloorView> {
  const zone = center.timezone;
  const intervals = dayIntervals(date, zone, center.intervalMinutes);
  const step = center.intervalMinutes * 60_000;
  const dayFrom = intervals[0].startMs;
  const dayTo = intervals[intervals.length - 1].startMs + step;
  // Shifts run past midnight: the window holds the whole of the day's shifts, cut at "now".
  const plan = await publishedAssignments(db, center, date, date);
  const mine = plan.assignments.filter((a) => a.date === date && canSeeAgent(principal, center, a.agent));
  const windowTo = Math.max(dayTo, ...mine.map((a) => Date.parse(a.end)));
  const nowMs = Math.min(Math.max(asOf.getTime(), dayFrom), windowTo);
  const states = await stateChanges(db, center.id, dayFrom, windowTo);
  const events = await readEvents(db, center.id, zone, date, date);
  const render = (ms: number) => isoWithOffset(DateTime.fromMillis(ms, { zone }));

  const upToNow = (spans: StateSpan[]) => spans.map((x) => ({ ...x, to: Math.min(x.to, nowMs) })).filter((x) => x.to > x.from);
  const people = [...new Set(mine.map((a) => a.agent))].sort();
  const agents: FloorAgent[] = [];
  const plannedAll: StateSpan[][] = [];
  const actualAll: StateSpan[][] = [];
  for (const agent of people) {
    const planned = plannedSpans(mine.filter((a) => a.agent === agent), dayFrom, windowTo);
    const own = states.get(agent);
    const basis: Basis = own && own.length > 0 ? 'states' : 'sign-in';
    const mineEvents = events.filter((e) => e.agent === agent);
    const raw = basis === 'states' ? actualSpans(own!, dayFrom, windowTo)
      : actualSpans(seatChanges(mineEvents.filter((e) => e.kind === 'sign-in').map((e) => e.atMs), mineEvents.filter((e) => e.kind === 'sign-out').map((e) => e.atMs)), dayFrom, windowTo);
    const actual = basis === 'states' ? raw : followPlan(planned, raw);
    plannedAll.push(planned);
    actualAll.push(upToNow(actual));
    const a = adherence(upToNow(planned), upToNow(raw), basis);
    agents.push({
      agent, team: center.agents.find((x) => x.id === agent)?.team ?? null, basis,
      plannedNow: stateAt(planned, nowMs), actualNow: nowMs < windowTo ? stateAt(actual, nowMs) : 'off',
      scheduledMinutes: a.scheduledMinutes, outMinutes: a.outMinutes, adherence: a.adherence,
      exceptions: a.exceptions.map((e) => ({ from: render(e.from), to: render(e.to), planned: e.planned, actual: e.actual, minutes: Math.round((e.to - e.from) / 600) / 100 })),
    });
  }
  // The intervals anyone of the scope is planned to work.
  const shown = intervals.filter((i) => plannedAll.some((spans) => spans.some((x) => x.state !== 'off' && x.from < i.startMs + step && x.to > i.startMs)));
  const teams = [...new Set(agents.map((a) => a.team).filter((t): t is string => !!t))].sort().map((team) => {
    const of = agents.filter((a) => a.team === team);
    const scheduled = of.reduce((s, a) => s + a.scheduledMinutes, 0);
    const out = of.reduce((s, a) => s + a.outMinutes, 0);
    return { team, scheduledMinutes: Math.round(scheduled * 100) / 100, outMinutes: Math.round(out * 100) / 100, adherence: scheduled > 0 ? Math.round((1 - out / scheduled) * 10_000) / 10_000 : null };
  });
  return {
    center: center.id, date, asOf: render(nowMs), agents, teams,
    intervals: shown.map((i) => ({
      interval_start: i.start,
      planned: stateCounts(plannedAll, i.startMs, i.startMs + step),
      actual: i.startMs < nowMs ? stateCounts(actualAll, i.startMs, Math.min(i.startMs + step, nowMs)) : {},
    })),
    grid: people.map((agent, k) => ({
      agent,
      planned: shown.map((i) => stateAt(plannedAll[k], i.startMs + step / 2)),
      actual: shown.map((i) => (i.startMs + step / 2 < nowMs ? stateAt(actualAll[k], i.startMs + step / 2) : null)),
    })),
  };
}

/**
 * A roster parsed once for all rules: instants of every assignment, its meals and breaks, the person and
 * template it names, its activities, the month's interval line, each person's calendar, and the coverage per queue and
 * interval. Cached per (roster, context) pair, so running the whole rulebook parses the roster once; the cache
 * is dropped when the roster's assignment list is replaced or changes length. Treat a roster as a value: to
 * judge an edit, build a new roster (or list) rather than changing an assignment in place — `evaluate` gives
 * every call its own context, so it never sees a stale view.
 */
import type { Agent, ShiftTemplate } from '../../src/domain/center-schema.ts';
import { assignmentCoverage } from '../model/assignment-coverage.ts';
import { buildHorizon, type Horizon } from '../model/horizon.ts';
import type { TimeSpan } from '../model/work-blocks.ts';
import type { Assignment, CoverageRow, Roster } from '../roster.ts';
import { agentCalendar, PHONE_ROLES, type AgentCalendar } from './availability.ts';
import type { RuleContext } from './rule.ts';

export interface ParsedAssignment {
  a: Assignment;
  startMs: number;
  endMs: number;
  meals: TimeSpan[];
  breaks: TimeSpan[];
  /** Exams, training and meetings placed in the shift (TR1–TR4): off the phones like breaks. */
  activities: Array<TimeSpan & { activity: string }>;
  agent?: Agent;
  template?: ShiftTemplate;
  inMonth: boolean;
}

export interface RosterView {
  horizon: Horizon;
  parsed: ParsedAssignment[];
  /** Per person, sorted by start. */
  byAgent: Map<string, ParsedAssignment[]>;
  calendar(agentId: string): AgentCalendar;
  /** Coverage rows of every requirement of the month (scheduled = agents on the phones). */
  coverage(): CoverageRow[];
}

/** Month lines by month, zone and interval (they never change; a few dozen at most are kept). */
const horizons = new Map<string, Horizon>();
const views = new WeakMap<Roster, WeakMap<RuleContext, { list: Assignment[]; length: number; view: RosterView }>>();

export function contextHorizon(ctx: RuleContext): Horizon {
  const key = `${ctx.month}|${ctx.center.timezone}|${ctx.center.intervalMinutes}`;
  let h = horizons.get(key);
  if (!h) {
    if (horizons.size >= 48) horizons.delete(horizons.keys().next().value!);
    horizons.set(key, (h = buildHorizon(ctx.month, ctx.center.timezone, ctx.center.intervalMinutes)));
  }
  return h;
}

function span(startIso: string, minutes: number): TimeSpan {
  const fromMs = Date.parse(startIso);
  return { fromMs, toMs: fromMs + minutes * 60_000 };
}

export function rosterView(roster: Roster, ctx: RuleContext): RosterView {
  let byCtx = views.get(roster);
  if (!byCtx) views.set(roster, (byCtx = new WeakMap()));
  const cached = byCtx.get(ctx);
  if (cached && cached.list === roster.assignments && cached.length === roster.assignments.length) return cached.view;
  const h = contextHorizon(ctx);
  const inMonth = new Set(ctx.dates);
  const parsed: ParsedAssignment[] = roster.assignments.map((a) => ({
    a,
    startMs: Date.parse(a.start),
    endMs: Date.parse(a.end),
    meals: a.breaks.filter((b) => b.kind === 'meal').map((b) => span(b.start, b.minutes)),
    breaks: a.breaks.filter((b) => b.kind !== 'meal').map((b) => span(b.start, b.minutes)),
    activities: (a.activities ?? []).map((x) => ({ ...span(x.start, x.minutes), activity: x.activity })),
    agent: ctx.agents.get(a.agent),
    template: ctx.templates.get(a.shift),
    inMonth: inMonth.has(a.date),
  }));
  const byAgent = new Map<string, ParsedAssignment[]>();
  for (const p of parsed) (byAgent.get(p.a.agent) ?? byAgent.set(p.a.agent, []).get(p.a.agent)!).push(p);
  for (const list of byAgent.values()) list.sort((x, y) => x.startMs - y.startMs);
  const calendars = new Map<string, AgentCalendar>();
  let coverage: CoverageRow[] | undefined;
  const view: RosterView = {
    horizon: h,
    parsed,
    byAgent,
    calendar(agentId) {
      let cal = calendars.get(agentId);
      if (!cal) {
        const agent = ctx.agents.get(agentId);
        cal = agent ? agentCalendar(agent, ctx.leave) : { leave: new Set(), unavailable: new Set(), training: new Set() };
        calendars.set(agentId, cal);
      }
      return cal;
    },
    coverage() {
      coverage ??= computeCoverage(parsed, ctx, h);
      return coverage;
    },
  };
  byCtx.set(ctx, { list: roster.assignments, length: roster.assignments.length, view });
  return view;
}

function computeCoverage(parsed: ParsedAssignment[], ctx: RuleContext, h: Horizon): CoverageRow[] {
  const grid = new Map<string, Float64Array>();
  const phone = parsed.filter((p) => p.agent && PHONE_ROLES.has(p.agent.role) && p.endMs > p.startMs);
  for (const p of phone) {
    let arr = grid.get(p.a.queue);
    if (!arr) grid.set(p.a.queue, (arr = new Float64Array(h.startMs.length)));
    const { idx, frac } = assignmentCoverage(h, p.startMs, p.endMs, [...p.meals, ...p.breaks, ...p.activities]);
    idx.forEach((i, k) => (arr![i] += frac[k]));
  }
  const rows: CoverageRow[] = [];
  for (const r of ctx.requirements) {
    const ms = Date.parse(r.interval_start);
    if (!(ms >= h.beginMs && ms < h.endMs)) continue;
    const i = h.intervalAt(ms);
    let scheduled: number;
    if (i >= 0) scheduled = grid.get(r.queue)?.[i] ?? 0;
    else {
      // Off the interval grid: measure the interval directly.
      scheduled = 0;
      for (const p of phone) {
        if (p.a.queue !== r.queue) continue;
        const part = assignmentCoverage({ ...h, startMs: [ms], endMs: ms + h.intervalMs, beginMs: ms, intervalContaining: () => 0 }, p.startMs, p.endMs, [...p.meals, ...p.breaks, ...p.activities]);
        scheduled += part.frac[0] ?? 0;
      }
    }
    rows.push({ queue: r.queue, interval_start: r.interval_start, required: r.required, scheduled: Math.round(scheduled * 1e6) / 1e6 });
  }
  return rows;
}

/**
 * Overtime callout candidates (MANUAL O1): who may be called in for a queue and time window, ranked.
 *
 * Eligible: a phone agent (agent or lead) offered a part of the window (src/intraday/callouts/offer-window.ts)
 * for whom the rulebook's rules (C1 minimum rest, C2 maximum consecutive days, H2 skill, H3 leave — passed in as
 * Rule objects, never re-decided here) report no violation that the overtime adds, and whose overtime this
 * month plus the offer stays within center.rules.monthlyOvertimeCapHours. The rules run on the roster with and
 * without the overtimes (an extension is judged as the base shift stretched onto the callout's queue, a new
 * shift as a shift worked that day); only violations the overtime adds count, so an old problem of the roster
 * never blocks. These four rules judge each person alone, so all candidates are judged in one pair of runs.
 *
 * Ranked lexicographically: fewest overtime hours this month (fair spread of overtime), then higher tier by
 * calls per hour (T1; no tier counts as intern, as in staffing), then already in the building (an extension
 * before a new shift), then agent id (deterministic).
 */
import type { Assignment, Roster, Violation } from '../../../solver/roster.ts';
import { buildRuleContext, type LeaveDay, type Rule, type RuleContext } from '../../../solver/rules/rule.ts';
import type { Agent, Center, Tier } from '../../domain/center-schema.ts';
import { addDays, monthDates } from '../../time/local-day.ts';
import { zonedIsoRenderer } from '../zoned-iso.ts';
import { DateTime } from 'luxon';
import { offerWindow, type OfferMode } from './offer-window.ts';

export interface CalloutWindow {
  queue: string;
  fromMs: number;
  toMs: number;
}

export interface RankInput {
  center: Center;
  window: CalloutWindow;
  /** Published assignments of every agent from ~2 weeks before the window's month to a few days after. */
  assignments: readonly Assignment[];
  /** Overtime minutes already in the window's month, per agent. */
  overtimeMinutes: ReadonlyMap<string, number>;
  leave: readonly LeaveDay[];
  rules: readonly Rule[];
  /** Judge only these agents (re-checking one agent when they accept). */
  only?: ReadonlySet<string>;
}

export interface Candidate {
  agent: string;
  rank: number;
  /** The roster day the overtime belongs to (the extended shift's day, or the window's). */
  date: string;
  start: string;
  end: string;
  mode: OfferMode;
  hours: number;
  overtimeHoursThisMonth: number;
  tier: Tier | null;
  callsPerHour: number;
  /** The offer's base shift id (extensions). */
  extends?: string;
  reasons: string[];
}

export interface Excluded {
  agent: string;
  /** Rule ids that refused (C1, C2, H2, H3, O1-cap) or "offer" when no part of the window fits. */
  rules: string[];
  reasons: string[];
}

export interface RankResult {
  date: string;
  candidates: Candidate[];
  excluded: Excluded[];
}

export const PHONE_ROLES = new Set(['agent', 'lead']);
const DEFAULT_CPH: Record<Tier, number> = { intern: 11, C: 13, B: 15, A: 17 };

export function cphTable(center: Center, queue: string): Record<Tier, number> {
  const q = center.queues.find((x) => x.id === queue && x.kind === 'outbound') ?? center.queues.find((x) => x.kind === 'outbound');
  return q && q.kind === 'outbound' ? q.callsPerHour : DEFAULT_CPH;
}

export type Tally = Map<string, { n: number; penalty: number; message: string }>;

/** Per agent, per rule: count, penalty and a message of the violations. */
export function tallyByAgent(violations: readonly Violation[]): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const v of violations) {
    if (v.agent === undefined) continue;
    const t = out.get(v.agent) ?? out.set(v.agent, new Map()).get(v.agent)!;
    const cur = t.get(v.rule) ?? { n: 0, penalty: 0, message: v.message };
    cur.n += 1;
    cur.penalty += v.penalty;
    cur.message = v.message;
    t.set(v.rule, cur);
  }
  return out;
}

export function runRules(rules: readonly Rule[], ctx: RuleContext, center: Center, month: string, assignments: Assignment[]): Violation[] {
  const roster: Roster = { center: center.id, month, assignments, coverage: [], score: { hard: 0, understaffed: 0, overstaffed: 0, soft: 0 }, violations: [] };
  return rules.flatMap((r) => r.check(roster, ctx));
}

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/**
 * Days either side of the callout's day that can matter to C1 and C2: the longest run any contract allows plus
 * two. The rules are run over the month's days within this reach only (they judge rest between neighbouring
 * shifts and runs of days, so nothing further away changes with the overtime).
 */
export function contextDays(center: Center): number {
  return Math.max(8, ...center.agents.map((a) => (a.contract.maxConsecutiveDays ?? center.rules.defaultMaxConsecutiveDays) + 2));
}

type OfferOf = { agent: Agent; own: Assignment[]; offer: { mode: OfferMode; startMs: number; endMs: number; base?: Assignment } };

export function rankCandidates(input: RankInput): RankResult {
  const { center, window } = input;
  const zone = center.timezone;
  const render = zonedIsoRenderer(zone);
  const date = DateTime.fromMillis(window.fromMs, { zone }).toISODate()!;
  const month = date.slice(0, 7);
  const reach = contextDays(center);
  const dates = monthDates(month).filter((d) => d >= addDays(date, -reach) && d <= addDays(date, reach));
  const monthStart = dates[0];
  const capMinutes = center.rules.monthlyOvertimeCapHours * 60;
  const cph = cphTable(center, window.queue);

  const byAgent = new Map<string, Assignment[]>();
  for (const a of input.assignments) (byAgent.get(a.agent) ?? byAgent.set(a.agent, []).get(a.agent)!).push(a);

  const excluded: Excluded[] = [];
  const offers: OfferOf[] = [];
  for (const agent of center.agents) {
    if (!PHONE_ROLES.has(agent.role) || (input.only && !input.only.has(agent.id))) continue;
    const own = byAgent.get(agent.id) ?? [];
    const offer = offerWindow(own, window.fromMs, window.toMs);
    if ('reason' in offer) excluded.push({ agent: agent.id, rules: ['offer'], reasons: [offer.reason] });
    else offers.push({ agent, own, offer });
  }

  // C1, C2, H2 and H3 each judge a person alone, so every candidate's overtime goes into one roster and each
  // rule runs at most twice in all (with and without the overtimes); a violation counts against its own agent. The
  // "month" the rules see is the month's days within reach of the callout; earlier days are `previous`.
  // Only people with a violation after need the run without their overtime (to tell new from old problems);
  // the context object is kept (the rulebook caches per context), its `previous` narrowed to them.
  const earlier = (list: readonly OfferOf[]) => list.flatMap((o) => o.own.filter((a) => a.date < monthStart));
  const ctx = buildRuleContext(center, month, dates, { leave: [...input.leave], previous: earlier(offers) });
  const inMonth = (list: readonly Assignment[]) => list.filter((a) => a.date >= monthStart && a.date <= dates[dates.length - 1]);
  const after = tallyByAgent(runRules(input.rules, ctx, center, month, offers.flatMap((o) => inMonth(withOvertime(o.own, o.agent, window.queue, o.offer, date, render)))));
  const flagged = offers.filter((o) => after.has(o.agent.id));
  ctx.previous = earlier(flagged);
  const before = tallyByAgent(runRules(input.rules, ctx, center, month, flagged.flatMap((o) => inMonth(o.own))));

  const eligible: Array<Omit<Candidate, 'rank'> & { inBuilding: boolean }> = [];
  for (const { agent, offer } of offers) {
    const refusals = added(before.get(agent.id), after.get(agent.id));
    const otMinutes = input.overtimeMinutes.get(agent.id) ?? 0;
    const offerMinutes = (offer.endMs - offer.startMs) / 60_000;
    if (otMinutes + offerMinutes > capMinutes + 1e-9) {
      refusals.rules.push('O1-cap');
      refusals.reasons.push(`overtime ${hours(otMinutes)} h this month + ${hours(offerMinutes)} h > cap ${center.rules.monthlyOvertimeCapHours} h`);
    }
    if (refusals.rules.length > 0) {
      excluded.push({ agent: agent.id, ...refusals });
      continue;
    }
    const tier = agent.tier ?? null;
    const rate = cph[tier ?? 'intern'];
    const reasons = [
      `has the ${window.queue} skill (H2), not on leave (H3), keeps minimum rest (C1) and max consecutive days (C2)`,
      `overtime this month ${hours(otMinutes)} h + ${hours(offerMinutes)} h ≤ cap ${center.rules.monthlyOvertimeCapHours} h`,
      tier ? `tier ${tier}: ${rate} calls/h` : `no tier (counted as intern, ${rate} calls/h)`,
      offer.base
        ? `in the building: extends shift ${offer.base.shift} ${offer.mode === 'extend-after' ? 'after its end' : 'before its start'}`
        : 'not on shift in the window: a new shift',
    ];
    eligible.push({
      agent: agent.id, date: offer.base?.date ?? date, start: render(offer.startMs), end: render(offer.endMs), mode: offer.mode, hours: hours(offerMinutes),
      overtimeHoursThisMonth: hours(otMinutes), tier, callsPerHour: rate, inBuilding: !!offer.base,
      ...(offer.base ? { extends: offer.base.shift } : {}), reasons,
    });
  }
  eligible.sort((a, b) =>
    a.overtimeHoursThisMonth - b.overtimeHoursThisMonth || b.callsPerHour - a.callsPerHour
    || Number(b.inBuilding) - Number(a.inBuilding) || a.agent.localeCompare(b.agent));
  excluded.sort((a, b) => a.agent.localeCompare(b.agent));
  return {
    date,
    candidates: eligible.map(({ inBuilding: _b, ...c }, i) => ({ ...c, rank: i + 1 })),
    excluded,
  };
}

/** Rules whose violations a change adds (more of them, or a larger penalty), with a message each (overtime here, VTO too). */
export function added(before: Tally | undefined, after: Tally | undefined): { rules: string[]; reasons: string[] } {
  const rules: string[] = [];
  const reasons: string[] = [];
  for (const [rule, t] of after ?? []) {
    const b = before?.get(rule);
    if (!b || t.n > b.n || t.penalty > b.penalty + 1e-9) {
      rules.push(rule);
      reasons.push(`${rule}: ${t.message}`);
    }
  }
  return { rules, reasons };
}

/** The tentative assignments with the overtime, as the rules should see them. */
export function withOvertime(own: readonly Assignment[], agent: Agent, queue: string, offer: { mode: OfferMode; startMs: number; endMs: number; base?: Assignment }, date: string, render: (ms: number) => string): Assignment[] {
  if (offer.base) {
    const base = offer.base;
    return own.map((a) => a === base
      ? { ...a, queue, start: offer.mode === 'extend-before' ? render(offer.startMs) : a.start, end: offer.mode === 'extend-after' ? render(offer.endMs) : a.end }
      : a);
  }
  // Judged as a shift worked that day (the rulebook may treat stored overtime rows differently, e.g. H3).
  return [...own, { agent: agent.id, date, shift: 'OT', queue, start: render(offer.startMs), end: render(offer.endMs), breaks: [] }];
}

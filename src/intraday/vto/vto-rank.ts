/**
 * Voluntary time off candidates (issue 26), ranked and rule-checked the way overtime callouts are
 * (callouts/rank-candidates.ts, whose rule-delta helpers this reuses).
 *
 * Eligible: a phone agent (agent or lead) on shift on the window's queue whose shift the window can cut
 * (vto-cut.ts), and for whom the rulebook's rules that a shorter or removed shift can break — VTO_RULE_IDS, run
 * as Rule objects, never re-decided here — report no violation the time off adds (an old problem of the roster
 * never blocks). The rules judge the whole month of the shift (C3 and C8 count the month), with the week before
 * it as `previous`. H4 (the template's start and length) is left out on purpose: a VTO changes them by
 * agreement, as an overtime follows its callout rather than a template. L9 for a whole shift given up is the
 * service's (vto-judge.ts), since it needs the team's roster.
 *
 * Every cut lies inside the window, where the reforecast has at least the offer's agents to spare, so any of
 * the candidates keeps coverage at or above the requirement (R3); ranked lexicographically: fewest VTO hours
 * this month (time off spread fairly), then lower calls per hour (T1 tier; whose absence costs the least
 * service), then more time off (absorbs more of the surplus), then agent id (deterministic).
 */
import { DateTime } from 'luxon';
import type { Assignment } from '../../../solver/roster.ts';
import { buildRuleContext, type LeaveDay, type Rule } from '../../../solver/rules/rule.ts';
import type { Center, Tier } from '../../domain/center-schema.ts';
import { monthDates } from '../../time/local-day.ts';
import { zonedIsoRenderer } from '../zoned-iso.ts';
import { added, cphTable, PHONE_ROLES, runRules, tallyByAgent, type Excluded } from '../callouts/rank-candidates.ts';
import { vtoCut, type VtoCut, type VtoMode } from './vto-cut.ts';

/** The rulebook's rules a shortened or removed shift can break: working days and minutes, runs of days on and off, breaks, meal, briefing, bus. */
export const VTO_RULE_IDS = ['C3', 'C5', 'C6', 'C8', 'R7', 'R8', 'R9', 'R10', 'R12'] as const;

export interface VtoWindow {
  queue: string;
  fromMs: number;
  toMs: number;
}

export interface VtoRankInput {
  center: Center;
  window: VtoWindow;
  /** Published assignments (with breaks) of the agents around the window: their shifts' month and the week before. */
  assignments: readonly Assignment[];
  /** VTO minutes already taken in the month, per agent. */
  vtoMinutes: ReadonlyMap<string, number>;
  leave: readonly LeaveDay[];
  rules: readonly Rule[];
  /** Judge only these agents (re-checking one agent when they accept). */
  only?: ReadonlySet<string>;
}

export interface VtoCandidate {
  agent: string;
  rank: number;
  /** The roster day of the shift cut. */
  date: string;
  shift: string;
  mode: VtoMode;
  /** The time off. */
  start: string;
  end: string;
  hours: number;
  /** The shift as published, and as it would be worked (null: the whole shift goes). */
  shiftStart: string;
  shiftEnd: string;
  worked: { start: string; end: string } | null;
  vtoHoursThisMonth: number;
  tier: Tier | null;
  callsPerHour: number;
  reasons: string[];
}

export interface VtoRankResult {
  candidates: VtoCandidate[];
  excluded: Excluded[];
  /** The cut behind each candidate, by agent (what an acceptance writes). */
  cuts: Map<string, VtoCut>;
}

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
const MODE_TEXT: Record<VtoMode, string> = { 'leave-early': 'goes home early', 'start-late': 'starts late', 'whole-shift': 'takes the whole shift off' };

/** Rule refusals per agent: the violations each cut adds, judged month by month of the shifts cut. */
function ruleRefusals(input: VtoRankInput, cuts: ReadonlyMap<string, VtoCut>, own: ReadonlyMap<string, Assignment[]>): Map<string, { rules: string[]; reasons: string[] }> {
  const out = new Map<string, { rules: string[]; reasons: string[] }>();
  const byMonth = new Map<string, string[]>();
  for (const [agent, cut] of cuts) (byMonth.get(cut.base.date.slice(0, 7)) ?? byMonth.set(cut.base.date.slice(0, 7), []).get(cut.base.date.slice(0, 7))!).push(agent);
  for (const [month, agents] of byMonth) {
    const dates = monthDates(month);
    const inMonth = (list: readonly Assignment[]) => list.filter((a) => a.date >= dates[0] && a.date <= dates[dates.length - 1]);
    const earlier = (list: readonly string[]) => list.flatMap((id) => (own.get(id) ?? []).filter((a) => a.date < dates[0]));
    const ctx = buildRuleContext(input.center, month, dates, { leave: [...input.leave], previous: earlier(agents) });
    // The rules judge each person alone: narrowed to these people, all cuts are judged in one pair of runs.
    ctx.agents = new Map(agents.map((id) => [id, ctx.agents.get(id)!]));
    const withCut = (id: string) => {
      const c = cuts.get(id)!;
      return (own.get(id) ?? []).flatMap((a) => (a === c.base ? (c.after ? [c.after] : []) : [a]));
    };
    const after = tallyByAgent(runRules(input.rules, ctx, input.center, month, agents.flatMap((id) => inMonth(withCut(id)))));
    const flagged = agents.filter((id) => after.has(id));
    const before = tallyByAgent(runRules(input.rules, ctx, input.center, month, flagged.flatMap((id) => inMonth(own.get(id) ?? []))));
    for (const id of agents) out.set(id, added(before.get(id), after.get(id)));
  }
  return out;
}

export function rankVto(input: VtoRankInput): VtoRankResult {
  const { center, window } = input;
  const render = zonedIsoRenderer(center.timezone);
  const clock = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toFormat('HH:mm');
  const cph = cphTable(center, window.queue);
  const own = new Map<string, Assignment[]>();
  for (const a of input.assignments) (own.get(a.agent) ?? own.set(a.agent, []).get(a.agent)!).push(a);

  const excluded: Excluded[] = [];
  const cuts = new Map<string, VtoCut>();
  for (const agent of center.agents) {
    if (!PHONE_ROLES.has(agent.role) || (input.only && !input.only.has(agent.id))) continue;
    const list = own.get(agent.id) ?? [];
    const onQueue = list.some((a) => a.queue === window.queue && Date.parse(a.start) < window.toMs && Date.parse(a.end) > window.fromMs);
    // Off shift (or elsewhere) in the window: not a candidate, and listed only when asked about by name.
    if (!onQueue && !input.only) continue;
    const cut = vtoCut(list, window.queue, window.fromMs, window.toMs, center);
    if ('reason' in cut) excluded.push({ agent: agent.id, rules: ['offer'], reasons: [cut.reason] });
    else cuts.set(agent.id, cut);
  }

  const refusals = ruleRefusals(input, cuts, own);
  const eligible: Array<Omit<VtoCandidate, 'rank'>> = [];
  for (const [id, cut] of cuts) {
    const refused = refusals.get(id)!;
    if (refused.rules.length > 0) {
      excluded.push({ agent: id, ...refused });
      continue;
    }
    const agent = center.agents.find((a) => a.id === id)!;
    const tier = agent.tier ?? null;
    const rate = cph[tier ?? 'intern'];
    const taken = input.vtoMinutes.get(id) ?? 0;
    const offMinutes = (cut.offEndMs - cut.offStartMs) / 60_000;
    const start = render(cut.offStartMs);
    const end = render(cut.offEndMs);
    eligible.push({
      agent: id, date: cut.base.date, shift: cut.base.shift, mode: cut.mode, start, end, hours: hours(offMinutes),
      shiftStart: cut.base.start, shiftEnd: cut.base.end, worked: cut.after ? { start: cut.after.start, end: cut.after.end } : null,
      vtoHoursThisMonth: hours(taken), tier, callsPerHour: rate,
      reasons: [
        `on shift ${cut.base.shift} ${clock(cut.base.start)}–${clock(cut.base.end)}: ${MODE_TEXT[cut.mode]}, off ${clock(start)}–${clock(end)} inside the window, where the reforecast has agents to spare (R3)`,
        `the ${cut.after ? 'shortened shift' : 'month without this shift'} keeps ${input.rules.map((r) => r.id).join(', ')} by the rulebook`,
        `VTO this month ${hours(taken)} h`,
        tier ? `tier ${tier}: ${rate} calls/h` : `no tier (counted as intern, ${rate} calls/h)`,
      ],
    });
  }
  eligible.sort((a, b) =>
    a.vtoHoursThisMonth - b.vtoHoursThisMonth || a.callsPerHour - b.callsPerHour || b.hours - a.hours || a.agent.localeCompare(b.agent));
  excluded.sort((a, b) => a.agent.localeCompare(b.agent));
  return { candidates: eligible.map((c, i) => ({ ...c, rank: i + 1 })), excluded, cuts };
}

/**
 * A tiny center for the roster tests (Asia/Shanghai, +08:00 all year, so times can be written by hand):
 * open 08:00–20:00; queues csr and tsr; templates E 08:00 (8 h, meal 60 min in 11:00–13:00), L 12:00 (8 h,
 * meal in 15:00–17:30), F floating start 09:00–16:00 (4 h); team t1 (csr, lead l1) and t2 (tsr, lead l2),
 * both under supervisor s1; s2 a second supervisor; a1–a4 csr agents (a4 cross-skilled), b1 a tsr agent,
 * f1 a floating csr agent. Shifts are written with explicit local times, independent of the solver's code.
 */
import { centerSchema, type Center, type CenterInput } from '../../src/domain/center-schema.ts';
import { parseCenter } from '../../src/domain/center-loader.ts';
import type { Assignment, BreakSlot, Roster } from '../../solver/roster.ts';
import { buildRuleContext, type RuleContext } from '../../solver/rules/rule.ts';
import { monthDates } from '../../src/time/local-day.ts';

export const MONTH = '2026-12';

export function tinyCenterInput(): CenterInput {
  const agent = (id: string, team: string, skills: string[], extra: Record<string, unknown> = {}) => ({
    id, name: id, team, role: 'agent' as const, skills, contract: { minDays: 16, maxDays: 23, templates: ['E', 'L'] }, ...extra,
  });
  return {
    id: 'tiny',
    name: 'tiny',
    timezone: 'Asia/Shanghai',
    intervalMinutes: 30,
    open: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '08:00', to: '20:00' }],
    queues: [
      { id: 'csr', kind: 'inbound', ahtSeconds: 240, maxOccupancy: 0.85 },
      { id: 'tsr', kind: 'outbound' },
    ],
    shiftTemplates: [
      { id: 'E', start: '08:00', minutes: 480, meal: { minutes: 60, from: '11:00', to: '13:00' } },
      { id: 'L', start: '12:00', minutes: 480, meal: { minutes: 60, from: '15:00', to: '17:30' } },
      { id: 'F', start: ['09:00', '16:00'], minutes: 240, floating: true },
    ],
    teams: [
      { id: 't1', queue: 'csr', lead: 'l1', supervisor: 's1' },
      { id: 't2', queue: 'tsr', lead: 'l2', supervisor: 's1' },
    ],
    agents: [
      { id: 's1', name: 's1', role: 'supervisor', skills: ['csr', 'tsr'], contract: { minDays: 14, maxDays: 23, templates: ['E', 'L'] } },
      { id: 's2', name: 's2', role: 'supervisor', skills: ['csr', 'tsr'], contract: { minDays: 14, maxDays: 23, templates: ['E', 'L'] } },
      { id: 's3', name: 's3', role: 'supervisor', skills: ['csr', 'tsr'], contract: { minDays: 14, maxDays: 23, templates: ['E', 'L'] } },
      { id: 'm1', name: 'm1', role: 'manager', skills: [], contract: { minDays: 0, maxDays: 0 } },
      { ...agent('l1', 't1', ['csr']), role: 'lead' as const },
      agent('a1', 't1', ['csr']),
      agent('a2', 't1', ['csr']),
      agent('a3', 't1', ['csr']),
      agent('a4', 't1', ['csr', 'tsr']),
      agent('f1', 't1', ['csr'], { contract: { minDays: 10, maxDays: 20, templates: ['F'] } }),
      { ...agent('l2', 't2', ['tsr']), role: 'lead' as const },
      agent('b1', 't2', ['tsr']),
      agent('b2', 't2', ['tsr']),
    ],
  };
}

export function tinyCenter(change?: (c: CenterInput) => void): Center {
  const input = tinyCenterInput();
  change?.(input);
  return parseCenter(centerSchema.parse(input));
}

/** "2026-12-01" + "08:40" → "2026-12-01T08:40:00+08:00". */
export function at(date: string, hhmm: string): string {
  return `${date}T${hhmm}:00+08:00`;
}

function plusMinutes(date: string, hhmm: string, minutes: number): string {
  const ms = Date.parse(at(date, hhmm)) + minutes * 60_000;
  const d = new Date(ms + 8 * 3_600_000);
  return `${d.toISOString().slice(0, 19)}+08:00`;
}

export interface ShiftSpec {
  queue?: string;
  meal?: string | null;
  mealMinutes?: number;
  breaks?: string[];
  minutes?: number;
  report?: string;
}

const DEFAULTS: Record<string, { start: string; minutes: number; meal: string | null; breaks: string[] }> = {
  // Working hours of E 08:00–16:00 with the meal 12:00–13:00: 08–09, 09–10, 10–11, 11–12, 13–14, 14–15, 15–16.
  E: { start: '08:00', minutes: 480, meal: '12:00', breaks: ['08:40', '09:40', '10:40', '11:40', '13:40', '14:40', '15:40'] },
  L: { start: '12:00', minutes: 480, meal: '16:00', breaks: ['12:40', '13:40', '14:40', '15:40', '17:40', '18:40', '19:40'] },
  F: { start: '09:00', minutes: 240, meal: null, breaks: ['09:40', '10:40', '11:40', '12:40'] },
};

/** A shift written out by hand: by default the template's valid pattern above. */
export function shift(agent: string, date: string, template: string, start?: string, spec: ShiftSpec = {}): Assignment {
  const d = DEFAULTS[template];
  const s = start ?? d.start;
  const minutes = spec.minutes ?? d.minutes;
  const breaks: BreakSlot[] = [];
  const meal = spec.meal === undefined ? d.meal : spec.meal;
  if (meal) breaks.push({ start: at(date, meal), minutes: spec.mealMinutes ?? 60, kind: 'meal' });
  for (const b of spec.breaks ?? d.breaks) breaks.push({ start: at(date, b), minutes: 5, kind: 'break' });
  return {
    agent, date, shift: template, queue: spec.queue ?? (agent.startsWith('b') || agent === 'l2' ? 'tsr' : 'csr'),
    start: at(date, s), end: plusMinutes(date, s, minutes), breaks,
    ...(spec.report ? { report: at(date, spec.report) } : {}),
  };
}

export function roster(assignments: Assignment[], coverage: Roster['coverage'] = []): Roster {
  return { center: 'tiny', month: MONTH, assignments, coverage, score: { hard: 0, understaffed: 0, overstaffed: 0, soft: 0 }, violations: [] };
}

export function context(center: Center = tinyCenter(), parts: Parameters<typeof buildRuleContext>[3] = {}): RuleContext {
  return buildRuleContext(center, MONTH, monthDates(MONTH), parts);
}

/** Dates of December 2026 from day `from` (1-based) for `n` days. */
export function days(from: number, n: number): string[] {
  return monthDates(MONTH).slice(from - 1, from - 1 + n);
}

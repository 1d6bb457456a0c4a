/**
 * Requirements for benchmarks and tests, built from real traffic: the average weekday profile of the bank call
 * data (data/bank-calls-2003: Shen & Huang 2008, via Hyndman's fpp2), scaled to a center's size. The conversion:
 *
 * 1. Inbound (the center's first inbound queue): the bank's calls per 5 min, averaged over all weekdays by clock
 *    time, summed into the center's intervals; the bank's 14-hour day (07:00–21:00) is stretched onto each
 *    day's opening hours. Weekday factors are the bank's mean daily volume per weekday over their mean;
 *    Saturday and Sunday (the bank is closed) take 0.6 and 0.5 of it (an assumption of this benchmark).
 *    Agents per interval come from the staffing module (src/staffing: Erlang A with the queue's patience,
 *    else Erlang C, at the queue's service level and occupancy cap), for the calls scaled by a factor found by
 *    bisection so that the month's required agent-hours match the target below.
 * 2. Outbound queues: a flat requirement over 09:00–21:00 (calling hours), every open day, scaled likewise and
 *    rounded to whole agents.
 * 3. The target of each queue: `utilization` × the on-phone hours its team members give at the middle of their
 *    contract's day range (shift minus meal minus hourly breaks). utilization = 0.9 by default: a center
 *    staffed for its traffic with 10% to spare.
 */
import { readFileSync } from 'node:fs';
import type { Center } from '../../src/domain/center-schema.ts';
import type { RequirementPoint } from '../../src/formats/requirements-csv.ts';
import { clockMinutes } from '../../src/time/clock.ts';
import { buildHorizon } from '../model/horizon.ts';
import { openSpans } from '../model/opening.ts';
import { PHONE_ROLES } from '../rules/availability.ts';
import { computeRequirements } from '../../src/staffing/requirements.ts';

export const BANK_TRAFFIC_FILE = new URL('../../data/bank-calls-2003/traffic-5min.csv', import.meta.url);

export interface BankProfile {
  /** Mean calls per 5-minute slot from 07:00 (index 0) over weekdays. */
  perSlot: number[];
  /** Mean daily calls Monday..Friday relative to their mean. */
  weekdayFactor: number[];
}

export function readBankProfile(text = readFileSync(BANK_TRAFFIC_FILE, 'utf8')): BankProfile {
  const sums = new Map<number, number>();
  const days = new Map<string, { weekday: number; total: number }>();
  for (const line of text.split('\n').slice(1)) {
    const [ts, offered] = line.split(',');
    if (!ts || offered === undefined) continue;
    const calls = Number(offered);
    const slot = (clockMinutes(ts.slice(11, 16)) - 7 * 60) / 5;
    if (slot < 0 || slot >= 168) continue; // 07:00–21:00
    sums.set(slot, (sums.get(slot) ?? 0) + calls);
    const date = ts.slice(0, 10);
    const day = days.get(date) ?? { weekday: new Date(`${date}T00:00:00Z`).getUTCDay(), total: 0 };
    day.total += calls;
    days.set(date, day);
  }
  const n = days.size;
  const perSlot = Array.from({ length: 168 }, (_, s) => (sums.get(s) ?? 0) / n);
  const byWeekday = [1, 2, 3, 4, 5].map((wd) => {
    const list = [...days.values()].filter((d) => d.weekday === wd);
    return list.reduce((s, d) => s + d.total, 0) / Math.max(1, list.length);
  });
  const mean = byWeekday.reduce((a, b) => a + b, 0) / 5;
  return { perSlot, weekdayFactor: byWeekday.map((v) => v / mean) };
}

const WEEKEND_FACTOR = { 6: 0.6, 7: 0.5 } as const;

/** On-phone hours a person gives in a month at the middle of their contract range. */
function capacityHours(center: Center, agentTemplates: string[] | undefined, days: number): number {
  const templates = center.shiftTemplates.filter((t) => !agentTemplates || agentTemplates.includes(t.id));
  if (templates.length === 0) return 0;
  const perShift =
    templates.reduce((s, t) => {
      const meal = t.minutes > center.rules.mealAfterShiftMinutes ? t.meal?.minutes ?? center.rules.defaultMealMinutes : 0;
      return s + ((t.minutes - meal) / 60) * (1 - center.rules.hourlyBreakMinutes / 60);
    }, 0) / templates.length;
  return days * perShift;
}

export function requirementsFromBankProfile(
  center: Center,
  month: string,
  options: { utilization?: number; profile?: BankProfile } = {},
): RequirementPoint[] {
  const utilization = options.utilization ?? 0.9;
  const profile = options.profile ?? readBankProfile();
  const h = buildHorizon(month, center.timezone, center.intervalMinutes);
  const out: RequirementPoint[] = [];
  const inbound = center.queues.find((q) => q.kind === 'inbound');
  for (const queue of center.queues) {
    const raw: Array<{ i: number; v: number }> = [];
    h.dates.forEach((date, d) => {
      const spans = openSpans(center, date);
      if (spans.length === 0) return;
      const wd = h.weekdays[d];
      const factor = wd <= 5 ? profile.weekdayFactor[wd - 1] : WEEKEND_FACTOR[wd as 6 | 7];
      const from = spans[0].fromMs;
      const to = spans[spans.length - 1].toMs;
      for (let i = h.dayFirst[d]; i < h.dayFirst[d + 1]; i++) {
        const t0 = h.startMs[i];
        if (t0 < from || t0 >= to) continue;
        let v: number;
        if (queue === inbound) {
          // Stretch the bank's 168 slots onto [from, to) and sum the slots this interval covers.
          const a = ((t0 - from) / (to - from)) * 168;
          const b = ((t0 + h.intervalMs - from) / (to - from)) * 168;
          v = 0;
          for (let s = Math.floor(a); s < Math.ceil(b) && s < 168; s++) v += profile.perSlot[s] * (Math.min(b, s + 1) - Math.max(a, s));
          v *= factor;
        } else {
          const minute = h.minuteOfDay[i];
          v = minute >= 9 * 60 && minute < 21 * 60 ? 1 : 0;
        }
        raw.push({ i, v });
      }
    });
    const teams = new Set(center.teams.filter((t) => t.queue === queue.id).map((t) => t.id));
    const capacity = center.agents
      .filter((a) => PHONE_ROLES.has(a.role) && a.team && teams.has(a.team))
      .reduce((s, a) => s + capacityHours(center, a.contract.templates, (a.contract.minDays + a.contract.maxDays) / 2), 0);
    const target = utilization * capacity;
    const hours = h.intervalMinutes / 60;
    if (raw.length === 0 || capacity === 0) continue;
    if (queue === inbound) {
      const agentsAt = (scale: number) =>
        computeRequirements(
          raw.map((r) => ({ queue: queue.id, intervalStart: h.startIso[r.i], offered: r.v * scale, ahtSeconds: queue.ahtSeconds, lower: 0, upper: 0, model: 'bank-profile' })),
          center,
          { intervalMinutes: h.intervalMinutes },
        ).points;
      const total = (scale: number) => agentsAt(scale).reduce((sum, p) => sum + p.required * hours, 0);
      let lo = 0;
      let hi = 1;
      while (total(hi) < target && hi < 1e6) hi *= 2;
      for (let k = 0; k < 40 && hi - lo > 1e-6 * hi; k++) {
        const mid = (lo + hi) / 2;
        if (total(mid) < target) lo = mid;
        else hi = mid;
      }
      const best = Math.abs(total(lo) - target) <= Math.abs(total(hi) - target) ? lo : hi;
      for (const p of agentsAt(best)) out.push({ queue: p.queue, interval_start: p.interval_start, required: p.required });
    } else {
      const sum = raw.reduce((acc, r) => acc + r.v, 0) * hours;
      const scale = target / sum;
      for (const r of raw) out.push({ queue: queue.id, interval_start: h.startIso[r.i], required: Math.round(r.v * scale) });
    }
  }
  return out;
}

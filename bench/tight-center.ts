/**
 * Generated tight centers for the roster benchmark: several queues with multi-skilled staff, a time zone with
 * daylight saving (America/New_York by default, so March and November have a 23- and a 25-hour day), and
 * requirements whose peaks stand `peak` (20–40%) above the level the staff could hold if their phone hours were
 * spread evenly over the open hours — peaks the roster can only meet by bunching shifts and placing meals and
 * breaks around them. Seeded: the same options give the same center on every machine.
 *
 * Shape: open 08:00–20:00 every day; templates E (08:00, 8.5 h), M (window 09:00–11:30, 8.5 h), L (11:30,
 * 8.5 h), each with a 60-minute meal in a window, and P (part-time, 4 h, window 08:00–16:00). Teams of ~12 per
 * queue with a lead; `multiSkill` of the staff also hold the next queue's skill. Queue q's day has its own two
 * peaks (morning and afternoon, shifted per queue), weekends at 70%.
 */
import { DateTime } from 'luxon';
import { parseCenter } from '../src/domain/center-loader.ts';
import type { Center, CenterInput } from '../src/domain/center-schema.ts';
import { seededRandom } from '../src/demo/generate-center.ts';
import type { RequirementPoint } from '../src/formats/requirements-csv.ts';
import { isoWithOffset, monthDates } from '../src/time/local-day.ts';

export interface TightOptions {
  people: number;
  month: string;
  seed?: number;
  zone?: string;
  queues?: number;
  multiSkill?: number;
  /** Peak requirement ÷ the even level − 1 (0.2–0.4). */
  peak?: number;
  /** Required hours ÷ the hours the staff give at their most days (default 0.85). */
  load?: number;
}

const QUEUE_IDS = ['sales', 'service', 'billing', 'support', 'retention'];
const OPEN_FROM = 8;
const OPEN_TO = 20;

export function tightCenter(o: TightOptions): { center: Center; requirements: RequirementPoint[] } {
  const rand = seededRandom(o.seed ?? 1);
  const zone = o.zone ?? 'America/New_York';
  const queues = QUEUE_IDS.slice(0, o.queues ?? 3);
  const teamSize = 12;
  const teamCount = Math.max(queues.length, Math.round(o.people / teamSize));
  const supervisors = Array.from({ length: Math.max(4, Math.ceil(teamCount / 2)) }, (_, i) => `s${i + 1}`);
  const agents: NonNullable<CenterInput['agents']> = supervisors.map((id) => ({
    id, name: id, role: 'supervisor' as const, skills: queues, contract: { minDays: 16, maxDays: 22, maxConsecutiveDays: 6, minRestHours: 11, templates: ['E', 'L'] },
  }));
  const teams: NonNullable<CenterInput['teams']> = [];
  let n = 0;
  for (let t = 0; t < teamCount; t++) {
    const q = t % queues.length;
    const size = Math.round(((t + 1) * o.people) / teamCount) - Math.round((t * o.people) / teamCount);
    const members: string[] = [];
    for (let k = 0; k < size; k++) {
      const id = `p${String(++n).padStart(4, '0')}`;
      members.push(id);
      const multi = rand() < (o.multiSkill ?? 0.3);
      const partTime = k > 0 && rand() < 0.15;
      agents.push({
        id, name: id, team: `t${t + 1}`, role: k === 0 ? 'lead' : 'agent',
        skills: multi ? [queues[q], queues[(q + 1) % queues.length]] : [queues[q]],
        contract: partTime
          ? { minDays: 16, maxDays: 22, maxConsecutiveDays: 6, minRestHours: 11, templates: ['P'] }
          : { minDays: 18, maxDays: 22, maxConsecutiveDays: 6, minRestHours: 11, templates: ['E', 'M', 'L'] },
      });
    }
    teams.push({ id: `t${t + 1}`, queue: queues[q], lead: members[0], supervisor: supervisors[Math.floor(t / 2) % supervisors.length] });
  }
  const center = parseCenter({
    id: `tight-${o.people}`, name: `tight-${o.people}`, timezone: zone, intervalMinutes: 30,
    open: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '08:00', to: '20:00' }],
    queues: queues.map((id) => ({ id, kind: 'inbound' as const, serviceLevel: { target: 0.8, seconds: 20 }, ahtSeconds: 240 })),
    shiftTemplates: [
      { id: 'E', start: '08:00', minutes: 510, meal: { minutes: 60, from: '11:00', to: '13:30' } },
      { id: 'M', start: ['09:00', '11:30'], minutes: 510, meal: { minutes: 60, from: '12:00', to: '15:30' } },
      { id: 'L', start: '11:30', minutes: 510, meal: { minutes: 60, from: '14:30', to: '17:30' } },
      { id: 'P', start: ['08:00', '16:00'], minutes: 240 },
    ],
    teams, agents, rules: {}, busDepartures: [], specialDays: [],
  });
  return { center, requirements: tightRequirements(center, o.month, o.peak ?? 0.3, o.load ?? 0.85) };
}

/** Queue q's relative demand at a local hour: two peaks, shifted by an hour per queue. */
function shape(q: number, hour: number): number {
  const bump = (mu: number, sd: number) => Math.exp(-(((hour - mu) / sd) ** 2) / 2);
  return 0.35 + bump(10.5 + q * 0.75, 1.2) + 0.8 * bump(15 + q * 0.5, 1.5);
}

function tightRequirements(center: Center, month: string, peak: number, load: number): RequirementPoint[] {
  const zone = center.timezone;
  const dates = monthDates(month);
  const phone = center.agents.filter((a) => a.role === 'agent' || a.role === 'lead');
  const out: RequirementPoint[] = [];
  center.queues.forEach((queue, q) => {
    // The even level: the phone hours the queue's own staff give at their contract's most days, spread over the
    // open hours. Requirements total `load` of them, shaped so that the busiest interval is (1 + peak) × even.
    const staff = phone.filter((a) => a.skills[0] === queue.id);
    const hours = staff.reduce((s, a) => s + a.contract.maxDays * (a.contract.templates?.includes('P') ? 4 : 7.5) * (55 / 60), 0);
    const openHours = dates.length * (OPEN_TO - OPEN_FROM);
    const even = hours / openHours;
    const slots: Array<{ start: DateTime; weight: number }> = [];
    for (const date of dates) {
      const day = DateTime.fromISO(date, { zone });
      const weekend = day.weekday >= 6 ? 0.7 : 1;
      for (let h = OPEN_FROM; h < OPEN_TO; h += 0.5) slots.push({ start: day.set({ hour: Math.floor(h), minute: (h % 1) * 60 }), weight: weekend * shape(q, h + 0.25) });
    }
    const mean = slots.reduce((s, x) => s + x.weight, 0) / slots.length;
    const top = Math.max(...slots.map((s) => s.weight));
    // Peaks as asked, unless the load asks for more: the shape is sharpened (w^k) until top ÷ mean meets it.
    let k = 1;
    const ratio = (kk: number) => {
      const ws = slots.map((s) => s.weight ** kk);
      return Math.max(...ws) / (ws.reduce((a, b) => a + b, 0) / ws.length);
    };
    while (load * ratio(k) < 1 + peak && k < 8) k += 0.05;
    const ws = slots.map((s) => s.weight ** k);
    const wMean = ws.reduce((a, b) => a + b, 0) / ws.length;
    void top;
    void mean;
    slots.forEach((s, i) => out.push({ queue: queue.id, interval_start: isoWithOffset(s.start), required: Math.round((load * even * ws[i]) / wMean) }));
  });
  return out;
}

/**
 * Headcount and hiring gap for a month (MANUAL R2), per queue, with every line of the arithmetic:
 *
 *   phone hours H        = Σ required × interval hours (the month's requirements)
 *   shifts S             = H ÷ phone hours of the standard shift (shift − R8 meal − R7 breaks)
 *   shift paid hours     = H + S × (breaks + meal + R10/TR4 briefing and meeting)
 *   training hours       = current agents × (TR2 exam + TR2 in-seat training + TR3 outward-bound)
 *   required R           = (shift paid hours + training hours) ÷ (1 − absence)        (L9 attendance floor)
 *   available C          = Σ agents' contract hours − approved leave − L10 training days (src/staffing/agent-capacity.ts)
 *   gap G                = R − C
 *   net hours per hire   = days × paid hours a day × productivity − TR1 training − own TR2/TR3 hours ÷ (1 − absence)
 *   hires                = ⌈G ÷ net hours per hire⌉ (0 when G ≤ 0)
 *
 * Productivity is 1 for inbound queues; for outbound it is CPH(new-hire tier) ÷ CPH(current mix) (T1), since a
 * new intern makes fewer calls an hour than the mix the requirements assumed. Every assumption is a parameter
 * (src/staffing/headcount-assumptions.ts). The result is plain JSON.
 */
import { median } from 'simple-statistics';
import type { Center, Queue, Tier } from '../domain/center-schema.ts';
import { ValidationError, type ProblemItem } from '../errors.ts';
import type { RequirementPoint } from '../formats/requirements-csv.ts';
import { dayStart } from '../time/local-day.ts';
import { agentCapacities, openDates, type AgentCapacity, type LeaveDay } from './agent-capacity.ts';
import { describeAssumptions, resolveAssumptions, type AssumptionLine, type HeadcountAssumptionsInput } from './headcount-assumptions.ts';
import { tierMix } from './outbound.ts';
import { shiftTime, type ShiftTime } from './shift-time.ts';
import { grossUp } from './shrinkage.ts';

export interface StaffingPlanInput {
  center: Center;
  /** YYYY-MM */
  month: string;
  /** Agents on the phones per queue and interval; rows outside the month are ignored. */
  requirements: readonly RequirementPoint[];
  /** Approved leave (and other days off the roster), one entry per agent and day. */
  approvedLeave?: readonly LeaveDay[];
  assumptions?: HeadcountAssumptionsInput;
  /** Default: the center's intervalMinutes. */
  intervalMinutes?: number;
}

export interface PlanStep {
  label: string;
  rule: string | null;
  /** The arithmetic with the numbers filled in. */
  formula: string;
  value: number;
  unit: string;
}

export interface Hire {
  queue: string;
  /** Tier the new agents start at (outbound, T1); null for inbound queues, which have no tiers. */
  tier: Tier | null;
  count: number;
}

export interface QueuePlan {
  queue: string;
  kind: Queue['kind'];
  currentAgents: number;
  requiredPaidHours: number;
  availablePaidHours: number;
  gapHours: number;
  hires: Hire[];
  steps: PlanStep[];
}

export interface StaffingPlan {
  center: string;
  month: string;
  openDays: number;
  shift: ShiftTime;
  assumptions: AssumptionLine[];
  queues: QueuePlan[];
  hires: Hire[];
  totalHires: number;
  warnings: string[];
}

const fmt = (x: number, digits = 2) => (Number.isInteger(x) ? String(x) : x.toFixed(digits));

function monthBounds(center: Center, month: string): [number, number] {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new ValidationError(`month must be YYYY-MM, got "${month}"`, [{ where: 'month', message: `expected YYYY-MM, got "${month}"` }]);
  const start = dayStart(`${month}-01`, center.timezone);
  return [start.toMillis(), start.plus({ months: 1 }).toMillis()];
}

/** Σ required × interval hours per queue, for the rows inside the month. */
function phoneHoursByQueue(center: Center, month: string, requirements: readonly RequirementPoint[], intervalMinutes: number) {
  const [from, to] = monthBounds(center, month);
  const queueIds = new Set(center.queues.map((q) => q.id));
  const hours = new Map<string, { hours: number; rows: number }>();
  const problems: ProblemItem[] = [];
  requirements.forEach((r, i) => {
    if (!queueIds.has(r.queue)) {
      if (problems.length < 50) problems.push({ where: `requirements[${i}].queue`, message: `queue "${r.queue}" is not in the center` });
      return;
    }
    const ms = Date.parse(r.interval_start);
    if (Number.isNaN(ms) || !(r.required >= 0)) {
      if (problems.length < 50) problems.push({ where: `requirements[${i}]`, message: `bad row ${r.interval_start} / ${r.required}` });
      return;
    }
    if (ms < from || ms >= to) return;
    const h = hours.get(r.queue) ?? { hours: 0, rows: 0 };
    h.hours += (r.required * intervalMinutes) / 60;
    h.rows += 1;
    hours.set(r.queue, h);
  });
  if (problems.length > 0) throw new ValidationError(`requirements: ${problems.length} problem(s)`, problems);
  return hours;
}

export function staffingPlan(input: StaffingPlanInput): StaffingPlan {
  const { center, month } = input;
  const a = resolveAssumptions(center, input.assumptions);
  const intervalMinutes = input.intervalMinutes ?? center.intervalMinutes;
  const template = center.shiftTemplates.find((t) => t.id === a.shiftTemplate)!;
  const shift = shiftTime(template, a);
  const phone = phoneHoursByQueue(center, month, input.requirements, intervalMinutes);
  const openDays = openDates(center, month).length;
  const capacities = agentCapacities(center, month, input.approvedLeave ?? [], a);
  const warnings: string[] = [];
  if (shift.phoneMinutes === 0) throw new ValidationError(`shift template "${template.id}" leaves no time on the phones`);

  const queues: QueuePlan[] = center.queues.map((queue) => {
    const steps: PlanStep[] = [];
    const step = (label: string, rule: string | null, formula: string, value: number, unit: string) => {
      steps.push({ label, rule, formula, value, unit });
      return value;
    };
    const mine = capacities.filter((c) => c.queue === queue.id);
    const n = mine.length;
    const p = phone.get(queue.id) ?? { hours: 0, rows: 0 };
    if (p.rows === 0) warnings.push(`queue "${queue.id}": no requirements inside ${month}; only training hours are planned`);

    const H = step('phone hours', 'R2', `Σ required × ${fmt(intervalMinutes / 60, 3)} h over ${p.rows} intervals`, p.hours, 'agent-hours');
    const S = step('shifts', null, `${fmt(H)} h ÷ ${fmt(shift.phoneMinutes / 60, 3)} h on the phones per ${template.id} shift (${shift.shiftMinutes} − meal ${shift.mealMinutes} − breaks ${shift.breakMinutes} min)`, H / (shift.phoneMinutes / 60), 'shifts');
    const breaks = step('hourly breaks', 'R7', `${fmt(S)} shifts × ${shift.breaks} × ${a.hourlyBreakMinutes} min`, (S * shift.breakMinutes) / 60, 'hours');
    const meals = step('meals', 'R8', `${fmt(S)} shifts × ${shift.mealMinutes} min (shift ${shift.shiftMinutes} min ${shift.mealMinutes > 0 ? '>' : '≤'} ${a.mealAfterShiftMinutes})`, (S * shift.mealMinutes) / 60, 'hours');
    const meetings = step('briefings and meetings', 'R10/TR4', `${fmt(S)} shifts × (${shift.briefingMinutes} + ${shift.debriefMinutes}) min`, (S * (shift.briefingMinutes + shift.debriefMinutes)) / 60, 'hours');
    const shiftPaid = step('shift paid hours', null, `${fmt(H)} + ${fmt(breaks)} + ${fmt(meals)} + ${fmt(meetings)}`, H + breaks + meals + meetings, 'hours');
    const perAgentTraining = a.monthlyExamHoursPerAgent + a.inSeatTrainingHoursPerAgent + a.outwardBoundHoursPerAgent;
    const working = mine.filter((c) => c.availableHours > 0).length;
    const training = step('exam and training hours', 'TR2/TR3', `${working} working agents × (${fmt(a.monthlyExamHoursPerAgent)} exam + ${fmt(a.inSeatTrainingHoursPerAgent)} in-seat + ${fmt(a.outwardBoundHoursPerAgent)} outward-bound) h`, working * perAgentTraining, 'hours');
    const beforeAbsence = step('required before absence', null, `${fmt(shiftPaid)} + ${fmt(training)}`, shiftPaid + training, 'hours');
    const R = step('required paid hours', 'L9', `${fmt(beforeAbsence)} ÷ (1 − ${fmt(a.absenceRate, 3)} absence)`, grossUp(beforeAbsence, a.absenceRate), 'hours');

    const sum = (f: (c: AgentCapacity) => number) => mine.reduce((s, c) => s + f(c), 0);
    const contract = step('contract hours', null, `Σ over ${n} agents of min(maxDays, ${openDays} open days) × paid hours a day (capped by maxMinutes)`, sum((c) => c.contractHours), 'hours');
    // Leave and training take the share of their days each person would have worked (contract ÷ open days).
    const share = (c: AgentCapacity) => (openDays > 0 ? c.contractDays / openDays : 0);
    const leaveHours = step('approved leave', null, `${sum((c) => c.leaveDays)} agent-days × each one's contract share of open days (${fmt(sum((c) => c.leaveDays * share(c)))} working days) × paid hours a day`, sum((c) => Math.min(c.contractHours, c.leaveDays * share(c) * c.paidHoursPerDay)), 'hours');
    const trainingOff = step('new-hire training days of current agents', 'L10', `${sum((c) => c.trainingDays)} agent-days × contract share × paid hours a day`, contract - leaveHours - sum((c) => c.availableHours), 'hours');
    const C = step('available paid hours', null, `${fmt(contract)} − ${fmt(leaveHours)} − ${fmt(trainingOff)}`, sum((c) => c.availableHours), 'hours');
    const G = step('gap', 'R2', `${fmt(R)} − ${fmt(C)}${R - C <= 0 ? ' (no shortfall)' : ''}`, R - C, 'hours');

    const days = a.newHireDays ?? (mine.some((c) => c.contractDays > 0) ? Math.round(median(mine.filter((c) => c.contractDays > 0).map((c) => c.contractDays))) : Math.min(22, openDays));
    step('days a new hire works', null, a.newHireDays !== null ? 'assumption newHireDays' : `median contract days of the queue's agents`, days, 'days');
    const paidPerDay = shift.paidMinutes / 60;
    let productivity = 1;
    let tier: Tier | null = null;
    if (queue.kind === 'outbound') {
      const mix = tierMix(center, queue, a.phoneRoles);
      tier = a.newHireTier;
      const mixLine = (['A', 'B', 'C', 'intern'] as const).map((t) => `${mix.headcount[t]} ${t} × ${mix.callsPerHourByTier[t]}`).join(' + ');
      step('calls per hour of the current mix', 'T1', `(${mixLine}) ÷ ${Object.values(mix.headcount).reduce((s, x) => s + x, 0)} agents`, mix.callsPerHour, 'calls/hour');
      productivity = step('new-hire productivity', 'T1', `${mix.callsPerHourByTier[tier]} (${tier}) ÷ ${fmt(mix.callsPerHour)} (mix)`, mix.callsPerHourByTier[tier] / mix.callsPerHour, 'ratio');
    }
    const perHire = step(
      'net hours per hire',
      'TR1/TR2/TR3',
      `(${days} − ${a.newHireTrainingDays} TR1 days) × ${fmt(paidPerDay, 3)} h × ${fmt(productivity, 3)} − ${fmt(perAgentTraining)} h training ÷ (1 − ${fmt(a.absenceRate, 3)})`,
      Math.max(0, days - a.newHireTrainingDays) * paidPerDay * productivity - grossUp(perAgentTraining, a.absenceRate),
      'hours',
    );
    if (G > 0 && perHire <= 0) throw new ValidationError(`queue "${queue.id}": a new hire adds no hours under these assumptions (net ${fmt(perHire)} h)`);
    const count = step('agents to hire', 'R2', G > 0 ? `⌈${fmt(G)} ÷ ${fmt(perHire)}⌉` : 'no shortfall', G > 0 ? Math.ceil(G / perHire - 1e-9) : 0, 'agents');
    return {
      queue: queue.id,
      kind: queue.kind,
      currentAgents: n,
      requiredPaidHours: R,
      availablePaidHours: C,
      gapHours: G,
      hires: count > 0 ? [{ queue: queue.id, tier, count }] : [],
      steps,
    };
  });

  const hires = queues.flatMap((q) => q.hires);
  return {
    center: center.id,
    month,
    openDays,
    shift,
    assumptions: describeAssumptions(a),
    queues,
    hires,
    totalHires: hires.reduce((s, h) => s + h.count, 0),
    warnings,
  };
}

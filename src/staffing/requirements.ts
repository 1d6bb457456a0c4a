/**
 * Requirements: agents needed on the phones per queue and interval (FORMATS.md "Requirements"), from forecast
 * points and the center. Inbound queues with `patienceSeconds` use Erlang A (src/staffing/erlang-a-agents.ts,
 * with the queue's maxAbandonRate when set), other inbound queues Erlang C (src/staffing/erlang-c-agents.ts);
 * both honour the queue's serviceLevel and maxOccupancy. Outbound queues divide the target calls by the tier
 * mix's calls per hour (src/staffing/outbound.ts). Breaks and meals are not a shrinkage factor: the roster places
 * them explicitly (MANUAL R7, R8), and absence is added by the headcount plan, not here.
 *
 * Results are memoized per call of this function by (queue, calls, AHT), so repeated forecast values (closed
 * hours, flat periods) are solved once. The result is plain JSON (no Infinity: a chosen staffing is stable).
 */
import type { Center, InboundQueue, Queue } from '../domain/center-schema.ts';
import { ValidationError, type ProblemItem } from '../errors.ts';
import type { ForecastPoint } from '../formats/forecast-csv.ts';
import type { RequirementPoint } from '../formats/requirements-csv.ts';
import { erlangAAgentsRequired } from './erlang-a-agents.ts';
import { erlangCAgentsRequired } from './erlang-c-agents.ts';
import { trafficErlangs } from './erlang-c.ts';
import { outboundAgentsRequired, tierMix, type OutboundRounding, type TierMix } from './outbound.ts';
import type { TargetName } from './targets.ts';

export type StaffingModel = 'erlang-c' | 'erlang-a' | 'outbound';

export interface RequirementsOptions {
  /** Interval length; default the center's intervalMinutes. */
  intervalMinutes?: number;
  /** Outbound agents: whole agents (default) or the exact fraction. */
  outboundRounding?: OutboundRounding;
  /** Name of the forecast's source (a file) for error locations: "F.csv row 12 (offered)". */
  source?: string;
}

export interface RequirementDetail {
  queue: string;
  intervalStart: string;
  model: StaffingModel;
  offered: number;
  /** AHT used (the forecast's, or the queue's ahtSeconds when the forecast has none); null for outbound. */
  ahtSeconds: number | null;
  trafficErlangs: number | null;
  required: number;
  /** Measures with `required` agents (inbound only). */
  serviceLevel: number | null;
  pWait: number | null;
  pAbandon: number | null;
  asaSeconds: number | null;
  occupancy: number | null;
  /** Targets one agent fewer would miss. */
  binding: TargetName[];
}

export interface QueueRequirementSummary {
  queue: string;
  kind: Queue['kind'];
  model: StaffingModel;
  intervals: number;
  offered: number;
  /** Σ required × interval hours. */
  agentHours: number;
  peakRequired: number;
  peakAt: string | null;
  /** Offered-weighted service level achieved (inbound). */
  serviceLevel: number | null;
  /** Offered-weighted abandonment (Erlang A queues). */
  pAbandon: number | null;
  /** Handled work ÷ agent time (inbound). */
  occupancy: number | null;
  /** Outbound: the tier mix and its calls per hour. */
  tierMix: TierMix | null;
}

export interface RequirementsResult {
  intervalMinutes: number;
  points: RequirementPoint[];
  details: RequirementDetail[];
  summary: QueueRequirementSummary[];
}

type Solved = Omit<RequirementDetail, 'queue' | 'intervalStart' | 'offered'>;

function solveInbound(queue: InboundQueue, offered: number, aht: number, intervalMinutes: number): Solved {
  const traffic = trafficErlangs(offered, aht, intervalMinutes * 60);
  if (queue.patienceSeconds !== undefined) {
    const r = erlangAAgentsRequired({
      trafficErlangs: traffic, ahtSeconds: aht, patienceSeconds: queue.patienceSeconds, serviceLevel: queue.serviceLevel,
      maxOccupancy: queue.maxOccupancy, maxAbandonRate: queue.maxAbandonRate,
    });
    const m = r.metrics;
    return {
      model: 'erlang-a', ahtSeconds: aht, trafficErlangs: traffic, required: r.agents, serviceLevel: m.serviceLevel,
      pWait: m.pWait, pAbandon: m.pAbandon, asaSeconds: m.asaSeconds, occupancy: m.occupancy, binding: r.binding,
    };
  }
  const r = erlangCAgentsRequired({ trafficErlangs: traffic, ahtSeconds: aht, serviceLevel: queue.serviceLevel, maxOccupancy: queue.maxOccupancy });
  const m = r.metrics;
  return {
    model: 'erlang-c', ahtSeconds: aht, trafficErlangs: traffic, required: r.agents, serviceLevel: m.serviceLevel,
    pWait: m.pWait, pAbandon: 0, asaSeconds: m.asaSeconds, occupancy: m.occupancy, binding: r.binding,
  };
}

/** "…+08:00" or "…Z" at the end: the timestamp carries its offset (checked without a regex; 9,000 rows). */
function hasOffset(text: string): boolean {
  const n = text.length;
  if (n < 16 || text.charCodeAt(10) !== 84 /* T */) return false;
  if (text.charCodeAt(n - 1) === 90 /* Z */) return true;
  const sign = text.charCodeAt(n - 6);
  return (sign === 43 /* + */ || sign === 45) /* - */ && text.charCodeAt(n - 3) === 58 /* : */;
}

function checkForecast(points: readonly ForecastPoint[], queues: Map<string, Queue>, intervalMinutes: number, source?: string): void {
  const problems: ProblemItem[] = [];
  const unknown = new Set<string>();
  const lastStart = new Map<string, number>();
  for (let i = 0; i < points.length && problems.length < 50; i++) {
    const p = points[i];
    const at = (field: string) => (source === undefined ? `forecast[${i}].${field}` : `${source} row ${i + 1} (${field})`);
    const queue = queues.get(p.queue);
    if (queue === undefined) {
      if (!unknown.has(p.queue)) problems.push({ where: at('queue'), message: `queue "${p.queue}" is not in the center (queues: ${[...queues.keys()].join(', ')})` });
      unknown.add(p.queue);
      continue;
    }
    if (!(p.offered >= 0 && Number.isFinite(p.offered))) problems.push({ where: at('offered'), message: `must be a number ≥ 0, got ${p.offered}` });
    // AHT matters for inbound queues only (an outbound forecast's AHT is ignored); missing = the queue's default.
    if (queue.kind === 'inbound' && !Number.isNaN(p.ahtSeconds) && !(p.ahtSeconds > 0 && Number.isFinite(p.ahtSeconds))) {
      problems.push({ where: at('aht_seconds'), message: `must be > 0 seconds, got ${p.ahtSeconds}` });
    }
    // Date.parse reads ISO-8601 with an offset exactly (and is far faster than luxon on 9,000 rows).
    const startMs = hasOffset(p.intervalStart) ? Date.parse(p.intervalStart) : NaN;
    if (Number.isNaN(startMs)) {
      problems.push({ where: at('interval_start'), message: `"${p.intervalStart}" is not an ISO-8601 timestamp with an offset` });
      continue;
    }
    const previous = lastStart.get(p.queue);
    const gap = previous === undefined ? Infinity : Math.abs(startMs - previous) / 60_000;
    if (gap < intervalMinutes) {
      problems.push({ where: at('interval_start'), message: `${p.intervalStart} is ${gap} min after the queue's previous row; intervals are ${intervalMinutes} min` });
    }
    lastStart.set(p.queue, startMs);
  }
  if (problems.length > 0) throw new ValidationError(`${source ?? 'forecast'}: ${problems.length} problem(s)`, problems);
}

/** Solutions by (calls, AHT) for one queue: a map on calls, then a short chain on AHT. */
interface MemoEntry {
  aht: number;
  solved: Solved;
  next: MemoEntry | undefined;
}

function recall(memo: Map<number, MemoEntry>, calls: number, aht: number): Solved | undefined {
  for (let e = memo.get(calls); e !== undefined; e = e.next) if (e.aht === aht) return e.solved;
  return undefined;
}

export function computeRequirements(
  forecast: readonly ForecastPoint[],
  center: Center,
  options: RequirementsOptions = {},
): RequirementsResult {
  const intervalMinutes = options.intervalMinutes ?? center.intervalMinutes;
  const rounding = options.outboundRounding ?? 'ceil';
  const queues = new Map(center.queues.map((q) => [q.id, q]));
  checkForecast(forecast, queues, intervalMinutes, options.source);

  const mixes = new Map<string, TierMix>();
  for (const q of center.queues) if (q.kind === 'outbound') mixes.set(q.id, tierMix(center, q));
  const memos = new Map(center.queues.map((q) => [q.id, new Map<number, MemoEntry>()]));
  const details: RequirementDetail[] = [];
  for (const p of forecast) {
    const queue = queues.get(p.queue)!;
    const aht = queue.kind === 'inbound' ? (Number.isNaN(p.ahtSeconds) ? queue.ahtSeconds : p.ahtSeconds) : 0;
    const memo = memos.get(queue.id)!;
    let solved = recall(memo, p.offered, aht);
    if (!solved) {
      solved =
        queue.kind === 'inbound'
          ? solveInbound(queue, p.offered, aht, intervalMinutes)
          : {
              model: 'outbound', ahtSeconds: null, trafficErlangs: null, serviceLevel: null, pWait: null, pAbandon: null,
              asaSeconds: null, occupancy: null, binding: [],
              required: outboundAgentsRequired(p.offered, mixes.get(queue.id)!.callsPerHour, intervalMinutes, rounding),
            };
      memo.set(p.offered, { aht, solved, next: memo.get(p.offered) });
    }
    details.push({
      queue: p.queue, intervalStart: p.intervalStart, model: solved.model, offered: p.offered, ahtSeconds: solved.ahtSeconds,
      trafficErlangs: solved.trafficErlangs, required: solved.required, serviceLevel: solved.serviceLevel, pWait: solved.pWait,
      pAbandon: solved.pAbandon, asaSeconds: solved.asaSeconds, occupancy: solved.occupancy, binding: solved.binding,
    });
  }
  const points = details.map((d) => ({ queue: d.queue, interval_start: d.intervalStart, required: d.required }));
  return { intervalMinutes, points, details, summary: summarize(center, details, intervalMinutes, mixes) };
}

function summarize(center: Center, details: RequirementDetail[], intervalMinutes: number, mixes: Map<string, TierMix>): QueueRequirementSummary[] {
  const out: QueueRequirementSummary[] = [];
  for (const queue of center.queues) {
    const rows = details.filter((d) => d.queue === queue.id);
    if (rows.length === 0) continue;
    let offered = 0, agents = 0, slWeighted = 0, abandonWeighted = 0, busy = 0;
    let peak = rows[0];
    for (const d of rows) {
      offered += d.offered;
      agents += d.required;
      if (d.required > peak.required) peak = d;
      if (d.serviceLevel !== null) slWeighted += d.offered * d.serviceLevel;
      if (d.pAbandon !== null) abandonWeighted += d.offered * d.pAbandon;
      if (d.occupancy !== null) busy += d.occupancy * d.required;
    }
    const inbound = queue.kind === 'inbound';
    out.push({
      queue: queue.id,
      kind: queue.kind,
      model: rows[0].model,
      intervals: rows.length,
      offered,
      agentHours: (agents * intervalMinutes) / 60,
      peakRequired: peak.required,
      peakAt: peak.intervalStart,
      serviceLevel: inbound ? (offered > 0 ? slWeighted / offered : 1) : null,
      pAbandon: inbound && queue.patienceSeconds !== undefined ? (offered > 0 ? abandonWeighted / offered : 0) : null,
      occupancy: inbound ? (agents > 0 ? busy / agents : 0) : null,
      tierMix: mixes.get(queue.id) ?? null,
    });
  }
  return out;
}

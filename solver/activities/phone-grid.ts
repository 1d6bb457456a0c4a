/**
 * Agents on the phones per queue and interval against the requirement, kept up to date as activities are
 * placed, and the price of one placement: the understaffing (agent-hours) it adds — the activity's minutes off
 * the phones, less the hourly breaks it takes the place of — with a tiny preference for the deepest surplus so
 * that free choices spread activities where the most people stand idle.
 */
import type { Center } from '../../src/domain/center-schema.ts';
import { assignmentCoverage } from '../model/assignment-coverage.ts';
import type { Horizon } from '../model/horizon.ts';
import type { TimeSpan } from '../model/work-blocks.ts';
import type { Assignment } from '../roster.ts';
import type { RequirementRow } from '../rules/rule.ts';
import type { Candidate } from './activity-candidates.ts';

const MINUTE = 60_000;
/** Weight of the surplus preference: far below a minute of understaffing (1/60 agent-hour). */
const SURPLUS_TIE = 1e-6;

const spanOf = (b: { start: string; minutes: number }): TimeSpan => ({ fromMs: Date.parse(b.start), toMs: Date.parse(b.start) + b.minutes * MINUTE });

export class PhoneGrid {
  private readonly scheduled = new Map<string, Float64Array>();
  private readonly required = new Map<string, Float64Array>();
  private readonly hours: number;

  constructor(private readonly h: Horizon, center: Center, requirements: readonly RequirementRow[]) {
    this.hours = center.intervalMinutes / 60;
    for (const q of center.queues) {
      this.scheduled.set(q.id, new Float64Array(h.startMs.length));
      this.required.set(q.id, new Float64Array(h.startMs.length));
    }
    for (const r of requirements) {
      const i = h.intervalAt(Date.parse(r.interval_start));
      const row = this.required.get(r.queue);
      if (row && i >= 0) row[i] = r.required;
    }
  }

  /** Adds (sign 1) or removes (−1) an assignment's phone time. */
  add(a: Assignment, sign: 1 | -1): void {
    const row = this.scheduled.get(a.queue);
    if (!row) return;
    const off = [...a.breaks.map(spanOf), ...(a.activities ?? []).map(spanOf)];
    const { idx, frac } = assignmentCoverage(this.h, Date.parse(a.start), Date.parse(a.end), off);
    idx.forEach((i, k) => (row[i] += sign * frac[k]));
  }

  /** Understaffing added by placing the candidate in the assignment (agent-hours), and a score that breaks ties. */
  delta(a: Assignment, c: Candidate): { under: number; score: number } {
    const row = this.scheduled.get(a.queue);
    const req = this.required.get(a.queue);
    if (!row || !req) return { under: 0, score: 0 };
    const change = new Map<number, number>();
    const put = (s: TimeSpan, sign: number) => {
      const { idx, frac } = assignmentCoverage(this.h, s.fromMs, s.toMs, []);
      idx.forEach((i, k) => change.set(i, (change.get(i) ?? 0) + sign * frac[k]));
    };
    put({ fromMs: c.fromMs, toMs: c.toMs }, -1);
    for (const k of c.dropped) put(spanOf(a.breaks[k]), 1);
    let under = 0;
    let tie = 0;
    for (const [i, d] of change) {
      under += (Math.max(0, req[i] - row[i] - d) - Math.max(0, req[i] - row[i])) * this.hours;
      if (d < 0) tie += -d / (1 + Math.max(0, row[i] - req[i]));
    }
    return { under, score: under + SURPLUS_TIE * tie };
  }

  totalUnder(): number {
    let total = 0;
    for (const [q, row] of this.scheduled) {
      const req = this.required.get(q)!;
      for (let i = 0; i < row.length; i++) total += Math.max(0, req[i] - row[i]) * this.hours;
    }
    return total;
  }
}

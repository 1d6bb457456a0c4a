/**
 * The state the local search walks: every phone person's line (a placed shift or nothing per day), the exact
 * coverage, each line's price and the team terms, and the total objective
 *   HARD × Σ hard penalties + coverage cost (R3 peak-weighted, Q1) + Σ line soft (Q5, Q6) + team terms (Q2–Q4, L9).
 * Pinned days and the previous month's tail are part of each line but never change.
 */
import type { SolverModel } from '../model/build-model.ts';
import type { Person } from '../model/people.ts';
import type { ShiftOption } from '../model/shift-options.ts';
import type { Plan } from '../assign/initial-assignment.ts';
import type { CoverageState, Placed } from './coverage-state.ts';
import { dayWorkOf, lineCost, type DayWork, type LineCost } from './line-cost.ts';
import { TeamTerms } from './team-terms.ts';
import { isLateEnd } from '../rules/shift-facts.ts';

/** Weight of one unit of hard penalty: any hard violation outweighs every soft consideration. */
export const HARD_WEIGHT = 1000;

export class SearchState {
  readonly people: Person[];
  /** Supervisors: their days may only be swapped between them (every swap keeps R11 cover as it is). */
  readonly swapOnly: boolean[];
  readonly work: (DayWork | null)[][];
  readonly lines: LineCost[];
  readonly team: TeamTerms;
  readonly optionWork: DayWork[];
  readonly groupOf: number[];
  readonly groupMembers: number[][];
  /** Per person: the days the solver may change. */
  readonly freeDays: number[][];
  /** The plan's lines of the phone staff, whose meals and breaks are placed (supervisors' are not). */
  readonly phoneLines: Plan;
  /** Per queue: the phone people (indices into `people`) who may work it. */
  readonly byQueue: number[][];
  private readonly optionsCache = new Map<string, Array<{ option: ShiftOption; q: number }>>();

  constructor(readonly model: SolverModel, readonly plan: Plan, readonly cov: CoverageState, groupIndex: Map<Person, number>) {
    this.people = [...model.phone, ...model.supervisors];
    this.swapOnly = this.people.map((p) => p.kind === 'supervisor');
    this.optionWork = [];
    for (const o of model.options) {
      this.optionWork[o.id] = {
        startMs: o.startMs,
        endMs: o.endMs,
        template: o.template,
        startClock: o.startClock,
        minutes: model.center.shiftTemplates[o.template].minutes,
        floating: o.floating,
        late: isLateEnd(model.horizon.zone, o.startMs, o.endMs),
      };
    }
    this.work = this.people.map((p) =>
      plan[p.index].map((placed, d) => {
        if (placed) return this.optionWork[placed.option.id];
        const pin = p.pinned[d];
        return pin ? dayWorkOf(model, Date.parse(pin.start), Date.parse(pin.end), pin.shift) : null;
      }),
    );
    this.lines = this.people.map((p, k) => lineCost(model, p, this.work[k]));
    this.team = new TeamTerms(model, this.people, this.lines);
    const groups = new Map<number, number[]>();
    const supervisorGroups = new Map<string, number>();
    this.groupOf = this.people.map((p, k) => {
      let g = groupIndex.get(p);
      if (g === undefined) {
        const key = JSON.stringify([p.templates, p.maxConsecutive, p.minRestMs]);
        g = supervisorGroups.get(key) ?? -1 - supervisorGroups.size;
        supervisorGroups.set(key, g);
      }
      (groups.get(g) ?? groups.set(g, []).get(g)!).push(k);
      return g;
    });
    this.groupMembers = this.groupOf.map((g) => groups.get(g)!);
    this.freeDays = this.people.map((p) => p.free.flatMap((f, d) => (f ? [d] : [])));
    this.phoneLines = this.people.flatMap((p, k) => (this.swapOnly[k] ? [] : [plan[p.index]]));
    this.byQueue = model.queueIds.map((_, q) => this.people.flatMap((p, k) => (!this.swapOnly[k] && p.queues.includes(q) ? [k] : [])));
  }

  /** Options and queues person k may work on day d (none for a supervisor: swaps only). */
  choices(k: number, d: number): Array<{ option: ShiftOption; q: number }> {
    const p = this.people[k];
    if (this.swapOnly[k]) return [];
    const key = `${this.groupOf[k]}:${d}`;
    let list = this.optionsCache.get(key);
    if (!list) {
      list = [];
      for (const option of this.model.optionsByDay[d]) {
        if (!p.templates[option.template]) continue;
        for (const q of p.queues) list.push({ option, q });
      }
      this.optionsCache.set(key, list);
    }
    return list;
  }

  /** The line of person k with some days replaced. */
  lineWith(k: number, changes: ReadonlyArray<[number, Placed | null]>): LineCost {
    const line = this.work[k].slice();
    for (const [d, placed] of changes) line[d] = placed ? this.optionWork[placed.option.id] : null;
    return lineCost(this.model, this.people[k], line);
  }

  /** Price of a set of line changes: HARD × Δhard + Δsoft + Δteam. */
  linesDelta(next: Map<number, LineCost>): number {
    return HARD_WEIGHT * this.hardDelta(next) + this.softDelta(next);
  }

  /** Change of the hard penalty (natural units) of a set of line changes. */
  hardDelta(next: Map<number, LineCost>): number {
    let d = 0;
    for (const [k, l] of next) d += l.hard - this.lines[k].hard;
    return d;
  }

  softDelta(next: Map<number, LineCost>): number {
    let d = 0;
    for (const [k, l] of next) d += l.soft - this.lines[k].soft;
    return d + this.team.delta(next);
  }

  commitLines(next: Map<number, LineCost>, changes: ReadonlyArray<[number, number, Placed | null]>): void {
    for (const [k, d, placed] of changes) {
      this.plan[this.people[k].index][d] = placed;
      this.work[k][d] = placed ? this.optionWork[placed.option.id] : null;
    }
    this.team.commit(next);
    for (const [k, l] of next) this.lines[k] = l;
  }

  hardTotal(): number {
    return this.lines.reduce((s, l) => s + l.hard, 0);
  }

  objective(): number {
    let lines = 0;
    for (const l of this.lines) lines += HARD_WEIGHT * l.hard + l.soft;
    return lines + this.cov.totals().cost + this.team.total();
  }
}

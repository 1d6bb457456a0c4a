/**
 * The soft terms that depend on several people at once, kept up to date for the local search: fairness within
 * comparison groups (Q2 weekend days, Q3 late shifts, Q4 working days incl. paid leave) and planned attendance
 * per team (L9: worked ÷ (worked + approved leave) ≥ floor). Priced exactly as the rules price them.
 */
import type { SolverModel } from '../model/build-model.ts';
import type { Person } from '../model/people.ts';
import { fairnessKey, unevenness } from '../rules/fairness.ts';
import type { LineCost } from './line-cost.ts';

interface Stats {
  worked: number;
  weekendDays: number;
  lates: number;
}

export class TeamTerms {
  private readonly stats: Stats[];
  private readonly fairGroup: number[];
  private readonly fairMembers: number[][];
  private readonly credit: number[];
  private readonly team: number[];
  private readonly teamWorked: number[];
  private readonly teamLeave: number[];
  private readonly floor: number;

  constructor(private readonly model: SolverModel, people: readonly Person[], lines: readonly LineCost[]) {
    this.floor = model.center.rules.attendanceFloor;
    this.stats = people.map((_, k) => ({ worked: lines[k].worked, weekendDays: lines[k].weekendDays, lates: lines[k].lates }));
    const groupIds = new Map<string, number>();
    this.fairMembers = [];
    this.fairGroup = people.map((p, k) => {
      const key = fairnessKey(p.agent);
      if (key === undefined) return -1;
      let g = groupIds.get(key);
      if (g === undefined) {
        groupIds.set(key, (g = this.fairMembers.length));
        this.fairMembers.push([]);
      }
      this.fairMembers[g].push(k);
      return g;
    });
    this.credit = people.map((p) => p.leave.filter(Boolean).length + model.horizon.dates.filter((d) => p.calendar.training.has(d)).length);
    const teamIds = model.center.teams.map((t) => t.id);
    this.team = people.map((p) => (p.team ? teamIds.indexOf(p.team) : -1));
    this.teamWorked = teamIds.map(() => 0);
    this.teamLeave = teamIds.map(() => 0);
    people.forEach((p, k) => {
      if (this.team[k] < 0) return;
      this.teamWorked[this.team[k]] += lines[k].worked;
      this.teamLeave[this.team[k]] += p.leave.filter(Boolean).length;
    });
  }

  private fairTerm(g: number, override?: Map<number, Stats>): number {
    const members = this.fairMembers[g];
    const get = (k: number) => override?.get(k) ?? this.stats[k];
    const w = this.model.weights.fairness;
    return (
      w * unevenness(members.map((k) => get(k).weekendDays)) +
      w * unevenness(members.map((k) => get(k).lates)) +
      w * unevenness(members.map((k) => get(k).worked + this.credit[k]))
    );
  }

  private attendanceTerm(team: number, worked: number): number {
    const leave = this.teamLeave[team];
    if (leave === 0 || worked + leave === 0) return 0;
    const rate = worked / (worked + leave);
    return rate < this.floor ? this.model.weights.attendance * (this.floor - rate) * 100 : 0;
  }

  /** Cost change if the given people's lines became `next` (person index → new line). */
  delta(next: Map<number, LineCost>): number {
    const override = new Map<number, Stats>();
    for (const [k, l] of next) override.set(k, { worked: l.worked, weekendDays: l.weekendDays, lates: l.lates });
    let d = 0;
    const groups = new Set<number>();
    const teams = new Map<number, number>();
    for (const [k, s] of override) {
      if (this.fairGroup[k] >= 0) groups.add(this.fairGroup[k]);
      const t = this.team[k];
      if (t >= 0) teams.set(t, (teams.get(t) ?? this.teamWorked[t]) + s.worked - this.stats[k].worked);
    }
    for (const g of groups) d += this.fairTerm(g, override) - this.fairTerm(g);
    for (const [t, worked] of teams) d += this.attendanceTerm(t, worked) - this.attendanceTerm(t, this.teamWorked[t]);
    return d;
  }

  commit(next: Map<number, LineCost>): void {
    for (const [k, l] of next) {
      const t = this.team[k];
      if (t >= 0) this.teamWorked[t] += l.worked - this.stats[k].worked;
      this.stats[k] = { worked: l.worked, weekendDays: l.weekendDays, lates: l.lates };
    }
  }

  total(): number {
    let total = 0;
    for (let g = 0; g < this.fairMembers.length; g++) total += this.fairTerm(g);
    this.teamWorked.forEach((w, t) => (total += this.attendanceTerm(t, w)));
    return total;
  }
}

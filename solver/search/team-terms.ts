/**
 * The soft terms that depend on several people at once, kept up to date for the local search: fairness within
 * comparison groups (Q2 weekend days, Q3 late shifts, Q4 working days incl. paid leave) and planned attendance
 * per team (L9: worked ÷ (worked + approved leave) ≥ floor). Priced exactly as the rules price them.
 */
import type { SolverModel } from '../model/build-model.ts';
import type { Person } from '../model/people.ts';
import { fairnessKey, unevennessOf } from '../rules/fairness.ts';
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

  /** Σ weight × unevenness of the group's three counts, with up to two members' stats overridden. */
  private fairTerm(g: number, k1 = -1, s1?: Stats, k2 = -1, s2?: Stats): number {
    const members = this.fairMembers[g];
    const stat = (j: number) => {
      const k = members[j];
      return k === k1 ? s1! : k === k2 ? s2! : this.stats[k];
    };
    const n = members.length;
    return (
      this.model.weights.fairness *
      (unevennessOf(n, (j) => stat(j).weekendDays) + unevennessOf(n, (j) => stat(j).lates) + unevennessOf(n, (j) => stat(j).worked + this.credit[members[j]]))
    );
  }

  private attendanceTerm(team: number, worked: number): number {
    const leave = this.teamLeave[team];
    if (leave === 0 || worked + leave === 0) return 0;
    const rate = worked / (worked + leave);
    return rate < this.floor ? this.model.weights.attendance * (this.floor - rate) * 100 : 0;
  }

  /** Cost change if the given people's lines (one or two) became `next` (person index → new line). */
  delta(next: Map<number, LineCost>): number {
    let k1 = -1;
    let k2 = -1;
    let s1: LineCost | undefined;
    let s2: LineCost | undefined;
    for (const [k, l] of next) {
      if (k1 < 0) {
        k1 = k;
        s1 = l;
      } else {
        k2 = k;
        s2 = l;
      }
    }
    if (next.size > 2) throw new RangeError('team terms price moves of at most two people');
    let d = 0;
    const g1 = k1 >= 0 ? this.fairGroup[k1] : -1;
    const g2 = k2 >= 0 ? this.fairGroup[k2] : -1;
    if (g1 >= 0 && g1 === g2) d += this.fairTerm(g1, k1, s1, k2, s2) - this.fairTerm(g1);
    else {
      if (g1 >= 0) d += this.fairTerm(g1, k1, s1) - this.fairTerm(g1);
      if (g2 >= 0) d += this.fairTerm(g2, k2, s2) - this.fairTerm(g2);
    }
    const t1 = k1 >= 0 ? this.team[k1] : -1;
    const t2 = k2 >= 0 ? this.team[k2] : -1;
    const dw1 = k1 >= 0 ? s1!.worked - this.stats[k1].worked : 0;
    const dw2 = k2 >= 0 ? s2!.worked - this.stats[k2].worked : 0;
    if (t1 >= 0 && t1 === t2) d += this.attendanceTerm(t1, this.teamWorked[t1] + dw1 + dw2) - this.attendanceTerm(t1, this.teamWorked[t1]);
    else {
      if (t1 >= 0 && dw1 !== 0) d += this.attendanceTerm(t1, this.teamWorked[t1] + dw1) - this.attendanceTerm(t1, this.teamWorked[t1]);
      if (t2 >= 0 && dw2 !== 0) d += this.attendanceTerm(t2, this.teamWorked[t2] + dw2) - this.attendanceTerm(t2, this.teamWorked[t2]);
    }
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

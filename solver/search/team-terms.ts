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
  /** Per fairness group: the unevenness of its three counts as they are now. */
  private readonly fairNow: Float64Array[];

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
    this.fairNow = this.fairMembers.map(() => new Float64Array(3));
    this.fairMembers.forEach((_, g) => this.refreshGroup(g));
  }

  /** Count `stat` (0 weekend days, 1 late shifts, 2 working days incl. credited leave) of person k with stats s. */
  private valueOf(k: number, s: Stats, stat: number): number {
    return stat === 0 ? s.weekendDays : stat === 1 ? s.lates : s.worked + this.credit[k];
  }

  /** Unevenness of one count over group g, with up to two members' stats overridden. */
  private unevenWith(g: number, stat: number, k1 = -1, s1?: Stats, k2 = -1, s2?: Stats): number {
    const members = this.fairMembers[g];
    return unevennessOf(members.length, (j) => {
      const k = members[j];
      return this.valueOf(k, k === k1 ? s1! : k === k2 ? s2! : this.stats[k], stat);
    });
  }

  /** Whether person k's count `stat` differs between their current stats and s. */
  private changes(k: number, s: Stats | undefined, stat: number): boolean {
    return k >= 0 && this.valueOf(k, s!, stat) !== this.valueOf(k, this.stats[k], stat);
  }

  /**
   * Change of group g's fairness cost with up to two members' stats overridden. Only the counts that change are
   * recomputed (most moves keep all three: a shift changed within a day, a late shift for a late shift).
   */
  private fairDelta(g: number, k1: number, s1: Stats | undefined, k2 = -1, s2?: Stats): number {
    let d = 0;
    for (let stat = 0; stat < 3; stat++) {
      if (!this.changes(k1, s1, stat) && !this.changes(k2, s2, stat)) continue;
      d += this.unevenWith(g, stat, k1, s1, k2, s2) - this.fairNow[g][stat];
    }
    return this.model.weights.fairness * d;
  }

  private refreshGroup(g: number): void {
    for (let stat = 0; stat < 3; stat++) this.fairNow[g][stat] = this.unevenWith(g, stat);
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
    if (g1 >= 0 && g1 === g2) d += this.fairDelta(g1, k1, s1, k2, s2);
    else {
      if (g1 >= 0) d += this.fairDelta(g1, k1, s1);
      if (g2 >= 0) d += this.fairDelta(g2, k2, s2);
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
    const groups = new Set<number>();
    for (const k of next.keys()) if (this.fairGroup[k] >= 0) groups.add(this.fairGroup[k]);
    for (const g of groups) this.refreshGroup(g);
  }

  total(): number {
    let total = 0;
    for (let g = 0; g < this.fairMembers.length; g++) total += this.model.weights.fairness * (this.unevenWith(g, 0) + this.unevenWith(g, 1) + this.unevenWith(g, 2));
    this.teamWorked.forEach((w, t) => (total += this.attendanceTerm(t, w)));
    return total;
  }
}

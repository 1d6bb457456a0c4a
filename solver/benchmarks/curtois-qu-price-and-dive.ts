/**
 * Column generation with diving for the Curtois & Qu benchmark (price-and-branch in the spirit of Curtois &
 * Qu's branch-and-price, 2014). Start: best response (curtois-qu-best-response.ts). Root: the master LP
 * (curtois-qu-master.ts) over all employees' schedules, priced exactly per employee by dynamic programming
 * (curtois-qu-dp.ts); once no schedule prices out, its Lagrangian bound is a global lower bound (it matches the
 * column-generation bounds published for instances 1–9). Then, when the root LP is integral in value (the
 * larger instances), HiGHS searches the compact MIP restricted to the LP's support plus the incumbent;
 * otherwise a dive fixes the employees whose LP schedule is (nearly) integral, a tenth at a time, re-pricing
 * the others to convergence in between. Small instances with a gap left get the whole compact MIP, which
 * proves optimality. Then large-neighbourhood search around the incumbent: free a subset of employees (or,
 * for a share of the steps, everyone: a fresh randomised root dive), price them, skip the subset when its
 * Lagrangian bound shows it cannot improve, else dive.
 */
import type { Highs } from 'highs';
import { isLargeInstance, type CqInstance, type CqSolution } from './curtois-qu-instance.ts';
import { coverCounts, cqCosts, rowRequestCost } from './curtois-qu-costs.ts';
import { bestResponse } from './curtois-qu-best-response.ts';
import { employeeDp, trackLabelsFor, type EmployeeDp } from './curtois-qu-dp.ts';
import { Master } from './curtois-qu-master.ts';
import { priceAt, smoothDuals, SMOOTHING, type PricingRound } from './curtois-qu-pricing.ts';
import { cqObjective } from './curtois-qu-objective.ts';
import type { LnsResult } from './curtois-qu-lns.ts';
import { fullMipSearch } from './curtois-qu-full-mip.ts';
import type { SharedIncumbent } from './incumbent-exchange.ts';
import { Random } from './random.ts';

export interface PriceAndDiveOptions {
  deadline: number;
  seed: number;
  exchange: SharedIncumbent;
  /** Seconds at most for the MIP restricted to the root LP's support (default: until the deadline). */
  supportSeconds?: number;
  /**
   * After the root LP: 'support' searches the compact MIP restricted to the LP's support (good when the root
   * LP is integral in value, as on the larger instances); 'dive' dives from the root with re-pricing to
   * convergence at every step (good when the root LP leaves a gap).
   */
  rootMethod?: 'support' | 'dive';
  /** Share of the improvement steps that re-dive from a master over every employee (default 0). */
  rediveShare?: number;
  /** Stop after the root column generation (its bound goes to the exchange). */
  rootOnly?: boolean;
  target?: number;
  log?: (line: string) => void;
  /** Start with the root master over all employees (global lower bound, root dive); default true. */
  root?: boolean;
}

const EPS = 1e-6;
/** Pricing rounds the root needs at least, to judge whether column generation fits in the time left. */
const PRICING_ROUNDS = 40;
/** Employees × days × shifts past which both threads search the root LP's support (instance 12: 16 800). */
const SUPPORT_ON_BOTH_THREADS = 10_000;
/** Seconds per restart of the support MIP. */
const SUPPORT_SLICE = 12;
/** Perturbed LP vertices added to the support each time the support MIP is exhausted. */
const SUPPORT_WIDENING = 3;
/** The root dive fixes a tenth of the open employees per step, more if it would take over this share of the time left. */
const ROOT_DIVE_TIME_SHARE = 0.7;
/** The most of the open employees a budgeted step fixes before the budget is spent. */
const MAX_DIVE_SHARE = 0.5;
/** Employees × days × shifts up to which the whole compact MIP is tried after the root. */
const SMALL_MODEL = 600;

interface Generation {
  /** LP value of the restricted master. */
  value: number;
  /** The best Lagrangian bound of the pricing rounds (curtois-qu-pricing.ts): a lower bound for the master's part. */
  lagrangian: number;
  /** No schedule prices out, or the Lagrangian bound rounded up meets the LP value rounded up. */
  converged: boolean;
}

/** Schedules met so far, per employee, most recent last (bounded), to seed each new master. */
class ColumnPool {
  private readonly rows: Array<Map<string, number[]>>;
  constructor(employees: number, private readonly limit: number) {
    this.rows = Array.from({ length: employees }, () => new Map());
  }
  add(e: number, row: number[]): void {
    const key = row.join(',');
    const map = this.rows[e];
    map.delete(key);
    map.set(key, row);
    if (map.size > this.limit) map.delete(map.keys().next().value as string);
  }
  of(e: number): Iterable<number[]> {
    return this.rows[e].values();
  }
}

export function priceAndDive(highs: Highs, instance: CqInstance, options: PriceAndDiveOptions): LnsResult | undefined {
  const dps = instance.staff.map((_, e) => employeeDp(instance, e, trackLabelsFor(instance.staff.length)));
  if (dps.some((dp) => dp === undefined)) return undefined;
  const dp = dps as EmployeeDp[];
  const E = instance.staff.length;
  const costs = cqCosts(instance);
  const rng = new Random(options.seed);
  const log = options.log ?? (() => {});
  const timeLeft = () => options.deadline - Date.now();
  /** Out of time, or another searcher proved the incumbent optimal. */
  const stopped = () => timeLeft() <= 0 || options.exchange.solved;
  const pool = new ColumnPool(E, 300);

  let solution: CqSolution = instance.staff.map(() => new Array<number>(instance.horizon).fill(-1));
  const passStarted = Date.now();
  bestResponse(instance, costs, dp, solution, rng, 1);
  const passMs = Date.now() - passStarted;
  if (passMs * PRICING_ROUNDS > timeLeft()) {
    // One pricing round of every employee costs about one best-response pass: column generation would not
    // get anywhere in the time left. Hand the start over (callers fall back to MIP LNS), polished by more
    // passes first (a pass is a few seconds even then: generated Gen13, one pass 10 594, two 4 956).
    options.exchange.offer(cqObjective(instance, solution).total, solution);
    bestResponse(instance, costs, dp, solution, rng, 20, Date.now() + 0.2 * timeLeft(), () => options.exchange.offer(cqObjective(instance, solution).total, solution));
    options.exchange.offer(cqObjective(instance, solution).total, solution);
    log(`pricing too slow for the time left (${passMs} ms per pass): no column generation`);
    return undefined;
  }
  bestResponse(instance, costs, dp, solution, rng, 3, Date.now() + 0.2 * timeLeft());
  let objective = cqObjective(instance, solution).total;
  options.exchange.offer(objective, solution);
  log(`best-response start ${objective}`);
  let iterations = 0;
  let improvements = 0;

  /** Column generation on the master's open employees (dual smoothing: curtois-qu-pricing.ts). */
  const price = (master: Master, maxIterations: number, until = Infinity): Generation => {
    let result: Generation = { value: Infinity, lagrangian: -Infinity, converged: false };
    let centre: PricingRound | undefined;
    for (let it = 0; it < maxIterations && !stopped() && Date.now() < until; it++) {
      const lp = master.solve();
      iterations++;
      const current = Float64Array.from(instance.cover, (_, i) => lp.dual[master.coverRow(i)]);
      let round = priceAt(instance, costs, dp, master, lp, centre ? smoothDuals(centre.duals, current, SMOOTHING) : current, stopped);
      if (round && round.columns.length === 0 && centre) {
        if (round.bound > centre.bound) centre = round;
        round = priceAt(instance, costs, dp, master, lp, current, stopped);
      }
      // Stopped inside a round: the best bound of the rounds before it still holds.
      if (!round) return { value: lp.value, lagrangian: centre?.bound ?? -Infinity, converged: false };
      if (!centre || round.bound > centre.bound) centre = round;
      for (const c of round.columns) {
        master.add(c.employee, c.row);
        pool.add(c.employee, c.row);
      }
      // With inexact pricing (a DP that priced a limit) "no column added" does not prove the LP optimal, but the
      // Lagrangian bound, built from the DPs' lower bounds, stays valid.
      // Converged: no column prices out, or the Lagrangian bound already meets the LP value (rounded up).
      const converged = round.columns.length === 0 || Math.ceil(centre.bound - EPS) >= Math.ceil(lp.value - EPS);
      result = { value: lp.value, lagrangian: centre.bound, converged };
      if (converged) break;
    }
    return result;
  };

  /** Fixes every employee of the master, a few at a time, re-pricing between; undefined on timeout. */
  const dive = (master: Master, fraction: number, stepIterations: number, budgetMs = Infinity): Map<number, number[]> | undefined => {
    let open = [...master.employees];
    const began = Date.now();
    let steps = 0;
    while (open.length > 0) {
      if (stopped()) return undefined;
      // A share f fixed per step leaves about ln(open)/f steps: fix more per step when the steps so far
      // project past the budget, and every employee at once (by its largest column) once it is spent.
      const stepMs = steps > 0 ? (Date.now() - began) / steps : 0;
      const budgetLeft = budgetMs - (Date.now() - began);
      const share = budgetLeft <= 0 ? 1 : Math.min(MAX_DIVE_SHARE, Math.max(fraction, (Math.log(open.length) * stepMs) / budgetLeft));
      const { x } = master.solve();
      const ranked = open.map((e) => {
        let best = -1;
        let value = -1;
        for (const j of master.columnsOf(e)) {
          if (x[j] > value + 1e-9 || (Math.abs(x[j] - value) <= 1e-9 && rng.next() < 0.5)) {
            value = x[j];
            best = j;
          }
        }
        return { e, j: best, value: value + rng.next() * 1e-3 };
      });
      ranked.sort((a, b) => b.value - a.value);
      const count = Math.max(1, Math.ceil(share * open.length), ranked.filter((r) => r.value > 1 - 1e-4).length);
      steps++;
      for (const r of ranked.slice(0, count)) master.fix(r.e, r.j);
      open = open.filter((e) => master.fixed[e] < 0);
      // Each step's pricing gets its part of what is left of the budget (a step priced 50 rounds of 0.5 s on
      // generated Gen17, past the end of the run).
      const stepsLeft = Math.max(1, Math.ceil(Math.log(open.length + 1) / share));
      if (open.length > 0) price(master, stepIterations, Date.now() + Math.max(0, budgetMs - (Date.now() - began)) / stepsLeft);
    }
    return new Map(master.employees.map((e) => [e, master.column(master.fixed[e]).row]));
  };

  /**
   * Re-optimises the employees `free` around the incumbent: a master over them (the others' cover as
   * constants), priced to convergence; if its bound leaves room for improvement, a dive.
   */
  interface Reoptimisation {
    fraction: number;
    /** Share of the time left that the dive may take (it fixes more per step to stay within it). */
    diveTimeShare?: number;
    stepIterations: number;
    maxIterations: number;
    /** Stop pricing at this time (ms since the epoch) even if not converged. */
    priceUntil?: number;
    /** Dive to an integer solution after pricing (or decide from the priced master). */
    dive: boolean | ((generation: Generation) => boolean);
    /** Report the LP solution's support: keys (e·D + d)·(T + 1) + shift + 1 with positive value. */
    support?: boolean;
    /** Hand the priced master back (undived) instead of disposing it; the caller disposes it. */
    keep?: (generation: Generation) => boolean;
  }
  const supportOf = (master: Master): Set<number> => {
    const { x } = master.solve();
    const D = instance.horizon;
    const T1 = instance.shifts.length + 1;
    const out = new Set<number>();
    for (const e of master.employees) {
      for (const j of master.columnsOf(e)) {
        if (x[j] <= 1e-6) continue;
        master.column(j).row.forEach((t, d) => out.add((e * D + d) * T1 + t + 1));
      }
    }
    return out;
  };
  const reoptimise = (free: number[], how: Reoptimisation) => {
    const freeSet = new Set(free);
    const base = coverCounts(costs, solution.map((row, e) => (freeSet.has(e) ? row.map(() => -1) : row)));
    let others = 0;
    solution.forEach((row, e) => {
      if (!freeSet.has(e)) others += rowRequestCost(costs, e, row);
    });
    const master = new Master(highs, instance, costs, free, base);
    let kept = false;
    try {
      for (const e of free) {
        master.add(e, solution[e]);
        for (const row of pool.of(e)) master.add(e, row);
      }
      const generation = price(master, how.maxIterations, how.priceUntil);
      const bound = others + generation.lagrangian;
      const support = how.support ? supportOf(master) : undefined;
      if (how.keep?.(generation)) {
        kept = true;
        return { bound, generation, support, rows: undefined, master };
      }
      const diving = typeof how.dive === 'function' ? how.dive(generation) : how.dive;
      if (!diving || Math.ceil(bound - EPS) >= objective) return { bound, generation, support, rows: undefined };
      return { bound, generation, support, rows: dive(master, how.fraction, how.stepIterations, how.diveTimeShare === undefined ? Infinity : how.diveTimeShare * Math.max(0, timeLeft())) };
    } finally {
      if (!kept) master.dispose();
    }
  };

  const accept = (rows: Map<number, number[]> | undefined, how: string): boolean => {
    if (!rows) return false;
    const candidate = solution.map((row, e) => rows.get(e) ?? row);
    const value = cqObjective(instance, candidate).total;
    if (value < objective) {
      improvements++;
      log(`${how}: ${objective} → ${value}`);
      options.exchange.offer(value, candidate);
    }
    if (value > objective) return false;
    solution = candidate;
    objective = value;
    return true;
  };

  // Root: every employee in one master, priced to convergence: its Lagrangian bound is a global lower bound.
  if (options.root !== false) {
    const everyone = instance.staff.map((_, e) => e);
    // An integral root LP value suggests the LP's support holds an optimal roster: search it with the MIP
    // (rootMethod 'support'); otherwise dive from the root.
    // Out of pricing time with the bound within a unit (or a thousandth) of the LP: dive anyway (generated Gen17
    // at 60 s: LP 1976, bound 1975 when the root's half of the time ran out).
    const nearlyConverged = (g: Generation) => g.converged || g.value - g.lagrangian <= Math.max(1, 1e-3 * Math.abs(g.value)) + EPS;
    const integral = (g: Generation) => g.converged && Math.abs(g.value - Math.round(g.value)) < 1e-4;
    // Large instances with an integral root: the dive thread searches the support too (another seed), since a
    // root dive would not finish in time.
    const cells = E * instance.horizon * instance.shifts.length;
    const bySupport = (g: Generation) => integral(g) && (options.rootMethod !== 'dive' || cells > SUPPORT_ON_BOTH_THREADS);
    // On large instances the root may not converge in time: give it at most half of the time left.
    const priceUntil = Date.now() + timeLeft() / 2;
    const root = reoptimise(everyone, {
      fraction: 0.1,
      diveTimeShare: ROOT_DIVE_TIME_SHARE,
      stepIterations: 50,
      maxIterations: 10_000,
      priceUntil,
      dive: (g) => nearlyConverged(g) && !bySupport(g) && !options.rootOnly,
      support: true,
      keep: (g) => bySupport(g) && !options.rootOnly,
    });
    // The Lagrangian bound holds at every pricing round, converged or not (the duals of any restricted master).
    if (Number.isFinite(root.bound)) {
      options.exchange.raiseBound(root.bound);
      log(`root LP ${root.generation.value.toFixed(2)}${root.generation.converged ? '' : ' (not converged)'}, lower bound ${Math.ceil(root.bound - EPS)}`);
    }
    accept(root.rows, 'root dive');
    if (options.rootOnly) return { solution, objective, feasible: true, iterations, improvements };
    if (!nearlyConverged(root.generation) && !stopped() && isLargeInstance(instance)) {
      // A large instance whose root did not converge in half the time: dives from an unconverged master found
      // nothing there (generated Gen15, 60 s: the best-response start kept for the other 30 s), so hand the
      // incumbent to MIP LNS (the caller's fallback).
      log(`root column generation not converged after ${iterations} master solves (LP ${root.generation.value.toFixed(1)}): MIP LNS`);
      return undefined;
    }
    if (!stopped() && Math.ceil(root.bound - EPS) < objective && instance.staff.length * instance.horizon * instance.shifts.length <= SMALL_MODEL) {
      // Small instance with a gap left: the whole compact MIP can close it (and prove optimality).
      const deadline = Math.min(options.deadline, Date.now() + 10_000);
      const found = fullMipSearch(highs, instance, { deadline, exchange: options.exchange, seed: options.seed, log });
      if (found.feasible) accept(new Map(found.solution.map((row, e) => [e, row])), 'full MIP');
    }
    if (root.master) {
      // The compact MIP restricted to the root LP's support (and the incumbent's choices), warm-started. When it
      // is solved within its restriction but above the bound, widen the support with other optimal vertices of
      // the root LP (costs perturbed) and search again.
      const master = root.master;
      const support = root.support ?? new Set<number>();
      const deadline = Math.min(options.deadline, Date.now() + 1000 * (options.supportSeconds ?? Infinity));
      try {
        for (let round = 0; !stopped() && Date.now() < deadline; round++) {
          const shared = options.exchange.take(objective);
          if (shared) {
            solution = shared.solution;
            objective = shared.objective;
          }
          const incumbent = solution;
          const allow = (e: number, d: number, t: number) => support.has(((e * instance.horizon + d) * (instance.shifts.length + 1)) + t + 1) || incumbent[e][d] === t;
          // Restarts with fresh seeds every SUPPORT_SLICE seconds: HiGHS's search on these models varies a lot
          // from seed to seed, and each restart is warm-started from the incumbent.
          const sliceEnd = Math.min(deadline, Date.now() + 1000 * SUPPORT_SLICE);
          const found = fullMipSearch(highs, instance, { deadline: sliceEnd, exchange: options.exchange, seed: options.seed + round, allow, label: `support MIP ${round + 1}`, log });
          if (found.feasible) accept(new Map(found.solution.map((row, e) => [e, row])), 'support MIP');
          if (stopped()) break;
          if (!found.proved) continue;
          const before = support.size;
          for (let k = 0; k < SUPPORT_WIDENING && !stopped(); k++) {
            master.perturb(() => rng.next() * 0.5);
            for (const key of supportOf(master)) support.add(key);
          }
          master.restoreCosts();
          log(`support widened from ${before} to ${support.size} choices`);
          if (support.size === before) break;
        }
      } finally {
        master.dispose();
      }
    }
  }

  // Neighbourhoods: free a subset of employees around the incumbent.
  let size = Math.max(2, Math.round(E / 4));
  const done = () =>
    timeLeft() <= 0 || (options.target !== undefined && objective <= options.target) || options.exchange.solved === true;
  while (!done()) {
    const shared = options.exchange.take(objective);
    if (shared) {
      solution = shared.solution;
      objective = shared.objective;
    }
    const redive = rng.next() < (options.rediveShare ?? 0);
    const free = redive ? instance.staff.map((_, e) => e) : rng.sample(E, size);
    if (redive) {
      const result = reoptimise(free, { fraction: 0.1, stepIterations: 50, maxIterations: 10_000, dive: true });
      accept(result.rows, 'root re-dive');
      continue;
    }
    const result = reoptimise(free, { fraction: 0.15, stepIterations: 6, maxIterations: 60, dive: true });
    if (!result.rows) size = Math.min(E, size + 1);
    else if (!accept(result.rows, `dive over ${free.length} employees`)) size = Math.max(2, size - 1);
  }
  return { solution, objective, feasible: true, iterations, improvements };
}

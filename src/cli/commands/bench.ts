/**
 * `shiftcast bench curtois --instances DIR [--time-limit S | --time-limits S,S…] [--out DIR]`: solves every
 * Curtois & Qu instance file in DIR (or the ones named by --only), once per time limit, and prints a table: the
 * objective at each limit, the lower bound proven during the runs, best published value, gap, hard violations
 * (counted by the general contract rules, independently of the optimizer), the first limit's objective against
 * the last's and against the bound, time to the first feasible solution, wall time and peak memory (process
 * RSS, sampled). With --out, writes one <Instance>.solution.txt per instance (the last run's) and re-reads it
 * to check the round trip.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { intFlag, parseFlags, requireFlag, UsageError, type CliCommand } from '../command.ts';
import { readCurtoisQuFile } from '../../../solver/benchmarks/curtois-qu-reader.ts';
import { solveCurtoisQu } from '../../../solver/benchmarks/curtois-qu-solver.ts';
import { cqObjective } from '../../../solver/benchmarks/curtois-qu-objective.ts';
import { cqHardViolations } from '../../../solver/benchmarks/curtois-qu-hard.ts';
import { parseCqSolution, writeCqSolution } from '../../../solver/benchmarks/curtois-qu-solution.ts';
import { CURTOIS_QU_BEST_KNOWN, targetGap } from '../../../solver/benchmarks/curtois-qu-best-known.ts';

const usage = `usage: shiftcast bench curtois --instances DIR [--time-limit S | --time-limits S,S…] [--out DIR] [--only NAMES] [--threads N] [--seed N] [--verbose]

Runs the Curtois & Qu staff-rostering benchmark on every *.txt instance in DIR.
  --time-limit S   seconds per instance (default 60)
  --time-limits L  comma-separated limits (e.g. 60,600): one solve per limit, an objective column each
  --out DIR        write <Instance>.solution.txt files (one line per employee: id, then one field per day)
  --only NAMES     comma-separated instance names to run (e.g. Instance7,Instance10)
  --threads N      searcher threads (default 2)
  --seed N         random seed (default 1)
  --verbose        print the search's progress`;

function instanceFiles(dir: string, only?: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  } catch (e) {
    throw new UsageError(`cannot read --instances ${dir}: ${(e as Error).message}`);
  }
  const wanted = only?.split(',').map((s) => s.trim().replace(/\.txt$/, ''));
  if (wanted) {
    const missing = wanted.filter((w) => !names.includes(`${w}.txt`));
    if (missing.length > 0) throw new UsageError(`--only: no such instance in ${dir}: ${missing.join(', ')}`);
    names = names.filter((n) => wanted.includes(n.replace(/\.txt$/, '')));
  }
  if (names.length === 0) throw new UsageError(`no *.txt instance files in ${dir}`);
  const key = (n: string) => Number(/(\d+)/.exec(n)?.[1] ?? Infinity);
  return names.sort((a, b) => key(a) - key(b) || a.localeCompare(b)).map((n) => join(dir, n));
}

interface Row {
  name: string;
  size: string;
  /** Objective at each time limit (one solve per limit). */
  objectives: number[];
  /** Best lower bound proven over the runs (column generation or the whole MIP). */
  bound?: number;
  best?: number;
  /** Gap of the first limit's objective to the best published. */
  gap?: number;
  target?: number;
  hard: number;
  /** Seconds to the first feasible solution, in the first limit's run. */
  firstFeasible?: number;
  /** Wall time of the last limit's run. */
  seconds: number;
  memoryMb: number;
}

const pct = (a: number, b: number) => (b > 0 ? (100 * (a - b)) / b : a === b ? 0 : Infinity).toFixed(1);

function table(rows: Row[], limits: number[]): string {
  const several = limits.length > 1;
  const objectiveHeads = several ? limits.map((l) => `obj ${l} s`) : ['objective'];
  const head = ['instance', 'days×staff×shifts', ...objectiveHeads, 'lower bound', 'best published', 'gap %', 'target', 'hard',
    ...(several ? [`${limits[0]} s vs ${limits.at(-1)} s %`] : []), `${limits[0]} s vs bound %`, 'first feasible s', 'wall s', 'peak MB'];
  const body = rows.map((r) => [
    r.name,
    r.size,
    ...r.objectives.map(String),
    r.bound === undefined ? '–' : String(r.bound),
    r.best === undefined ? '–' : String(r.best),
    r.gap === undefined ? '–' : (100 * r.gap).toFixed(2),
    r.target === undefined ? '–' : `${(100 * r.target).toFixed(0)}%${r.gap !== undefined && r.gap <= r.target && r.hard === 0 ? ' ok' : ' MISSED'}`,
    String(r.hard),
    ...(several ? [pct(r.objectives[0], r.objectives.at(-1)!)] : []),
    // A bound at or below zero (a column generation stopped early) gives no meaningful ratio.
    r.bound === undefined || (r.bound <= 0 && r.objectives[0] > 0) ? '–' : pct(r.objectives[0], r.bound),
    r.firstFeasible === undefined ? '–' : r.firstFeasible.toFixed(1),
    r.seconds.toFixed(1),
    r.memoryMb.toFixed(0),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

function timeLimits(values: Record<string, string | boolean | undefined>): number[] {
  const text = String(values['time-limits'] ?? values['time-limit'] ?? '60');
  const limits = text.split(',').map((t) => Number(t.trim()));
  if (limits.some((l) => !(l > 0))) throw new UsageError(`--time-limit(s) must be positive numbers of seconds, got "${text}"`);
  return limits;
}

async function runCurtois(argv: string[]): Promise<number> {
  const { values } = parseFlags(argv, {
    instances: { type: 'string' },
    'time-limit': { type: 'string' },
    'time-limits': { type: 'string' },
    out: { type: 'string' },
    only: { type: 'string' },
    threads: { type: 'string' },
    seed: { type: 'string' },
    verbose: { type: 'boolean' },
  });
  const dir = requireFlag(values, 'instances');
  const limits = timeLimits(values);
  const threads = intFlag(values, 'threads', 2, 0);
  const seed = intFlag(values, 'seed', 1, 0);
  const out = values.out;
  if (out) mkdirSync(out, { recursive: true });
  const files = instanceFiles(dir, values.only);
  const rows: Row[] = [];
  for (const file of files) {
    const instance = readCurtoisQuFile(file);
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
    const runs: Array<{ objective: number; hard: number; bound: number; seconds: number; firstFeasible?: number }> = [];
    try {
      for (const limit of limits) {
        const t0 = Date.now();
        const log = values.verbose ? (l: string) => console.error(`${instance.name} ${((Date.now() - t0) / 1000).toFixed(1)}s ${l}`) : undefined;
        const result = await solveCurtoisQu(instance, { timeLimitSeconds: limit, threads, seed, log });
        let solution = result.solution;
        if (out) {
          const path = join(out, `${instance.name}.solution.txt`);
          writeFileSync(path, writeCqSolution(instance, solution));
          solution = parseCqSolution(instance, writeCqSolution(instance, solution), path);
        }
        const objective = cqObjective(instance, solution).total;
        const hard = cqHardViolations(instance, solution).length;
        runs.push({ objective, hard, bound: result.bound, seconds: result.seconds, firstFeasible: result.firstFeasibleSeconds });
        console.error(`${instance.name} (${limit} s): objective ${objective}, ${hard} hard violations, ${result.seconds.toFixed(1)} s, first feasible ${result.firstFeasibleSeconds?.toFixed(1) ?? '–'} s, bound ${result.bound}`);
      }
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    const bound = Math.max(...runs.map((r) => r.bound));
    const best = CURTOIS_QU_BEST_KNOWN[instance.name];
    rows.push({
      name: instance.name,
      size: `${instance.horizon}×${instance.staff.length}×${instance.shifts.length}`,
      objectives: runs.map((r) => r.objective),
      bound: Number.isFinite(bound) ? bound : undefined,
      best,
      gap: best === undefined ? undefined : (runs[0].objective - best) / best,
      target: targetGap(instance.name),
      hard: Math.max(...runs.map((r) => r.hard)),
      firstFeasible: runs[0].firstFeasible,
      seconds: runs.at(-1)!.seconds,
      memoryMb: peak / 2 ** 20,
    });
  }
  console.log(table(rows, limits));
  return rows.some((r) => r.hard > 0) ? 1 : 0;
}

export const command: CliCommand = {
  name: 'bench',
  summary: 'run a benchmark (bench curtois …)',
  usage,
  async run(argv) {
    const [which, ...rest] = argv;
    if (which !== 'curtois') throw new UsageError(`unknown benchmark "${which ?? ''}" (available: curtois)`);
    return runCurtois(rest);
  },
};

/**
 * `shiftcast bench curtois --instances DIR [--time-limit S] [--out DIR]`: solves every Curtois & Qu instance
 * file in DIR (or the ones named by --only) and prints a table: objective, the lower bound proven during the
 * run, best published value, gap, hard violations (counted by the general contract rules, independently of
 * the optimizer), wall time and peak memory (process RSS, sampled). With --out, writes one <Instance>.solution.txt per instance and re-reads it to check the round trip.
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

const usage = `usage: shiftcast bench curtois --instances DIR [--time-limit S] [--out DIR] [--only NAMES] [--threads N] [--seed N] [--verbose]

Runs the Curtois & Qu staff-rostering benchmark on every *.txt instance in DIR.
  --time-limit S   seconds per instance (default 60)
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
  objective: number;
  /** Lower bound proven during the run (column generation or the whole MIP). */
  bound?: number;
  best?: number;
  gap?: number;
  target?: number;
  hard: number;
  seconds: number;
  memoryMb: number;
}

function table(rows: Row[]): string {
  const head = ['instance', 'days×staff×shifts', 'objective', 'lower bound', 'best published', 'gap %', 'target', 'hard', 'wall s', 'peak MB'];
  const body = rows.map((r) => [
    r.name,
    r.size,
    String(r.objective),
    r.bound === undefined ? '–' : String(r.bound),
    r.best === undefined ? '–' : String(r.best),
    r.gap === undefined ? '–' : (100 * r.gap).toFixed(2),
    r.target === undefined ? '–' : `${(100 * r.target).toFixed(0)}%${r.gap !== undefined && r.gap <= r.target && r.hard === 0 ? ' ok' : ' MISSED'}`,
    String(r.hard),
    r.seconds.toFixed(1),
    r.memoryMb.toFixed(0),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

async function runCurtois(argv: string[]): Promise<number> {
  const { values } = parseFlags(argv, {
    instances: { type: 'string' },
    'time-limit': { type: 'string' },
    out: { type: 'string' },
    only: { type: 'string' },
    threads: { type: 'string' },
    seed: { type: 'string' },
    verbose: { type: 'boolean' },
  });
  const dir = requireFlag(values, 'instances');
  const timeLimit = Number(values['time-limit'] ?? 60);
  if (!(timeLimit > 0)) throw new UsageError(`--time-limit must be a positive number of seconds, got "${values['time-limit']}"`);
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
    const t0 = Date.now();
    const log = values.verbose ? (l: string) => console.error(`${instance.name} ${((Date.now() - t0) / 1000).toFixed(1)}s ${l}`) : undefined;
    const result = await solveCurtoisQu(instance, { timeLimitSeconds: timeLimit, threads, seed, log }).finally(() => clearInterval(sampler));
    peak = Math.max(peak, process.memoryUsage().rss);
    let solution = result.solution;
    if (out) {
      const path = join(out, `${instance.name}.solution.txt`);
      writeFileSync(path, writeCqSolution(instance, solution));
      solution = parseCqSolution(instance, writeCqSolution(instance, solution), path);
    }
    const objective = cqObjective(instance, solution).total;
    const hard = cqHardViolations(instance, solution).length;
    const best = CURTOIS_QU_BEST_KNOWN[instance.name];
    const row: Row = {
      name: instance.name,
      size: `${instance.horizon}×${instance.staff.length}×${instance.shifts.length}`,
      objective,
      bound: Number.isFinite(result.bound) ? result.bound : undefined,
      best,
      gap: best === undefined ? undefined : (objective - best) / best,
      target: targetGap(instance.name),
      hard,
      seconds: result.seconds,
      memoryMb: peak / 2 ** 20,
    };
    rows.push(row);
    console.error(`${row.name}: objective ${objective}${best === undefined ? '' : ` (best published ${best})`}, ${hard} hard violations, ${row.seconds.toFixed(1)} s`);
  }
  console.log(table(rows));
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

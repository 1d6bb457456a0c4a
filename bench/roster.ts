/**
 * npm run bench:roster [-- --sizes demo,50,200,500,1000,tight-60,tight-150,tight-300 --runs N --seed S --scale X --jslp-timeout S --day false --day-bound S --tight-peak P --tight-seed S]
 *
 * The roster solver on the demo center (data/demo-center.json) and generated centers of 50 to 1,000 phone staff
 * (src/demo/generate-center.ts, seed 2026) for December 2026 (31 days) at 30-minute intervals, with requirements
 * from the bank traffic profile (solver/requirements/bank-profile.ts: Erlang A/C from src/staffing, 90% of the
 * staff's contract hours); and tight centers (bench/tight-center.ts: three queues, 30% multi-skilled,
 * America/New_York in March 2027 with its 23-hour day, peaks 40% above the level the staff could hold evenly,
 * requirements at their most days' hours) solved for 120 s, against the target of the roster issue: within
 * max(2 h, 0.5% of the required hours) of the lower bound — the solve's LP bound, and for the tight rows also the
 * day-integer bound (solver/design/day-integer-bound.ts: whole shifts, meals and breaks per day, --day-bound S
 * seconds per distinct day MIP, default 60; 0 leaves it out), computed once per center in a child process. Each run is a child process (peak memory = its max RSS);
 * the table gives medians over the runs: wall time, hard violations, understaffed agent-hours against the LP
 * lower bound, overstaffing, peak memory. Then the per-day shift-design model (solver/design/day-design.ts)
 * for the first day, solved by HiGHS and by javascript-lp-solver through the same LpBackend, LP and MIP, each in
 * a child process killed after --jslp-timeout seconds (javascript-lp-solver has no time limit on its simplex).
 * Targets (issue 5, 2 cores): 200 agents under 60 s with 0 hard violations and understaffing within 5% of the
 * bound (within 1 agent-hour when the bound is near 0, read as below 20 agent-hours, where 5% is 1 agent-hour);
 * 500 agents under 5 minutes.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { median } from 'simple-statistics';
import { parseCenter } from '../src/domain/center-loader.ts';
import { generateCenter } from '../src/demo/generate-center.ts';
import { buildDayDesign } from '../solver/design/day-design.ts';
import { buildGroups } from '../solver/design/groups.ts';
import { wholeShiftBound, type WholeShiftBound } from '../solver/design/rule-prices.ts';
import { createHighsBackend } from '../solver/lp/highs-backend.ts';
import { createJsLpBackend } from '../solver/lp/jslp-backend.ts';
import { buildSolverModel } from '../solver/model/build-model.ts';
import { requirementsFromBankProfile } from '../solver/requirements/bank-profile.ts';
import { solveRoster } from '../solver/solve-roster.ts';
import type { RosterProblem } from '../solver/problem.ts';
import { tightCenter } from './tight-center.ts';

const MONTH = '2026-12';
const TIGHT_MONTH = '2027-03';
const SELF = fileURLToPath(import.meta.url);
/** Seconds per solve: the 200- and 500-agent limits keep the targets' wall times with room for start-up. */
const TIME_LIMIT: Record<string, number> = { demo: 60, '50': 30, '100': 45, '200': 55, '500': 240, '1000': 600 };
const tight = (size: string) => size.startsWith('tight-');

function problemOf(size: string): RosterProblem {
  if (tight(size)) {
    // --tight-peak P (0.2–0.4) and --tight-seed S give other tight centers of the same shape.
    const { center, requirements } = tightCenter({ people: Number(size.slice(6)), month: TIGHT_MONTH, seed: Number(arg('tight-seed', '1')), load: 1.0, peak: Number(arg('tight-peak', '0.4')) });
    return { center, month: TIGHT_MONTH, requirements };
  }
  const center = size === 'demo'
    ? parseCenter(JSON.parse(readFileSync(new URL('../data/demo-center.json', import.meta.url), 'utf8')))
    : parseCenter(generateCenter({ agents: Number(size), seed: 2026, name: `gen-${size}` }));
  return { center, month: MONTH, requirements: requirementsFromBankProfile(center, MONTH) };
}

function arg(name: string, fallback: string): string {
  const k = process.argv.indexOf(`--${name}`);
  return k >= 0 && process.argv[k + 1] !== undefined ? process.argv[k + 1] : fallback;
}

interface SolveRow {
  required: number;
  wall: number;
  hard: number;
  under: number;
  over: number;
  soft: number;
  bound: number;
  rssMb: number;
  people: number;
  phone: number;
  /** The solve's phases, "name ms" each. */
  phases: string[];
}

async function childSolve(size: string, seconds: number, seed: number): Promise<SolveRow> {
  const problem = problemOf(size);
  const { center } = problem;
  const t0 = performance.now();
  const r = await solveRoster(problem, { timeLimitMs: seconds * 1000, seed });
  const wall = (performance.now() - t0) / 1000;
  const roles = center.agents.map((a) => a.role);
  return {
    required: problem.requirements.reduce((s, x) => s + x.required, 0) * (center.intervalMinutes / 60),
    wall, hard: r.roster.score.hard, under: r.roster.score.understaffed, over: r.roster.score.overstaffed, soft: r.roster.score.soft,
    bound: r.lowerBound.understaffed, rssMb: process.resourceUsage().maxRSS / 1024,
    people: roles.filter((x) => x === 'agent' || x === 'lead' || x === 'supervisor').length, phone: roles.filter((x) => x === 'agent' || x === 'lead').length,
    phases: r.phases.map((x) => `${x.phase} ${x.ms}`),
  };
}

interface DayRow {
  status: string;
  objective: number;
  bound: number;
  ms: number;
  cols: number;
  rows: number;
}

async function childDay(size: string, backendName: string, integer: boolean, limitMs: number): Promise<DayRow> {
  const m = buildSolverModel(problemOf(size));
  const groups = buildGroups(m);
  // The day's staff: each group's members at the middle of their contract days, spread over their free days.
  const staff = new Map(groups.map((g) => [g.index, Math.round(g.members.reduce((s, p) => s + (p.free[0] ? (p.minDays + p.maxDays) / 2 / p.free.filter(Boolean).length : 0), 0))]));
  const fixed = m.queueIds.map(() => new Float64Array(m.horizon.startMs.length));
  const design = buildDayDesign(m, groups, 0, staff, fixed, integer);
  const backend = backendName === 'highs' ? await createHighsBackend() : createJsLpBackend();
  const sol = backend.solve(design.lp, { timeLimitMs: limitMs, relGap: 1e-4 });
  return { status: sol.status, objective: sol.objective, bound: sol.bound, ms: sol.ms, cols: design.lp.numCols, rows: design.lp.numRows };
}

interface BoundRow extends WholeShiftBound {
  ms: number;
}

/** The day-integer bound (solver/design/day-integer-bound.ts): independent of the solve, so once per center. */
async function childBound(size: string, dayMs: number): Promise<BoundRow> {
  const t0 = performance.now();
  const b = wholeShiftBound(problemOf(size), await createHighsBackend(), { lpMs: 600_000, dayMs });
  if (!b) throw new Error(`day-integer bound of ${size}: the month LP did not solve`);
  return { ...b, ms: performance.now() - t0 };
}

function runChild<T>(args: string[], timeoutMs: number): Promise<T | { timeout: true }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', SELF, ...args], { timeout: timeoutMs, maxBuffer: 1 << 20 }, (err, stdout) => {
      if (err && (err as { killed?: boolean }).killed) return resolve({ timeout: true });
      if (err) return reject(err);
      // NaN travels as null in JSON.
      resolve(JSON.parse(stdout.trim().split('\n').pop()!, (_k, v) => (v === null ? NaN : v)) as T);
    });
  });
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}

async function main(): Promise<void> {
  const child = arg('child', '');
  if (child === 'solve') {
    console.log(JSON.stringify(await childSolve(arg('size', '50'), Number(arg('seconds', '20')), Number(arg('seed', '1')))));
    return;
  }
  if (child === 'bound') {
    console.log(JSON.stringify(await childBound(arg('size', 'tight-60'), Number(arg('day-ms', '60000')))));
    return;
  }
  if (child === 'day') {
    console.log(JSON.stringify(await childDay(arg('size', '50'), arg('backend', 'highs'), arg('integer', 'false') === 'true', Number(arg('limit-ms', '60000')))));
    return;
  }
  const sizes = arg('sizes', 'demo,50,200,500,1000,tight-60,tight-150,tight-300').split(',');
  const scale = Number(arg('scale', '1'));
  const jslpTimeout = Number(arg('jslp-timeout', '60'));
  // --day-bound S: seconds per distinct day MIP of the day-integer bound, computed for the tight rows (0: not).
  const dayBoundSeconds = Number(arg('day-bound', '60'));
  const tightArgs = ['--tight-peak', arg('tight-peak', '0.4'), '--tight-seed', arg('tight-seed', '1')];
  const solveRows: string[][] = [['center', 'people (phone)', 'limit s', 'runs', 'wall s', 'hard', 'required ah', 'understaffed ah', 'LP bound ah', 'gap', 'overstaffed ah', 'peak RSS MB', 'target', 'day-MIP bound ah', 'gap to it', 'target to it']];
  for (const size of sizes) {
    const seconds = Math.max(5, Math.round((tight(size) ? 120 : TIME_LIMIT[size]) * scale));
    const runs = Number(arg('runs', ['500', '1000'].includes(size) || tight(size) ? '1' : '3'));
    const results: SolveRow[] = [];
    // --seed S: the runs use seeds S, S+1, … (default 1).
    const first = Number(arg('seed', '1'));
    for (let seed = first; seed < first + runs; seed++) {
      const r = await runChild<SolveRow>(['--child', 'solve', '--size', size, '--seconds', String(seconds), '--seed', String(seed), ...tightArgs], (seconds + 300) * 1000);
      if ('timeout' in r) throw new Error(`solve of ${size} did not finish`);
      results.push(r);
      process.stderr.write(`${size} run ${seed}: ${JSON.stringify(r)}\n`);
    }
    const med = (f: (r: SolveRow) => number) => median(results.map(f));
    const bound = med((r) => r.bound);
    const under = med((r) => r.under);
    const gapAbs = under - bound;
    const gap = bound >= 20 ? `${((100 * gapAbs) / bound).toFixed(1)}%` : `+${gapAbs.toFixed(1)} ah`;
    const wall = med((r) => r.wall);
    const hard = med((r) => r.hard);
    const required = med((r) => r.required);
    const met = (ok: boolean) => (ok ? 'met' : 'not met');
    const target =
      size === '200' ? met(wall < 60 && hard === 0 && (bound >= 20 ? gapAbs <= 0.05 * bound : gapAbs <= 1))
      : size === '500' ? met(wall < 300 && hard === 0)
      : size === '1000' ? met(wall <= 600 && hard === 0)
      : tight(size) ? met(hard === 0 && gapAbs <= Math.max(2, 0.005 * required))
      : '';
    let dayBound = ['', '', ''];
    if (tight(size) && dayBoundSeconds > 0) {
      const b = await runChild<BoundRow>(['--child', 'bound', '--size', size, '--day-ms', String(dayBoundSeconds * 1000), ...tightArgs], (dayBoundSeconds * 40 + 600) * 1000);
      if ('timeout' in b) throw new Error(`day-integer bound of ${size} did not finish`);
      process.stderr.write(`${size} day-integer bound: ${JSON.stringify(b)}\n`);
      dayBound = [b.bound.toFixed(2), `+${(under - b.bound).toFixed(1)} ah`, met(hard === 0 && under - b.bound <= Math.max(2, 0.005 * required))];
    }
    solveRows.push([
      size === 'demo' || tight(size) ? size : `gen-${size}`, `${results[0].people} (${results[0].phone})`, String(seconds), String(runs), wall.toFixed(1), String(hard),
      required.toFixed(0), under.toFixed(2), Number.isFinite(bound) ? bound.toFixed(2) : 'n/a', gap, med((r) => r.over).toFixed(1), med((r) => r.rssMb).toFixed(0), target,
      ...dayBound,
    ]);
  }
  console.log(`Roster solver, ${MONTH} (tight centers ${TIGHT_MONTH}, peaks +${Math.round(100 * Number(arg('tight-peak', '0.4')))}%, center seed ${arg('tight-seed', '1')}), 31 days, 30-min intervals, medians (ah = agent-hours)\n`);
  console.log(table(solveRows));

  // --day false: the solve table alone.
  if (arg('day', 'true') === 'false') return;
  const dayRows: string[][] = [['center', 'cols × rows', 'HiGHS LP', 'jsLP LP', 'HiGHS MIP', 'jsLP MIP']];
  for (const size of sizes.filter((x) => !['1000'].includes(x) && !tight(x))) {
    const cells: string[] = [];
    let shape = '';
    for (const integer of [false, true]) {
      for (const backend of ['highs', 'jslp']) {
        // HiGHS stops itself at the limit (and reports its bound); javascript-lp-solver is killed at it.
        const limitMs = (jslpTimeout - 5) * 1000;
        const r = await runChild<DayRow>(['--child', 'day', '--size', size, '--backend', backend, '--integer', String(integer), '--limit-ms', String(limitMs)], jslpTimeout * 1000);
        if ('timeout' in r) cells.push(`no answer in ${jslpTimeout} s`);
        else {
          shape = `${r.cols} × ${r.rows}`;
          const time = r.ms < 1000 ? `${r.ms.toFixed(0)} ms` : `${(r.ms / 1000).toFixed(1)} s`;
          const gap = r.status === 'feasible' && Number.isFinite(r.bound) ? ` (limit; bound ${r.bound.toFixed(3)})` : r.status === 'optimal' ? '' : ` (${r.status})`;
          cells.push(`${r.objective.toFixed(3)} in ${time}${gap}`);
        }
      }
    }
    dayRows.push([size === 'demo' ? 'demo' : `gen-${size}`, shape, cells[0], cells[1], cells[2], cells[3]]);
  }
  console.log(`\nPer-day shift-design model (first day), objective and solve time per backend\n`);
  console.log(table(dayRows));
}

await main();

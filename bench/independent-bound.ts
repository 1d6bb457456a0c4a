/**
 * An INDEPENDENT lower bound on understaffing: an LP relaxation of the monthly rostering problem as the rules are
 * written, to check the product's own bound (solveRoster → result.lowerBound.understaffed). Imports nothing from
 * solver/ except solver/requirements/bank-profile.ts (test requirements for --generated). HiGHS via the `highs`
 * package, fed a CPLEX LP-format string.
 *
 *   node --import tsx bench/independent-bound.ts --center C.json --requirements R.csv --month YYYY-MM
 *   node --import tsx bench/independent-bound.ts --generated 50 --month 2026-12
 *   options: --multi-queue --no-rest --no-meal-window --no-breaks --no-bus --time-limit S --write-lp F --verbose
 * Each --no-* option drops a rule and --multi-queue widens what a shift may do: all still give valid bounds.
 *
 * Model (all variables continuous ≥ 0; sources in parentheses):
 * - Phone people: role agent or lead (solver/rules/README "Who is rostered"; availability.ts PHONE_ROLES), on
 *   their skills that are center queues (H2). People identical for the model (skills, allowed templates,
 *   blocked dates, effective C1/C2/C3 numbers) form one group of multiplicity n; every per-person constraint
 *   below is summed over the group (≤ n, n·min ≤ … ≤ n·max): a valid relaxation of the per-person model.
 * - Shift options (H4, R4): date × template × start. Only open days (center.open, closed specialDays) and the
 *   template's `days`; `contract.templates` (absent = all); fixed start, or window [from, to] stepped by
 *   intervalMinutes as in r4-start-window.ts; length = template minutes of real elapsed time from the local
 *   start (luxon, DST-safe). No open-hours containment: H4/R4 do not ask for it. Not on unavailable, leave or
 *   new-hire training dates (H3). R12 (when busDepartures is set, unless --no-bus): the end lies busLeadMinutes
 *   before a departure of the shift's date or the next day, as r12-bus-departures.ts reads it — hard where the
 *   template has such a start that day, soft (every start kept) where it has none.
 * - x[g,d,o,c] = people of group g working option o on day d for class c; c = one queue (default: a shift works
 *   one queue) or, with --multi-queue, the group's skill set, whose phone time is split per interval over its
 *   queues by flows f[c,q,t] (Σ_q f ≤ phone time of c at t).
 * - Off the phones, per (day, option, class) aggregated over groups (breaks do not depend on who works):
 *   R8 a shift longer than mealAfterShiftMinutes has one meal of the template's minutes (default
 *   defaultMealMinutes) wholly inside the template window (from < start clock → next day; to < from → +1 day),
 *   or anywhere with --no-meal-window; R9 no meal or break starts before start + noBreakFirstMinutes, all inside
 *   the shift, breaks never overlap the meal; R7 working time = shift minus meal, each 60 minutes of it counted
 *   from the start is a full hour (possibly cut by the meal; the last partial hour needs none) holding one
 *   hourlyBreakMinutes break wholly inside one of its pieces. No meal on shifts ≤ mealAfterShiftMinutes. The meal start z[j] and each hour's break w[k,b]
 *   are spread fractionally over all allowed 5-minute positions (finer if the data are not on 5 minutes):
 *   Σ_j z = X = Σ_g x, and for each hour k, Σ_b w[k,b] = Σ of the z whose meal position gives hour k that set of
 *   break positions. Given the meal, hours are independent and disjoint, so this is the convex hull of the
 *   legal placements (all data on the grid make the grid points its vertices). Positions with the same coverage
 *   vector are merged; a break that can fall where no requirement is drops out.
 * - Coverage u[q,t]: u + Σ (shift − meal − break fractions of t) ≥ required; minimise Σ u × interval hours.
 * - Per group: Σ_{o,c} x ≤ n per day (H1); C3 n·min ≤ days ≤ n·maxDays with min = min(max(0, minDays − leave
 *   and training days), workable days, maxDays) (availability.ts contractDayBounds), capped with a warning at
 *   the days the group has options; C2 every maxConsecutiveDays+1 window ≤ n·maxConsecutiveDays; C1 (unless
 *   --no-rest) for each day pair and each end time e, options ending ≥ e plus later options starting before
 *   e + minRestHours (elapsed) ≤ n (a clique of pairwise conflicts). Previous month ignored.
 * Not modelled (dropping them keeps the bound valid): C4–C9, activities (TR1–TR4), R10, R11, soft rules but R12.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as highsModule from 'highs';
import { parseCenter } from '../src/domain/center-loader.ts';
import type { Center } from '../src/domain/center-schema.ts';
import { generateCenter } from '../src/demo/generate-center.ts';
import { requirementsFromBankProfile } from '../solver/requirements/bank-profile.ts';
import { monthLine, offPhone, phoneGroups, requirementGrid, shiftOptions, type OffPhone, type Requirement } from './independent-bound-model.ts';

type Loader = typeof highsModule.default.default;
const loadHighs: Loader = (highsModule as unknown as { default: Loader }).default;

export interface BoundFlags { multiQueue: boolean; rest: boolean; mealWindow: boolean; breaks: boolean; bus: boolean }

/** A sparse LP written as CPLEX LP text. */
class Lp {
  names: string[] = [];
  objective = new Map<number, number>();
  rows: Array<{ terms: Map<number, number>; sense: '<=' | '>=' | '='; rhs: number }> = [];
  col(prefix: string): number { this.names.push(prefix + this.names.length); return this.names.length - 1; }
  row(sense: '<=' | '>=' | '=', rhs: number) { const r = { terms: new Map<number, number>(), sense, rhs }; this.rows.push(r); return r.terms; }
  nonzeros(): number { return this.rows.reduce((s, r) => s + r.terms.size, 0); }
  text(): string {
    const expr = (terms: Map<number, number>) => {
      const parts: string[] = [];
      for (const [j, c] of terms) if (Math.abs(c) > 1e-12) parts.push(`${c < 0 ? '-' : '+'} ${Math.abs(c)} ${this.names[j]}`);
      return parts.map((p, k) => (k > 0 && k % 8 === 0 ? `\n  ${p}` : p)).join(' ') || '0 u_none';
    };
    const out = ['Minimize', ` obj: ${expr(this.objective)}`, 'Subject To'];
    this.rows.forEach((r, k) => out.push(` r${k}: ${expr(r.terms)} ${r.sense} ${r.rhs}`));
    out.push('End');
    return out.join('\n');
  }
}

export function buildBoundLp(center: Center, month: string, requirements: readonly Requirement[], flags: BoundFlags) {
  const line = monthLine(center, month);
  const { req, constant, warnings } = requirementGrid(center, line, requirements);
  const groups = phoneGroups(center, line.dates);
  const options = shiftOptions(center, line.dates, flags.bus);
  if (flags.bus && center.busDepartures.length) { // R12 is soft in the rulebook: say when it empties a template's day
    const kept = new Set(options.map((o) => `${o.template.id}@${o.date}`));
    const lost = new Set(shiftOptions(center, line.dates, false).map((o) => `${o.template.id}@${o.date}`).filter((k) => !kept.has(k)));
    if (lost.size) warnings.push(`R12 leaves ${lost.size} template-date(s) with no start, e.g. ${[...lost][0]} (--no-bus drops R12)`);
  }
  const hours = center.intervalMinutes / 60;
  const lp = new Lp();
  // Classes: what a shift's phone time may feed.
  const classes = new Map<string, string[]>();
  const classesOf = (skills: string[]) => (flags.multiQueue ? (skills.length ? [skills] : []) : skills.map((q) => [q]))
    .map((qs) => { const id = qs.join('+'); classes.set(id, qs); return id; });
  const relevant = (qs: string[]) => (i: number) => qs.some((q) => req.get(q)![i] > 0);
  // Coverage rows (lazy) and, for multi-queue classes, phone rows with their flows.
  const cover = new Map<string, Map<number, number>>();
  const coverRow = (q: string, i: number) => {
    let r = cover.get(`${q}|${i}`);
    if (!r) {
      cover.set(`${q}|${i}`, (r = lp.row('>=', req.get(q)![i])));
      const u = lp.col('u');
      r.set(u, 1);
      lp.objective.set(u, hours);
    }
    return r;
  };
  const phone = new Map<string, Map<number, number>>();
  const add = (terms: Map<number, number>, j: number, c: number) => terms.set(j, (terms.get(j) ?? 0) + c);
  const contribute = (cls: string, i: number, j: number, c: number) => {
    const qs = classes.get(cls)!;
    if (qs.length === 1) return add(coverRow(qs[0], i), j, c);
    let r = phone.get(`${cls}|${i}`);
    if (!r) {
      phone.set(`${cls}|${i}`, (r = lp.row('<=', 0)));
      for (const q of qs) if (req.get(q)![i] > 0) { const f = lp.col('f'); r.set(f, 1); add(coverRow(q, i), f, 1); }
    }
    add(r, j, -c);
  };
  // Off-phone structures per (option, class), built once.
  const structures = new Map<string, OffPhone | undefined>();
  const structure = (o: (typeof options)[number], cls: string) => {
    const key = `${o.id}|${cls}`;
    if (!structures.has(key)) structures.set(key, offPhone(center, line, o, relevant(classes.get(cls)!), flags));
    return structures.get(key);
  };
  const unusable = new Set<string>();
  // x variables, per group and day; X terms per (option, class).
  const X = new Map<string, { o: (typeof options)[number]; cls: string; vars: number[] }>();
  const xs: Array<{ group: number; option: number; cls: string }> = []; // what each x column is
  const perGroupDay = groups.map((g, group) => {
    const days = line.dates.map(() => [] as Array<{ startMs: number; endMs: number; vars: number[] }>);
    for (const o of options) {
      if (!g.templates.has(o.template.id) || g.blocked.has(o.date)) continue;
      const vars: number[] = [];
      for (const cls of classesOf(g.skills)) {
        if (!structure(o, cls)) { unusable.add(`${o.template.id}@${o.date}`); continue; }
        const v = lp.col('x');
        vars.push(v);
        xs[v] = { group, option: o.id, cls };
        const key = `${o.id}|${cls}`;
        (X.get(key) ?? X.set(key, { o, cls, vars: [] }).get(key)!).vars.push(v);
      }
      if (vars.length) days[o.day].push({ startMs: o.startMs, endMs: o.endMs, vars });
    }
    return days;
  });
  if (unusable.size) warnings.push(`no R7–R9 placement: ${unusable.size} option-date(s) unusable, e.g. ${[...unusable][0]}`);
  for (const { o, cls, vars } of X.values()) {
    const st = structure(o, cls)!;
    st.shift.idx.forEach((i, k) => vars.forEach((v) => contribute(cls, i, v, st.shift.frac[k])));
    // One meal class: z = X itself; else z_j with Σ z_j = Σ x.
    const z: number[][] = st.meals.length === 1 ? [vars] : st.meals.map(() => [lp.col('z')]);
    if (st.meals.length > 1) {
      const link = lp.row('=', 0);
      z.forEach(([j]) => link.set(j, 1));
      vars.forEach((v) => add(link, v, -1));
    }
    st.meals.forEach((m, j) => m.idx.forEach((i, k) => z[j].forEach((v) => contribute(cls, i, v, -m.frac[k]))));
    for (const b of st.blocks) {
      const link = lp.row('=', 0);
      for (const item of b.items) {
        const w = lp.col('w');
        link.set(w, 1);
        item.idx.forEach((i, k) => contribute(cls, i, w, -item.frac[k]));
      }
      for (const j of b.configs) z[j].forEach((v) => add(link, v, -1));
    }
  }
  // Per group: H1, C3, C2, C1.
  groups.forEach((g, gi) => {
    const n = g.members.length;
    const days = perGroupDay[gi];
    const all = lp.row('<=', n * g.maxDays);
    days.forEach((opts) => {
      if (!opts.length) return;
      const day = lp.row('<=', n);
      for (const o of opts) for (const v of o.vars) (day.set(v, 1), all.set(v, 1));
    });
    const usable = days.filter((d) => d.length).length;
    const min = Math.min(g.minDays, usable);
    if (min < g.minDays) warnings.push(`C3: ${g.members[0]} (+${n - 1}) can work only ${usable} days, minDays ${g.minDays} capped`);
    if (min > 0) { const r = lp.row('>=', n * min); all.forEach((c, v) => r.set(v, c)); }
    const L = g.maxConsecutive + 1;
    for (let a = 0; a + L <= days.length; a++) {
      const win = days.slice(a, a + L);
      if (win.filter((d) => d.length).length <= g.maxConsecutive) continue;
      const r = lp.row('<=', n * g.maxConsecutive);
      for (const d of win) for (const o of d) for (const v of o.vars) r.set(v, 1);
    }
    const restMs = g.minRestHours * 3_600_000;
    if (!flags.rest || restMs <= 0) return;
    days.forEach((A, d) => {
      if (!A.length) return;
      const maxEnd = Math.max(...A.map((o) => o.endMs));
      for (let d2 = d + 1; d2 < days.length && line.dayStartMs[d2] < maxEnd + restMs; d2++) {
        let prev = '';
        for (const e of [...new Set(A.map((o) => o.endMs))].sort((p, q) => p - q)) {
          const right = days[d2].filter((o) => o.startMs - e < restMs);
          const key = right.map((o) => o.startMs).join(',');
          if (!right.length || key === prev) continue;
          prev = key;
          const r = lp.row('<=', n);
          for (const o of [...A.filter((o) => o.endMs >= e), ...right]) for (const v of o.vars) r.set(v, 1);
        }
      }
    });
  });
  // Requirements nobody can reach: a constant.
  let unreachable = 0;
  for (const [q, arr] of req) arr.forEach((v, i) => { if (v > 0 && !cover.has(`${q}|${i}`)) unreachable += v * hours; });
  const count = (p: string) => lp.names.filter((s) => s.startsWith(p)).length;
  const size = { rows: lp.rows.length, cols: lp.names.length, nonzeros: lp.nonzeros(), x: count('x'), z: count('z'), w: count('w'), f: count('f'), u: count('u') };
  return { lp, cover, xs, groups, options, constant: constant + unreachable, warnings, size, people: groups.reduce((s, g) => s + g.members.length, 0) };
}

function readRequirementsCsv(file: string): Requirement[] {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const head = lines[0].split(',').map((h) => h.trim());
  const col = (name: string) => { const k = head.indexOf(name); if (k < 0) throw new Error(`${file}: no column "${name}"`); return k; };
  const [q, t, r] = [col('queue'), col('interval_start'), col('required')];
  return lines.slice(1).map((l, k) => {
    const cells = l.split(',').map((c) => c.trim());
    const required = Number(cells[r]);
    if (!Number.isFinite(required)) throw new Error(`${file}:${k + 2}:required: "${cells[r]}" is not a number`);
    return { queue: cells[q], interval_start: cells[t], required };
  });
}

async function main() {
  const args = process.argv.slice(2);
  const value = (name: string) => { const k = args.indexOf(name); return k >= 0 ? args[k + 1] : undefined; };
  const month = value('--month') ?? '2026-12';
  const flags: BoundFlags = { multiQueue: args.includes('--multi-queue'), rest: !args.includes('--no-rest'),
    mealWindow: !args.includes('--no-meal-window'), breaks: !args.includes('--no-breaks'), bus: !args.includes('--no-bus') };
  let center: Center;
  let requirements: Requirement[];
  const generated = value('--generated');
  if (generated) {
    center = parseCenter(generateCenter({ agents: Number(generated), seed: 2026, name: `gen-${generated}` }));
    requirements = requirementsFromBankProfile(center, month);
  } else {
    const [c, r] = [value('--center'), value('--requirements')];
    if (!c || !r) throw new Error('give --center FILE.json --requirements FILE.csv, or --generated N');
    center = parseCenter(JSON.parse(readFileSync(c, 'utf8')), c);
    requirements = readRequirementsCsv(r);
  }
  const t0 = performance.now();
  const built = buildBoundLp(center, month, requirements, flags);
  const text = built.lp.text();
  const buildMs = performance.now() - t0;
  const out = value('--write-lp');
  if (out) writeFileSync(out, text);
  const highs = await loadHighs();
  const t1 = performance.now();
  const limit = value('--time-limit');
  const sol = highs.solve(text, { output_flag: args.includes('--verbose'), ...(limit ? { time_limit: Number(limit) } : {}) });
  const solveMs = performance.now() - t1;
  const s = built.size;
  console.log(`center ${center.name}, ${month}: ${built.people} phone people in ${built.groups.length} groups, ${built.options.length} shift options; flags ${JSON.stringify(flags)}`);
  for (const w of built.warnings) console.log(`warning: ${w}`);
  console.log(`model: ${s.rows} rows, ${s.cols} columns (x ${s.x}, z ${s.z}, w ${s.w}, f ${s.f}, u ${s.u}), ${s.nonzeros} nonzeros, LP text ${(text.length / 1e6).toFixed(1)} MB`);
  console.log(`time: build ${(buildMs / 1000).toFixed(1)} s, HiGHS ${(solveMs / 1000).toFixed(1)} s; status ${sol.Status}`);
  if (sol.Status !== 'Optimal') { process.exitCode = 1; return; }
  console.log(`lower bound on understaffing: ${(sol.ObjectiveValue + built.constant).toFixed(4)} agent-hours` +
    (built.constant > 0 ? ` (of which ${built.constant.toFixed(3)} unreachable)` : ''));
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) await main();

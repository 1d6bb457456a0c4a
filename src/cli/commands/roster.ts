/**
 * shiftcast roster --center C.json --requirements R.csv --month YYYY-MM [--time-limit S] --out roster.json
 * Solves a month's roster (solver/solve-roster.ts): feasibility first, progress on stderr, the roster
 * (FORMATS.md "Roster") to --out, a summary with the understaffing lower bound on stdout.
 */
import { writeFile } from 'node:fs/promises';
import { UsageError, intFlag, monthFlag, parseFlags, requireFlag, type CliCommand } from '../command.ts';

export const command: CliCommand = {
  name: 'roster',
  summary: 'solve a monthly roster',
  usage: `usage: shiftcast roster --center C.json --requirements R.csv --month YYYY-MM [--time-limit S] --out roster.json

Builds the month's roster: every agent, lead and duty supervisor, their shifts, hourly breaks and meals, keeping
every hard rule of the manual and minimizing understaffing (peaks first), overstaffing, attendance, fairness,
start-time changes and unmet preferences (solver/rules/README.md). Before solving, explains in plain words
what cannot be kept. Progress goes to stderr; the roster JSON to --out.
  --center C.json         center file (approved leave = "unavailable" entries with reason "leave")
  --requirements R.csv    agents required per queue and interval (FORMATS.md "Requirements")
  --month YYYY-MM         the month to roster
  --time-limit S          seconds to spend (default 60)
  --out roster.json       roster to write
  --previous P.json       a roster of the previous month (its last days count for rest and runs)
  --seed N                local-search seed (default 1)
Exit code 0 when the roster keeps every hard rule, 1 when some could not be kept (the roster is written anyway).`,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, {
      center: { type: 'string' }, requirements: { type: 'string' }, month: { type: 'string' }, 'time-limit': { type: 'string' },
      out: { type: 'string' }, previous: { type: 'string' }, seed: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const centerFile = requireFlag(values, 'center');
    const requirementsFile = requireFlag(values, 'requirements');
    const month = monthFlag(values, 'month');
    const outFile = requireFlag(values, 'out');
    const seconds = intFlag(values, 'time-limit', 60, 1);
    const seed = intFlag(values, 'seed', 1, 0);

    const { loadCenterFile } = await import('../../domain/center-loader.ts');
    const { readRequirementsFile } = await import('../../formats/requirements-csv.ts');
    const { solveRoster } = await import('../../../solver/solve-roster.ts');
    const { loadRosterFile } = await import('../../../solver/roster-file.ts');
    const center = await loadCenterFile(centerFile);
    const requirements = await readRequirementsFile(requirementsFile, center.timezone);
    const previous = values.previous ? (await loadRosterFile(values.previous)).assignments.filter((a) => a.date < `${month}-01`) : [];

    let lastLine = 0;
    const result = await solveRoster(
      { center, month, requirements, previous },
      {
        timeLimitMs: seconds * 1000,
        seed,
        onProgress: (p) => {
          const now = performance.now();
          if (p.phase === 'local search' && now - lastLine < 5_000) return;
          lastLine = now;
          const best = p.best ? ` best: ${p.best.hard} people breaking hard rules, ${p.best.understaffed.toFixed(1)} agent-h short` : '';
          process.stderr.write(`[${String(Math.round(p.fraction * 100)).padStart(3)}%] ${p.phase}${best}\n`);
        },
      },
    );
    for (const p of result.feasibility.problems) process.stderr.write(`${p.level === 'impossible' ? 'cannot be kept' : 'warning'} (${p.rule}): ${p.message}\n`);
    await writeFile(outFile, JSON.stringify(result.roster, null, 2) + '\n');

    const { score, violations } = result.roster;
    const lb = result.lowerBound.understaffed;
    const gap = Number.isFinite(lb) ? score.understaffed - lb : NaN;
    console.log(`${result.roster.assignments.length} assignments for ${month} → ${outFile}`);
    console.log(`hard violations: ${score.hard}`);
    console.log(`understaffed: ${score.understaffed.toFixed(2)} agent-hours (LP lower bound ${Number.isFinite(lb) ? lb.toFixed(2) : 'not reached in time'}${Number.isFinite(gap) ? `, gap ${gap.toFixed(2)}` : ''})`);
    console.log(`overstaffed: ${score.overstaffed.toFixed(2)} agent-hours; other soft penalties (weighted): ${score.soft.toFixed(2)}`);
    const byRule = new Map<string, number>();
    for (const v of violations) byRule.set(v.rule, (byRule.get(v.rule) ?? 0) + 1);
    if (byRule.size > 0) console.log(`violations by rule: ${[...byRule].map(([r, n]) => `${r} ${n}`).join(', ')}`);
    console.log(`phases: ${result.phases.map((p) => `${p.phase} ${(p.ms / 1000).toFixed(1)} s`).join('; ')}`);
    return score.hard > 0 ? 1 : 0;
  },
};

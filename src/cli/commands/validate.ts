/**
 * shiftcast validate --center C.json --roster roster.json
 * Checks a roster (solved or edited by hand) against every rule of the rulebook (solver/rules/) and prints the
 * violations by rule id. Exit code 1 if any hard rule is broken.
 */
import { UsageError, parseFlags, requireFlag, type CliCommand } from '../command.ts';

export const command: CliCommand = {
  name: 'validate',
  summary: 'check a roster against every rule',
  usage: `usage: shiftcast validate --center C.json --roster roster.json [--requirements R.csv] [--previous P.json] [--all]

Runs the whole rulebook (solver/rules/README.md) on the roster and prints every violation grouped by rule id,
hard rules first. Requirements come from the roster's own coverage rows unless --requirements is given;
approved leave from the center's "unavailable" entries with reason "leave".
  --previous P.json   a roster of the previous month (rest and runs across the boundary)
  --all               print every violation (default: the first 10 per rule)
Exit code 1 if any hard rule is broken, 0 otherwise.`,
  async run(argv) {
    const { values, positionals } = parseFlags(argv, {
      center: { type: 'string' }, roster: { type: 'string' }, requirements: { type: 'string' }, previous: { type: 'string' }, all: { type: 'boolean' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const centerFile = requireFlag(values, 'center');
    const rosterFile = requireFlag(values, 'roster');
    const { loadCenterFile } = await import('../../domain/center-loader.ts');
    const { loadRosterFile } = await import('../../../solver/roster-file.ts');
    const { analyze } = await import('../../../solver/rules/evaluate.ts');
    const { buildRuleContext } = await import('../../../solver/rules/rule.ts');
    const { monthDates } = await import('../../time/local-day.ts');
    const center = await loadCenterFile(centerFile);
    const roster = await loadRosterFile(rosterFile);
    const requirements = values.requirements ? await (await import('../../formats/requirements-csv.ts')).readRequirementsFile(values.requirements, center.timezone) : [];
    const previous = values.previous ? (await loadRosterFile(values.previous)).assignments.filter((a) => a.date < `${roster.month}-01`) : [];
    const ctx = buildRuleContext(center, roster.month, monthDates(roster.month), { requirements, previous });
    const result = analyze(roster, ctx);
    const limit = values.all ? Infinity : 10;

    const ordered = [...result.rules].sort((a, b) => (a.level === b.level ? 0 : a.level === 'hard' ? -1 : 1));
    for (const r of ordered) {
      if (r.count === 0) continue;
      const totals = Object.entries(r.penalties).map(([unit, v]) => `${Math.round(v * 100) / 100} ${unit}`).join(', ');
      console.log(`${r.id} ${r.label} — ${r.level} — ${r.count} violation(s), ${totals}${r.level === 'soft' ? ` (weighted ${r.weighted.toFixed(2)})` : ''}`);
      for (const v of r.matches.slice(0, limit)) console.log(`  ${v.message}`);
      if (r.matches.length > limit) console.log(`  … and ${r.matches.length - limit} more`);
    }
    const s = result.score;
    console.log(`score: ${s.hard} hard violation(s); understaffed ${s.understaffed.toFixed(2)} agent-h; overstaffed ${s.overstaffed.toFixed(2)} agent-h; other soft ${s.soft.toFixed(2)}`);
    console.log(s.hard === 0 ? 'every hard rule kept' : `${s.hard} hard violation(s): the roster breaks the manual`);
    return s.hard > 0 ? 1 : 0;
  },
};

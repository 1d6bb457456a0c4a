/**
 * C2 — most working days in a row: the contract's `maxConsecutiveDays` (default
 * rules.defaultMaxConsecutiveDays, 6). The previous month's last days count, so a run crossing into the month is
 * judged whole. Uses the shared run-length helper (spans.ts). Penalty: days beyond the maximum, per run.
 */
import type { Violation } from '../roster.ts';
import { restAndRun } from './availability.ts';
import type { Rule } from './rule.ts';
import { runsOver } from './spans.ts';

export const rule: Rule = {
  id: 'C2',
  label: 'max consecutive working days',
  level: 'hard',
  check(roster, ctx) {
    const out: Violation[] = [];
    const worked = new Map<string, Set<string>>();
    const monthStart = ctx.dates[0];
    for (const a of [...ctx.previous, ...roster.assignments]) {
      if (a.date > ctx.dates[ctx.dates.length - 1]) continue;
      (worked.get(a.agent) ?? worked.set(a.agent, new Set()).get(a.agent)!).add(a.date);
    }
    for (const [id, dates] of worked) {
      const agent = ctx.agents.get(id);
      if (!agent) continue;
      const max = restAndRun(ctx.center, agent).maxConsecutiveDays;
      const first = [...dates].reduce((a, b) => (a < b ? a : b), monthStart);
      const line: string[] = [];
      const last = Date.parse(`${ctx.dates[ctx.dates.length - 1]}T00:00:00Z`);
      for (let t = Date.parse(`${first}T00:00:00Z`); t <= last; t += 86_400_000) line.push(new Date(t).toISOString().slice(0, 10));
      for (const run of runsOver(line.map((d) => dates.has(d)), true, max)) {
        const end = line[run.start + run.length - 1];
        if (end < monthStart) continue;
        out.push({
          rule: 'C2', level: 'hard', agent: id, date: line[run.start], penalty: run.excess, unit: 'days',
          message: `${id} works ${run.length} days in a row from ${line[run.start]} to ${end}, at most ${max} allowed`,
        });
      }
    }
    return out;
  },
};

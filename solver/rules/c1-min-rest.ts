/**
 * C1 — minimum rest between two shifts of a person: the contract's `minRestHours` (default
 * rules.defaultMinRestHours, 11 h), measured in real elapsed time from the end of one shift to the start of
 * the next (so a daylight-saving night is an hour shorter or longer). The previous month's last shifts count.
 * Pieces that touch or overlap (an overtime extension and its shift) are one stretch of work with no rest
 * between them (an overlap is H1's). Penalty: minutes of rest short, per pair of shifts.
 */
import type { Violation } from '../roster.ts';
import { restAndRun } from './availability.ts';
import { assignmentsByAgent, type Rule } from './rule.ts';

export const rule: Rule = {
  id: 'C1',
  label: 'minimum rest between shifts',
  level: 'hard',
  check(roster, ctx) {
    const out: Violation[] = [];
    const inMonth = new Set(ctx.dates);
    for (const [id, list] of assignmentsByAgent([...ctx.previous, ...roster.assignments])) {
      const agent = ctx.agents.get(id);
      if (!agent) continue;
      const restMs = restAndRun(ctx.center, agent).minRestHours * 3_600_000;
      let lastEnd = -Infinity;
      let lastDate = '';
      for (const a of list) {
        const start = Date.parse(a.start);
        const end = Date.parse(a.end);
        const rest = start - lastEnd;
        if (inMonth.has(a.date) && rest > 0 && rest < restMs) {
          const short = Math.round((restMs - rest) / 60_000);
          out.push({
            rule: 'C1', level: 'hard', agent: id, date: a.date, penalty: short, unit: 'minutes',
            message: `${id} rests ${(rest / 3_600_000).toFixed(2)} h between ${lastDate} and ${a.date}, at least ${restMs / 3_600_000} h required`,
          });
        }
        if (end > lastEnd) {
          lastEnd = end;
          lastDate = a.date;
        }
      }
    }
    return out;
  },
};

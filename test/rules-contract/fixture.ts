/**
 * A tiny center for the contract-rule tests: one queue, templates E (early, 480 min) and N (night, 600 min,
 * may not be followed by E), and agents whose contracts each test sets.
 */
import { DateTime } from 'luxon';
import { centerSchema, type Center, type CenterInput, type Contract } from '../../src/domain/center-schema.ts';
import type { Assignment, Roster } from '../../solver/roster.ts';
import { buildRuleContext, type RuleContext } from '../../solver/rules/rule.ts';

/** 2024-01-01 is a Monday; `days` consecutive dates from it. */
export function datesFrom(start: string, days: number): string[] {
  const first = DateTime.fromISO(start, { zone: 'utc' });
  return Array.from({ length: days }, (_, i) => first.plus({ days: i }).toISODate() as string);
}

export function center(contract: Partial<Contract>): Center {
  const input: CenterInput = {
    id: 'test',
    name: 'test',
    timezone: 'UTC',
    open: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '24:00' }],
    queues: [{ id: 'q', kind: 'inbound' }],
    shiftTemplates: [
      { id: 'E', start: '07:00', minutes: 480 },
      { id: 'N', start: '22:00', minutes: 600, cannotBeFollowedBy: ['E'] },
    ],
    agents: [{ id: 'a1', contract }],
  };
  return centerSchema.parse(input) as Center;
}

/** Assignments of agent a1 from a pattern: one character per date, '.' = day off, else the template id. */
export function roster(dates: string[], pattern: string, agent = 'a1'): Roster {
  const assignments: Assignment[] = [];
  [...pattern].forEach((c, i) => {
    if (c === '.') return;
    const date = dates[i];
    assignments.push({ agent, date, shift: c, queue: 'q', start: `${date}T07:00:00Z`, end: `${date}T15:00:00Z`, breaks: [] });
  });
  return { center: 'test', month: dates[0].slice(0, 7), assignments, coverage: [], score: { hard: 0, understaffed: 0, overstaffed: 0, soft: 0 }, violations: [] };
}

export function context(contract: Partial<Contract>, dates: string[], previous: Assignment[] = []): RuleContext {
  return buildRuleContext(center(contract), dates[0].slice(0, 7), dates, { previous });
}

/**
 * L8 — when more than `longLeaveLock` (11) people are on long leave (leave of at least `longLeaveMinDays`, 3,
 * days), the operations manager may not grant leave: it goes to the director. Counted per day of the leave
 * being decided, over the whole center, leave already approved (the person asking is not counted); the
 * busiest day decides. The caller holds the center-day decision locks.
 */
import type { Center } from '../domain/center-schema.ts';
import type { Queryable } from '../db/db.ts';
import { leaveDaysIn } from '../db/repos/requests.ts';
import type { CheckResult } from './types.ts';

export async function checkLongLeaveLock(tx: Queryable, center: Center, input: { agentId: string; days: readonly string[] }): Promise<CheckResult> {
  const lock = center.rules.longLeaveLock;
  const rows = await leaveDaysIn(tx, center.id, { from: input.days[0], to: input.days[input.days.length - 1], longOnly: true });
  const byDay = new Map<string, Set<string>>();
  for (const l of rows) if (l.agentId !== input.agentId) (byDay.get(l.day) ?? byDay.set(l.day, new Set()).get(l.day)!).add(l.agentId);
  let worst = { date: input.days[0], agents: [] as string[] };
  for (const d of input.days) {
    const on = [...(byDay.get(d) ?? [])].sort();
    if (on.length > worst.agents.length) worst = { date: d, agents: on };
  }
  const numbers = { lock, onLongLeave: worst.agents.length, date: worst.date, agents: worst.agents, longLeaveMinDays: center.rules.longLeaveMinDays };
  if (worst.agents.length <= lock) {
    return { rule: 'L8', ok: true, message: `${worst.agents.length} people on long leave on ${worst.date} (the manager loses the right above ${lock})`, numbers };
  }
  return {
    rule: 'L8',
    ok: false,
    message: `${worst.agents.length} people are on long leave on ${worst.date}, more than ${lock}: the operations manager may not grant leave, the director decides`,
    numbers,
  };
}

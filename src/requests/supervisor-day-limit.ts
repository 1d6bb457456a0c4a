/**
 * L7 — under each duty supervisor at most `leavePerSupervisorPerDay` (1) person is on leave a day at the
 * normal approval level (team lead or supervisor); a further one that day goes to the operations manager, who
 * arranges it centrally. The supervisor's span is the agents of the teams they supervise; leave already
 * approved that day counts (whoever approved it). The caller holds the supervisor-day decision locks, so the
 * count cannot change under it.
 */
import type { Center } from '../domain/center-schema.ts';
import type { Queryable } from '../db/db.ts';
import { leaveDaysIn } from '../db/repos/requests.ts';
import type { CheckResult } from './types.ts';

export interface SupervisorDayInput {
  agentId: string;
  supervisorId: string;
  /** The leave's dates, in order. */
  days: readonly string[];
}

export async function checkSupervisorDayLimit(tx: Queryable, center: Center, input: SupervisorDayInput): Promise<CheckResult> {
  const limit = center.rules.leavePerSupervisorPerDay;
  const taken = await leaveDaysIn(tx, center.id, { from: input.days[0], to: input.days[input.days.length - 1], supervisorId: input.supervisorId });
  const byDay = new Map<string, Array<{ agent: string; request: number }>>();
  for (const l of taken) {
    if (l.agentId === input.agentId) continue;
    (byDay.get(l.day) ?? byDay.set(l.day, []).get(l.day)!).push({ agent: l.agentId, request: l.requestId });
  }
  const full = input.days.filter((d) => (byDay.get(d)?.length ?? 0) >= limit).map((d) => ({ date: d, onLeave: byDay.get(d) ?? [] }));
  const numbers = { supervisor: input.supervisorId, limit, days: input.days.map((d) => ({ date: d, onLeave: byDay.get(d) ?? [] })) };
  if (full.length === 0) {
    return { rule: 'L7', ok: true, message: `under supervisor ${input.supervisorId} no day of the leave has ${limit} person(s) on leave yet`, numbers };
  }
  const first = full[0];
  const who = first.onLeave.map((o) => `${o.agent} (request ${o.request})`).join(', ');
  return {
    rule: 'L7',
    ok: false,
    message: `under supervisor ${input.supervisorId}, ${first.date} already has ${first.onLeave.length} person(s) on leave (${who}); at most ${limit} a day at the normal level, so the operations manager arranges it`
      + (full.length > 1 ? ` (and ${full.length - 1} more day(s) of this leave)` : ''),
    numbers: { ...numbers, full },
  };
}

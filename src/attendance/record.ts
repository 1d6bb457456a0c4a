/**
 * Recording attendance events: each gets its roster day (events.ts eventDay from the agent's published shifts
 * around it), all in one transaction with an audit entry. Excuses need a reason (A1: bad weather, force
 * majeure) and name the day they excuse.
 */
import { DateTime } from 'luxon';
import type { Center } from '../domain/center-schema.ts';
import type { Db } from '../db/db.ts';
import { audit } from '../db/repos/audit.ts';
import { ValidationError, type ProblemItem } from '../errors.ts';
import { publishedAssignments } from '../intraday/published-assignments.ts';
import { addDays } from '../time/local-day.ts';
import { eventDay, insertEvents, type NewEvent } from './events.ts';

export async function recordAttendance(db: Db, center: Center, events: NewEvent[], userId: number | null): Promise<Array<NewEvent & { id: number; day: string }>> {
  const problems: ProblemItem[] = [];
  const agents = new Set(center.agents.map((a) => a.id));
  const parsed = events.map((e, i) => {
    const where = (f: string) => `events[${i}].${f}`;
    if (!agents.has(e.agent)) problems.push({ where: where('agent'), message: `unknown agent "${e.agent}"` });
    const at = DateTime.fromISO(e.at, { zone: center.timezone });
    if (!at.isValid) problems.push({ where: where('at'), message: `"${e.at}" is not an ISO-8601 time` });
    if (e.kind === 'excuse' && !e.reason?.trim()) problems.push({ where: where('reason'), message: 'an excuse needs a reason (A1)', rule: 'A1' });
    return { ...e, atMs: at.isValid ? at.toMillis() : NaN };
  });
  if (problems.length > 0) throw new ValidationError(`${problems.length} bad attendance event(s)`, problems);
  const times = parsed.map((e) => e.atMs);
  const from = DateTime.fromMillis(Math.min(...times), { zone: center.timezone }).toISODate()!;
  const to = DateTime.fromMillis(Math.max(...times), { zone: center.timezone }).toISODate()!;
  const plan = await publishedAssignments(db, center, addDays(from, -1), addDays(to, 1), [...new Set(events.map((e) => e.agent))]);
  const rows = parsed.map((e) => ({
    agent: e.agent, kind: e.kind, at: new Date(e.atMs).toISOString(), reason: e.reason ?? null,
    day: e.day ?? eventDay(e.atMs, plan.assignments.filter((a) => a.agent === e.agent && a.kind !== 'overtime'), center.timezone),
  }));
  return db.transaction(async (tx) => {
    const ids = await insertEvents(tx, center.id, rows, userId);
    await audit(tx, {
      userId, centerId: center.id, action: 'attendance.record', objectKind: 'attendance_event', objectId: ids.length === 1 ? ids[0] : null,
      rule: rows.some((r) => r.kind === 'excuse') ? 'A1' : rows.some((r) => r.kind === 'left-post') ? 'A5' : null,
      detail: { events: rows.length, kinds: [...new Set(rows.map((r) => r.kind))] },
    });
    return rows.map((r, i) => ({ ...r, id: ids[i] }));
  });
}

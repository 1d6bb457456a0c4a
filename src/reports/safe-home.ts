/**
 * RP5: 1.5 hours after each shift ends, the manager on duty reports that the shift's staff got home safely. A
 * "shift end" is a moment at which people of the published roster finish their day (each person's last end on
 * that date, overtime included); its report falls due 90 minutes later. Before that it is "upcoming" and cannot
 * be made (the staff cannot all be home yet); from then until reported it is "due" — overdue — and shown to the
 * managers as a reminder; once made it is "reported", with who and when. One report per shift end.
 */
import { DateTime } from 'luxon';
import type { Principal } from '../auth/principal.ts';
import type { Center } from '../domain/center-schema.ts';
import type { Db, Queryable } from '../db/db.ts';
import { audit } from '../db/repos/audit.ts';
import { ConflictError, NotFoundError, RuleViolationError } from '../errors.ts';
import { publishedAssignments } from '../intraday/published-assignments.ts';
import { isoWithOffset } from '../time/local-day.ts';

/** How long after a shift's end the report falls due (MANUAL RP5). */
export const SAFE_HOME_AFTER_MINUTES = 90;

export type SafeHomeStatus = 'upcoming' | 'due' | 'reported';

export interface SafeHomeItem {
  date: string;
  shiftEnd: string;
  dueAt: string;
  people: number;
  agents: string[];
  status: SafeHomeStatus;
  /** Minutes past due (due items only). */
  overdueMinutes: number | null;
  report: { by: string | null; at: string; note: string | null } | null;
}

interface StoredReport { shift_end: Date; reported_at: Date; note: string | null; name: string | null }

const zoned = (ms: number, zone: string) => isoWithOffset(DateTime.fromMillis(ms, { zone }));

/** The shift ends of a date with their status at `now`, in time order. */
export async function safeHomeDay(db: Queryable, center: Center, date: string, now: Date = new Date()): Promise<SafeHomeItem[]> {
  const plan = await publishedAssignments(db, center, date, date);
  const lastEnd = new Map<string, number>();
  for (const a of plan.assignments) {
    if (a.date !== date) continue;
    lastEnd.set(a.agent, Math.max(lastEnd.get(a.agent) ?? -Infinity, Date.parse(a.end)));
  }
  const byEnd = new Map<number, string[]>();
  for (const [agent, end] of lastEnd) (byEnd.get(end) ?? byEnd.set(end, []).get(end)!).push(agent);
  const stored = await db.query<StoredReport>(
    `SELECT r.shift_end, r.reported_at, r.note, u.name FROM safe_home_reports r LEFT JOIN users u ON u.id = r.reported_by
      WHERE r.center_id = $1 AND r.shift_date = $2`, [center.id, date]);
  const reports = new Map(stored.rows.map((r) => [new Date(r.shift_end).getTime(), r]));
  const out: SafeHomeItem[] = [];
  for (const end of [...byEnd.keys()].sort((a, b) => a - b)) {
    const due = end + SAFE_HOME_AFTER_MINUTES * 60_000;
    const report = reports.get(end);
    const status: SafeHomeStatus = report ? 'reported' : now.getTime() >= due ? 'due' : 'upcoming';
    out.push({
      date, shiftEnd: zoned(end, center.timezone), dueAt: zoned(due, center.timezone), people: byEnd.get(end)!.length, agents: byEnd.get(end)!.sort(),
      status, overdueMinutes: status === 'due' ? Math.floor((now.getTime() - due) / 60_000) : null,
      report: report ? { by: report.name, at: new Date(report.reported_at).toISOString(), note: report.note } : null,
    });
  }
  return out;
}

/** Records the report for one shift end; refused before it is due (RP5), twice (409), or for no such end (404). */
export async function reportSafeHome(db: Db, center: Center, principal: Principal, input: { date: string; shiftEnd: string; note?: string }, now: Date = new Date()): Promise<SafeHomeItem> {
  const endMs = Date.parse(input.shiftEnd);
  const item = (await safeHomeDay(db, center, input.date, now)).find((i) => Date.parse(i.shiftEnd) === endMs);
  if (!item) throw new NotFoundError(`no shift of the published roster ends at ${input.shiftEnd} on ${input.date}`);
  if (item.status === 'reported') throw new ConflictError(`the staff of the shift ending at ${item.shiftEnd} were already reported home (${item.report!.at})`, 'RP5');
  if (item.status === 'upcoming') {
    throw new RuleViolationError('RP5', `the safe-home report of the shift ending at ${item.shiftEnd} is due at ${item.dueAt}, ${SAFE_HOME_AFTER_MINUTES} minutes after it ends: it cannot be made before`, { dueAt: item.dueAt }, 422);
  }
  await db.transaction(async (tx) => {
    const inserted = await tx.query(
      `INSERT INTO safe_home_reports (center_id, shift_date, shift_end, people, reported_by, note) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (center_id, shift_end) DO NOTHING RETURNING id`,
      [center.id, input.date, new Date(endMs), item.people, principal.userId, input.note ?? null]);
    if (inserted.rows.length === 0) throw new ConflictError(`the staff of the shift ending at ${item.shiftEnd} were already reported home`, 'RP5');
    await audit(tx, { userId: principal.userId, centerId: center.id, action: 'safe-home.report', objectKind: 'shift-end', objectId: item.shiftEnd, rule: 'RP5', detail: { date: input.date, people: item.people } });
  });
  return (await safeHomeDay(db, center, input.date, now)).find((i) => Date.parse(i.shiftEnd) === endMs)!;
}

/** Every shift end of the last `days` days (today included) still due at `now`: the managers' reminders. */
export async function overdueSafeHome(db: Queryable, center: Center, today: string, days: number, now: Date = new Date()): Promise<SafeHomeItem[]> {
  const out: SafeHomeItem[] = [];
  for (let k = days - 1; k >= 0; k--) {
    const date = DateTime.fromISO(today).minus({ days: k }).toISODate()!;
    out.push(...(await safeHomeDay(db, center, date, now)).filter((i) => i.status === 'due'));
  }
  return out;
}

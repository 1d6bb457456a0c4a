/**
 * Days agents will not work in a month: the center file's `unavailable` entries and approved leave requests,
 * one entry per agent and day. Approved leave counts as "not attended" for L9.
 */
import type { Center } from '../domain/center-schema.ts';
import type { Queryable } from '../db/db.ts';
import { dateRange, monthDates } from '../time/local-day.ts';

export interface LeaveDayEntry {
  agent: string;
  date: string;
  type: string;
}

export async function approvedLeaveDays(db: Queryable, center: Center, month: string): Promise<LeaveDayEntry[]> {
  const days = new Set(monthDates(month));
  const out = new Map<string, LeaveDayEntry>();
  for (const a of center.agents) {
    for (const u of a.unavailable) if (days.has(u.date)) out.set(`${a.id}|${u.date}`, { agent: a.id, date: u.date, type: u.reason });
  }
  const r = await db.query<{ agent_id: string; payload: { from: string; to: string; type?: string } }>(
    `SELECT agent_id, payload FROM requests WHERE center_id = $1 AND kind = 'leave' AND status = 'approved'`,
    [center.id],
  );
  for (const req of r.rows) {
    const { from, to } = req.payload;
    if (!from || !to || to < from) continue;
    const span = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
    for (const date of dateRange(from, span)) if (days.has(date)) out.set(`${req.agent_id}|${date}`, { agent: req.agent_id, date, type: req.payload.type ?? 'leave' });
  }
  return [...out.values()].sort((a, b) => a.date.localeCompare(b.date) || a.agent.localeCompare(b.agent));
}

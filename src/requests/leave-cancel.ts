/**
 * Cancelling leave that was already granted, before it begins (the person's plans changed). The leave days
 * are deleted — the supervisor's day (L7), the long-leave count (L8) and the team's attendance (L9) are free
 * again — and the shifts the approval took off the roster are put back as a new version, each one only if the
 * person's day is still free and the rulebook finds no hard rule it would break (cover may have been rostered
 * since: a rest day given up, a late shift the evening before). The decision says which came back and which
 * did not, and why. Leave under way or over is not cancelled here: that is attendance, not planning.
 */
import type { Assignment } from '../../solver/roster.ts';
import type { Principal } from '../auth/principal.ts';
import type { Center } from '../domain/center-schema.ts';
import type { Queryable } from '../db/db.ts';
import type { StoredRequest } from '../db/repos/requests.ts';
import { dropRequestFacts } from '../db/repos/roster-facts.ts';
import { ConflictError } from '../errors.ts';
import { recordDecision, setState } from './decisions.ts';
import { monthContext } from './rule-context.ts';
import { applyChange, baseRoster, saveChange } from './roster-versions.ts';
import { judgeChange, type Rulebook } from './rulebook.ts';

export interface LeaveCancelOutcome {
  restored: Assignment[];
  /** Shifts not put back, with the reason. */
  notRestored: Array<{ date: string; shift: string; reason: string }>;
  rosters: Array<{ month: string; id: number; version: number; parent: number }>;
}

/** The shifts the approval of request `id` removed (from its roster audit entries). */
async function removedByApproval(tx: Queryable, centerId: string, id: number): Promise<Assignment[]> {
  const r = await tx.query<{ before: { assignments?: Assignment[] } | null }>(
    `SELECT before FROM audit_log WHERE center_id = $1 AND action = 'request.leave.approve' AND object_kind = 'roster' AND detail->>'request' = $2 ORDER BY id`,
    [centerId, String(id)],
  );
  return r.rows.flatMap((row) => row.before?.assignments ?? []);
}

/**
 * Cancels approved leave request `r` (locked by the caller, with the leave's decision locks taken) on `today`
 * (the center's local date).
 */
export async function cancelApprovedLeave(
  tx: Queryable, center: Center, principal: Principal, r: StoredRequest, reason: string | undefined, rulebook: Rulebook, today: string,
): Promise<LeaveCancelOutcome> {
  if (r.dateFrom! <= today) {
    throw new ConflictError(`request ${r.id}: the leave began on ${r.dateFrom} (today is ${today}); only leave that has not begun can be cancelled`, r.rule ?? undefined, { status: r.status, from: r.dateFrom, today });
  }
  await tx.query('DELETE FROM leave_days WHERE request_id = $1', [r.id]);
  const removed = await removedByApproval(tx, center.id, r.id);
  const outcome: LeaveCancelOutcome = { restored: [], notRestored: [], rosters: [] };
  for (const month of [...new Set(removed.map((a) => a.date.slice(0, 7)))].sort()) {
    const base = await baseRoster(tx, center, month);
    if (!base) continue;
    let roster = base.roster;
    const ctx = await monthContext(tx, center, month, { roster, requirementSetId: base.meta.requirementSetId });
    const added: Assignment[] = [];
    for (const a of removed.filter((x) => x.date.slice(0, 7) === month)) {
      const taken = roster.assignments.find((x) => x.agent === a.agent && x.date === a.date);
      if (taken) {
        outcome.notRestored.push({ date: a.date, shift: a.shift, reason: `${a.agent} works ${taken.shift} on ${a.date} in the current roster` });
        continue;
      }
      const next = applyChange(roster, { removed: [], added: [a] });
      const verdict = judgeChange(rulebook, roster, next, ctx, [a.agent]);
      if (verdict.hard.length > 0) {
        const v = verdict.hard[0];
        outcome.notRestored.push({ date: a.date, shift: a.shift, reason: `${v.rule}: ${v.message}` });
        continue;
      }
      roster = next;
      added.push(a);
    }
    if (added.length === 0) {
      // The leave no longer pins those days off: a later replan may roster them.
      await dropRequestFacts(tx, base.meta.id, 'leave', r.id);
      continue;
    }
    const saved = await saveChange(tx, {
      center, base, change: { removed: [], added }, rulebook, userId: principal.userId, requestId: r.id, rule: r.rule ?? 'L1', action: 'request.leave.cancel', fact: 'leave-cancel',
    });
    await dropRequestFacts(tx, saved.id, 'leave', r.id);
    outcome.restored.push(...added);
    outcome.rosters.push({ month, id: saved.id, version: saved.version, parent: base.meta.id });
  }
  const back = outcome.restored.map((a) => a.date).join(', ') || 'none';
  const kept = outcome.notRestored.map((n) => `${n.date} (${n.reason})`).join('; ');
  const message = `approved leave cancelled${reason ? `: ${reason}` : ''}; shifts put back: ${back}${kept ? `; not put back: ${kept}` : ''}`;
  await setState(tx, center, r.id, { status: 'cancelled', route: [], rule: r.rule, result: outcome });
  await recordDecision(tx, r.id, principal, 'cancelled', null, message, { restored: outcome.restored.length, notRestored: outcome.notRestored.length });
  return outcome;
}

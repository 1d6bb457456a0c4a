/**
 * An agent's answer to a callout (MANUAL O1). Decline: the next candidate on the list is notified. Accept: the
 * agent is judged again on the roster as it is now (another callout may have used their cap or their evening),
 * the overtime becomes an assignment of kind "overtime" in the month's published roster, the roster's coverage
 * and understaffing score are updated, and once enough people accepted the callout is filled.
 *
 * Why insert into the published roster rather than save a new version: an accepted callout is an operational
 * fact of the day, not a re-plan. A new version per acceptance would supersede the published month several
 * times a day, race with the deputy's own edits and re-judge the whole month; the overtime row instead links to
 * its callout response, a roster fact makes every later version of the month keep it (a replan pins that
 * person's day), and the audit log records who, when and what.
 *
 * Concurrency: the callout row is locked (FOR UPDATE) so two accepts cannot overfill it, and an advisory lock
 * per agent serializes one person's answers to different callouts (cap, overlap). An accept also takes the
 * month's roster-month decision lock, which approved swaps, rest-day moves and leave hold while they write the
 * month's next published version from the roster they read: without it an overtime inserted meanwhile went
 * into the version being superseded (accepted, then missing from the published roster), and the two
 * transactions could deadlock on the roster row (500). Answers to one callout take their turns in memory before
 * taking a connection of the pool (src/requests/decision-turns.ts).
 */
import { DateTime } from 'luxon';
import type { Assignment, CoverageRow } from '../../../solver/roster.ts';
import type { Rule } from '../../../solver/rules/rule.ts';
import type { Center } from '../../domain/center-schema.ts';
import type { Db } from '../../db/db.ts';
import { audit } from '../../db/repos/audit.ts';
import { ensureLocks, lockKeys } from '../../db/repos/requests.ts';
import { insertAssignments } from '../../db/repos/rosters.ts';
import { addFacts } from '../../db/repos/roster-facts.ts';
import { ConflictError, NotFoundError, RuleViolationError } from '../../errors.ts';
import { inTurn } from '../../requests/decision-turns.ts';
import { addDays } from '../../time/local-day.ts';
import { timed } from '../coverage.ts';
import { updateRosterCoverage } from '../roster-coverage.ts';
import { loadCalloutInputs } from './callout-inputs.ts';
import { getCallout, lockCallout, nextWave, type CalloutRecord } from './callout-service.ts';
import { deliverSoon, enqueueNotifications, type Notification } from './outbox.ts';
import { overtimeAssignment } from './overtime-assignment.ts';
import { rankCandidates } from './rank-candidates.ts';

export interface CalloutAnswer {
  agent: string;
  accept: boolean;
}

export interface AnswerResult {
  callout: CalloutRecord;
  agent: string;
  accept: boolean;
  /** The overtime assignment created (accept). */
  assignment: (Assignment & { id: number }) | null;
  /** The roster coverage rows the overtime changed. */
  coverage: CoverageRow[];
  /** True when the same answer had already been recorded (nothing changed). */
  repeated: boolean;
}

/** The roster months an accepted overtime of the callout can land in: its window's day's, and the day before's (an extended night shift). */
async function rosterMonthKeys(db: Db, center: Center, calloutId: number): Promise<string[]> {
  const r = await db.query<{ from_at: Date }>('SELECT from_at FROM callouts WHERE id = $1', [calloutId]);
  if (!r.rows[0]) return [];
  const day = DateTime.fromJSDate(new Date(r.rows[0].from_at), { zone: center.timezone }).toISODate()!;
  return [...new Set([addDays(day, -1), day].map((d) => `roster-month:${d.slice(0, 7)}`))];
}

export async function answerCallout(db: Db, center: Center, calloutId: number, answer: CalloutAnswer, rules: readonly Rule[], userId: number | null): Promise<AnswerResult> {
  const monthKeys = answer.accept ? await rosterMonthKeys(db, center, calloutId) : [];
  await ensureLocks(db, center.id, monthKeys);
  const outcome = await inTurn(db, center.id, [`callout:${calloutId}`, ...monthKeys], () => db.transaction(async (tx) => {
    const row = await lockCallout(tx, calloutId);
    if (!row || row.center_id !== center.id) throw new NotFoundError(`callout ${calloutId} not found`);
    const candidates = row.candidates;
    const cand = candidates.find((c) => c.agent === answer.agent);
    if (!cand) throw new ConflictError(`${answer.agent} is not on callout ${calloutId}'s list of eligible agents`, 'O1');
    const previous = await tx.query<{ accept: boolean; assignment_id: number | null }>('SELECT accept, assignment_id FROM callout_responses WHERE callout_id = $1 AND agent_id = $2', [calloutId, answer.agent]);
    if (previous.rows[0]) {
      if (previous.rows[0].accept === answer.accept) return { ids: [] as number[], assignment: null, coverage: [] as CoverageRow[], repeated: true };
      throw new ConflictError(`${answer.agent} already ${previous.rows[0].accept ? 'accepted' : 'declined'} callout ${calloutId}`, 'O1');
    }
    if (row.status === 'draft') throw new ConflictError(`callout ${calloutId} is a draft: a manager publishes it first (O2)`, 'O2');
    if (row.status === 'closed') throw new ConflictError(`callout ${calloutId} is closed`, 'O1');
    if (row.status === 'filled' && answer.accept) throw new ConflictError(`callout ${calloutId} is already filled (${row.needed} accepted)`, 'O1');
    const now = new Date().toISOString();
    const notes: Notification[] = [];
    const answered = new Set((await tx.query<{ agent_id: string }>('SELECT agent_id FROM callout_responses WHERE callout_id = $1', [calloutId])).rows.map((r) => r.agent_id));
    answered.add(answer.agent);

    if (!answer.accept) {
      await tx.query('INSERT INTO callout_responses (callout_id, agent_id, accept) VALUES ($1, $2, false)', [calloutId, answer.agent]);
      if (row.status === 'open') notes.push(...nextWave({ id: calloutId, queue: row.queue_id }, candidates, 1, now, answered));
      await tx.query('UPDATE callouts SET candidates = $2 WHERE id = $1', [calloutId, JSON.stringify(candidates)]);
      await audit(tx, { userId, centerId: center.id, action: 'callout.decline', objectKind: 'callout', objectId: calloutId, rule: 'O1', detail: { agent: answer.agent } });
      return { ids: await enqueueNotifications(tx, center.id, notes), assignment: null, coverage: [], repeated: false };
    }

    // Accept: judge the agent again on the roster as it is now.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`overtime:${center.id}:${answer.agent}`]);
    await lockKeys(tx, center.id, monthKeys);
    const window = { queue: row.queue_id, fromMs: new Date(row.from_at).getTime(), toMs: new Date(row.to_at).getTime() };
    const inputs = await loadCalloutInputs(tx, center, window, rules);
    const now2 = rankCandidates({ ...inputs, only: new Set([answer.agent]) });
    const fresh = now2.candidates[0];
    if (!fresh) {
      const why = now2.excluded[0] ?? { rules: ['O1'], reasons: ['no longer eligible'] };
      throw new RuleViolationError(why.rules[0] ?? 'O1', `${answer.agent} can no longer take this overtime: ${why.reasons.join('; ')}`, { rules: why.rules, reasons: why.reasons });
    }
    const a = overtimeAssignment(center, answer.agent, row.queue_id, fresh.date, Date.parse(fresh.start), Date.parse(fresh.end));
    const rosterMonth = fresh.date.slice(0, 7);
    const rosterId = rosterMonth === inputs.month ? inputs.rosterId : (await tx.query<{ id: number }>(`SELECT id FROM rosters WHERE center_id = $1 AND month = $2 AND status = 'published'`, [center.id, rosterMonth])).rows[0]?.id;
    if (rosterId === undefined) throw new ConflictError(`no published roster for ${rosterMonth}`, 'O1');
    const [assignmentId] = await insertAssignments(tx, Number(rosterId), [a]);
    const coverage = await updateRosterCoverage(tx, Number(rosterId), center.intervalMinutes, [{ assignment: timed(a), sign: 1 }]);
    await tx.query('INSERT INTO callout_responses (callout_id, agent_id, accept, assignment_id) VALUES ($1, $2, true, $3)', [calloutId, answer.agent, assignmentId]);
    await addFacts(tx, Number(rosterId), [{ agent: answer.agent, date: fresh.date, kind: 'overtime', ref: { callout: calloutId } }]);
    const accepted = (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM callout_responses WHERE callout_id = $1 AND accept', [calloutId])).rows[0].n;
    notes.push({ channel: 'sms', recipient: answer.agent, payload: { type: 'callout.confirmed', callout: calloutId, queue: row.queue_id, start: a.start, end: a.end } });
    if (row.created_by !== null) notes.push({ channel: 'app', recipient: `user:${row.created_by}`, payload: { type: 'callout.accepted', callout: calloutId, agent: answer.agent, accepted, needed: row.needed } });
    if (accepted >= row.needed) {
      await tx.query(`UPDATE callouts SET status = 'filled' WHERE id = $1`, [calloutId]);
      for (const c of candidates) {
        if (c.notifiedAt && !answered.has(c.agent)) notes.push({ channel: 'sms', recipient: c.agent, payload: { type: 'callout.filled', callout: calloutId } });
      }
    }
    await audit(tx, {
      userId, centerId: center.id, action: 'callout.accept', objectKind: 'roster_assignment', objectId: assignmentId, rule: 'O1',
      after: a, detail: { callout: calloutId, agent: answer.agent, rosterId: Number(rosterId), accepted, needed: row.needed },
    });
    return { ids: await enqueueNotifications(tx, center.id, notes), assignment: { ...a, id: assignmentId }, coverage, repeated: false };
  }));
  deliverSoon(db, outcome.ids);
  return {
    callout: (await getCallout(db, center, calloutId))!, agent: answer.agent, accept: answer.accept,
    assignment: outcome.assignment, coverage: outcome.coverage, repeated: outcome.repeated,
  };
}

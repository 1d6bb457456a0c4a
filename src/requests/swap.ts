/**
 * R6 — shift swaps, as roster changes. A self swap moves one's own shift to a day off of the same month and/or
 * to another start or template; a peer swap exchanges the two agents' assignments of one day (a shift for a
 * shift, or a shift for a rest day). Whether the result keeps the rules (skills, rest, consecutive days, month
 * totals) is the rulebook's to say (src/requests/rulebook.ts); this file only builds the change.
 */
import type { Assignment, Roster } from '../../solver/roster.ts';
import type { Center } from '../domain/center-schema.ts';
import { ValidationError } from '../errors.ts';
import type { RosterChange } from './roster-versions.ts';
import { moveAssignment, reassign } from './shift-move.ts';
import type { PeerSwapPayload, SelfSwapPayload } from './types.ts';

/** The agent's regular (not overtime) shift of a day, if any. */
export function shiftOn(roster: Roster, agentId: string, date: string): Assignment | undefined {
  const found = roster.assignments.filter((a) => a.agent === agentId && a.date === date && a.kind !== 'overtime');
  if (found.length > 1) throw new ValidationError(`${agentId} has ${found.length} shifts on ${date}; name one`, [{ where: 'body.date', message: 'several shifts' }], 422);
  return found[0];
}

export function worksOn(roster: Roster, agentId: string, date: string): boolean {
  return roster.assignments.some((a) => a.agent === agentId && a.date === date);
}

const sameShift = (a: Assignment, b: Assignment) => a.shift === b.shift && a.queue === b.queue && Date.parse(a.start) === Date.parse(b.start) && Date.parse(a.end) === Date.parse(b.end);

export function selfSwapChange(center: Center, roster: Roster, agentId: string, p: SelfSwapPayload): RosterChange {
  const shift = shiftOn(roster, agentId, p.date);
  if (!shift) throw new ValidationError(`${agentId} has no shift on ${p.date} to move`, [{ where: 'body.date', message: 'no shift that day' }], 422);
  if (p.toDate !== p.date && worksOn(roster, agentId, p.toDate)) {
    throw new ValidationError(`${agentId} already works on ${p.toDate}: a self swap moves a shift to a day off`, [{ where: 'body.toDate', message: 'already a working day' }], 422);
  }
  const moved = moveAssignment(center, shift, { date: p.toDate, shift: p.toShift, start: p.toStart });
  if (p.toDate === p.date && sameShift(moved, shift)) {
    throw new ValidationError('the swap changes nothing: give another day (toDate), start (toStart) or template (toShift)', [{ where: 'body', message: 'no change' }], 422);
  }
  return { removed: [shift], added: [moved] };
}

export function peerSwapChange(center: Center, roster: Roster, agentId: string, p: PeerSwapPayload): RosterChange {
  if (p.with === agentId) throw new ValidationError('a peer swap needs another agent', [{ where: 'body.with', message: 'same agent' }], 422);
  const mine = shiftOn(roster, agentId, p.date);
  const theirs = shiftOn(roster, p.with, p.date);
  if (!mine && !theirs) throw new ValidationError(`neither ${agentId} nor ${p.with} works on ${p.date}: nothing to swap`, [{ where: 'body.date', message: 'no shifts' }], 422);
  if (mine && theirs && sameShift(mine, theirs)) {
    throw new ValidationError(`${agentId} and ${p.with} work the same shift on ${p.date}: the swap changes nothing`, [{ where: 'body.date', message: 'no change' }], 422);
  }
  const removed = [mine, theirs].filter((a): a is Assignment => !!a);
  const added = [mine && reassign(center, mine, p.with), theirs && reassign(center, theirs, agentId)].filter((a): a is Assignment => !!a);
  return { removed, added };
}

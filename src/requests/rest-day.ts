/**
 * R5 — rest-day adjustments (調休), as roster changes: a rostered rest day `from` becomes a working day and
 * the working day `to` of the same month becomes the rest day; the shift of `to` moves to `from` with its
 * times, breaks and meal. The rulebook judges the result; the quota is in quotas.ts.
 */
import type { Roster } from '../../solver/roster.ts';
import type { Center } from '../domain/center-schema.ts';
import { RuleViolationError, ValidationError } from '../errors.ts';
import type { RosterChange } from './roster-versions.ts';
import { moveAssignment } from './shift-move.ts';
import { shiftOn, worksOn } from './swap.ts';
import type { RestDayPayload } from './types.ts';

export function restDayChange(center: Center, roster: Roster, agentId: string, p: RestDayPayload): RosterChange {
  if (p.from.slice(0, 7) !== p.to.slice(0, 7)) {
    throw new RuleViolationError('R5', `a rest day moves within its month: ${p.from} and ${p.to} are in different months`, { from: p.from, to: p.to }, 422);
  }
  if (worksOn(roster, agentId, p.from)) {
    throw new ValidationError(`${p.from} is not a rest day of ${agentId} in the roster`, [{ where: 'body.from', message: 'not a rest day' }], 422);
  }
  const shift = shiftOn(roster, agentId, p.to);
  if (!shift) throw new ValidationError(`${agentId} has no shift on ${p.to} to rest instead`, [{ where: 'body.to', message: 'not a working day' }], 422);
  return { removed: [shift], added: [moveAssignment(center, shift, { date: p.from })] };
}

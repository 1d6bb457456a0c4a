/**
 * L6 — sick leave: asked on the form or by phone, never by text message; a team lead or duty supervisor may
 * record it on the agent's behalf (a phone call); papers (leave form, hospital note, receipts, medical record)
 * are due on the day the person returns, and leave without them counts as absence (A4) in the attendance
 * report. The manual's original (病假 6.1–6.2) only allows the phone when the person cannot come in, and asks
 * for the request from the person themself: recording it on their behalf means writing down that call.
 */
import { RuleViolationError } from '../errors.ts';
import { addDays } from '../time/local-day.ts';
import type { LeaveType, PapersState } from './types.ts';

export const LEAVE_CHANNELS = ['form', 'phone'] as const;
export type LeaveChannel = (typeof LEAVE_CHANNELS)[number];

export interface ChannelInput {
  type: LeaveType;
  /** As sent by the caller (free text, so a refused channel can be named). */
  channel?: string;
  /** A lead or supervisor files for a member of their team. */
  onBehalf: boolean;
}

/** The channel of a leave request, or an L6 refusal naming the channel and the ones allowed. */
export function leaveChannel(input: ChannelInput): LeaveChannel {
  const given = input.channel?.trim().toLowerCase();
  if (given !== undefined && !(LEAVE_CHANNELS as readonly string[]).includes(given)) {
    throw new RuleViolationError(
      'L6',
      `leave is asked on the form or by phone, never by "${input.channel}" (a text message is refused)`,
      { channel: input.channel, allowed: LEAVE_CHANNELS },
      422,
    );
  }
  if (input.onBehalf) {
    if (input.type !== 'sick') {
      throw new RuleViolationError(
        'L6',
        `only sick leave may be recorded on someone's behalf (by phone); ${input.type} leave is asked by the person on the form`,
        { type: input.type },
        403,
      );
    }
    if (given === 'form') {
      throw new RuleViolationError('L6', 'sick leave recorded on the agent\'s behalf is a phone call: channel must be "phone"', { channel: given }, 422);
    }
    return 'phone';
  }
  return (given as LeaveChannel | undefined) ?? 'form';
}

/** The day sick leave papers are due: the day the person is back (the day after the leave). */
export function papersDueDate(type: LeaveType, to: string): string | null {
  return type === 'sick' ? addDays(to, 1) : null;
}

/** Papers due, received, or missing (the due day has passed, `today` in the center's zone). */
export function papersState(due: string | null, receivedAt: string | null, today: string): PapersState | null {
  if (!due) return null;
  if (receivedAt) return { due, receivedAt, status: 'received' };
  return { due, receivedAt: null, status: today > due ? 'missing' : 'due' };
}

/**
 * The shapes of leave, swap and rest-day requests as services and the API see them: kinds, statuses, the
 * approval route (who must act next and under which rule), decisions with the numbers that decided them.
 */

export const REQUEST_KINDS = ['leave', 'swap', 'rest-day'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_STATUSES = ['pending', 'escalated', 'approved', 'rejected', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** A request that can still be decided. */
export const OPEN_STATUSES: readonly RequestStatus[] = ['pending', 'escalated'];

export const LEAVE_TYPES = ['personal', 'sick', 'other'] as const;
export type LeaveType = (typeof LEAVE_TYPES)[number];

/** Approval levels, lowest first (MANUAL.md "Who is who"). */
export const LEVELS = ['lead', 'supervisor', 'manager', 'director'] as const;
export type Level = (typeof LEVELS)[number];

/** One approval still due: the role, the person where the role is one person of the team, and the rule. */
export interface RouteStep {
  /** An approval level, or 'peer': the other agent of a swap, whose consent comes first (R6). */
  role: Level | 'peer';
  /** Agent id of the team's lead or duty supervisor; absent for managers and the director (any of them). */
  agent?: string;
  /** The rule that put this step on the route (L1–L9, R5, R6). */
  rule: string;
  /** A peer's consent lapses at this instant (ISO with offset). */
  until?: string;
}

export interface NextApprover {
  role: Level | 'peer';
  agent?: string;
  /** The user id of that person, when they have one. */
  user?: number;
}

export type DecisionOutcome =
  | 'filed'
  | 'forwarded'
  | 'approved'
  | 'escalated'
  | 'routed'
  | 'rejected'
  | 'cancelled'
  | 'consented'
  | 'expired'
  | 'papers-received';

export interface Decision {
  /** The user who acted; null = the system (auto-approval, routing). */
  user: number | null;
  role: string | null;
  agent: string | null;
  at: string;
  outcome: DecisionOutcome;
  rule: string | null;
  message: string;
  numbers: Record<string, unknown>;
}

export interface LeavePayload {
  kind: 'leave';
  type: LeaveType;
  from: string;
  to: string;
  /** Calendar days from `from` to `to`, both included. */
  days: number;
  reason: string;
  channel: 'form' | 'phone';
  /** The request was recorded by a lead or supervisor on the agent's behalf (L6). */
  onBehalf: boolean;
}

export interface SelfSwapPayload {
  kind: 'swap';
  mode: 'self';
  /** The date of the shift to move. */
  date: string;
  /** The day it moves to (same month); default the same day (a change of start). */
  toDate: string;
  /** Another template, if the shift changes template. */
  toShift?: string;
  /** A new start "HH:MM" (inside the template's window). */
  toStart?: string;
}

export interface PeerSwapPayload {
  kind: 'swap';
  mode: 'peer';
  /** The other agent. */
  with: string;
  /** The day on which the two agents exchange their assignments (a shift or a rest day). */
  date: string;
}

export interface RestDayPayload {
  kind: 'rest-day';
  /** The rostered rest day that becomes a working day. */
  from: string;
  /** The working day that becomes the rest day (its shift moves to `from`). */
  to: string;
}

export type RequestPayload = LeavePayload | SelfSwapPayload | PeerSwapPayload | RestDayPayload;

export interface PapersState {
  due: string;
  receivedAt: string | null;
  /** "missing" once the due day has passed without papers: the days count as absence (L6, A4). */
  status: 'due' | 'received' | 'missing';
}

export interface RequestView {
  id: number;
  center: string;
  kind: RequestKind;
  status: RequestStatus;
  agent: string;
  team: string | null;
  peer: string | null;
  from: string | null;
  to: string | null;
  details: RequestPayload;
  nextApprover: NextApprover | null;
  route: RouteStep[];
  /** The rule that decided the current status. */
  rule: string | null;
  decisions: Decision[];
  /** Swaps and rest-day moves: the rulebook's verdict and coverage change. Leave: the checks' numbers. */
  impact: Record<string, unknown>;
  /** After approval: roster versions written and cover suggestions. */
  result: Record<string, unknown>;
  papers: PapersState | null;
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

/** The outcome of one approval rule for one decision, with the numbers that decided it. */
export interface CheckResult {
  rule: string;
  ok: boolean;
  message: string;
  numbers: Record<string, unknown>;
}

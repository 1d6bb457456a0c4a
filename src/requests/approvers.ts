/**
 * Who may act on a request. An approval step names a role and, for the team lead and the duty supervisor,
 * the person (from the center's teams); managers and the director act center-wide. Who may see a request:
 * the people in whose team scope its agent (or swap peer) is, and whoever filed it; to anyone else it does
 * not exist (404).
 */
import { canSeeAgent, inCenter, type Principal } from '../auth/principal.ts';
import type { Center, Team } from '../domain/center-schema.ts';
import { NotFoundError } from '../errors.ts';
import type { StoredRequest } from '../db/repos/requests.ts';
import { LEVELS, type Level, type RouteStep } from './types.ts';

/** The caller's approval level, if their role is one. */
export function levelOf(p: Principal): Level | null {
  return (LEVELS as readonly string[]).includes(p.role) ? (p.role as Level) : null;
}

/** The caller is the approver this step waits for. */
export function isApproverFor(p: Principal, step: RouteStep, center: Center): boolean {
  // A swap's peer answers as themself, whatever their role (an agent or a lead).
  if (step.role === 'peer') return p.centerId === center.id && !!p.agentId && p.agentId === step.agent;
  if (p.role !== step.role) return false;
  if (step.agent) return p.agentId === step.agent;
  return p.centerId === center.id;
}

export function teamOf(center: Center, agentId: string): Team | undefined {
  const agent = center.agents.find((a) => a.id === agentId);
  return agent?.team ? center.teams.find((t) => t.id === agent.team) : undefined;
}

export function canSeeRequest(p: Principal, center: Center, r: StoredRequest): boolean {
  if (!inCenter(p, r.centerId)) return false;
  if (r.createdBy === p.userId) return true;
  if (canSeeAgent(p, center, r.agentId)) return true;
  return !!r.peerAgentId && canSeeAgent(p, center, r.peerAgentId);
}

export function assertCanSeeRequest(p: Principal, center: Center, r: StoredRequest): void {
  if (!canSeeRequest(p, center, r)) throw new NotFoundError(`request ${r.id} not found`);
}

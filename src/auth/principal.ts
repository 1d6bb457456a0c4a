/**
 * The caller, and what they may see. Role says which routes; team scope says which objects: a supervisor sees
 * the teams they supervise, a lead their own team, an agent only themself. Objects outside the caller's center
 * or scope answer 404, so ids of other teams do not leak.
 */
import type { Center } from '../domain/center-schema.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { CENTER_WIDE, type UserRole } from './roles.ts';

export interface Principal {
  userId: number;
  role: UserRole;
  centerId: string | null;
  agentId: string | null;
  name: string;
  tokenId: number;
  /** S2: other centers this user may read under an approved grant (never on a write: route.ts drops them there). */
  readCenters?: readonly string[];
}

/** The caller's own center, or (reads only) one granted to them (S2); admins see every center. */
export function inCenter(p: Principal, centerId: string): boolean {
  return p.role === 'admin' || p.centerId === centerId || !!p.readCenters?.includes(centerId);
}

/** The caller may act in this center; otherwise 404 (admins see every center). */
export function assertCenterAccess(p: Principal, centerId: string): void {
  if (!inCenter(p, centerId)) throw new NotFoundError(`center "${centerId}" not found`);
}

/** Team ids the caller may see in a center, or "all". */
export function teamScope(p: Principal, center: Center): Set<string> | 'all' {
  if (CENTER_WIDE.includes(p.role)) return 'all';
  if (p.role === 'supervisor') return new Set(center.teams.filter((t) => t.supervisor === p.agentId).map((t) => t.id));
  if (p.role === 'lead') return new Set(center.teams.filter((t) => t.lead === p.agentId).map((t) => t.id));
  return new Set();
}

export function canSeeTeam(p: Principal, center: Center, teamId: string): boolean {
  const scope = teamScope(p, center);
  return scope === 'all' || scope.has(teamId);
}

export function canSeeAgent(p: Principal, center: Center, agentId: string): boolean {
  if (p.agentId === agentId) return true;
  const scope = teamScope(p, center);
  if (scope === 'all') return true;
  const agent = center.agents.find((a) => a.id === agentId);
  return !!agent?.team && scope.has(agent.team);
}

/** Throws 404 when the agent is outside the caller's scope (or does not exist). */
export function assertAgentAccess(p: Principal, center: Center, agentId: string): void {
  if (!center.agents.some((a) => a.id === agentId) || !canSeeAgent(p, center, agentId)) {
    throw new NotFoundError(`agent "${agentId}" not found in center "${center.id}"`);
  }
}

/** Throws 403 when the caller's role may see the agent but not act on their team. */
export function assertCanActOnTeam(p: Principal, center: Center, teamId: string, action: string): void {
  if (!canSeeTeam(p, center, teamId)) throw new ForbiddenError(`${p.role} ${p.agentId ?? p.userId} may not ${action} for team "${teamId}"`);
}

/**
 * Issuing tokens: for a person of the center (role and team scope come from the center file) or for a
 * center-wide role (deputy, analyst, manager …). The plain token is returned once.
 */
import type { UserRole } from '../auth/roles.ts';
import type { Center } from '../domain/center-schema.ts';
import type { Db } from '../db/db.ts';
import { audit } from '../db/repos/audit.ts';
import { createUser, issueToken, userForAgent } from '../db/repos/users.ts';
import { ValidationError } from '../errors.ts';

export interface IssuedToken {
  id: number;
  token: string;
  userId: number;
  role: UserRole;
  center: string | null;
  agent: string | null;
}

export type TokenRequest = { agent: string; label?: string } | { role: UserRole; name?: string; label?: string };

export async function issueTokenFor(db: Db, center: Center | null, req: TokenRequest, byUserId: number | null): Promise<IssuedToken> {
  return db.transaction(async (tx) => {
    let user;
    if ('agent' in req) {
      if (!center) throw new ValidationError('a center is required to issue a token for an agent', [{ where: 'body.center', message: 'required' }]);
      const agent = center.agents.find((a) => a.id === req.agent);
      if (!agent) throw new ValidationError(`unknown agent "${req.agent}" in center "${center.id}"`, [{ where: 'body.agent', message: 'unknown agent' }]);
      user = await userForAgent(tx, center.id, agent.id, agent.role, agent.name);
    } else {
      if (req.role !== 'admin' && !center) throw new ValidationError('a center is required for this role', [{ where: 'body.center', message: 'required' }]);
      if (['agent', 'lead', 'supervisor'].includes(req.role)) {
        throw new ValidationError(`role "${req.role}" needs a person: give { "agent": "<agent id>" }`, [{ where: 'body.role', message: 'needs an agent' }]);
      }
      user = await createUser(tx, { role: req.role, centerId: req.role === 'admin' ? null : center!.id, agentId: null, name: req.name ?? req.role });
    }
    const issued = await issueToken(tx, user.id, req.label ?? '');
    await audit(tx, { userId: byUserId, centerId: center?.id ?? null, action: 'token.issue', objectKind: 'token', objectId: issued.id, after: { userId: user.id, role: user.role, agent: user.agentId } });
    return { id: issued.id, token: issued.token, userId: user.id, role: user.role, center: user.centerId, agent: user.agentId };
  });
}

/** The first start's admin token; later starts find one exists and return null. */
export async function ensureAdminToken(db: Db): Promise<string | null> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7411203)');
    const r = await tx.query("SELECT 1 FROM users WHERE role = 'admin' LIMIT 1");
    if (r.rows.length > 0) return null;
    const user = await createUser(tx, { role: 'admin', centerId: null, agentId: null, name: 'admin' });
    const issued = await issueToken(tx, user.id, 'first start');
    await audit(tx, { userId: null, action: 'token.issue', objectKind: 'token', objectId: issued.id, after: { userId: user.id, role: 'admin' } });
    return issued.token;
  });
}

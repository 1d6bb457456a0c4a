/**
 * S2: an operations manager sees only their own center; another center's data needs a signed approval. That
 * center's director (or an admin) grants one user read access to it, until a date, with the reason; the holder
 * reads it as their own center (GETs only: route.ts never lets a grant write); revocable; audited under S2.
 */
import { z } from 'zod';
import { audit } from '../../db/repos/audit.ts';
import { insertGrant, listGrants, revokeGrant } from '../../db/repos/access-grants.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../errors.ts';
import { EVERYONE } from '../../auth/roles.ts';
import { defineRoute } from '../route.ts';

const GRANTORS = ['admin', 'director'] as const;

defineRoute({
  method: 'post',
  path: '/api/access-grants',
  summary: "S2: let a user (by id, e.g. another center's manager) read this center until a date, with the reason — the center's director or an admin",
  tag: 'auth',
  roles: [...GRANTORS],
  body: z.object({ user: z.number().int().positive(), center: z.string().min(1), until: z.iso.datetime({ offset: true }), reason: z.string().trim().min(5).max(500) }),
  status: 201,
  async handler({ body, principal }, ctx) {
    if (principal.role !== 'admin' && principal.centerId !== body.center) throw new ForbiddenError(`only ${body.center}'s director or an admin may open it to others (S2)`, 'S2');
    await ctx.center(body.center);
    const user = await ctx.db.query<{ id: number; center_id: string | null; role: string }>('SELECT id, center_id, role FROM users WHERE id = $1', [body.user]);
    const who = user.rows[0];
    if (!who) throw new NotFoundError(`user ${body.user} not found`);
    if (who.role === 'admin' || who.center_id === body.center) throw new ConflictError(`user ${body.user} already sees ${body.center}`, 'S2');
    const until = new Date(body.until);
    if (until.getTime() <= Date.now()) throw new ValidationError(`until (${body.until}) has passed`, [{ where: '$.body.until', message: 'in the past' }]);
    const id = await ctx.db.transaction(async (tx) => {
      const gid = await insertGrant(tx, { userId: body.user, centerId: body.center, approvedBy: principal.userId, reason: body.reason, until });
      await audit(tx, { userId: principal.userId, centerId: body.center, action: 'access.grant', objectKind: 'access_grant', objectId: gid, rule: 'S2', detail: { user: body.user, until: body.until, reason: body.reason } });
      return gid;
    });
    ctx.forgetTokens();
    return (await listGrants(ctx.db, { centerId: body.center })).find((g) => g.id === id);
  },
});

defineRoute({
  method: 'get',
  path: '/api/access-grants',
  summary: "S2 grants: an admin sees all, a director their center's, anyone else their own",
  tag: 'auth',
  roles: EVERYONE,
  async handler({ principal }, ctx) {
    if (principal.role === 'admin') return listGrants(ctx.db, {});
    if (principal.role === 'director') return listGrants(ctx.db, { centerId: principal.centerId });
    return listGrants(ctx.db, { userId: principal.userId });
  },
});

defineRoute({
  method: 'post',
  path: '/api/access-grants/revoke',
  summary: 'S2: revoke a grant ({ grant: id }) — the center\'s director or an admin; the holder loses access at once on this server, within 5 s on others',
  tag: 'auth',
  roles: [...GRANTORS],
  body: z.object({ grant: z.number().int().positive() }),
  async handler({ body, principal }, ctx) {
    const scope = principal.role === 'admin' ? null : principal.centerId;
    await ctx.db.transaction(async (tx) => {
      if (!(await revokeGrant(tx, body.grant, scope, principal.userId))) throw new NotFoundError(`no grant ${body.grant} in force${scope ? ` for ${scope}` : ''}`);
      await audit(tx, { userId: principal.userId, centerId: scope, action: 'access.revoke', objectKind: 'access_grant', objectId: body.grant, rule: 'S2' });
    });
    ctx.forgetTokens();
    return { revoked: body.grant };
  },
});

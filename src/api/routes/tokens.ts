/** API tokens: issue (once, in plain) and revoke. Admin only. */
import { z } from 'zod';
import { USER_ROLES } from '../../auth/roles.ts';
import { listTokens, revokeToken } from '../../db/repos/users.ts';
import { audit } from '../../db/repos/audit.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { issueTokenFor } from '../../services/tokens.ts';
import { defineRoute } from '../route.ts';

const tokenBody = z.union([
  z.object({ agent: z.string().min(1), center: z.string().optional(), label: z.string().max(200).optional() }).strict(),
  z.object({ role: z.enum(USER_ROLES), center: z.string().optional(), name: z.string().max(200).optional(), label: z.string().max(200).optional() }).strict(),
]);

defineRoute({
  method: 'post',
  path: '/api/tokens',
  summary: 'Issue a token for an agent of a center ({ "agent" }) or a center-wide role ({ "role" }); shown once',
  tag: 'auth',
  roles: ['admin'],
  body: tokenBody,
  status: 201,
  async handler({ body, principal }, ctx) {
    let centerId = body.center;
    if (!centerId && !('role' in body && body.role === 'admin')) {
      const r = await ctx.db.query<{ id: string }>('SELECT id FROM centers ORDER BY id');
      if (r.rows.length !== 1) throw new ValidationError('give "center": there is not exactly one center', [{ where: 'body.center', message: 'required' }]);
      centerId = r.rows[0].id;
    }
    const center = centerId ? await ctx.center(centerId) : null;
    return issueTokenFor(ctx.db, center, body, principal.userId);
  },
});

defineRoute({
  method: 'get',
  path: '/api/tokens',
  summary: 'Tokens (never the secrets): who, role, when issued, whether revoked',
  tag: 'auth',
  roles: ['admin'],
  query: z.object({ center: z.string().optional() }),
  async handler({ query }, ctx) {
    return listTokens(ctx.db, query.center);
  },
});

defineRoute({
  method: 'delete',
  path: '/api/tokens/:tokenId',
  summary: 'Revoke a token',
  tag: 'auth',
  roles: ['admin'],
  params: z.object({ tokenId: z.coerce.number().int().positive() }),
  async handler({ params, principal }, ctx) {
    const revoked = await ctx.db.transaction(async (tx) => {
      const ok = await revokeToken(tx, params.tokenId);
      if (ok) await audit(tx, { userId: principal.userId, action: 'token.revoke', objectKind: 'token', objectId: params.tokenId });
      return ok;
    });
    if (!revoked) throw new NotFoundError(`no active token ${params.tokenId}`);
    ctx.forgetTokens();
    return { id: params.tokenId, revoked: true };
  },
});

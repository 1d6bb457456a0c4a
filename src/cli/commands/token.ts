/** shiftcast token: issue a token from the command line (on the server's machine), or revoke one. */
import { UsageError, intFlag, parseFlags, type CliCommand } from '../command.ts';
import { USER_ROLES, type UserRole } from '../../auth/roles.ts';

export const command: CliCommand = {
  name: 'token',
  summary: 'create or revoke API tokens',
  usage: `usage: shiftcast token --center ID (--agent AGENT | --role ROLE) [--label TEXT]
       shiftcast token --revoke TOKEN_ID

Issues an API token (printed once) for a person of the center (role and team scope come from the center file)
or for a center-wide role (${USER_ROLES.join(', ')}). Needs direct access to the database.`,
  async run(argv) {
    const { values } = parseFlags(argv, {
      center: { type: 'string' }, agent: { type: 'string' }, role: { type: 'string' }, label: { type: 'string' }, revoke: { type: 'string' },
    });
    const { openDb } = await import('../../db/open-db.ts');
    const db = await openDb();
    try {
      if (values.revoke !== undefined) {
        const { revokeToken } = await import('../../db/repos/users.ts');
        const id = intFlag(values, 'revoke', 0, 1);
        const ok = await db.transaction((tx) => revokeToken(tx, id));
        console.log(ok ? `revoked token ${id}` : `no active token ${id}`);
        return ok ? 0 : 1;
      }
      if (!values.agent === !values.role) throw new UsageError('give exactly one of --agent or --role');
      if (values.role && !USER_ROLES.includes(values.role as UserRole)) throw new UsageError(`--role must be one of ${USER_ROLES.join(', ')}`);
      const { getCenter } = await import('../../db/repos/centers.ts');
      const { issueTokenFor } = await import('../../services/tokens.ts');
      const center = values.center ? await getCenter(db, values.center) : null;
      if (values.center && !center) throw new UsageError(`unknown center "${values.center}"`);
      const req = values.agent ? { agent: values.agent, label: values.label } : { role: values.role as UserRole, label: values.label };
      const issued = await issueTokenFor(db, center, req, null);
      console.log(`token ${issued.id} for ${issued.role}${issued.agent ? ` ${issued.agent}` : ''}${issued.center ? ` of ${issued.center}` : ''}:\n${issued.token}`);
    } finally {
      await db.close();
    }
    return 0;
  },
};

/** shiftcast migrate: applies pending migrations (the server also does on start). */
import { parseFlags, type CliCommand } from '../command.ts';

export const command: CliCommand = {
  name: 'migrate',
  summary: 'apply database migrations',
  usage: `usage: shiftcast migrate

Applies pending SQL migrations to DATABASE_URL (or the embedded PGlite data directory). Safe to run again.`,
  async run(argv) {
    parseFlags(argv, {});
    const { openDb } = await import('../../db/open-db.ts');
    const { migrate } = await import('../../db/migrate.ts');
    const db = await openDb({ migrate: false });
    try {
      const applied = await migrate(db);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'already up to date');
    } finally {
      await db.close();
    }
    return 0;
  },
};

/** shiftcast worker: processes BullMQ jobs; run on as many machines as wanted. */
import { UsageError, intFlag, parseFlags, type CliCommand } from '../command.ts';

export const command: CliCommand = {
  name: 'worker',
  summary: 'run a job worker on Redis (REDIS_URL)',
  usage: `usage: shiftcast worker [--concurrency N]

Processes jobs (forecasts, roster solves) from the BullMQ queue on REDIS_URL, storing state and results in the
Postgres database on DATABASE_URL. Start one per machine (or more); a job whose worker dies is retried by another.
  --concurrency N   jobs at once in this process (default 1; solves use a thread each)`,
  async run(argv) {
    const { values } = parseFlags(argv, { concurrency: { type: 'string' } });
    const concurrency = intFlag(values, 'concurrency', 1, 1);
    if (!process.env.REDIS_URL) throw new UsageError('REDIS_URL is not set: workers take jobs from Redis');
    if (!process.env.DATABASE_URL) throw new UsageError('DATABASE_URL is not set: workers share a Postgres database with the server');
    const { openDb } = await import('../../db/open-db.ts');
    const { startBullmqWorker } = await import('../../jobs/bullmq-queue.ts');
    await import('../../jobs/handlers/index.ts');
    const db = await openDb();
    const worker = await startBullmqWorker(db, process.env.REDIS_URL, { concurrency });
    console.log(`shiftcast worker: waiting for jobs (concurrency ${concurrency})`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await worker.close();
    await db.close();
    return 0;
  },
};

/** shiftcast serve: the HTTP server and dashboard. */
import { intFlag, parseFlags, type CliCommand } from '../command.ts';

export const command: CliCommand = {
  name: 'serve',
  summary: 'run the HTTP server and dashboard',
  usage: `usage: shiftcast serve [--port N] [--host H] [--demo] [--with-worker]

Starts the API and dashboard. Storage: Postgres when DATABASE_URL is set, embedded PGlite otherwise (data in
SHIFTCAST_DATA_DIR, default ./.shiftcast). Jobs: BullMQ when REDIS_URL is set, in-process otherwise. Slow
clients are cut off after SHIFTCAST_HEADERS_TIMEOUT_MS (headers, default 20000), SHIFTCAST_REQUEST_TIMEOUT_MS
(the whole request, default 300000) and SHIFTCAST_KEEPALIVE_TIMEOUT_MS (idle keep-alive, default 5000).
  --port N        port to listen on (default PORT or 3000)
  --host H        address to bind (default HOST or 127.0.0.1)
  --demo          load the demo center and its traffic history if missing
  --with-worker   also process BullMQ jobs in this process`,
  async run(argv) {
    const { values } = parseFlags(argv, {
      port: { type: 'string' }, host: { type: 'string' }, demo: { type: 'boolean' }, 'with-worker': { type: 'boolean' },
    });
    const port = intFlag(values, 'port', Number(process.env.PORT ?? 3000), 0);
    const { startServer } = await import('../../server.ts');
    const server = await startServer({ port, host: values.host, demo: values.demo, withWorker: values['with-worker'] });
    console.log(`\nShiftCast is running at ${server.url}  (storage: ${server.db.kind}, jobs: ${server.jobs.kind})`);
    if (server.adminToken) {
      console.log(`Admin token (shown once${server.db.kind === 'pglite' ? '; also saved to admin-token in the data directory' : ''}):\n  ${server.adminToken}\n`);
    }
    await new Promise<void>((resolve) => {
      const stop = () => {
        console.log('shutting down…');
        server.close().then(resolve, resolve);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};

/**
 * `shiftcast <command>`: the command table. Commands load lazily so `shiftcast --help` stays instant and a
 * command's heavy dependencies (HiGHS, PGlite) load only when it runs.
 */
import { AppError, describeProblems } from '../errors.ts';
import { UsageError, type CliCommand } from './command.ts';

const COMMANDS: Array<{ name: string; summary: string; load: () => Promise<{ command: CliCommand }> }> = [
  { name: 'serve', summary: 'run the HTTP server and dashboard', load: () => import('./commands/serve.ts') },
  { name: 'worker', summary: 'run a job worker on Redis (REDIS_URL)', load: () => import('./commands/worker.ts') },
  { name: 'migrate', summary: 'apply database migrations', load: () => import('./commands/migrate.ts') },
  { name: 'import traffic', summary: 'import a traffic CSV into a center', load: () => import('./commands/import-traffic.ts') },
  { name: 'token', summary: 'create or revoke API tokens', load: () => import('./commands/token.ts') },
  { name: 'forecast', summary: 'forecast call volume from a history CSV', load: () => import('./commands/forecast.ts') },
  { name: 'accuracy', summary: 'compare a forecast CSV with actual traffic', load: () => import('./commands/accuracy.ts') },
  { name: 'staffing', summary: 'turn a forecast into agents required per interval', load: () => import('./commands/staffing.ts') },
  { name: 'roster', summary: 'solve a monthly roster', load: () => import('./commands/roster.ts') },
  { name: 'validate', summary: 'check a roster against every rule', load: () => import('./commands/validate.ts') },
  { name: 'bench', summary: 'run a benchmark (bench curtois …)', load: () => import('./commands/bench.ts') },
];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: shiftcast <command> [options]   (shiftcast <command> --help for details)',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  // `shiftcast validate … | head`: a reader that stops early is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    console.log(overview());
    return argv.length === 0 ? 2 : 0;
  }
  const entry =
    COMMANDS.find((c) => c.name.includes(' ') && argv.slice(0, 2).join(' ') === c.name) ??
    COMMANDS.find((c) => !c.name.includes(' ') && argv[0] === c.name);
  if (!entry) {
    const near = COMMANDS.filter((c) => c.name.startsWith(argv[0])).map((c) => c.name);
    console.error(`shiftcast: unknown command "${argv.join(' ')}"${near.length ? ` (did you mean: ${near.join(', ')}?)` : ''}`);
    return 2;
  }
  const rest = argv.slice(entry.name.split(' ').length);
  const { command } = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.usage);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`shiftcast ${entry.name}: ${e.message}`);
      return 2;
    }
    if (e instanceof AppError) {
      console.error(`shiftcast ${entry.name}: ${e.message}`);
      if (e.errors.length > 0) console.error(describeProblems(e.errors));
      return 1;
    }
    throw e;
  }
}

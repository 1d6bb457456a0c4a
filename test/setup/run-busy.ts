/**
 * `npm run test:busy [-- vitest args]`: the test suite with every core kept busy by another process, as on a
 * user's machine that is doing other work. Uses Debian's `stress-ng --cpu N` when installed, else N Node
 * processes spinning; they are stopped when the suite ends. Run it before a change that touches timing lands.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';

const cores = availableParallelism();
const hasStressNg = spawnSync('stress-ng', ['--version'], { stdio: 'ignore' }).status === 0;
const load: ChildProcess[] = hasStressNg
  ? [spawn('stress-ng', ['--cpu', String(cores), '--quiet'], { stdio: 'ignore' })]
  : Array.from({ length: cores }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
console.error(`test:busy: ${hasStressNg ? `stress-ng --cpu ${cores}` : `${cores} spinning node processes (no stress-ng)`} beside npm test`);

const stop = () => { for (const p of load) p.kill('SIGTERM'); };
process.on('SIGINT', () => { stop(); process.exit(130); });
const suite = spawn('npm', ['test', '--', ...process.argv.slice(2)], { stdio: 'inherit' });
suite.on('exit', (code, signal) => {
  stop();
  process.exitCode = code ?? (signal ? 1 : 0);
});

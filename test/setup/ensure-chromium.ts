/**
 * `npm test`'s first step (pretest): makes sure the dashboard's browser test has a Chromium. When none is found
 * and this user may install Debian packages (root, or sudo without a password), installs Debian's `chromium`;
 * otherwise stops with one line on how to get one. SHIFTCAST_INSTALL_BROWSER=0 forbids the install.
 */
import { spawnSync } from 'node:child_process';
import { findChromium, howToGetChromium } from './chromium.ts';

/** Runs a command quietly; on failure prints the end of what it said. */
function run(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status === 0) return true;
  console.error(`${[cmd, ...args].join(' ')} failed:\n${`${r.stdout ?? ''}${r.stderr ?? ''}${r.error?.message ?? ''}`.slice(-2000)}`);
  return false;
}

/** The command prefix that runs apt-get as root here, or null when packages cannot be installed. */
function aptAsRoot(): string[] | null {
  if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) return null;
  if (process.getuid?.() === 0) return [];
  return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0 ? ['sudo', '-n'] : null;
}

function main(): number {
  const found = findChromium();
  if (found) return 0;
  const prefix = process.env.CHROMIUM_PATH || process.env.SHIFTCAST_INSTALL_BROWSER === '0' ? null : aptAsRoot();
  if (!prefix) {
    console.error(`npm test: ${howToGetChromium()}`);
    return 1;
  }
  console.error('npm test: no Chromium for the dashboard test; installing Debian\'s chromium (apt-get install chromium) …');
  const apt = (...args: string[]) => run(prefix[0] ?? 'apt-get', [...prefix.slice(1), ...(prefix.length ? ['apt-get'] : []), '-o', 'DPkg::Lock::Timeout=300', ...args]);
  const ok = apt('update', '-qq') && apt('install', '-y', '-qq', 'chromium');
  const installed = findChromium();
  if (ok && installed) {
    console.error(`npm test: installed ${installed}`);
    return 0;
  }
  console.error(`npm test: installing Debian's chromium failed; ${howToGetChromium()}`);
  return 1;
}

process.exitCode = main();

/**
 * Where the dashboard's browser test finds a Chromium: CHROMIUM_PATH when set, else Debian's package
 * (/usr/bin/chromium) or a chromium on the PATH. Never a downloaded browser build.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser'];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to use, or null when there is none. CHROMIUM_PATH, when set, is the only candidate. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return executable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  const dirs = ['/usr/bin', ...(env.PATH ?? '').split(delimiter).filter(Boolean)];
  for (const dir of dirs) for (const name of NAMES) if (executable(join(dir, name))) return join(dir, name);
  return null;
}

/** One line on how to get a browser, for when none is found and none can be installed here. */
export function howToGetChromium(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH
    ? `CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file: point it at a Chromium, or unset it to use Debian's chromium`
    : 'no Chromium found for the dashboard test: install Debian\'s chromium (sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium executable';
}

/**
 * Registers every job handler in this directory (each file calls registerJobHandler); the server and
 * `shiftcast worker` both import this, so they know the same job kinds.
 */
import { readdirSync } from 'node:fs';

const dir = new URL('./', import.meta.url);
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts').sort()) {
  await import(new URL(file, dir).href);
}

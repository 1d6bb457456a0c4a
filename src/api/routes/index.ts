/**
 * Registers every route module in this directory (each file declares its routes with defineRoute), so a new
 * area of the API is one new file here.
 */
import { readdirSync } from 'node:fs';

const dir = new URL('./', import.meta.url);
for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts').sort()) {
  await import(new URL(file, dir).href);
}

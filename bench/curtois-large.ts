/**
 * `npm run bench:curtois-large [-- FLAGS]`: writes the generated Curtois & Qu instances (bench/curtois-generator.ts)
 * to bench/out/curtois-generated/ (git-ignored, rewritten on every run: they are made from their seed) and runs
 * `shiftcast bench curtois` on them with FLAGS (e.g. --only Gen13 --time-limits 60,600).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { command } from '../src/cli/commands/bench.ts';
import { generateCurtoisQu, GENERATED_SPECS } from './curtois-generator.ts';

const dir = fileURLToPath(new URL('./out/curtois-generated/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const spec of GENERATED_SPECS) writeFileSync(`${dir}${spec.name}.txt`, generateCurtoisQu(spec));
process.exitCode = await command.run(['curtois', '--instances', dir, ...process.argv.slice(2)]);

/** Writes data/demo-center.json from the seeded generator (npm run demo:generate). */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseCenter } from '../domain/center-loader.ts';
import { generateCenter } from './generate-center.ts';

const center = generateCenter({ agents: 112, seed: 2026, name: 'demo', trainingActivities: true });
parseCenter(center, 'generated demo center'); // refuse to write an invalid file
const file = fileURLToPath(new URL('../../data/demo-center.json', import.meta.url));
await writeFile(file, JSON.stringify(center, null, 2) + '\n');
console.log(`wrote ${file}: ${center.agents?.length} people, ${center.teams?.length} teams`);

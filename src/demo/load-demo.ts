/** Loads the demo center and its history into an empty database (npm start). */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { parseCenter } from '../domain/center-loader.ts';
import type { Center } from '../domain/center-schema.ts';
import type { Db } from '../db/db.ts';
import { saveCenter } from '../db/repos/centers.ts';
import { importTraffic, type ImportResult } from '../services/traffic-import.ts';
import { demoHistory } from './bank-history.ts';

export const DEMO_CENTER_FILE = fileURLToPath(new URL('../../data/demo-center.json', import.meta.url));

export async function readDemoCenter(): Promise<Center> {
  return parseCenter(JSON.parse(await readFile(DEMO_CENTER_FILE, 'utf8')), DEMO_CENTER_FILE);
}

/**
 * Returns null when the demo center is already there. The history runs up to `today`, the center's local date
 * by default (not the machine's: in the hours where the two differ, yesterday would have no calls).
 */
export async function loadDemo(db: Db, today?: string): Promise<ImportResult | null> {
  const center = await readDemoCenter();
  const exists = await db.query('SELECT 1 FROM centers WHERE id = $1', [center.id]);
  if (exists.rows.length > 0) return null;
  await db.transaction((tx) => saveCenter(tx, center));
  try {
    const rows = await demoHistory(center.timezone, today ?? DateTime.now().setZone(center.timezone).toISODate()!);
    return await importTraffic(db, center, rows, { source: 'demo history (bank 2003, shifted)', intervalMinutes: 5 });
  } catch (e) {
    await db.query('DELETE FROM centers WHERE id = $1', [center.id]); // try again on the next start
    throw e;
  }
}

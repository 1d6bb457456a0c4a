/**
 * Reads a special-day calendar file: a JSON array of special days (center schema `specialDays` items), or any
 * object with a `specialDays` array (a center file works). Errors name the file and the JSON path.
 */
import { readFile } from 'node:fs/promises';
import { ValidationError } from '../errors.ts';
import { parseSpecialDays } from './special-days.ts';
import type { SpecialDay } from './types.ts';

export async function readSpecialDaysFile(file: string): Promise<SpecialDay[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new ValidationError(`${file}: cannot read as JSON (${(e as Error).message})`, [{ where: file, message: (e as Error).message }]);
  }
  const list = Array.isArray(json) ? json : (json as { specialDays?: unknown } | null)?.specialDays;
  if (!Array.isArray(list)) {
    throw new ValidationError(`${file}: no special days`, [{ where: file, message: 'expected a JSON array of special days, or an object with a "specialDays" array' }]);
  }
  try {
    return parseSpecialDays(list);
  } catch (e) {
    if (e instanceof ValidationError) throw new ValidationError(`${file}: ${e.message}`, e.errors.map((p) => ({ ...p, where: `${file}: ${p.where}` })));
    throw e;
  }
}

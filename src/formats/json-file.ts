/** Reads a JSON file, turning a missing file or bad JSON into a ValidationError naming the file. */
import { readFile } from 'node:fs/promises';
import { ValidationError } from '../errors.ts';

export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ValidationError(`${file}: cannot read (${(e as Error).message})`, [{ where: file, message: 'cannot read' }]);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ValidationError(`${file}: not valid JSON (${(e as Error).message})`, [{ where: file, message: (e as Error).message }]);
  }
}

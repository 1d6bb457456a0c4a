/**
 * Reads a JSON file, turning a missing file, text that is not UTF-8 or bad JSON into a ValidationError naming the
 * file and, where it can, the line and column. A leading byte-order mark (Windows editors write one) is skipped.
 */
import { readFile } from 'node:fs/promises';
import { ValidationError } from '../errors.ts';

/** "file:line:column" of a character offset in text. */
function place(file: string, text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${file}:${line}:${offset - before.lastIndexOf('\n')}`;
}

export async function readJsonFile(file: string): Promise<unknown> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new ValidationError(`${file}: cannot read (${(e as Error).message})`, [{ where: file, message: 'cannot read' }]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Where: the first byte that is not UTF-8 (what a lenient decoding turns into U+FFFD).
    const lenient = bytes.toString('utf8');
    const at = lenient.indexOf('\uFFFD');
    throw new ValidationError(`${file}: not UTF-8 text; save it as UTF-8`, [{ where: place(file, lenient, Math.max(at, 0)), message: 'not UTF-8 (Latin-1 or another legacy encoding?)' }]);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    // V8 gives the position for some errors only; a raw control character (NUL…) and the end are found here.
    const at = /position (\d+)/.exec(message)?.[1] ?? text.search(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const offset = Number(at) >= 0 ? Number(at) : /end of JSON input/.test(message) ? text.length : -1;
    throw new ValidationError(`${file}: not valid JSON (${message})`, [{ where: offset >= 0 ? place(file, text, offset) : file, message }]);
  }
}

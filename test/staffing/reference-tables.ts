/**
 * Reads the Erlang C reference tables of data/erlang-reference/ (see SOURCE.md there: computed by the Erlang-B
 * recursion and checked against an independent closed form, largest difference 5e-13).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../data/erlang-reference/', import.meta.url));

export function readReferenceCsv(name: string): Array<Record<string, number>> {
  const [header, ...lines] = readFileSync(dir + name, 'utf8').trim().split(/\r?\n/);
  const columns = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i], Number(cell)])));
}

/** |actual − expected| within `relative` of |expected| (or `absolute`, whichever is larger). */
export function close(actual: number, expected: number, relative = 1e-8, absolute = 1e-12): boolean {
  return Math.abs(actual - expected) <= Math.max(absolute, relative * Math.abs(expected));
}

/**
 * Streaming CSV records with a required header, for every CSV format of FORMATS.md. Yields each data row with
 * its 1-based line number and a by-name cell accessor; structural errors (ragged rows, missing columns, a wrong
 * delimiter, an empty file) become ValidationErrors naming the source and the line.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { DateTime } from 'luxon';
import { ValidationError } from '../errors.ts';

export interface CsvRecord {
  line: number;
  /** The cell of a column by (lower-case) name; undefined when the column is absent. */
  cell(name: string): string | undefined;
}

export async function* csvRecords(input: Readable, source: string, required: readonly string[]): AsyncGenerator<CsvRecord> {
  const parser = input.pipe(parse({ bom: true, skip_empty_lines: true, trim: true, info: true, max_record_size: 64 * 1024 }));
  let columns: Map<string, number> | null = null;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!columns) {
        columns = new Map(record.map((name, i) => [name.trim().toLowerCase(), i]));
        const missing = required.filter((c) => !columns!.has(c));
        if (missing.length > 0) {
          const delimiter = /[;\t|]/.exec(record.join(','))?.[0];
          const hint = delimiter ? ` (the header looks ${delimiter === '\t' ? 'tab' : `"${delimiter}"`}-separated; use commas)` : '';
          throw new ValidationError(`${source}: header lacks ${missing.join(', ')}${hint}`, [
            { where: `${source}:${info.lines}`, message: `missing column(s) ${missing.join(', ')}${hint}` },
          ]);
        }
        continue;
      }
      const cols = columns;
      yield { line: info.lines, cell: (name) => { const i = cols.get(name); return i === undefined ? undefined : record[i]; } };
    }
  } catch (e) {
    if (e instanceof ValidationError) throw e;
    const err = e as Error & { lines?: number };
    throw new ValidationError(`${source}: ${err.message}`, [{ where: `${source}:${err.lines ?? '?'}`, message: err.message }]);
  }
  if (!columns) {
    throw new ValidationError(`${source}: the file is empty`, [{ where: `${source}:1`, message: 'empty file: a header and at least one row are required' }]);
  }
}

/** Opens a file for csvRecords, turning a missing file into a ValidationError. */
export async function openCsvFile(file: string): Promise<Readable> {
  const stream = createReadStream(file);
  try {
    await new Promise<void>((resolve, reject) => stream.once('open', () => resolve()).once('error', reject));
  } catch (e) {
    throw new ValidationError(`${file}: cannot read (${(e as Error).message})`, [{ where: file, message: 'cannot read' }]);
  }
  return stream;
}

/**
 * An ISO-8601 timestamp with offset, or a local time read in `zone` (FORMATS.md: never bare epoch numbers).
 * Returns null when the text is not such a timestamp.
 */
export function parseTimestamp(text: string, zone: string): DateTime | null {
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(text)) return null;
  const dt = DateTime.fromISO(text.replace(' ', 'T'), { zone });
  return dt.isValid ? dt.setZone(zone) : null;
}

/** A number cell: finite and ≥ min, or an error message. */
export function parseNumber(text: string | undefined, min = 0): number | string {
  if (text === undefined || text.trim() === '') return 'is empty';
  const n = Number(text);
  if (!Number.isFinite(n)) return `"${text}" is not a number`;
  if (n < min) return `"${text}" must be ≥ ${min}`;
  return n;
}

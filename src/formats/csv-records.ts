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
  // Any line end, even mixed in one file (files pasted together on Windows, old Mac and Unix machines).
  const parser = input.pipe(parse({ bom: true, skip_empty_lines: true, trim: true, info: true, max_record_size: 64 * 1024, record_delimiter: ['\r\n', '\n', '\r'] }));
  // pipe() ends the parser only at the input's end: an input that closes or fails before it (a client gone
  // mid-upload, a request cut off by the server's time limit) would leave this reader, and an import's open
  // transaction, waiting for ever. It fails the reader instead.
  const cut = (cause?: Error) => {
    if (input.readableEnded) return;
    const lines = parser.info.lines + 1;
    parser.destroy(Object.assign(new Error(`the file stopped at line ${lines}, before its end${cause ? ` (${cause.message})` : ''}: was the upload cut off?`), { lines }));
  };
  input.once('close', () => cut()).once('error', cut);
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

/** Years a timestamp may fall in: wider than any history or plan, narrower than what storage can hold (no year 0). */
export const TIMESTAMP_YEARS = { from: 1900, to: 2999 } as const;

/**
 * An ISO-8601 timestamp with offset, or a local time read in `zone` (FORMATS.md: never bare epoch numbers), in
 * the years of TIMESTAMP_YEARS. Returns null when the text is not such a timestamp.
 */
export function parseTimestamp(text: string, zone: string): DateTime | null {
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(text)) return null;
  const dt = DateTime.fromISO(text.replace(' ', 'T'), { zone });
  if (!dt.isValid) return null;
  const local = dt.setZone(zone);
  return local.year >= TIMESTAMP_YEARS.from && local.year <= TIMESTAMP_YEARS.to ? local : null;
}

const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;

/**
 * For a local time (no offset) that the zone's clocks skip when DST begins, the message saying so; else null.
 * (luxon moves such a time forward an hour, which would make it collide with the real one.)
 */
export function skippedLocalTime(text: string, dt: DateTime): string | null {
  if (HAS_OFFSET.test(text) || (Number(text.slice(11, 13)) === dt.hour && Number(text.slice(14, 16)) === dt.minute)) return null;
  return `${text.slice(0, 16)} does not exist in ${dt.zoneName}: the clocks skip it when DST begins`;
}

/** For a local time (no offset) in the hour the clocks repeat when DST ends, a hint to write the offset. */
export function repeatedHourHint(text: string, dt: DateTime): string {
  if (HAS_OFFSET.test(text) || dt.getPossibleOffsets().length < 2) return '';
  return ` (${text} is in the hour ${dt.zoneName} repeats when DST ends: write its offset, e.g. ${dt.getPossibleOffsets().map((o) => o.toISO({ suppressMilliseconds: true })).join(' or ')})`;
}

/**
 * Reads what is left of a refused input and drops it: an HTTP client still sending the rest of a file then gets
 * the error answer instead of a connection reset.
 */
export async function discardRest(input: Readable): Promise<void> {
  if (input.readableEnded || input.destroyed) return;
  input.unpipe();
  await new Promise<void>((resolve) => {
    input.once('end', resolve).once('close', resolve).once('error', () => resolve());
    input.resume();
  });
}

/** A number cell: finite and ≥ min, or an error message. */
export function parseNumber(text: string | undefined, min = 0): number | string {
  if (text === undefined || text.trim() === '') return 'is empty';
  const n = Number(text);
  if (!Number.isFinite(n)) return `"${text}" is not a number`;
  if (n < min) return `"${text}" must be ≥ ${min}`;
  return n;
}

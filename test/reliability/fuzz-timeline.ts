/**
 * Interval rows for the file fuzz tests, in America/New_York: ordinary runs of 5–60-minute intervals (written
 * with an offset or as local wall-clock times), and the two DST days of 2027 — 14 March (02:00–02:59 does not
 * exist) and 7 November (01:00–01:59 happens twice) — written the ways a file can write them.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { parseCenter } from '../../src/domain/center-loader.ts';
import { generateCenter } from '../../src/demo/generate-center.ts';

export const ZONE = 'America/New_York';
/** The generated test center (queues csr and tsr), moved to New York for its DST days. */
export const newYorkCenter = () => parseCenter({ ...generateCenter({ agents: 40, seed: 7, name: 'test' }), timezone: ZONE });

/** Every fuzzed row falls on or after this day; the history seeded before it must never change. */
export const FUZZ_FROM = '2027-01-01';

export interface TimelineRow {
  queue: string;
  /** interval_start as the file writes it. */
  text: string;
  /** The instant it means. */
  ms: number;
  value: number;
}

export interface Timeline {
  label: string;
  rows: TimelineRow[];
  expect: 'accept' | 'refuse';
  /** When refused: the 0-based row the reader must name, and the column. */
  culprit?: { row: number; column: string };
}

const wall = (dt: DateTime) => dt.toFormat("yyyy-MM-dd'T'HH:mm");
const withOffset = (dt: DateTime) => dt.toISO({ suppressMilliseconds: true })!;

/** Runs of intervals on days of 2027 with no DST change (April–October), one step for the whole file. */
const ordinary: fc.Arbitrary<Timeline> = fc
  .record({
    day: fc.integer({ min: 0, max: 190 }),
    hour: fc.integer({ min: 0, max: 20 }),
    step: fc.constantFrom(5, 10, 15, 30, 60),
    count: fc.integer({ min: 1, max: 24 }),
    queues: fc.subarray(['csr', 'tsr'], { minLength: 1 }),
    offsets: fc.boolean(),
    values: fc.array(fc.nat({ max: 900 }), { minLength: 48, maxLength: 48 }),
  })
  .map(({ day, hour, step, count, queues, offsets, values }) => {
    const start = DateTime.fromISO('2027-04-01T00:00', { zone: ZONE }).plus({ days: day, hours: hour });
    const rows: TimelineRow[] = [];
    for (let i = 0; i < count; i++) {
      const dt = start.plus({ minutes: i * step });
      queues.forEach((queue, q) => rows.push({ queue, text: offsets ? withOffset(dt) : wall(dt), ms: dt.toMillis(), value: values[(i + q * 24) % 48] }));
    }
    return { label: `ordinary ${step}-minute${offsets ? ' with offsets' : ''}`, rows, expect: 'accept' as const };
  });

/** Half-hours from local midnight for six hours of a DST day, written one of three ways. */
const dstDay: fc.Arbitrary<Timeline> = fc
  .record({ season: fc.constantFrom('spring', 'fall'), writing: fc.constantFrom('offsets', 'wall-clock of instants', 'every wall-clock slot'), queue: fc.constantFrom('csr', 'tsr'), value: fc.nat({ max: 900 }) })
  .map(({ season, writing, queue, value }) => {
    const day = season === 'spring' ? '2027-03-14' : '2027-11-07';
    const midnight = DateTime.fromISO(`${day}T00:00`, { zone: ZONE });
    const label = `DST ${season} ${day}, ${writing}`;
    if (writing === 'every wall-clock slot') {
      // 00:00 … 05:30 as a clock shows them; in spring 02:00 and 02:30 name no instant.
      const rows = Array.from({ length: 12 }, (_, i) => {
        const text = `${day}T${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`;
        return { queue, text, ms: DateTime.fromISO(text, { zone: ZONE }).toMillis(), value: value + i };
      });
      return season === 'spring'
        ? { label, rows, expect: 'refuse' as const, culprit: { row: 4, column: 'interval_start' } }
        : { label, rows, expect: 'accept' as const };
    }
    const end = midnight.plus({ hours: 6 }).toMillis();
    const rows: TimelineRow[] = [];
    for (let ms = midnight.toMillis(), i = 0; ms < end; ms += 30 * 60_000, i++) {
      const dt = DateTime.fromMillis(ms, { zone: ZONE });
      rows.push({ queue, text: writing === 'offsets' ? withOffset(dt) : wall(dt), ms, value: value + i });
    }
    if (writing === 'wall-clock of instants' && season === 'fall') {
      // 01:00 and 01:30 come twice without their offsets: the second 01:00 (row 4) repeats the first.
      return { label, rows, expect: 'refuse' as const, culprit: { row: 4, column: 'interval_start' } };
    }
    return { label, rows, expect: 'accept' as const };
  });

export const timelineArb: fc.Arbitrary<Timeline> = fc.oneof({ arbitrary: ordinary, weight: 3 }, { arbitrary: dstDay, weight: 2 });

/** "queue|instant|value" lines, sorted: what storage must hold after the file is accepted. */
export function storedForm(rows: ReadonlyArray<{ queue: string; ms: number; value: number }>): string[] {
  return rows.map((r) => `${r.queue}|${r.ms}|${r.value}`).sort();
}

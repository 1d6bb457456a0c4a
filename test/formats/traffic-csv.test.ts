import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readTrafficCsv, type TrafficRow } from '../../src/formats/traffic-csv.ts';
import { ValidationError } from '../../src/errors.ts';

async function read(text: string): Promise<TrafficRow[]> {
  const rows: TrafficRow[] = [];
  for await (const b of readTrafficCsv(Readable.from([text]), { zone: 'Asia/Shanghai', source: 'f.csv', batchSize: 2 })) rows.push(...b);
  return rows;
}

async function problems(text: string) {
  try {
    await read(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return (e as ValidationError).errors;
  }
  throw new Error('expected a ValidationError');
}

describe('traffic CSV reader (FORMATS "Traffic history")', () => {
  it('reads local and offset timestamps in the center zone, optional columns, any column order', async () => {
    const rows = await read('offered,interval_start,queue,aht_seconds\n12,2026-12-01T08:00,csr,181.5\n7,2026-12-01T00:30:00Z,tsr,\n');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ queue: 'csr', intervalStart: '2026-12-01T08:00:00+08:00', offered: 12, ahtSeconds: 181.5, line: 2 });
    // 00:30 UTC is 08:30 in Shanghai (UTC+8)
    expect(rows[1]).toMatchObject({ queue: 'tsr', intervalStart: '2026-12-01T08:30:00+08:00', offered: 7, line: 3 });
    expect(rows[1].ahtSeconds).toBeUndefined();
  });

  it('defaults the queue to "default"', async () => {
    expect((await read('interval_start,offered\n2026-12-01T08:00,3\n'))[0].queue).toBe('default');
  });

  it('names line and column of a bad timestamp', async () => {
    expect(await problems('interval_start,offered\n2026-12-01T08:00,3\n2026-13-01T08:00,4\n')).toEqual([
      { where: 'f.csv:3:interval_start', message: expect.stringContaining('"2026-13-01T08:00" is not an ISO-8601 timestamp') },
    ]);
  });

  it('refuses bare epoch numbers', async () => {
    expect((await problems('interval_start,offered\n1764547200,3\n'))[0].where).toBe('f.csv:2:interval_start');
  });

  it('refuses negative and non-integer counts', async () => {
    const p = await problems('interval_start,offered,handled\n2026-12-01T08:00,-1,0\n2026-12-01T08:30,2.5,0\n2026-12-01T09:00,2,x\n');
    expect(p.map((e) => e.where)).toEqual(['f.csv:2:offered', 'f.csv:3:offered', 'f.csv:4:handled']);
    expect(p[0].message).toMatch(/negative/);
    expect(p[1].message).toMatch(/whole number/);
  });

  it('refuses the same interval twice in one file, even written with an offset', async () => {
    const p = await problems('interval_start,offered\n2026-12-01T08:00,1\n2026-12-01T00:00:00Z,2\n');
    expect(p).toEqual([{ where: 'f.csv:3:interval_start', message: expect.stringContaining('appears twice') }]);
  });

  it('allows the same interval in two queues (near miss of the duplicate rule)', async () => {
    expect(await read('queue,interval_start,offered\ncsr,2026-12-01T08:00,1\ntsr,2026-12-01T08:00,2\n')).toHaveLength(2);
  });

  it('refuses an empty file and a header without rows', async () => {
    expect((await problems(''))[0].message).toMatch(/empty file/);
    expect((await problems('interval_start,offered\n'))[0].message).toMatch(/no data rows/);
  });

  it('explains a wrong delimiter', async () => {
    expect((await problems('interval_start;offered\n2026-12-01T08:00;3\n'))[0].message).toMatch(/";"-separated; use commas/);
  });

  it('names the line of a ragged row', async () => {
    expect((await problems('interval_start,offered\n2026-12-01T08:00,3\n2026-12-01T08:30,3,9\n'))[0].where).toBe('f.csv:3');
  });

  it('collects every bad row before failing, and yields nothing after the first error', async () => {
    const text = 'interval_start,offered\n' + Array.from({ length: 10 }, (_, i) => `2026-12-01T${String(8 + i).padStart(2, '0')}:00,${i === 3 || i === 8 ? -1 : 1}`).join('\n');
    const p = await problems(text);
    expect(p.map((e) => e.where)).toEqual(['f.csv:5:offered', 'f.csv:10:offered']);
  });
});

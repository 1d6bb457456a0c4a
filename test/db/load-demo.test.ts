// The demo's traffic history ends with the center's local yesterday, whatever the machine's zone says: at
// 01:00 in Shanghai it is still the previous day in UTC, and the history used to stop a day short then (the
// analyst's forecast-vs-actual page showed yesterday without calls). Saturday 2026-11-28 is derived from the
// bank's Friday, so it is there only when the history runs to the local date.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { pgliteTarget } from '../helpers/databases.ts';

describe('loadDemo', () => {
  afterEach(() => vi.useRealTimers());

  it('at 01:00 local on 29 November (still the 28th in UTC) the history runs through the 28th', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-29T01:00:00+08:00'));
    const { db, drop } = await pgliteTarget.open();
    try {
      await loadDemo(db);
      const r = await db.query<{ last: string }>(
        `SELECT to_char(max(interval_start) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS last FROM traffic WHERE center_id = 'demo'`,
      );
      expect(r.rows[0].last).toBe('2026-11-28 21:55');
    } finally {
      await drop();
    }
  });
});

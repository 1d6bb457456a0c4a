/**
 * R13: the analyst collects every team's roster of the published month — one export per team, as CSV or as
 * Excel's CSV (UTF-8 byte-order mark, CRLF), each logged under S1. The rows expected are counted from the
 * fixture's own 5-on/2-off rule (test/requests/fixture.ts `works`), not from the stored roster.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthDates } from '../../src/time/local-day.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { MONTH, PHONE_STAFF, publishDecember, testCenter, tokenBook, works } from '../requests/fixture.ts';

let app: TestApp;
let as: (agent: string) => Promise<string>;
let rosterId: number;

const teamOf = (agent: string) => app.center.agents.find((a) => a.id === agent)!.team;
const expectedRows = (team: string) => PHONE_STAFF.filter((a) => teamOf(a) === team).reduce((n, a) => n + monthDates(MONTH).filter((d) => works(a, d)).length, 0);

beforeAll(async () => {
  app = await startTestApp({ center: testCenter() });
  as = tokenBook(app.db, app.center);
  rosterId = (await publishDecember(app.db, app.center)).id;
});
afterAll(() => app.close());

describe('R13 roster export per team', () => {
  it('each team\'s file holds that team\'s shifts only, every one of them', async () => {
    for (const team of ['t1', 't2', 't3']) {
      const r = await app.call('GET', `/api/rosters/${rosterId}/export?team=${team}`, 'analyst');
      expect(r.status).toBe(200);
      const lines = r.body.trim().split('\n').slice(1);
      expect(lines).toHaveLength(expectedRows(team));
      expect(new Set(lines.map((l: string) => l.split(',')[2]))).toEqual(new Set([team]));
    }
  });

  it('Excel\'s CSV: a byte-order mark, CRLF line ends, the same rows', async () => {
    const res = await fetch(`${app.url}/api/rosters/${rosterId}/export?team=t1&format=excel`, { headers: { authorization: `Bearer ${app.tokens.analyst}` } });
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.headers.get('content-disposition')).toMatch(/roster-rq-2026-12-v\d+-t1\.csv/);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(expectedRows('t1') + 1);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('logs every export under S1 with its team and row count', async () => {
    await app.call('GET', `/api/rosters/${rosterId}/export?team=t2&format=json`, 'analyst');
    const log = await app.db.query<{ rule: string; detail: { team: string; rows: number; format: string } }>(
      "SELECT rule, detail FROM audit_log WHERE action = 'roster.export' ORDER BY id DESC LIMIT 1");
    expect(log.rows[0].rule).toBe('S1');
    expect(log.rows[0].detail).toMatchObject({ team: 't2', rows: expectedRows('t2'), format: 'json' });
  });

  it('a lead exports their own team, and nothing of another (as roster reads); an unknown team is a 404 and logs nothing', async () => {
    const other = await app.call('GET', `/api/rosters/${rosterId}/export?team=t2`, await as('l1'));
    expect(other.status).toBe(200);
    expect(other.body.trim().split('\n')).toHaveLength(1);
    const before = (await app.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'roster.export'")).rows[0].n;
    expect((await app.call('GET', `/api/rosters/${rosterId}/export?team=nope`, 'analyst')).status).toBe(404);
    expect((await app.call('GET', `/api/rosters/${rosterId}/export?format=xlsx`, 'analyst')).status).toBe(400);
    const after = (await app.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'roster.export'")).rows[0].n;
    expect(after).toBe(before);
    const own = await app.call('GET', `/api/rosters/${rosterId}/export?team=t1`, await as('l1'));
    expect(own.status).toBe(200);
    expect(own.body.trim().split('\n')).toHaveLength(expectedRows('t1') + 1);
  });
});

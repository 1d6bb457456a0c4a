import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { storageTargets } from '../helpers/databases.ts';

const csv = (rows: string[]) => ['queue,interval_start,offered,aht_seconds', ...rows].join('\n') + '\n';
const count = async (app: TestApp) => (await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM traffic')).rows[0].n;

for (const target of storageTargets('traffic import')) {
  describe(`traffic import on ${target.name}`, () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp({ target });
    });
    afterAll(() => app.close());

    it('imports a good CSV and reports what it did', async () => {
      const r = await app.call('POST', '/api/centers/test/traffic', 'analyst', csv([
        'csr,2026-11-02T08:00,10,200', 'csr,2026-11-02T08:30,12,210', 'tsr,2026-11-02T08:00,5,',
      ]));
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ rows: 3, inserted: 3, updated: 0, queues: ['csr', 'tsr'], intervalMinutes: 30 });
      expect(await count(app)).toBe(3);
    });

    it('re-import updates the same intervals instead of duplicating them', async () => {
      const r = await app.call('POST', '/api/centers/test/traffic', 'analyst', csv(['csr,2026-11-02T08:30,14,205', 'csr,2026-11-02T09:00,9,190']));
      expect(r.body).toMatchObject({ rows: 2, inserted: 1, updated: 1 });
      expect(await count(app)).toBe(4);
      const back = await app.call('GET', '/api/centers/test/traffic?queue=csr&from=2026-11-02&to=2026-11-03', 'analyst');
      expect(back.body.rows.map((x: { offered: number }) => x.offered)).toEqual([10, 14, 9]);
    });

    it.each([
      ['a bad timestamp', ['csr,2026-11-03T25:00,1,'], 'body:2:interval_start'],
      ['a negative count', ['csr,2026-11-03T08:00,-4,'], 'body:2:offered'],
      ['a non-integer count', ['csr,2026-11-03T08:00,4.5,'], 'body:2:offered'],
      ['an unknown queue', ['fax,2026-11-03T08:00,4,'], 'body:2:queue'],
      ['the same interval twice', ['csr,2026-11-03T08:00,4,', 'csr,2026-11-03T08:00,5,'], 'body:3:interval_start'],
    ])('refuses %s with line and column, and writes nothing', async (_what, rows, where) => {
      const before = await count(app);
      const r = await app.call('POST', '/api/centers/test/traffic', 'analyst', csv(rows));
      expect(r.status).toBe(400);
      expect(r.type).toContain('application/problem+json');
      expect(r.body.errors[0].where).toBe(where);
      expect(await count(app)).toBe(before);
    });

    it('refuses an empty file and a semicolon-separated file', async () => {
      expect((await app.call('POST', '/api/centers/test/traffic', 'analyst', ' ')).body.errors[0].message).toMatch(/empty file/);
      const semi = await app.call('POST', '/api/centers/test/traffic', 'analyst', 'interval_start;offered\n2026-11-03T08:00;3\n');
      expect(semi.status).toBe(400);
      expect(semi.body.errors[0].message).toMatch(/use commas/);
    });

    it('rolls back every earlier batch when a late row is bad (all or nothing)', async () => {
      const before = await count(app);
      const rows = Array.from({ length: 12000 }, (_, i) => `csr,${new Date(Date.UTC(2026, 8, 1) + i * 300_000).toISOString()},${i % 50},`);
      rows.push('csr,2026-12-31T08:00,-1,');
      const r = await app.call('POST', '/api/centers/test/traffic', 'analyst', csv(rows));
      expect(r.status).toBe(400);
      expect(r.body.errors[0].where).toBe('body:12002:offered');
      expect(await count(app)).toBe(before);
    });

    it('accepts JSON rows, validated field by field', async () => {
      const ok = await app.call('POST', '/api/centers/test/traffic', 'deputy', { rows: [{ queue: 'tsr', interval_start: '2026-11-04T08:00:00+08:00', offered: 3 }] });
      expect(ok.status).toBe(201);
      const bad = await app.call('POST', '/api/centers/test/traffic', 'deputy', { rows: [{ queue: 'tsr', interval_start: '2026-11-04T08:30', offered: -3 }] });
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].where).toBe('$.body.rows[0].offered');
    });

    it('is for planners and analysts only, within their center', async () => {
      expect((await app.call('POST', '/api/centers/test/traffic', 'agent', csv(['csr,2026-11-05T08:00,1,']))).status).toBe(403);
      expect((await app.call('POST', '/api/centers/other/traffic', 'analyst', csv(['csr,2026-11-05T08:00,1,']))).status).toBe(404);
    });

    it('refuses an unsupported content type with 415', async () => {
      const r = await app.call('POST', '/api/centers/test/traffic', 'analyst', '<xml/>', { 'content-type': 'application/xml' });
      expect(r.status).toBe(415);
    });
  });
}

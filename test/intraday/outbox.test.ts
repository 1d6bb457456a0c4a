/** The notification outbox: rows are written in the caller's transaction and delivered to a webhook; a failed delivery stays pending with its attempt counted. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/db.ts';
import { pgliteTarget } from '../helpers/databases.ts';
import { saveCenter } from '../../src/db/repos/centers.ts';
import { parseCenter } from '../../src/domain/center-loader.ts';
import { enqueueNotifications, flushOutbox } from '../../src/intraday/callouts/outbox.ts';
import { smallCenter } from './fixtures/center.ts';

describe('outbox', () => {
  let db: Db;
  let server: Server;
  let url = '';
  const received: any[] = [];
  let answer = 200;
  beforeAll(async () => {
    db = (await pgliteTarget.open()).db;
    await db.transaction((tx) => saveCenter(tx, parseCenter(smallCenter([{ id: 'a01', skills: ['csr'] }]))));
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.statusCode = answer;
        res.end();
      });
    }).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await db.close();
  });

  it('a rolled-back transaction leaves nothing to send', async () => {
    await expect(db.transaction(async (tx) => {
      await enqueueNotifications(tx, 'unit', [{ channel: 'sms', recipient: 'a01', payload: { type: 'callout.offer' } }]);
      throw new Error('callout failed');
    })).rejects.toThrow('callout failed');
    expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox')).rows[0].n).toBe(0);
  });

  it('delivers pending rows to the webhook and marks them; a 500 keeps the row pending with one more attempt', async () => {
    const [id] = await db.transaction((tx) => enqueueNotifications(tx, 'unit', [{ channel: 'sms', recipient: 'a01', payload: { type: 'callout.offer', callout: 7 } }]));
    answer = 500;
    expect(await flushOutbox(db, { url })).toEqual({ delivered: 0, failed: 1 });
    let row = (await db.query<{ attempts: number; delivered_at: Date | null }>('SELECT attempts, delivered_at FROM outbox WHERE id = $1', [id])).rows[0];
    expect(row).toEqual({ attempts: 1, delivered_at: null });
    answer = 204;
    expect(await flushOutbox(db, { url })).toEqual({ delivered: 1, failed: 0 });
    row = (await db.query<{ attempts: number; delivered_at: Date | null }>('SELECT attempts, delivered_at FROM outbox WHERE id = $1', [id])).rows[0];
    expect(row.attempts).toBe(2);
    expect(row.delivered_at).not.toBeNull();
    expect(received.at(-1)).toMatchObject({ id, center: 'unit', channel: 'sms', recipient: 'a01', payload: { type: 'callout.offer', callout: 7 } });
    expect(await flushOutbox(db, { url })).toEqual({ delivered: 0, failed: 0 });
  });
});

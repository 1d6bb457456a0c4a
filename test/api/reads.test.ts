/**
 * Reads that stay cheap under load: a roster read filtered (days, team, person, fields) and paged, answered
 * with an ETag (304 when unchanged, a new one after an in-place change), gzip when accepted, and scoped
 * (an agent gets their own shifts and only their own violations); the intraday view built once per tick and
 * rebuilt after a write; per-token rate limits (429 with Retry-After, other tokens unaffected).
 * The hand-built December roster of the request tests (test/requests/fixture.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/api/rate-limit.ts';
import { saveRoster, updateRosterEvaluation } from '../../src/db/repos/rosters.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { decemberRoster, publishDecember, testCenter, tokenBook, works } from '../requests/fixture.ts';

let app: TestApp;
let as: (agent: string) => Promise<string>;
let rosterId: number;

const raw = async (path: string, token: string, headers: Record<string, string> = {}) =>
  fetch(app.url + path, { headers: { authorization: `Bearer ${token}`, ...headers } });

beforeAll(async () => {
  app = await startTestApp({ center: testCenter() });
  as = tokenBook(app.db, app.center);
  const meta = await publishDecember(app.db, app.center);
  rosterId = meta.id;
  // Violations to scope: one about a01, one about a11 (another team), one of the center (no person).
  await updateRosterEvaluation(app.db, rosterId, {
    score: meta.score, coverage: [],
    violations: [
      { rule: 'Q5', level: 'soft', agent: 'a01', date: '2026-12-03', penalty: 1, unit: 'hours', message: 'a01' },
      { rule: 'Q5', level: 'soft', agent: 'a11', date: '2026-12-03', penalty: 1, unit: 'hours', message: 'a11' },
      { rule: 'R3', level: 'soft', date: '2026-12-03', penalty: 1, unit: 'agent-hours', message: 'center' },
    ],
  });
});
afterAll(() => app.close());

describe('roster reads', () => {
  it('filters by team and days, and pages: 2 of them, then the rest, with page.next', async () => {
    const days = ['2026-12-07', '2026-12-08', '2026-12-09'];
    const expected = days.flatMap((d) => ['l1', 'a01', 'a02', 'a03', 'a04', 'a05', 'a06', 'a07', 'a08', 'a09', 'a10'].filter((a) => works(a, d))).length;
    const first = await app.call('GET', `/api/rosters/${rosterId}?team=t1&from=2026-12-07&to=2026-12-09&limit=2`, 'deputy');
    expect(first.status).toBe(200);
    expect(first.body.page).toEqual({ offset: 0, limit: 2, total: expected, next: 2 });
    expect(first.body.assignments).toHaveLength(2);
    const rest = await app.call('GET', `/api/rosters/${rosterId}?team=t1&from=2026-12-07&to=2026-12-09&limit=1000&offset=2`, 'deputy');
    expect(rest.body.page.next).toBeNull();
    expect(rest.body.assignments).toHaveLength(expected - 2);
    for (const a of [...first.body.assignments, ...rest.body.assignments]) {
      expect(days).toContain(a.date);
      expect(app.center.agents.find((x) => x.id === a.agent)!.team).toBe('t1');
    }
  });

  it('answers only the fields asked for; a bad field or page is a 400 naming it', async () => {
    const only = await app.call('GET', `/api/rosters/${rosterId}?fields=violations`, 'deputy');
    expect(only.body.assignments).toBeUndefined();
    expect(only.body.violations).toHaveLength(3);
    const bad = await app.call('GET', `/api/rosters/${rosterId}?fields=pay&limit=0`, 'deputy');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { where: string }) => e.where).sort()).toEqual(['$.query.fields', '$.query.limit']);
  });

  it('an agent gets their own shifts and only the violations about them, not the center\'s', async () => {
    const mine = await app.call('GET', `/api/rosters/${rosterId}`, await as('a01'));
    expect(new Set(mine.body.assignments.map((a: { agent: string }) => a.agent))).toEqual(new Set(['a01']));
    expect(mine.body.violations.map((v: { message: string }) => v.message)).toEqual(['a01']);
    // Near miss: the deputy sees all three.
    expect((await app.call('GET', `/api/rosters/${rosterId}?fields=violations`, 'deputy')).body.violations).toHaveLength(3);
  });

  it('gzip when the client accepts it, the same JSON inside', async () => {
    const token = await as('l1');
    const path = `/api/rosters/${rosterId}?team=t1&from=2026-12-01&to=2026-12-07`;
    const plain = await (await raw(path, token)).json();
    const res = await fetch(app.url + path, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    // fetch decodes it: the body equals the plain one.
    expect(await res.json()).toEqual(plain);
  });
  it('ETag: unchanged → 304 with no body; after an in-place change (superseded by a publish) → 200 and a new ETag', async () => {
    const path = `/api/rosters/${rosterId}?from=2026-12-01&to=2026-12-07`;
    const token = app.tokens.deputy;
    const first = await raw(path, token);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await raw(path, token, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    // A second version published through the API supersedes this one in place.
    const next = await saveRoster(app.db, { centerId: 'rq', roster: decemberRoster(app.center) });
    expect((await app.call('POST', `/api/rosters/${next.id}/publish`, 'deputy')).status).toBe(200);
    const changed = await raw(path, token, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect((await changed.json()).status).toBe('superseded');
  });
});

describe('rate limits per token', () => {
  let limited: TestApp;
  beforeAll(async () => {
    // A burst of 10, refilled at one request per 100 s (so however slow the machine, nothing refills during the
    // test): the 11th request is refused and told to wait 100 s.
    limited = await startTestApp({ center: testCenter(), rateLimiter: createRateLimiter(0.01, 10) });
  });
  afterAll(() => limited.close());

  it('a burst past the limit gets 429 problem+json with Retry-After; another token is unaffected', async () => {
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let k = 0; k < 11; k++) {
      const res = await fetch(`${limited.url}/api/me`, { headers: { authorization: `Bearer ${limited.tokens.deputy}` } });
      statuses.push(res.status);
      if (res.status === 429) refused = res;
    }
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThanOrEqual(99);
    expect(refused!.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await refused!.json()).type).toBe('/problems/rate-limited');
    // Near miss: the analyst's token has its own bucket.
    expect((await fetch(`${limited.url}/api/me`, { headers: { authorization: `Bearer ${limited.tokens.analyst}` } })).status).toBe(200);
  });
});

describe('the intraday view', () => {
  it('is built once per tick: the same ETag (304) until a write, then rebuilt with the new actuals', async () => {
    const path = '/api/centers/rq/intraday?date=2026-12-09&queue=csr';
    const token = app.tokens.analyst;
    const first = await raw(path, token);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect((await raw(path, token, { 'if-none-match': etag })).status).toBe(304);
    const posted = await app.call('POST', '/api/centers/rq/actuals', 'analyst', { rows: [{ queue: 'csr', interval_start: '2026-12-09T09:00:00+08:00', offered: 42 }] });
    expect(posted.status).toBe(201);
    const after = await raw(path, token, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    const view = await after.json();
    expect(view.intervals.find((i: { interval_start: string }) => i.interval_start.startsWith('2026-12-09T09:00')).actual).toBe(42);
  });
});

/**
 * One parallel race against a quota, as the suites and the fault bench see it: the answers, which of them
 * granted and which refused, and what storage holds afterwards. A scenario (quota-races-*.ts) fires its
 * requests at once and classifies each answer; `held` says whether the product kept the quota: exactly the
 * allowed number granted and stored, every other request refused citing the rule, nothing lost, no 5xx.
 */
import http from 'node:http';
import type { Db } from '../../src/db/db.ts';
import { publishedRoster } from '../../src/db/repos/rosters.ts';
import type { TestApp } from '../helpers/test-app.ts';

export interface Answer {
  status: number;
  type: string;
  body: any;
}

export interface RaceSetup {
  app: TestApp;
  /** The API servers to send requests to: the app's, and on Postgres its twin's (quota-twin.ts). */
  urls: string[];
  /** A bearer token for a person of the center. */
  as(agent: string): Promise<string>;
  /** The round's month (its roster published by the caller), "YYYY-MM". */
  month: string;
  /** 0, 1, …: picks fresh days where a scenario needs days outside the month. */
  round: number;
}

export interface RaceOutcome {
  rule: string;
  answers: Answer[];
  /** How many grants the rule allows in this race. */
  limit: number;
  granted: Answer[];
  /** Refused, citing the rule. */
  refused: Answer[];
  /** Neither: a 5xx, or a refusal that does not cite the rule. */
  wrong: Answer[];
  /** Grants found in storage afterwards (rows that hold the quota). */
  stored: number;
  /** Granted answers whose effect storage does not hold. */
  lost: number;
  /** Grants in storage past the limit. */
  duplicated: number;
}

export function held(o: RaceOutcome): boolean {
  return o.wrong.length === 0 && o.lost === 0 && o.duplicated === 0 && o.granted.length === o.limit && o.stored === o.limit;
}

/**
 * One API call on a connection of its own, to server `via` (mod the servers: races alternate). The test app's fetch keeps connections alive; with PGlite working
 * in the same process the event loop stalls for seconds, and the server may close an idle socket just as the
 * next request goes out on it (ECONNRESET): a failure of the harness, not of the product, so not here.
 */
export function call(s: RaceSetup, method: string, path: string, token: string, body?: unknown, via = 0): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const url = new URL(s.urls[via % s.urls.length] + path);
  const app = s.app;
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method, agent: false,
      headers: { authorization: `Bearer ${app.tokens[token] ?? token}`, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const type = res.headers['content-type'] ?? '';
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, type, body: type.includes('json') && text ? JSON.parse(text) : text });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * Fires every call at once (each its own HTTP request; on Postgres each gets its own pooled connection); call
 * i goes to server i (mod the servers), so on Postgres half of them go through the twin.
 */
export async function fireAll(calls: Array<(via: number) => Promise<Answer>>): Promise<Answer[]> {
  return Promise.all(calls.map((c, i) => c(i)));
}

export function problemCiting(a: Answer, rule: string): boolean {
  return a.status >= 400 && a.status < 500 && a.type.includes('application/problem+json') && a.body?.rule === rule;
}

/** Sorts answers into granted, refused and wrong, and counts what storage lost or holds past the limit. */
export function outcome(
  rule: string,
  answers: Answer[],
  limit: number,
  is: { granted(a: Answer): boolean; refused(a: Answer): boolean },
  stored: { count: number; missing: number },
): RaceOutcome {
  const granted = answers.filter((a) => is.granted(a));
  const refused = answers.filter((a) => !is.granted(a) && is.refused(a));
  const wrong = answers.filter((a) => !is.granted(a) && !is.refused(a));
  return { rule, answers, limit, granted, refused, wrong, stored: stored.count, lost: stored.missing, duplicated: Math.max(0, stored.count - limit) };
}

/** The published roster version of a month. */
export async function publishedId(db: Db, centerId: string, month: string): Promise<number> {
  const meta = await publishedRoster(db, centerId, month);
  if (!meta) throw new Error(`no published roster for ${month}`);
  return meta.id;
}

/** A short account of the answers, for failure messages and the bench note: "201×2, 409×28". */
export function statusCounts(answers: readonly Answer[]): string {
  const n = new Map<number, number>();
  for (const a of answers) n.set(a.status, (n.get(a.status) ?? 0) + 1);
  return [...n].sort((a, b) => a[0] - b[0]).map(([s, k]) => `${s}×${k}`).join(', ');
}

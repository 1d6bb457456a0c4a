/**
 * Fault scenario "quotas under parallel requests": the races of test/reliability/quotas-*.test.ts, several
 * rounds each, on a real Postgres when DATABASE_URL or TEST_DATABASE_URL is set (a throw-away database on that
 * server, dropped afterwards; every other request through a second API server with a pool of its own, as a
 * second process, test/reliability/quota-twin.ts), else on embedded PGlite, which runs one statement at a time, so there the
 * requests cannot overlap and the row only shows the rules. One row per quota: tries = parallel requests ×
 * rounds; a try survived when its round held (exactly the allowed grants, each stored, every other request
 * refused citing the rule, no 5xx); lost = granted requests that storage does not hold; duplicated = grants in
 * storage past the quota. Each round has a month of its own (FAULT_QUOTA_ROUNDS, default 3).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb } from '../../src/db/open-db.ts';
import { addDays } from '../../src/time/local-day.ts';
import { pgliteTarget, type StorageTarget } from '../../test/helpers/databases.ts';
import { startTestApp } from '../../test/helpers/test-app.ts';
import { tokenBook } from '../../test/requests/fixture.ts';
import { publishMonth, quotaCenter } from '../../test/reliability/quota-fixture.ts';
import { CALLOUT_ANSWERS, openCallout, raceCallout } from '../../test/reliability/quota-race-callout.ts';
import { held, statusCounts, type Answer, type RaceOutcome, type RaceSetup } from '../../test/reliability/quota-race.ts';
import { planRestDayMoves, planSwaps, raceRestDays, raceSwaps } from '../../test/reliability/quota-races-changes.ts';
import { startTwin } from '../../test/reliability/quota-twin.ts';
import { L8_ASKING, planAttendance, raceAttendance, raceLongLeave, raceSupervisorDay } from '../../test/reliability/quota-races-leave.ts';
import type { FaultRow, FaultScenario } from './scenario.ts';

const ROUNDS = Number(process.env.FAULT_QUOTA_ROUNDS ?? 3);
const NEEDED = 5;

interface Race {
  scenario: string;
  rule: string;
  parallel: number;
  run(s: RaceSetup): Promise<RaceOutcome>;
}

const RACES: Race[] = [
  { scenario: 'R6 peer swaps of one agent, 30 parallel', rule: 'R6', parallel: 30, run: async (s) => raceSwaps(s, await planSwaps(s)) },
  { scenario: 'R5 rest-day moves of one agent, 30 parallel', rule: 'R5', parallel: 30, run: async (s) => raceRestDays(s, await planRestDayMoves(s)) },
  { scenario: `O1 callout needing ${NEEDED}, ${CALLOUT_ANSWERS} accept (2 approvals of the month alongside)`, rule: 'O1', parallel: CALLOUT_ANSWERS, run: async (s) => raceCallout(s, await openCallout(s, NEEDED), NEEDED) },
  { scenario: 'L7 one on leave per supervisor-day, 30 parallel', rule: 'L7', parallel: 30, run: raceSupervisorDay },
  { scenario: `L8 long-leave lock, ${L8_ASKING.length} parallel`, rule: 'L8', parallel: L8_ASKING.length, run: raceLongLeave },
  { scenario: 'L9 95% attendance floor, 12 parallel', rule: 'L9', parallel: 12, run: async (s) => raceAttendance(s, await planAttendance(s)) },
];

/** A month of 31 days per round from 2026-12 (the swap race asks for 30 different days). */
function roundMonths(n: number): string[] {
  const out: string[] = [];
  for (let d = '2026-12-01'; out.length < n; d = addDays(d, 28)) {
    const month = d.slice(0, 7);
    if (!out.includes(month) && new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate() === 31) out.push(month);
  }
  return out;
}

/** Postgres when a server is named (a database of the bench's own on it), else PGlite. */
function storage(): { target: StorageTarget; server?: string; where: string } {
  const server = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!server) return { target: pgliteTarget, where: 'PGlite (no DATABASE_URL/TEST_DATABASE_URL: requests do not overlap)' };
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    server,
    where: 'Postgres, 2 API servers with a pool each',
    target: {
      name: 'postgres',
      async open() {
        const name = `shiftcast_quotas_${randomBytes(4).toString('hex')}`;
        await admin(`CREATE DATABASE ${name}`);
        const url = new URL(server);
        url.pathname = `/${name}`;
        const db = await openDb({ url: url.toString() });
        return { db, url: url.toString(), drop: async () => { await db.close(); await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } };
      },
    },
  };
}

const brief = (a: Answer) => `${a.status} ${a.body?.rule ?? ''} ${String(a.body?.detail ?? a.body?.status ?? '').slice(0, 80)}`.trim();

export const run: FaultScenario = async () => {
  const { target, server, where } = storage();
  const app = await startTestApp({ target, center: quotaCenter() });
  const twin = await startTwin(app, server);
  const urls = [app.url, ...(twin ? [twin.url] : [])];
  const as = tokenBook(app.db, app.center);
  const tally = RACES.map(() => ({ held: 0, lost: 0, duplicated: 0, granted: 0, refused: 0, statuses: [] as Answer[], problems: [] as string[] }));
  try {
    for (const [round, month] of roundMonths(ROUNDS).entries()) {
      const s: RaceSetup = { app, urls, as, month, round };
      await publishMonth(app.db, app.center, month);
      for (const [i, race] of RACES.entries()) {
        const t = tally[i];
        try {
          const o = await race.run(s);
          if (held(o)) t.held++;
          t.lost += o.lost;
          t.duplicated += o.duplicated;
          t.granted += o.granted.length;
          t.refused += o.refused.length;
          t.statuses.push(...o.answers);
          if (!held(o)) t.problems.push(`${month}: ${o.granted.length} granted of ${o.limit}, ${o.stored} stored, ${o.lost} lost${o.wrong.length ? `, ${brief(o.wrong[0])}` : ''}`);
        } catch (e) {
          t.problems.push(`${month}: ${(e as Error).message.slice(0, 120)}`);
        }
      }
    }
  } finally {
    await twin?.close();
    await app.close();
  }
  return RACES.map((race, i): FaultRow => ({
    scenario: race.scenario,
    tries: race.parallel * ROUNDS,
    survived: race.parallel * tally[i].held,
    lost: tally[i].lost,
    duplicated: tally[i].duplicated,
    note: `${where}; ${tally[i].held}/${ROUNDS} rounds held; ${tally[i].granted} granted, ${tally[i].refused} refused citing ${race.rule}; statuses ${statusCounts(tally[i].statuses)}${tally[i].problems.length ? `; ${tally[i].problems.slice(0, 2).join(' | ')}` : ''}`,
  }));
};

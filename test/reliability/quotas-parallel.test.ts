/**
 * Quotas hold under parallel requests (R6 swaps, R5 rest-day moves, O1 callout acceptances), on PGlite and,
 * with TEST_DATABASE_URL, on a real Postgres where every other request goes through a second API server with
 * a pool of its own (quota-twin.ts), so the requests really overlap and meet in the database's locks. Each
 * race is fired through the HTTP API at once; afterwards storage is read back: no more grants than the quota,
 * each granted request stored, every other one refused 409 problem+json citing the rule, and no 5xx. The
 * races themselves are in quota-races-*.ts and quota-race-callout.ts (the fault bench runs the same ones).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageTargets } from '../helpers/databases.ts';
import { startTestApp } from '../helpers/test-app.ts';
import { tokenBook } from '../requests/fixture.ts';
import { publishMonth, quotaCenter } from './quota-fixture.ts';
import { startTwin, type Twin } from './quota-twin.ts';
import { CALLOUT_ANSWERS, openCallout, raceCallout } from './quota-race-callout.ts';
import { call, statusCounts, type RaceOutcome, type RaceSetup } from './quota-race.ts';
import { planRestDayMoves, planSwaps, raceRestDays, raceSwaps, REST_DAY_AGENT, SWAP_HUB } from './quota-races-changes.ts';

const stored = (o: RaceOutcome) => ({ stored: o.stored, lost: o.lost, duplicated: o.duplicated, wrong: o.wrong.map((a) => `${a.status} ${JSON.stringify(a.body)}`) });

for (const target of storageTargets('quotas-parallel')) {
  describe(`R6, R5 and O1 quotas under parallel requests on ${target.name}`, () => {
    let s: RaceSetup;
    let twin: Twin | null;

    beforeAll(async () => {
      const app = await startTestApp({ target, center: quotaCenter() });
      twin = await startTwin(app, process.env.TEST_DATABASE_URL);
      s = { app, urls: [app.url, ...(twin ? [twin.url] : [])], as: tokenBook(app.db, app.center), month: '2026-12', round: 0 };
      await publishMonth(app.db, app.center, s.month);
    });
    afterAll(async () => {
      await twin?.close();
      await s.app.close();
    });

    it(`R6: 30 parallel peer swaps that all involve ${SWAP_HUB} → exactly 2 filed (then approved once their peers consent), 28 refused citing R6 (the quota of ${SWAP_HUB}, whoever filed)`, async () => {
      const plan = await planSwaps(s);
      expect(plan.filter((p) => p.filer === SWAP_HUB)).toHaveLength(15);
      const o = await raceSwaps(s, plan);
      expect(statusCounts(o.answers)).toBe('201×2, 409×28');
      // Filed, each waits for its peer (R6); raceSwaps has the peers consent, and stored() finds both applied.
      expect(o.granted.map((a) => a.body.status)).toEqual(['pending', 'pending']);
      expect(o.refused).toHaveLength(28);
      // Refusals of swaps filed by the other agent cite the hub's quota too: a peer swap counts for both.
      const byPeer = o.refused.filter((a) => plan[o.answers.indexOf(a)].filer !== SWAP_HUB);
      expect(byPeer.length).toBeGreaterThanOrEqual(13);
      expect(byPeer[0].body).toMatchObject({ rule: 'R6', agent: SWAP_HUB, kind: 'swap-peer', used: 2, quota: 2 });
      expect(stored(o)).toEqual({ stored: 2, lost: 0, duplicated: 0, wrong: [] });
    });

    it(`R5: 30 parallel rest-day moves of ${REST_DAY_AGENT} → exactly 2 hold a slot (waiting for the supervisor), 28 refused citing R5`, async () => {
      const o = await raceRestDays(s, await planRestDayMoves(s));
      expect(statusCounts(o.answers)).toBe('201×2, 409×28');
      expect(o.granted.map((a) => [a.body.status, a.body.rule])).toEqual([['pending', 'R3'], ['pending', 'R3']]);
      expect(o.refused[0].body).toMatchObject({ rule: 'R5', agent: REST_DAY_AGENT, kind: 'rest-day', used: 2, quota: 2 });
      expect(o.refused[0].body.requests.sort()).toEqual(o.granted.map((a) => a.body.id).sort());
      expect(stored(o)).toEqual({ stored: 2, lost: 0, duplicated: 0, wrong: [] });
    });

    it(`O1: ${CALLOUT_ANSWERS} agents accept a callout needing 5 while two moves of the month are approved → exactly 5 overtime shifts, in the roster published afterwards`, async () => {
      const callout = await openCallout(s, 5);
      const o = await raceCallout(s, callout, 5);
      expect(o.approvals.map((a) => [a.status, a.body.status])).toEqual([[200, 'approved'], [200, 'approved']]);
      expect(statusCounts(o.answers)).toBe(`200×5, 409×${CALLOUT_ANSWERS - 5}`);
      expect(o.refused).toHaveLength(CALLOUT_ANSWERS - 5);
      expect(o.refused[0].body.detail).toMatch(/already filled \(5 accepted\)/);
      // lost: an accepted overtime that the published roster does not hold.
      expect(stored(o)).toEqual({ stored: 5, lost: 0, duplicated: 0, wrong: [] });
      const after = await call(s, 'GET', `/api/callouts/${callout.id}`, 'manager');
      expect(after.body.status).toBe('filled');
    });
  });
}

/**
 * Leave limits hold under parallel approvals (L7 one person on leave per duty supervisor per day, L8 the
 * long-leave lock, L9 the 95% attendance floor), on PGlite and, with TEST_DATABASE_URL, on a real Postgres
 * through two API servers with a pool each (quota-twin.ts), where the approvals really overlap. Approvals are fired through the HTTP API at once; afterwards storage is
 * read back. A leave the caller may not grant is escalated (200, status "escalated", the rule, the next
 * approver) rather than refused with an error, so here every approval answers 200 and the ones past the
 * limit are escalations citing the rule; none is a 5xx. The races are in quota-races-leave.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageTargets } from '../helpers/databases.ts';
import { startTestApp } from '../helpers/test-app.ts';
import { tokenBook } from '../requests/fixture.ts';
import { publishMonth, quotaCenter } from './quota-fixture.ts';
import { startTwin, type Twin } from './quota-twin.ts';
import { statusCounts, type RaceOutcome, type RaceSetup } from './quota-race.ts';
import { L8_ASKING, L8_SEEDED, planAttendance, raceAttendance, raceLongLeave, raceSupervisorDay } from './quota-races-leave.ts';

const stored = (o: RaceOutcome) => ({ stored: o.stored, lost: o.lost, duplicated: o.duplicated, wrong: o.wrong.map((a) => `${a.status} ${JSON.stringify(a.body)}`) });

for (const target of storageTargets('quotas-leave-parallel')) {
  describe(`leave limits under parallel approvals on ${target.name}`, () => {
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

    it('L7: 30 parallel approvals of the same day under supervisor s1 → exactly 1 granted, 29 escalated to the manager', async () => {
      const o = await raceSupervisorDay(s);
      expect(statusCounts(o.answers)).toBe('200×30');
      expect(o.granted).toHaveLength(1);
      expect(o.refused).toHaveLength(29);
      const winner = o.granted[0].body;
      // Each escalation names the one person already off that day: the winner.
      for (const a of o.refused) expect(a.body.decisions.at(-1).numbers.full[0].onLeave).toEqual([{ agent: winner.agent, request: winner.id }]);
      expect(stored(o)).toEqual({ stored: 1, lost: 0, duplicated: 0, wrong: [] });
    });

    it(`L8: ${L8_SEEDED.length} on long leave, the manager approves ${L8_ASKING.length} more at once → granted while at most 11 others are off, the rest go to the director`, async () => {
      const o = await raceLongLeave(s);
      // The manager may grant while no more than 11 others are on long leave: the 12th is granted, the 13th is not.
      expect(o.limit).toBe(12 - L8_SEEDED.length);
      expect(statusCounts(o.answers)).toBe(`200×${L8_ASKING.length}`);
      expect(o.granted).toHaveLength(o.limit);
      expect(o.refused).toHaveLength(L8_ASKING.length - o.limit);
      for (const a of o.refused) expect(a.body.decisions.at(-1).numbers).toMatchObject({ lock: 11, onLongLeave: 12 });
      expect(stored(o)).toEqual({ stored: o.limit, lost: 0, duplicated: 0, wrong: [] });
    });

    it('L9: 12 parallel one-day leaves of team td, each alone above 95% → exactly as many granted as the floor allows, the rest escalated', async () => {
      const plan = await planAttendance(s);
      expect(plan.allowed).toBeGreaterThanOrEqual(4);
      expect(plan.allowed).toBeLessThan(plan.asks.length);
      const o = await raceAttendance(s, plan);
      expect(statusCounts(o.answers)).toBe('200×12');
      expect(o.granted).toHaveLength(plan.allowed);
      expect(o.refused).toHaveLength(12 - plan.allowed);
      const numbers = o.refused[0].body.decisions.at(-1).numbers.months[0];
      expect(numbers).toMatchObject({ team: 'td', before: { worked: plan.rostered - plan.allowed, leave: plan.allowed }, after: { worked: plan.rostered - plan.allowed - 1, leave: plan.allowed + 1 } });
      expect(stored(o)).toEqual({ stored: plan.allowed, lost: 0, duplicated: 0, wrong: [] });
    });
  });
}

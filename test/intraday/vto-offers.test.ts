/**
 * VTO offers end to end through the API (issue 26), on the hand-built month of fixtures/vto-plan.ts: an offer
 * for D1's surplus hour lists both agents on shift, ranked; what the reforecast does not allow is refused naming
 * the field and rule; someone off shift cannot accept; a decline changes no roster version and no attendance
 * record; an acceptance makes a new published version with the shift shortened and turns a sign-out an hour
 * early (a day of absence, A2) into approved time off; a second answer is a conflict; a whole shift off counts
 * as approved absence for L9. Runs on PGlite and, with TEST_DATABASE_URL, on Postgres.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceDays } from '../../src/attendance/attendance-service.ts';
import { recordAttendance } from '../../src/attendance/record.ts';
import { listFacts } from '../../src/db/repos/roster-facts.ts';
import { getAssignments, publishedRoster } from '../../src/db/repos/rosters.ts';
import { calloutRules } from '../../src/intraday/callouts/callout-rules.ts';
import { intradayView } from '../../src/intraday/intraday-view.ts';
import { answerVto } from '../../src/intraday/vto/vto-answer.ts';
import { VTO_RULE_IDS } from '../../src/intraday/vto/vto-rank.ts';
import { getVtoOffer } from '../../src/intraday/vto/vto-service.ts';
import { storageTargets } from '../helpers/databases.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { at, D1, D2, D4, D5, MONTH, seedVtoPlan, vtoCenter } from './fixtures/vto-plan.ts';

for (const target of storageTargets('vto offers')) {
  describe(`voluntary time off on ${target.name}`, () => {
    let app: TestApp;
    let offer: any;
    const offerBody = (date: string, from: string, to: string, count: number) => ({ queue: 'csr', from: at(date, from), to: at(date, to), count });
    const versions = async () => (await app.db.query<{ id: number; version: number; status: string; parent_id: number | null }>(
      'SELECT id, version, status, parent_id FROM rosters WHERE center_id = $1 AND month = $2 ORDER BY version', [app.center.id, MONTH])).rows
      .map((r) => ({ id: Number(r.id), version: r.version, status: r.status, parent: r.parent_id === null ? null : Number(r.parent_id) }));
    const d1Shifts = async () => {
      const meta = (await publishedRoster(app.db, app.center.id, MONTH))!;
      return (await getAssignments(app.db, meta.id, app.center.timezone, { from: D1, to: D1 })).map((a) => `${a.agent} ${a.start.slice(11, 16)}–${a.end.slice(11, 16)}`).sort();
    };
    const attendance = () => attendanceDays(app.db, app.center, { from: D1, to: D1, asOf: at(D1, '23:00') });
    const answer = (agent: string, accept: boolean, token = 'supervisor') => app.call('POST', `/api/vto-offers/${offer.id}/agents/${agent}/answer`, token, { accept });

    beforeAll(async () => {
      app = await startTestApp({ target, center: vtoCenter() });
      await seedVtoPlan(app.db, app.center);
      // a01 signs out at 16:00 on D1, an hour before the published end.
      await recordAttendance(app.db, app.center, [
        { agent: 'a01', kind: 'sign-in', at: at(D1, '07:58') }, { agent: 'a01', kind: 'sign-out', at: at(D1, '16:00') },
      ], null);
    });
    afterAll(() => app.close());

    it('offers D1 16:00–17:00 to 1 agent: both agents on shift, ranked by calls per hour (a02 tier C 13 before a01 tier A 17)', async () => {
      const res = await app.call('POST', '/api/centers/unit/vto-offers', 'supervisor', offerBody(D1, '16:00', '17:00', 1));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      offer = res.body;
      expect(offer).toMatchObject({ status: 'open', queue: 'csr', count: 1, surplus: { min: 1, at: at(D1, '16:00') }, excluded: [] });
      expect(offer.candidates.map((c: any) => [c.rank, c.agent, c.mode, c.start, c.end, c.hours, c.worked, c.callsPerHour])).toEqual([
        [1, 'a02', 'start-late', at(D1, '16:00'), at(D1, '17:00'), 1, { start: at(D1, '17:00'), end: at(D1, '20:00') }, 13],
        [2, 'a01', 'leave-early', at(D1, '16:00'), at(D1, '17:00'), 1, { start: at(D1, '08:00'), end: at(D1, '16:00') }, 17],
      ]);
      // The first wave: 2 × count candidates are told.
      expect(offer.candidates.every((c: any) => typeof c.notifiedAt === 'string')).toBe(true);
      const listed = await app.call('GET', `/api/centers/unit/vto-offers?date=${D1}`, 'lead');
      expect(listed.body.offers.map((o: any) => o.id)).toEqual([offer.id]);
    });

    it('refuses what the reforecast or the window does not allow, naming the field and rule', async () => {
      const post = (body: object) => app.call('POST', '/api/centers/unit/vto-offers', 'supervisor', body);
      const two = await post(offerBody(D1, '16:00', '17:00', 2));
      expect(two.status).toBe(422);
      expect(two.body.errors[0]).toMatchObject({ where: 'body.count', rule: 'R3' });
      expect(two.body.detail).toContain('at most 1 may take time off');
      const short = await post(offerBody(D1, '16:00', '16:30', 1));
      expect([short.status, short.body.errors[0].where]).toEqual([422, 'body.to']);
      // 15:00–16:00 has a01 alone against 1 required; D2's overlap is 59 minutes (0.97 over at 16:00).
      for (const body of [offerBody(D1, '15:00', '16:00', 1), offerBody(D2, '16:00', '17:00', 1)]) {
        const r = await post(body);
        expect([r.status, r.body.errors[0].where, r.body.errors[0].rule]).toEqual([422, 'body.count', 'R3']);
      }
      const queue = await post({ ...offerBody(D1, '16:00', '17:00', 1), queue: 'nope' });
      expect([queue.status, queue.body.errors[0].where]).toEqual([400, 'body.queue']);
      const agent = await app.call('POST', '/api/centers/unit/vto-offers', 'agent', offerBody(D1, '16:00', '17:00', 1));
      expect(agent.status).toBe(403);
    });

    it('an agent not on shift in the window cannot accept', async () => {
      const res = await answer('a03', true);
      expect(res.status).toBe(409);
      expect(res.body.detail).toMatch(/a03 is not on VTO offer \d+'s list: not on shift on csr/);
    });

    it('a decline changes no roster version, no shift and no attendance record', async () => {
      const before = { versions: await versions(), shifts: await d1Shifts(), attendance: await attendance() };
      expect(before.versions).toEqual([{ id: expect.any(Number), version: 1, status: 'published', parent: null }]);
      const res = await answer('a02', false, 'teammate');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ agent: 'a02', accept: false, roster: null, off: null });
      expect(res.body.offer.responses).toEqual([expect.objectContaining({ agent: 'a02', accept: false, start: null })]);
      expect({ versions: await versions(), shifts: await d1Shifts(), attendance: await attendance() }).toEqual(before);
    });

    it('an acceptance publishes a new version with a01 home at 16:00, and attendance counts the hour as approved', async () => {
      const was = (await attendance()).find((d) => d.agent === 'a01')!;
      // Before: signed out 60 min before 17:00, ≥ 30 → a day of absence (A2).
      expect(was).toMatchObject({ status: 'absent', absenceDays: 1, earlyMinutes: 60, shiftEnd: at(D1, '17:00') });
      const [v1] = await versions();
      const res = await answer('a01', true, 'agent');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ agent: 'a01', accept: true, off: { start: at(D1, '16:00'), end: at(D1, '17:00') }, roster: { version: 2, parent: v1.id } });
      expect(res.body.offer.status).toBe('filled');
      expect(await versions()).toEqual([{ ...v1, status: 'superseded' }, { id: res.body.roster.id, version: 2, status: 'published', parent: v1.id }]);
      expect(await d1Shifts()).toEqual(['a01 08:00–16:00', 'a02 16:00–20:00']);
      expect((await listFacts(app.db, res.body.roster.id)).map((f) => [f.agent, f.date, f.kind, f.ref])).toEqual([['a01', D1, 'vto', { vto: offer.id }]]);
      // The shortened shift keeps the span its template gave it, so H4 and R4 hold for a01 in the new version.
      const stored = await app.db.query<{ violations: Array<{ agent?: string; rule: string }> }>('SELECT violations FROM rosters WHERE id = $1', [res.body.roster.id]);
      expect(stored.rows[0].violations.filter((v) => v.agent === 'a01' && ['H4', 'R4'].includes(v.rule))).toEqual([]);
      const now = (await attendance()).find((d) => d.agent === 'a01')!;
      expect(now).toMatchObject({ status: 'present', absenceDays: 0, earlyMinutes: 0, shiftEnd: at(D1, '16:00'), vto: { start: at(D1, '16:00'), end: at(D1, '17:00'), minutes: 60, offer: offer.id } });
      // The hour now has exactly its requirement: no surplus left to offer.
      const view = (await intradayView(app.db, app.center, { date: D1, queues: ['csr'], asOf: at(D1, '06:00') })).queues[0];
      expect(view.intervals.find((r) => r.interval_start === at(D1, '16:00'))).toMatchObject({ scheduled: 1, reforecastRequired: 1 });
      expect(view.surplus).toEqual([]);
    });

    it('a second accept is a conflict and changes nothing', async () => {
      const before = await versions();
      const again = await answer('a01', true);
      expect(again.status).toBe(409);
      expect(again.body.detail).toContain('a01 already accepted');
      expect(await versions()).toEqual(before);
    });

    it('a whole shift off counts as approved absence for L9, and a contract minimum (C3) holds', async () => {
      const res = await app.call('POST', '/api/centers/unit/vto-offers', 'supervisor', offerBody(D4, '10:00', '14:00', 2));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.candidates).toEqual([]);
      expect(res.body.excluded.map((x: any) => [x.agent, x.rules])).toEqual([['a01', ['offer']], ['a05', ['L9']], ['a06', ['C3']]]);
      // csr-1 works 11 agent-days this month; a05's day off would leave 10 of 11 attended = 90.9 % < 95 %.
      expect(res.body.excluded[1].reasons[0]).toContain('10 of 11 agent-days attended = 90.9%');
      offer = res.body;
    });

    it('two acceptances at once of an offer for 1 agent: one takes it, the other is told it is filled; one new version', async () => {
      const made = await app.call('POST', '/api/centers/unit/vto-offers', 'supervisor', offerBody(D5, '16:00', '17:00', 1));
      expect(made.body.candidates.map((c: any) => c.agent)).toEqual(['a02', 'a01']);
      const before = (await versions()).length;
      const both = await Promise.all(['a01', 'a02'].map((a) => app.call('POST', `/api/vto-offers/${made.body.id}/agents/${a}/answer`, 'supervisor', { accept: true })));
      expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(both.find((r) => r.status === 409)!.body.detail).toContain('already filled');
      expect((await versions()).length).toBe(before + 1);
    });

    it('an offer expires at its window\'s start, and a closed one takes no answer', async () => {
      const start = new Date(at(D4, '10:00'));
      expect((await getVtoOffer(app.db, app.center, offer.id, start))!.status).toBe('expired');
      await expect(answerVto(app.db, app.center, offer.id, { agent: 'a01', accept: false }, await calloutRules(VTO_RULE_IDS), null, start)).rejects.toThrow(/expired/);
      const closed = await app.call('POST', `/api/vto-offers/${offer.id}/close`, 'supervisor');
      expect([closed.status, closed.body.status]).toEqual([200, 'closed']);
      expect((await answer('a01', false)).status).toBe(409);
    });
  });
}

/**
 * Replans keep what happened (issue: replans that keep what happened). On the hand-built December center of the
 * request tests, with the clock set (Date only) to 2026-12-07 09:00 in Asia/Shanghai:
 * - a replan starts today or later, inside the month: from yesterday, outside the month or without a published
 *   version it is refused with 422 naming replanFrom, and no job is queued;
 * - overtime accepted one minute before a replan from today is in the draft exactly as accepted (its person's
 *   day kept), days before today are unchanged, and after publishing the O3 report and the callout point at
 *   the new version's overtime;
 * - a draft solved before an overtime was accepted cannot be published without confirming the drop (409 with
 *   the list); confirmed, it publishes and the callout records the drop;
 * - an approved swap on a day still to be solved pins both people's days in the next replan.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DateTime } from 'luxon';
import { buildRosterProblem } from '../../src/services/roster-problem.ts';
import { getAssignments, getRoster, updateRosterEvaluation } from '../../src/db/repos/rosters.ts';
import { defaultRulebook } from '../../src/requests/default-rulebook.ts';
import { buildRuleContext } from '../../solver/rules/rule.ts';
import { monthDates } from '../../src/time/local-day.ts';
import { storageTargets } from '../helpers/databases.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { MONTH, publishDecember, testCenter, tokenBook } from '../requests/fixture.ts';

const ZONE = 'Asia/Shanghai';
const at = (iso: string) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
};
const local = (date: string, hour: number) => DateTime.fromISO(date, { zone: ZONE }).set({ hour }).toISO({ suppressMilliseconds: true })!;

for (const target of storageTargets('replan')) {
  describe(`replans on ${target.name}`, () => {
    let app: TestApp;
    let as: (agent: string) => Promise<string>;

    /** One requirement per open hour (08:00–22:00) of December, through the public CSV upload. */
    function requirementsCsv(): string {
      const rows = monthDates(MONTH).flatMap((d) => Array.from({ length: 14 }, (_, k) => `csr,${local(d, 8 + k)},1`));
      return ['queue,interval_start,required', ...rows].join('\n');
    }

    async function solve(body: Record<string, unknown>): Promise<{ status: number; body: any; rosterId?: number }> {
      const r = await app.call('POST', '/api/centers/rq/rosters', 'deputy', { month: MONTH, timeLimitSeconds: 600, moves: 20_000, seed: 1, ...body });
      if (r.status !== 202) return r;
      const done = await app.jobs.waitFor(r.body.jobId);
      expect(done.error).toBeNull();
      return { ...r, rosterId: (done.result as { rosterId: number }).rosterId };
    }

    /** An overtime callout for csr on `date` from..to, accepted by its first candidate; the accepted assignment. */
    async function acceptOvertime(date: string, from: number, to: number) {
      const made = await app.call('POST', '/api/centers/rq/callouts', await as('s1'), { queue: 'csr', from: local(date, from), to: local(date, to), needed: 1 });
      expect(made.status).toBe(201);
      const agent = made.body.candidates[0].agent;
      const res = await app.call('POST', `/api/callouts/${made.body.id}/responses`, 'manager', { agent, accept: true });
      expect(res.status).toBe(200);
      return { callout: made.body.id as number, agent: agent as string, assignment: res.body.assignment };
    }

    const publishedId = async () => (await app.db.query<{ id: number }>(`SELECT id FROM rosters WHERE center_id = 'rq' AND month = $1 AND status = 'published'`, [MONTH])).rows[0].id;
    const day = async (rosterId: number, agent: string, date: string) =>
      (await getAssignments(app.db, rosterId, ZONE, { agents: [agent], from: date, to: date })).map(({ id: _id, ...a }) => a);

    /** The request tests' center with two more duty supervisors, so that R11 cover fits the contracts (C2). */
    function center() {
      const c = testCenter();
      const s1 = c.agents.find((a) => a.id === 's1')!;
      c.agents.push({ ...s1, id: 's3', name: 's3' }, { ...s1, id: 's4', name: 's4' });
      return c;
    }

    beforeAll(async () => {
      app = await startTestApp({ target, center: center() });
      as = tokenBook(app.db, app.center);
      const base = await publishDecember(app.db, app.center);
      // The hand-built roster rosters no supervisor: its R11 violations are stored as a solved version's would be,
      // so the days that have happened are judged as they were published.
      const roster = (await getRoster(app.db, base.id, ZONE))!.roster;
      const ctx = buildRuleContext(app.center, MONTH, monthDates(MONTH), { requirements: [] });
      await updateRosterEvaluation(app.db, base.id, defaultRulebook.evaluate(roster, ctx));
      const up = await app.call('POST', '/api/centers/rq/requirements', 'deputy', requirementsCsv());
      expect(up.status).toBeLessThan(300);
    });
    afterEach(() => vi.useRealTimers());
    afterAll(() => app.close());

    describe('where a replan may start', () => {
      it('refuses yesterday, another month and a month without a published version (422 naming replanFrom), queuing nothing', async () => {
        at('2026-12-07T09:00:00+08:00');
        const jobs = async () => (await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE kind = 'roster.solve'`)).rows[0].n;
        const before = await jobs();
        const yesterday = await app.call('POST', '/api/centers/rq/rosters', 'deputy', { month: MONTH, replanFrom: '2026-12-06' });
        expect(yesterday.status).toBe(422);
        expect(yesterday.body.errors[0].where).toBe('replanFrom');
        expect(yesterday.body.detail).toMatch(/before today \(2026-12-07/);
        const outside = await app.call('POST', '/api/centers/rq/rosters', 'deputy', { month: MONTH, replanFrom: '2027-03-05' });
        expect(outside.status).toBe(422);
        expect(outside.body.detail).toMatch(/outside 2026-12/);
        const unpublished = await app.call('POST', '/api/centers/rq/rosters', 'deputy', { month: '2027-01', replanFrom: '2027-01-05' });
        expect(unpublished.status).toBe(422);
        expect(unpublished.body.errors[0].where).toBe('replanFrom');
        expect(await jobs()).toBe(before);
      });

      it('near miss: from today is a replan (days before it pinned); the default is tomorrow', async () => {
        at('2026-12-07T23:59:00+08:00');
        const today = await buildRosterProblem(app.db, app.center, MONTH, { replanFrom: '2026-12-07' });
        expect(today.replan?.from).toBe('2026-12-07');
        expect(today.problem.pinnedDates).toEqual(monthDates(MONTH).slice(0, 6));
        const byDefault = await buildRosterProblem(app.db, app.center, MONTH);
        expect(byDefault.replan?.from).toBe('2026-12-08');
        at('2027-01-01T00:00:00+08:00');
        await expect(buildRosterProblem(app.db, app.center, MONTH)).rejects.toThrow(/nothing left to replan/);
      });
    });

    describe('a replan keeps accepted overtime', () => {
      it('overtime accepted one minute before a replan from today stays, as do the days before today; published, O3 and the callout follow', async () => {
        at('2026-12-07T09:00:00+08:00');
        const base = await publishedId();
        const ot = await acceptOvertime('2026-12-07', 16, 18);
        const regular = (await day(base, ot.agent, '2026-12-07')).filter((a) => a.kind !== 'overtime');
        at('2026-12-07T09:01:00+08:00');
        const draft = await solve({ replanFrom: '2026-12-07' });
        expect(draft.status).toBe(202);
        const mine = await day(draft.rosterId!, ot.agent, '2026-12-07');
        expect(mine.filter((a) => a.kind === 'overtime')).toEqual([{ ...ot.assignment, id: undefined }].map(({ id: _id, ...a }) => a));
        expect(mine.filter((a) => a.kind !== 'overtime')).toEqual(regular);
        const history = async (id: number) => (await getAssignments(app.db, id, ZONE, { to: '2026-12-06' })).map(({ id: _id, ...a }) => a);
        expect(await history(draft.rosterId!)).toEqual(await history(base));
        const meta = await app.call('GET', `/api/rosters/${draft.rosterId}`, 'deputy');
        // Hard violations only where the published version has them: the days before today (no supervisor).
        expect(meta.body.violations.filter((v: { level: string; date?: string }) => v.level === 'hard' && !(v.date! < '2026-12-07'))).toEqual([]);

        const preview = await app.call('GET', `/api/rosters/${draft.rosterId}/publish-preview`, 'deputy');
        expect(preview.body.against.id).toBe(base);
        expect(preview.body.drops).toEqual([]);
        const published = await app.call('POST', `/api/rosters/${draft.rosterId}/publish`, 'deputy');
        expect(published.status).toBe(200);
        const report = await app.call('GET', `/api/centers/rq/reports/overtime?month=${MONTH}`, 'manager');
        expect(report.body.entries).toEqual([expect.objectContaining({ agent: ot.agent, date: '2026-12-07', callout: ot.callout, hours: 2 })]);
        const link = await app.db.query<{ roster_id: number }>(
          'SELECT a.roster_id FROM callout_responses r JOIN roster_assignments a ON a.id = r.assignment_id WHERE r.callout_id = $1', [ot.callout],
        );
        expect(link.rows.map((r) => Number(r.roster_id))).toEqual([draft.rosterId]);
      });

      it('a draft solved before an overtime was accepted is refused at publish with the list; confirmed, it publishes and the callout records the drop', async () => {
        at('2026-12-07T10:00:00+08:00');
        const draft = await solve({ replanFrom: '2026-12-08', seed: 2 });
        const ot = await acceptOvertime('2026-12-09', 16, 18);
        const refused = await app.call('POST', `/api/rosters/${draft.rosterId}/publish`, 'deputy');
        expect(refused.status).toBe(409);
        expect(refused.body.drops).toEqual([expect.objectContaining({ kind: 'overtime', agent: ot.agent, date: '2026-12-09', ref: { callout: ot.callout }, confirmable: true })]);
        const id = refused.body.drops[0].id;
        expect(refused.body.confirm).toEqual([id]);
        const stillPublished = await publishedId();
        expect(stillPublished).not.toBe(draft.rosterId);

        const wrong = await app.call('POST', `/api/rosters/${draft.rosterId}/publish`, 'deputy', { confirm: ['fact:0'] });
        expect(wrong.status).toBe(409);
        const confirmed = await app.call('POST', `/api/rosters/${draft.rosterId}/publish`, 'deputy', { confirm: [id] });
        expect(confirmed.status).toBe(200);
        expect(await publishedId()).toBe(draft.rosterId);
        const callout = await app.db.query<{ detail: { dropped?: unknown[] } }>('SELECT detail FROM callouts WHERE id = $1', [ot.callout]);
        expect(callout.rows[0].detail.dropped).toEqual([{ agent: ot.agent, roster: draft.rosterId }]);
      });
    });

    describe('approved leave is never dropped by a publish', () => {
      it('a draft solved before a leave was granted is refused, and confirming cannot override it', async () => {
        at('2026-12-07T12:00:00+08:00');
        const draft = await solve({ replanFrom: '2026-12-08', seed: 3 });
        // A person of team t1 (their lead grants one day, L1) working a day ahead in the draft.
        const working = await getAssignments(app.db, draft.rosterId!, ZONE, { from: '2026-12-15' });
        const { agent, date } = working.find((a) => /^a(0[1-9]|10)$/.test(a.agent))!;
        const filed = await app.call('POST', '/api/requests', await as(agent), { kind: 'leave', type: 'other', from: date, to: date, reason: 'family' });
        const approved = await app.call('POST', `/api/requests/${filed.body.id}/approve`, await as('l1'), {});
        expect(approved.body.status).toBe('approved');
        const refused = await app.call('POST', `/api/rosters/${draft.rosterId}/publish`, 'deputy', { confirm: [`leave:${agent}:${date}`] });
        expect(refused.status).toBe(409);
        expect(refused.body.drops).toEqual([expect.objectContaining({ kind: 'leave', agent, date, confirmable: false })]);
        expect(refused.body.confirm).toEqual([]);
      });
    });

    describe('a replan keeps approved requests', () => {
      it('an approved peer swap on a day still to be solved pins both people\'s days', async () => {
        at('2026-12-07T11:00:00+08:00');
        // A day ahead on which a11 works and a12, of the same team, is off: the swap gives a12 the shift.
        const held = await getAssignments(app.db, await publishedId(), ZONE, { agents: ['a11', 'a12'], from: '2026-12-10' });
        const date = monthDates(MONTH).find((d) => d >= '2026-12-10' && held.some((a) => a.agent === 'a11' && a.date === d) && !held.some((a) => a.agent === 'a12' && a.date === d))!;
        const filed = await app.call('POST', '/api/requests', await as('a11'), { kind: 'swap', mode: 'peer', with: 'a12', date });
        expect(filed.body).toMatchObject({ status: 'pending', nextApprover: { role: 'peer', agent: 'a12' } });
        // R6: a12 consents; nothing else stands in the way, so it is approved at once.
        expect((await app.call('POST', `/api/requests/${filed.body.id}/approve`, await as('a12'))).body).toMatchObject({ status: 'approved' });
        const { problem } = await buildRosterProblem(app.db, app.center, MONTH);
        // Near miss: the other people working that day are solved again, only the two of the swap are kept.
        const pinned = (problem.pinnedAgentDays ?? []).filter((d) => d.date === date).map((d) => d.agent).sort();
        expect(pinned).toEqual(['a11', 'a12']);
        expect(problem.pinned!.filter((a) => a.date === date).map((a) => a.agent)).toEqual(['a12']);
      });
    });
  });
}

/**
 * The rules that forbid granting leave at the caller's level and escalate it (200, status "escalated", the
 * rule and its numbers on the decision): L7 one person on leave per duty supervisor per day, L8 more than 11
 * on long leave locks the manager out, L9 planned attendance of the team's month below 95%.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertLeaveDays, insertRequest } from '../../src/db/repos/requests.ts';
import { dateRange, monthDates } from '../../src/time/local-day.ts';
import { storageTargets } from '../helpers/databases.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { MONTH, publishDecember, testCenter, tokenBook, works } from './fixture.ts';
import { pctAgainst } from '../../src/requests/attendance-floor.ts';

for (const target of storageTargets('requests-limits')) {
  describe(`leave limits on ${target.name}`, () => {
    let app: TestApp;
    let as: (agent: string) => Promise<string>;
    const leave = (from: string, to: string) => ({ kind: 'leave', type: 'sick', from, to, reason: 'flu' });
    const file = async (agent: string, from: string, to = from) => (await app.call('POST', '/api/requests', await as(agent), leave(from, to))).body;
    const approve = async (who: string, id: number) =>
      app.call('POST', `/api/requests/${id}/approve`, ['manager', 'director'].includes(who) ? who : await as(who));

    /** Approved long leave for these agents on these days, written straight to storage (the L8 count's input). */
    async function seedLongLeave(agents: string[], from: string, days: number) {
      await app.db.transaction(async (tx) => {
        for (const agent of agents) {
          const team = app.center.agents.find((a) => a.id === agent)!.team!;
          const id = await insertRequest(tx, { centerId: 'rq', kind: 'leave', agentId: agent, teamId: team, payload: { kind: 'leave' }, dateFrom: from, dateTo: dateRange(from, days).at(-1)!, createdBy: null });
          await tx.query("UPDATE requests SET status = 'approved' WHERE id = $1", [id]);
          await insertLeaveDays(tx, 'rq', dateRange(from, days).map((day) => ({ requestId: id, agentId: agent, day, teamId: team, supervisorId: 'x', type: 'sick', long: true, wasRostered: false })));
        }
      });
    }

    beforeAll(async () => {
      app = await startTestApp({ target, center: testCenter() });
      as = tokenBook(app.db, app.center);
    });
    afterAll(() => app.close());

    describe('L7: one person on leave per duty supervisor per day', () => {
      it('a second leave that day under the same supervisor is escalated to the manager, naming who is already off', async () => {
        const first = await file('a01', '2027-04-01');
        expect((await approve('l1', first.id)).body.status).toBe('approved');
        const second = await file('a11', '2027-04-01');
        const r = await approve('l2', second.id);
        expect(r.status).toBe(200);
        expect(r.body).toMatchObject({ status: 'escalated', rule: 'L7', nextApprover: { role: 'manager' } });
        const decision = r.body.decisions.at(-1);
        expect(decision).toMatchObject({ outcome: 'escalated', rule: 'L7', role: 'lead', agent: 'l2' });
        expect(decision.numbers).toMatchObject({ supervisor: 's1', limit: 1, full: [{ date: '2027-04-01', onLeave: [{ agent: 'a01', request: first.id }] }] });
        expect(decision.message).toMatch(/a01/);
        expect((await approve('l2', second.id)).status).toBe(403);
        const granted = await approve('manager', second.id);
        expect(granted.body).toMatchObject({ status: 'approved' });
      });

      it('the supervisor\'s own approval is held to the same limit', async () => {
        const taken = await file('a02', '2027-04-03');
        await approve('l1', taken.id);
        const two = await file('a12', '2027-04-02', '2027-04-03');
        await approve('l2', two.id);
        const r = await approve('s1', two.id);
        expect(r.body).toMatchObject({ status: 'escalated', rule: 'L7' });
        expect(r.body.decisions.at(-1).numbers.full).toEqual([{ date: '2027-04-03', onLeave: [{ agent: 'a02', request: taken.id }] }]);
      });

      it('near miss: the same day under another supervisor is granted', async () => {
        const other = await file('a21', '2027-04-01');
        expect((await approve('l3', other.id)).body.status).toBe('approved');
      });

      it('near miss: the day after is free again', async () => {
        const next = await file('a13', '2027-04-04');
        expect((await approve('l2', next.id)).body.status).toBe('approved');
      });
    });

    describe('L8: more than 11 people on long leave', () => {
      it('12 on long leave: the manager\'s approval goes to the director, with the count', async () => {
        await seedLongLeave(['a11', 'a12', 'a13', 'a14', 'a15', 'a16', 'a17', 'a18', 'a19', 'a20', 'a22', 'a23'], '2027-05-10', 3);
        const req = await file('a03', '2027-05-10', '2027-05-12');
        await approve('l1', req.id);
        await approve('s1', req.id);
        const r = await approve('manager', req.id);
        expect(r.body).toMatchObject({ status: 'escalated', rule: 'L8', nextApprover: { role: 'director' } });
        expect(r.body.decisions.at(-1).numbers).toMatchObject({ lock: 11, onLongLeave: 12, date: '2027-05-10' });
        expect((await approve('director', req.id)).body.status).toBe('approved');
      });

      it('near miss: 11 on long leave, the manager still grants', async () => {
        await seedLongLeave(['a11', 'a12', 'a13', 'a14', 'a15', 'a16', 'a17', 'a18', 'a19', 'a20', 'a22'], '2027-05-20', 3);
        const req = await file('a04', '2027-05-20', '2027-05-22');
        await approve('l1', req.id);
        await approve('s1', req.id);
        const r = await approve('manager', req.id);
        expect(r.body.status).toBe('approved');
        expect(r.body.decisions.at(-1).numbers.L8).toMatchObject({ lock: 11, onLongLeave: 11 });
      });
    });

    describe('L9: planned attendance of the team\'s month', () => {
      // The rulebook's measure (solver/rules/l9-planned-attendance.ts): attended = days worked in the roster,
      // rostered = worked + approved leave days. Team t3 (l3, a21–a24, f1) works 132 agent-days in December
      // (5-on/2-off, fixture.ts). Leave on worked days keeps the total at 132: 6 such days leave 126/132 =
      // 95.45% ≥ 95%, a 7th gives 125/132 = 94.70%. Leave on a rest day adds a day not attended: 125/133.
      const t3 = ['l3', 'a21', 'a22', 'a23', 'a24', 'f1'];

      beforeAll(async () => {
        await publishDecember(app.db, app.center);
      });

      it('the fixture has the numbers the test relies on', () => {
        expect(t3.reduce((n, a) => n + monthDates(MONTH).filter((d) => works(a, d)).length, 0)).toBe(132);
        for (const [a, days] of [['a21', ['2026-12-01', '2026-12-02', '2026-12-03']], ['a22', ['2026-12-05', '2026-12-06', '2026-12-07']], ['a23', ['2026-12-11']]] as const) {
          expect(days.every((d) => works(a, d))).toBe(true);
        }
      });

      it('near miss: 6 worked days of leave leave the team at 126/132', async () => {
        for (const [agent, from, to] of [['a21', '2026-12-01', '2026-12-03'], ['a22', '2026-12-05', '2026-12-07']]) {
          const req = await file(agent, from, to);
          await approve('l3', req.id);
          await approve('s2', req.id);
          const r = await approve('manager', req.id);
          expect(r.body.status).toBe('approved');
        }
        const last = (await app.call('GET', '/api/requests?team=t3&status=approved', 'manager')).body[0];
        expect(last.decisions.at(-1).numbers.L9.months[0]).toMatchObject({ month: MONTH, team: 't3', before: { worked: 129, leave: 3 }, after: { worked: 126, leave: 6 } });
      });

      it('a 7th day would take it to 125/132 = 94.7%: escalated one level up (L9), where the supervisor grants it below the floor', async () => {
        const req = await file('a23', '2026-12-11');
        const atLead = await approve('l3', req.id);
        expect(atLead.body).toMatchObject({ status: 'escalated', rule: 'L9', nextApprover: { role: 'supervisor', agent: 's2' } });
        const numbers = atLead.body.decisions.at(-1).numbers;
        expect(numbers.floor).toBe(0.95);
        expect(numbers.months[0]).toMatchObject({ team: 't3', before: { worked: 126, leave: 6 }, after: { worked: 125, leave: 7 } });
        expect(numbers.months[0].after.rate).toBeCloseTo(125 / 132, 10);
        expect(atLead.body.decisions.at(-1).message).toMatch(/125 of 132 agent-days attended = 94\.7%/);
        // The supervisor is the level L9 asks for: the chain stops there, and the decision says who and why.
        const done = await approve('s2', req.id);
        expect(done.body.status).toBe('approved');
        expect(done.body.decisions.at(-1).message).toMatch(/^granted by the supervisor; .*L9: team t3 2026-12: 125 of 132 agent-days attended = 94\.7% .*below the 95\.0% floor; the supervisor, the level above, may grant leave below the floor and did/);
        expect(done.body.decisions.at(-1).numbers.L9.months[0]).toMatchObject({ after: { worked: 125, leave: 7 } });
      });

      it('leave on a rest day also counts as not attended: 125/133 is escalated', async () => {
        expect(works('a24', '2026-12-08')).toBe(false);
        const req = await file('a24', '2026-12-08');
        const r = await approve('l3', req.id);
        expect(r.body).toMatchObject({ status: 'escalated', rule: 'L9' });
        expect(r.body.decisions.at(-1).numbers.months[0]).toMatchObject({ before: { worked: 125, leave: 7 }, after: { worked: 125, leave: 8 } });
      });

      it('a month without a roster is not judged', async () => {
        const req = await file('a24', '2027-07-01');
        const r = await approve('l3', req.id);
        expect(r.body.status).toBe('approved');
        expect(r.body.decisions.at(-1).numbers.L9.months).toEqual([{ month: '2027-07', team: 't3', roster: null, before: null, after: null, floor: 0.95 }]);
      });
    });
  });
}

describe('L9 message digits', () => {
  it('shows a rate just under the floor with the digits that tell it apart (94.96% against 95%)', () => {
    expect(pctAgainst(0.94958, 0.95)).toBe('94.96%');
    expect(pctAgainst(125 / 132, 0.95)).toBe('94.7%');
  });
  it('near miss: a rate on the floor reads as the floor', () => {
    expect(pctAgainst(0.95, 0.95)).toBe('95.0%');
  });
});

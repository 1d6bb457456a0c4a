/**
 * Issue 7's end-to-end day: a day of real bank traffic (fixtures/bank-day.ts) replayed into the API with a surge
 * of ×1.6 from 10:00. The reforecast rises, a gap opens against the published roster, the supervisor's callout
 * returns a ranked list in which every candidate is checked here against each rule independently (skill,
 * leave, rest, consecutive days, overtime cap), the planted ineligible people are excluded by the right rule,
 * and accepting updates coverage. Runs on PGlite and, with TEST_DATABASE_URL, on Postgres.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { storageTargets } from '../helpers/databases.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { addDays } from '../../src/time/local-day.ts';
import { bankDay, type BankDay } from './fixtures/bank-day.ts';
import { buildPlan, SPECIAL, type Plan } from './fixtures/plan.ts';

const D = '2026-12-08';
const at = (hhmm: string) => `${D}T${hhmm}:00+08:00`;
const csv = (rows: BankDay['actual5']) => ['queue,interval_start,offered', ...rows.map((r) => `csr,${r.start},${r.offered}`)].join('\n') + '\n';

for (const target of storageTargets('intraday end-to-end')) {
  describe(`intraday day with a surge at 10:00 on ${target.name}`, () => {
    let app: TestApp;
    let day: BankDay;
    let plan: Plan;
    const before10 = () => day.actual5.filter((r) => r.startMs < Date.parse(at('10:00')));
    const from10to11 = () => day.actual5.filter((r) => r.startMs >= Date.parse(at('10:00')) && r.startMs < Date.parse(at('11:00')));
    let ratioAt10 = 0;
    let view11: any;
    let callout: any;

    beforeAll(async () => {
      app = await startTestApp({ target });
      day = await bankDay(D, app.center.timezone, { from: '10:00', factor: 1.6 });
      plan = await buildPlan(app.db, app.center, D, day);
    });
    afterAll(() => app.close());

    it('ingests 5-minute actuals as CSV, idempotently per interval', async () => {
      const first = await app.call('POST', '/api/centers/test/actuals', 'analyst', csv(before10()));
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ rows: 24, inserted: 24, updated: 0, intervalMinutes: 5 });
      const again = await app.call('POST', '/api/centers/test/actuals', 'analyst', csv(before10()));
      expect(again.body).toMatchObject({ rows: 24, inserted: 0, updated: 24 });
      const bad = await app.call('POST', '/api/centers/test/actuals', 'analyst', 'queue,interval_start,offered\ncsr,2026-12-08T10:00,-3\n');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].where).toBe('body:2:offered');
    });

    it('before the surge the reforecast stays near the forecast', async () => {
      const v = await app.call('GET', `/api/centers/test/intraday?date=${D}&queue=csr&asOf=${encodeURIComponent(at('10:00'))}`, 'supervisor');
      expect(v.status).toBe(200);
      expect(v.body.reforecast.method).toMatch(/credibility/);
      ratioAt10 = v.body.reforecast.ratio.applied;
      expect(Math.abs(ratioAt10 - 1)).toBeLessThan(0.1);
      const row = v.body.intervals.find((r: any) => r.interval_start === at('09:30'));
      expect(row).toMatchObject({ status: 'past', actualMinutes: 30 });
      expect(row.actual).toBe(day.actual5.filter((r) => r.start >= at('09:30') && r.start < at('10:00')).reduce((s, r) => s + r.offered, 0));
    });

    it('after the surge the reforecast rises and a gap appears in the rest of the day', async () => {
      // One interval as a single JSON object, the rest as a JSON batch.
      const [one, ...rest] = from10to11();
      const single = await app.call('POST', '/api/centers/test/actuals?interval=5', 'analyst', { queue: 'csr', interval_start: one.start, offered: one.offered });
      expect(single.status).toBe(201);
      const batch = await app.call('POST', '/api/centers/test/actuals', 'analyst', { rows: rest.map((r) => ({ queue: 'csr', interval_start: r.start, offered: r.offered })) });
      expect(batch.body).toMatchObject({ rows: 11, inserted: 11 });

      const v = await app.call('GET', `/api/centers/test/intraday?date=${D}&queue=csr&asOf=${encodeURIComponent(at('11:00'))}`, 'supervisor');
      view11 = v.body;
      expect(view11.reforecast.ratio.applied).toBeGreaterThan(ratioAt10 + 0.1);
      const r11 = view11.intervals.find((r: any) => r.interval_start === at('11:00'));
      expect(r11.status).toBe('remaining');
      expect(r11.reforecast).toBeGreaterThan(r11.forecast * 1.1);
      expect(r11.reforecastRequired).toBeGreaterThan(r11.required);
      const remaining = view11.intervals.filter((r: any) => r.status === 'remaining');
      for (const r of remaining) expect(r.gap).toBeCloseTo(r.reforecastRequired - r.scheduled, 2);
      expect(Math.max(...remaining.map((r: any) => r.gap))).toBeGreaterThanOrEqual(1);
      // Before the surge the roster met the plan at 11:00; now it is short there.
      expect(r11.scheduled).toBeGreaterThanOrEqual(r11.required);
      expect(r11.gap).toBeGreaterThan(0);
      expect(view11.proposals.length).toBeGreaterThan(0);
      expect(view11.proposals[0]).toMatchObject({ queue: 'csr' });
      expect(Date.parse(view11.proposals[0].from)).toBeGreaterThanOrEqual(Date.parse(at('11:00')));
    });

    it('R4: first the evening floating shift moves toward the gap, within its window and with notice', async () => {
      const res = await app.call('POST', '/api/centers/test/floating', 'supervisor', { date: D, asOf: at('11:00'), apply: true });
      expect(res.status).toBe(200);
      const move = res.body.moves.find((m: any) => m.agent === SPECIAL.floating);
      expect(move, JSON.stringify(res.body.moves)).toMatchObject({ moved: true });
      const start = Date.parse(move.to.start);
      expect(start).toBeGreaterThanOrEqual(Date.parse(at('12:00'))); // 60 minutes of notice after 11:00
      expect(start).toBeLessThanOrEqual(Date.parse(at('18:00'))); // the template's window 09:00–18:00
      expect(Date.parse(move.to.end) - start).toBe(240 * 60_000);
      expect(res.body.understaffedAfter).toBeLessThan(res.body.understaffedBefore);
      const stored = await app.db.query<{ start_at: Date }>(`SELECT start_at FROM roster_assignments WHERE roster_id = $1 AND agent_id = $2 AND day = $3`, [plan.rosterId, SPECIAL.floating, D]);
      expect(stored.rows.map((r) => new Date(r.start_at).getTime())).toEqual([start]);
      // The plan the rule checks below compare with now has the moved shift.
      const k = plan.assignments.findIndex((a) => a.agent === SPECIAL.floating && a.date === D);
      plan.assignments[k] = { ...plan.assignments[k], start: move.to.start, end: move.to.end };
    });

    it('the supervisor\'s callout returns a ranked list in which every agent keeps every rule', async () => {
      const from = view11.proposals[0].from;
      const to = DateTime.fromISO(from, { setZone: true }).plus({ hours: 4 }).toISO({ suppressMilliseconds: true });
      const res = await app.call('POST', '/api/centers/test/callouts', 'supervisor', { queue: 'csr', from, to, needed: 2 });
      expect(res.status).toBe(201);
      callout = res.body;
      expect(callout.id).toBeGreaterThan(0);
      expect(callout.candidates.length).toBeGreaterThanOrEqual(4);
      const fromMs = Date.parse(from);
      const toMs = Date.parse(to!);
      const agents = new Map(app.center.agents.map((a) => [a.id, a]));
      for (const [i, c] of callout.candidates.entries()) {
        expect(c.rank).toBe(i + 1);
        const agent = agents.get(c.agent)!;
        const start = Date.parse(c.start);
        const end = Date.parse(c.end);
        expect(start >= fromMs && end <= toMs && end > start).toBe(true);
        // H2 skill.
        expect(agent.skills).toContain('csr');
        // H3 not on leave.
        expect(c.agent).not.toBe(SPECIAL.leave);
        expect(agent.unavailable.some((u) => u.date === D)).toBe(false);
        // C1 minimum rest (11 h) between the overtime (with the shift it extends) and every other shift.
        const own = plan.assignments.filter((a) => a.agent === c.agent);
        const base = own.find((a) => a.date === D && Date.parse(a.start) <= end && Date.parse(a.end) >= start && a.kind !== 'overtime');
        const workStart = Math.min(start, base ? Date.parse(base.start) : start);
        const workEnd = Math.max(end, base ? Date.parse(base.end) : end);
        for (const o of own) {
          if (o === base) continue;
          const rest = Date.parse(o.start) >= workEnd ? Date.parse(o.start) - workEnd : workStart - Date.parse(o.end);
          expect(rest / 3_600_000).toBeGreaterThanOrEqual(agent.contract.minRestHours ?? 11);
        }
        // C2 at most 6 consecutive working days including D.
        const worked = new Set([...own.map((a) => a.date), D]);
        let run = 1;
        for (let d = addDays(D, -1); worked.has(d); d = addDays(d, -1)) run++;
        for (let d = addDays(D, 1); worked.has(d); d = addDays(d, 1)) run++;
        expect(run).toBeLessThanOrEqual(agent.contract.maxConsecutiveDays ?? 6);
        // Monthly overtime cap.
        const ot = own.filter((a) => a.kind === 'overtime').reduce((s, a) => s + (Date.parse(a.end) - Date.parse(a.start)) / 3_600_000, 0);
        expect(c.overtimeHoursThisMonth).toBeCloseTo(ot, 6);
        expect(ot + (end - start) / 3_600_000).toBeLessThanOrEqual(36);
      }
      // Ranked: fewest overtime hours, then calls per hour, then in the building.
      const keys = callout.candidates.map((c: any) => [c.overtimeHoursThisMonth, -c.callsPerHour, c.mode === 'new-shift' ? 1 : 0]);
      for (let i = 1; i < keys.length; i++) {
        const [a, b] = [keys[i - 1], keys[i]];
        expect(a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] <= b[2])))).toBe(true);
      }
      // The planted people are excluded by the rule that concerns them.
      const why = (agent: string) => callout.excluded.find((e: any) => e.agent === agent)?.rules ?? [];
      expect(why(SPECIAL.leave)).toContain('H3');
      expect(why(SPECIAL.run)).toContain('C2');
      expect(why(SPECIAL.rest)).toContain('C1');
      expect(why(SPECIAL.cap)).toEqual(['O1-cap']);
      expect(why('a029')).toContain('H2'); // TSR only
      // The first wave (2 × needed) is in the outbox.
      const box = await app.db.query<{ recipient: string }>(`SELECT recipient FROM outbox WHERE payload->>'callout' = $1 ORDER BY id`, [String(callout.id)]);
      expect(box.rows.map((r) => r.recipient)).toEqual(callout.candidates.slice(0, 4).map((c: any) => c.agent));
    });

    it('accepting puts the overtime in the roster and the coverage rises by it', async () => {
      const top = callout.candidates[0];
      const baseline = (await app.call('GET', `/api/centers/test/intraday?date=${D}&queue=csr&asOf=${encodeURIComponent(at('11:00'))}`, 'supervisor')).body;
      const other = await app.call('POST', `/api/callouts/${callout.id}/responses`, 'agent', { agent: top.agent, accept: true });
      expect(other.status).toBe(top.agent === app.tokens.agentId ? 200 : 404);
      const res = await app.call('POST', `/api/callouts/${callout.id}/responses`, 'manager', { agent: top.agent, accept: true });
      expect(res.status).toBe(200);
      expect(res.body.assignment).toMatchObject({ agent: top.agent, kind: 'overtime', queue: 'csr', start: top.start, end: top.end });
      const again = await app.call('POST', `/api/callouts/${callout.id}/responses`, 'manager', { agent: top.agent, accept: true });
      expect(again.body.repeated).toBe(true);

      const v = await app.call('GET', `/api/centers/test/intraday?date=${D}&queue=csr&asOf=${encodeURIComponent(at('11:00'))}`, 'supervisor');
      const breaks = res.body.assignment.breaks as Array<{ start: string; minutes: number }>;
      for (const row of v.body.intervals) {
        const s = Date.parse(row.interval_start);
        const old = baseline.intervals.find((r: any) => r.interval_start === row.interval_start);
        const inside = s >= Date.parse(top.start) && s < Date.parse(top.end);
        const breakMinutes = breaks.filter((b) => Date.parse(b.start) >= s && Date.parse(b.start) < s + 1_800_000).reduce((t, b) => t + b.minutes, 0);
        const expected = inside ? (30 - breakMinutes) / 30 : 0;
        expect(row.scheduled - old.scheduled).toBeCloseTo(expected, 2);
        expect(old.gap - row.gap).toBeCloseTo(expected, 1); // gaps are shown to 2 decimals
      }
      // The published roster's coverage rows moved too.
      const stored = await app.db.query<{ coverage: Array<{ interval_start: string; scheduled: number }> }>('SELECT coverage FROM rosters WHERE id = $1', [plan.rosterId]);
      const c11 = stored.rows[0].coverage.find((c) => Date.parse(c.interval_start) === Date.parse(top.start) + 1_800_000)!;
      const v11 = v.body.intervals.find((r: any) => Date.parse(r.interval_start) === Date.parse(c11.interval_start));
      expect(c11.scheduled).toBeCloseTo(v11.scheduled, 2);
    });

    it('a decline notifies the next candidate not yet asked; the second accept fills the callout', async () => {
      const second = callout.candidates[1];
      const fifth = callout.candidates[4];
      const res = await app.call('POST', `/api/callouts/${callout.id}/responses`, 'manager', { agent: second.agent, accept: false });
      expect(res.status).toBe(200);
      const box = await app.db.query<{ recipient: string }>(`SELECT recipient FROM outbox WHERE payload->>'callout' = $1 AND payload->>'type' = 'callout.offer' ORDER BY id`, [String(callout.id)]);
      expect(box.rows.at(-1)!.recipient).toBe(fifth.agent);
      const third = await app.call('POST', `/api/callouts/${callout.id}/responses`, 'manager', { agent: callout.candidates[2].agent, accept: true });
      expect(third.body.callout.status).toBe('filled');
      const late = await app.call('POST', `/api/callouts/${callout.id}/responses`, 'manager', { agent: callout.candidates[3].agent, accept: true });
      expect(late.status).toBe(409);
    });

    it('O2: drafting tomorrow finds no roster there and says so; a draft needs publishing before answers', async () => {
      const res = await app.call('POST', '/api/centers/test/overtime-drafts', 'supervisor', { from: D, days: 1, threshold: 0.5 });
      expect(res.status).toBe(201);
      expect(res.body.drafts.length).toBeGreaterThan(0);
      const draft = res.body.drafts[0];
      expect(draft.status).toBe('draft');
      const early = await app.call('POST', `/api/callouts/${draft.id}/responses`, 'manager', { agent: draft.candidates[0].agent, accept: true });
      expect(early.status).toBe(409);
      expect(early.body.rule).toBe('O2');
      const pub = await app.call('POST', `/api/callouts/${draft.id}/publish`, 'manager', {});
      expect(pub.body.status).toBe('open');
      const outside = await app.call('POST', '/api/centers/test/overtime-drafts', 'supervisor', { from: '2027-01-05', days: 1 });
      expect(outside.body.skipped[0].reason).toMatch(/no published roster/);
    });
  });
}

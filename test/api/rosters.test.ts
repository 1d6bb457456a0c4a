import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoHistory } from '../../src/demo/bank-history.ts';
import { importTraffic } from '../../src/services/traffic-import.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

let app: TestApp;
let rosterId: number;
beforeAll(async () => {
  app = await startTestApp();
  const rows = (await demoHistory(app.center.timezone, '2026-11-30')).filter((r) => r.startMs >= Date.parse('2026-10-05T00:00:00+08:00'));
  // The test center has 40 phone staff against the demo's 112: scale its traffic down to match.
  await importTraffic(app.db, app.center, rows.map((r) => ({ ...r, offered: Math.round(r.offered * 0.36) })), { source: 'demo', intervalMinutes: 5 });
  const f = await app.call('POST', '/api/centers/test/forecasts', 'deputy', { from: '2026-12-01', days: 31, model: 'whi-mean-4w', backtestWeeks: 0 });
  const job = await app.jobs.waitFor(f.body.jobId);
  await app.call('POST', '/api/centers/test/requirements', 'deputy', { forecastId: (job.result as { forecastId: number }).forecastId });
});
afterAll(() => app.close());

describe('roster API', () => {
  it('explains feasibility before solving', async () => {
    const r = await app.call('GET', '/api/centers/test/feasibility?month=2026-12', 'deputy');
    expect(r.status).toBe(200);
    expect(typeof r.body.feasible).toBe('boolean');
    expect(Array.isArray(r.body.problems)).toBe(true);
  });

  it('solves a month as a job with progress and stores a draft version that keeps every hard rule', async () => {
    const r = await app.call('POST', '/api/centers/test/rosters', 'deputy', { month: '2026-12', timeLimitSeconds: 60, moves: 2000, seed: 1 });
    expect(r.status).toBe(202);
    const done = await app.jobs.waitFor(r.body.jobId);
    expect(done.error).toBeNull();
    expect(done.status).toBe('completed');
    const result = done.result as { rosterId: number; version: number; score: { hard: number } };
    expect(result.version).toBe(1);
    expect(result.score.hard).toBe(0);
    rosterId = result.rosterId;
    const roster = await app.call('GET', `/api/rosters/${rosterId}`, 'deputy');
    expect(roster.body.status).toBe('draft');
    expect(roster.body.assignments.length).toBeGreaterThan(300);
    expect(roster.body.violations.filter((v: { level: string }) => v.level === 'hard')).toEqual([]);
  });

  it('serves coverage and a per-rule analysis', async () => {
    const cov = await app.call('GET', `/api/rosters/${rosterId}/coverage?queue=csr&date=2026-12-07`, 'supervisor');
    expect(cov.status).toBe(404); // a draft is not visible on the floor
    const mine = await app.call('GET', `/api/rosters/${rosterId}/coverage?queue=csr&date=2026-12-07`, 'deputy');
    expect(mine.body.coverage).toHaveLength(28);
    const analysis = await app.call('GET', `/api/rosters/${rosterId}/analysis`, 'deputy');
    expect(analysis.status).toBe(200);
    for (const rule of analysis.body.rules) {
      expect(rule.count).toBe(rule.matches.length);
      expect(rule.label).not.toBe(rule.rule);
    }
  });

  it('publishes, then the floor sees it scoped: an agent only their own shifts', async () => {
    const p = await app.call('POST', `/api/rosters/${rosterId}/publish`, 'deputy');
    expect(p.status).toBe(200);
    expect(p.body.status).toBe('published');
    const mine = await app.call('GET', `/api/rosters/${rosterId}`, 'agent');
    expect(mine.status).toBe(200);
    expect(new Set(mine.body.assignments.map((a: { agent: string }) => a.agent))).toEqual(new Set([app.tokens.agentId]));
    expect((await app.call('POST', `/api/rosters/${rosterId}/publish`, 'supervisor')).status).toBe(403);
  });

  it('exports CSV with report times and logs the export (S1)', async () => {
    const r = await app.call('GET', `/api/rosters/${rosterId}/export?format=csv`, 'manager');
    expect(r.status).toBe(200);
    expect(r.type).toContain('text/csv');
    const lines = r.body.trim().split('\n');
    expect(lines[0]).toBe('agent,name,team,date,shift,queue,kind,report,start,end,meal,breaks,activities');
    expect(lines.length).toBeGreaterThan(300);
    const log = await app.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'roster.export'");
    expect(log.rows[0].n).toBe(1);
  });

  it('cancelling a running solve stops it and keeps the best roster so far', async () => {
    const r = await app.call('POST', '/api/centers/test/rosters', 'deputy', { month: '2026-12', timeLimitSeconds: 300 });
    // Cancel once the job reports a first complete roster (its best-so-far score), however long that takes.
    for (;;) {
      const job = await app.call('GET', `/api/jobs/${r.body.jobId}`, 'deputy');
      expect(['queued', 'running']).toContain(job.body.status);
      if (job.body.progressDetail?.best) break;
      await new Promise((res) => setTimeout(res, 100));
    }
    await app.call('POST', `/api/jobs/${r.body.jobId}/cancel`, 'deputy');
    const done = await app.jobs.waitFor(r.body.jobId);
    expect(done.status).toBe('cancelled');
    const result = done.result as { rosterId: number; cancelled: boolean };
    expect(result.cancelled).toBe(true);
    expect((await app.call('GET', `/api/rosters/${result.rosterId}`, 'deputy')).body.version).toBe(2);
  });

  it('refuses a month without requirements with 422 before queuing', async () => {
    const r = await app.call('POST', '/api/centers/test/rosters', 'deputy', { month: '2027-04' });
    expect(r.status).toBe(422);
    expect(r.body.detail).toMatch(/no requirements for 2027-04/);
  });
});

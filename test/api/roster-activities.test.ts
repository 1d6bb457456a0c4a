// GET /api/rosters/:id/activities on a hand-made version: two csr agents on one morning, one with the exam
// 10:00–11:00. Required 1 at 10:00 and 2 at 10:30 with one agent left on the phones: the exam's first half hour
// comes out of the surplus (0.5 agent-hours absorbed), its second goes into understaffing (price 0.5). Activities
// are stored with the version and come back with its assignments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCenter } from '../../src/domain/center-loader.ts';
import { generateCenter } from '../../src/demo/generate-center.ts';
import { saveRoster } from '../../src/db/repos/rosters.ts';
import type { Assignment } from '../../solver/roster.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

const center = parseCenter(generateCenter({ agents: 40, seed: 7, name: 'test', trainingActivities: true }));
const csr = center.agents.filter((a) => a.role === 'agent' && a.skills[0] === 'csr').map((a) => a.id);
const agents = center.agents.filter((a) => a.role === 'agent');
const t = (hhmm: string) => `2026-12-01T${hhmm}:00+08:00`;
const shift = (agent: string, activities?: Assignment['activities']): Assignment => ({
  agent, date: '2026-12-01', shift: 'E', queue: 'csr', start: t('08:00'), end: t('17:00'),
  breaks: [{ start: t('12:00'), minutes: 60, kind: 'meal' }], ...(activities ? { activities } : {}),
});

let app: TestApp;
let rosterId: number;
beforeAll(async () => {
  app = await startTestApp({ center });
  const assignments = [shift(csr[0], [{ start: t('10:00'), minutes: 60, activity: 'tr2-exam' }]), shift(csr[1])];
  const coverage = [
    { queue: 'csr', interval_start: t('10:00'), required: 1, scheduled: 1 },
    { queue: 'csr', interval_start: t('10:30'), required: 2, scheduled: 1 },
  ];
  rosterId = (await app.db.transaction((tx) => saveRoster(tx, {
    centerId: 'test', roster: { center: 'test', month: '2026-12', assignments, coverage, score: { hard: 0, understaffed: 0.5, overstaffed: 0, soft: 0 }, violations: [] },
  }))).id;
});
afterAll(() => app.close());

describe('roster activities API', () => {
  it('stores activities with the version and serves them with the assignments', async () => {
    const r = await app.call('GET', `/api/rosters/${rosterId}`, 'deputy');
    const mine = r.body.assignments.find((a: Assignment) => a.agent === csr[0]);
    expect(mine.activities).toEqual([{ start: t('10:00'), minutes: 60, activity: 'tr2-exam' }]);
    expect(r.body.assignments.find((a: Assignment) => a.agent === csr[1]).activities).toBeUndefined();
  });

  it('counts who has each activity, names who does not and why, and splits the time into absorbed surplus and price', async () => {
    const r = await app.call('GET', `/api/rosters/${rosterId}/activities`, 'deputy');
    expect(r.status).toBe(200);
    const exam = r.body.activities.find((a: { activity: string }) => a.activity === 'tr2-exam');
    expect(exam).toMatchObject({ rule: 'TR2', attendees: agents.length, placed: 1, hours: 1 });
    expect(exam.missing).toHaveLength(agents.length - 1);
    expect(exam.missing.find((m: { agent: string }) => m.agent === csr[1]).reason).toBe('not placed in this version');
    expect(exam.missing.find((m: { agent: string }) => m.agent === csr[2]).reason).toContain('no shift that can hold it');
    expect(r.body.queues).toEqual([{ queue: 'csr', surplusLeft: 0, absorbed: 0.5, price: 0.5 }]);
  });

  it('a draft is for planners only: 404 on the floor, and agents may not read it', async () => {
    expect((await app.call('GET', `/api/rosters/${rosterId}/activities`, 'supervisor')).status).toBe(404);
    expect((await app.call('GET', `/api/rosters/${rosterId}/activities`, 'agent')).status).toBe(403);
  });
});

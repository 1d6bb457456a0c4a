// The worker-thread wrapper: the event loop stays free while the thread solves, progress and best-so-far arrive,
// and cancel stops the solve and keeps the best roster.
import { describe, expect, it } from 'vitest';
import { requirementsFromBankProfile } from '../../solver/requirements/bank-profile.ts';
import { solveRosterInThread } from '../../solver/thread/solve-in-thread.ts';
import { MONTH, tinyCenter } from './fixture.ts';

const center = tinyCenter();
const requirements = requirementsFromBankProfile(center, MONTH);

describe('solveRosterInThread', () => {
  it('solves in a worker thread while this thread keeps running timers', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const phases: string[] = [];
    const handle = solveRosterInThread({ center, month: MONTH, requirements }, { moves: 50_000, onProgress: (p) => phases.push(p.phase) });
    const result = await handle.result;
    clearInterval(timer);
    expect(result.roster.score.hard).toBe(0);
    expect(phases).toContain('named assignment');
    expect(ticks).toBeGreaterThan(10);
  });

  it('cancel stops the solve and hands back the best roster', async () => {
    const handle = solveRosterInThread({ center, month: MONTH, requirements }, {
      timeLimitMs: 120_000,
      onProgress: (p) => {
        if (p.phase === 'local search') handle.cancel();
      },
    });
    const result = await handle.result;
    expect(result.cancelled).toBe(true);
    expect(result.roster.assignments.length).toBeGreaterThan(0);
    expect(handle.best()?.assignments.length).toBe(result.roster.assignments.length);
  });
});

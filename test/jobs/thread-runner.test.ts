import { describe, expect, it } from 'vitest';
import { runInThread } from '../../src/jobs/thread-runner.ts';
import { ValidationError } from '../../src/errors.ts';

const tasks = new URL('./fixtures/thread-tasks.ts', import.meta.url).href;

describe('worker-thread runner', () => {
  it('returns the result and relays progress', async () => {
    const seen: number[] = [];
    const r = await runInThread<{ n: number }, number>({ moduleUrl: tasks, exportName: 'sumTo', input: { n: 100 }, onProgress: (f) => seen.push(f) });
    expect(r).toBe(5050);
    expect(seen).toEqual([0.5, 1]);
  });

  it('keeps our error family across the thread boundary', async () => {
    await expect(runInThread({ moduleUrl: tasks, exportName: 'refuse', input: {} })).rejects.toBeInstanceOf(ValidationError);
  });

  it('terminates the task on cancel', async () => {
    const controller = new AbortController();
    const pending = runInThread({ moduleUrl: tasks, exportName: 'improveUntilStopped', input: {}, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toThrow(/cancelled/);
  });
});

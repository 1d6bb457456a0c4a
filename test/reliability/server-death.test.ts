/**
 * The embedded default (PGlite on disk, in-process jobs) killed with SIGKILL in the middle of a job, twice:
 * each restart resumes the job from its checkpoint, and it completes once, its bar never gone back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startChild } from './fixtures/child-process.ts';

const RUNNER = 'test/reliability/fixtures/in-process-runner.ts';
const dir = mkdtempSync(join(tmpdir(), 'shiftcast-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const checkpointOf = (line: string) => Number(/^checkpoint (\d+)$/.exec(line)?.[1] ?? -1);

describe('the server itself killed under the in-process runner', () => {
  it('resumes its job on each restart from the checkpoint and completes it once', async () => {
    const env = { CHILD_DATA_DIR: dir, RESUMABLE_ECHO: '1' };
    const first = startChild(RUNNER, { ...env, CHILD_ENQUEUE: '1' });
    const jobId = (await first.line((l) => l.startsWith('job '))).slice(4);
    await first.line((l) => checkpointOf(l) >= 5);
    await first.kill();

    const second = startChild(RUNNER, { ...env, CHILD_JOB: jobId });
    // The restarted process goes on after the last checkpoint: its first step is past 5.
    const resumedAt = checkpointOf(await second.line((l) => checkpointOf(l) > 0));
    expect(resumedAt).toBeGreaterThan(5);
    await second.line((l) => checkpointOf(l) >= 20);
    await second.kill();

    const third = startChild(RUNNER, { ...env, CHILD_JOB: jobId });
    const done = JSON.parse((await third.line((l) => l.startsWith('done '))).slice(5));
    expect(done).toMatchObject({ status: 'completed', attempts: 3, progress: 1 });
    expect(done.result.resumedFrom).toBeGreaterThanOrEqual(20);
    expect(done.progressDetail).toMatchObject({ attempt: 3, resumed: true });
  });
});

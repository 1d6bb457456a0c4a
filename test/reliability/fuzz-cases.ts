/**
 * The hostile files of the file fuzz tests as one fixed list, for bench/faults/files.ts: traffic and requirements
 * CSVs through the API (fuzz-uploads.ts) and center files (fuzz-center.ts), drawn by fast-check with a seed.
 */
import fc from 'fast-check';
import { createRateLimiter } from '../../src/api/rate-limit.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { centerFile, centerHurtArb, FUZZ_CENTER, runCenterPut } from './fuzz-center.ts';
import type { HurtJson } from './fuzz-json.ts';
import type { Outcome } from './fuzz-judge.ts';
import { newYorkCenter } from './fuzz-timeline.ts';
import { brokenPromises, runUpload, uploadCaseArb, type UploadCase } from './fuzz-uploads.ts';

export type HostileCase = { upload: UploadCase } | { center: HurtJson };

export function hostileCases(count: number, seed: number): HostileCase[] {
  const arb = fc.oneof(
    { arbitrary: uploadCaseArb('traffic').map((upload) => ({ upload })), weight: 3 },
    { arbitrary: uploadCaseArb('requirements').map((upload) => ({ upload })), weight: 1 },
    { arbitrary: centerHurtArb.map((center) => ({ center })), weight: 1 },
  );
  return fc.sample(arb, { seed, numRuns: count });
}

/** An API on PGlite in memory with the New York test center, some history, and the center the files replace. */
export async function startHostileApp(): Promise<TestApp> {
  const app = await startTestApp({ center: newYorkCenter(), rateLimiter: createRateLimiter(0, 1) });
  await app.call('POST', '/api/centers/test/traffic', 'analyst', 'queue,interval_start,offered\ncsr,2026-06-01T08:00,5\ncsr,2026-06-01T08:30,7\n');
  await app.call('PUT', `/api/centers/${FUZZ_CENTER}`, 'admin', centerFile());
  return app;
}

/** Sends the case and judges it; a kept verdict that breaks the case's own expectation counts as unclear. */
export async function runHostileCase(app: TestApp, c: HostileCase): Promise<Outcome> {
  if ('center' in c) {
    const o = await runCenterPut(app, c.center);
    const wanted = c.center.expect === 'accept' ? 'whole' : c.center.expect === 'refuse' ? 'refused' : o.verdict;
    return o.verdict !== wanted && (o.verdict === 'whole' || o.verdict === 'refused') ? { ...o, verdict: 'unclear', why: `center ${c.center.kind}: wanted ${wanted}` } : o;
  }
  const o = await runUpload(app, c.upload);
  const broken = brokenPromises(c.upload, o);
  return broken.length > 0 && (o.verdict === 'whole' || o.verdict === 'refused') ? { ...o, verdict: 'unclear', why: broken.join('; ') } : o;
}

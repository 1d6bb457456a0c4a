import { defineConfig } from 'vitest/config';

// Suites that exist only against real servers are collected when those are given: *.postgres.test.ts with
// TEST_DATABASE_URL, *.services.test.ts with TEST_DATABASE_URL and TEST_REDIS_URL (CI sets both). Without them
// the rest of the suite runs, and says which parts were not run.
const withPostgres = !!process.env.TEST_DATABASE_URL;
const withServices = withPostgres && !!process.env.TEST_REDIS_URL;
const exclude = [...(withPostgres ? [] : ['test/**/*.postgres.test.ts']), ...(withServices ? [] : ['test/**/*.services.test.ts'])];
if (exclude.length > 0 && !process.env.VITEST_WORKER_ID) {
  console.warn(`[suite] not run without ${withPostgres ? 'TEST_REDIS_URL' : 'TEST_DATABASE_URL and TEST_REDIS_URL'}: ${exclude.join(', ')} (CI runs them)`);
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/pglite-template.ts'],
    exclude: ['**/node_modules/**', ...exclude],
    // Safety nets against a hang, not speed checks: no test waits for a duration or must beat a deadline
    // (npm run test:busy runs the suite with every core kept busy).
    testTimeout: 300_000,
    hookTimeout: 600_000,
    pool: 'forks',
    maxWorkers: 2,
    // Test files share a worker's loaded modules (each still opens its own database, app and servers): loading
    // the service and solver once per worker instead of once per file takes a third off the suite. Tests that
    // fake timers or spy on the console restore them; the roster caches are keyed by database (versionKey).
    isolate: false,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Safety nets against a hang, not speed checks: no test waits for a duration or must beat a deadline
    // (npm run test:busy runs the suite with every core kept busy).
    testTimeout: 300_000,
    hookTimeout: 600_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});

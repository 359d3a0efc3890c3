import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds and browsers take seconds on a 2-core machine; unit tests stay far below this.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Browser suites each build and serve a site; running two at once only slows both.
    fileParallelism: true,
    maxWorkers: 2,
  },
});

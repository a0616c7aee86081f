// Browser end-to-end tests: Chromium against `parley serve` on a fresh data folder per test.
// `tests/run-e2e.sh` runs this config; reports go wherever its --outputFile says.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One browser and one server at a time: the machine has two cores.
    fileParallelism: false,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src-main/**/*.test.ts',
      'src-shared/**/*.test.ts',
      'games/**/*.test.ts',
      'src-renderer/**/*.test.{ts,tsx}',
      'tests/integration/**/*.test.ts',
    ],
    // The keychain suite needs a secret service; tests/run-all.sh runs it inside one.
    exclude: ['src-main/keys/keychain.test.ts', '**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

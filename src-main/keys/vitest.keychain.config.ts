// The keychain suite alone (the main config excludes it: it needs a secret service). Run inside
// one: PARLEY_KEYCHAIN_TEST=1 bash tests/with-keyring.sh npx vitest run --config src-main/keys/vitest.keychain.config.ts
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src-main/keys/keychain.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});

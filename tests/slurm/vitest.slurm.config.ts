// The SLURM suite alone (the main config does not include tests/slurm/): it needs a real SLURM,
// which tests/slurm/with-slurm.sh starts for it:
//   bash tests/slurm/with-slurm.sh npx vitest run --config tests/slurm/vitest.slurm.config.ts
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/slurm/**/*.test.ts'],
    testTimeout: 900_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

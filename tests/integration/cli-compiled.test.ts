// The compiled CLI (out/cli, built by npm ci's prepare step) behaves like the sources, and a
// command loads only its own module. On CI the compiled bundle must exist, so the fast path that
// users and SLURM tasks take is the one under test.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './cli-helpers';

const COMPILED = join(ROOT, 'out', 'cli', 'main.js');

describe('compiled CLI', () => {
  it('exists after npm ci on CI', () => {
    if (process.env.CI) expect(existsSync(COMPILED)).toBe(true);
  });

  it('prints the same help, version and validation as the TypeScript sources', () => {
    const fixture = join(ROOT, 'resources', 'examples', 'strategy-baselines.json');
    for (const args of [['--help'], ['--version'], ['validate', fixture], ['rnu']]) {
      const compiled = runCli(args);
      const source = runCli(args, { PARLEY_FROM_SOURCE: '1' });
      expect(compiled, args.join(' ')).toEqual(source);
    }
    expect(runCli(['--help']).stdout).toContain(
      'run             run or resume a sweep (finished games are skipped)',
    );
    expect(runCli(['rnu'])).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('Did you mean run?'),
    });
  });

  it('runs the demo end to end from the compiled code', () => {
    const { dir, cleanup } = tempDir();
    try {
      const r = runCli(['demo', '--out', dir], {}, 120_000);
      expect(r.status, r.stderr).toBe(0);
      expect(existsSync(join(dir, 'results.csv'))).toBe(true);
    } finally {
      cleanup();
    }
  });
});

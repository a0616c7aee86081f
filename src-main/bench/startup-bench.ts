// cli_start_ms (issue 15): `parley --help` as a whole process, start to exit, as a user or a
// SLURM task pays it. Reports the median of several runs and whether the compiled CLI ran.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './types';

const BIN = fileURLToPath(new URL('../../bin/parley.js', import.meta.url));
const COMPILED = fileURLToPath(new URL('../../out/cli/main.js', import.meta.url));
const RUNS = 9;
const TARGET_MS = 300;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function cliStartMs(): Promise<BenchResult> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`parley --help exited ${run.status}: ${run.stderr}`);
    times.push(performance.now() - started);
    await Promise.resolve();
  }
  const value = Math.round(median(times));
  return {
    name: 'cli_start_ms',
    value,
    unit: 'ms',
    target: `< ${TARGET_MS}`,
    pass: value < TARGET_MS,
    detail: {
      runs: RUNS,
      minMs: Math.round(Math.min(...times)),
      maxMs: Math.round(Math.max(...times)),
      compiled: existsSync(COMPILED),
    },
  };
}

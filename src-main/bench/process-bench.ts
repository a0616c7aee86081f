// engine_process_games_per_s (issue 15): the engine benchmark's 1,000 games as one whole
// `parley run` process (start-up, planning, the games on a file database, exit), as a script or
// a SLURM task pays for them; with its CPU seconds and peak memory where GNU time is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SweepInput } from '../../src-shared/sweep';
import { engineBenchSweep } from './engine-bench';
import type { BenchResult } from './types';

const BIN = fileURLToPath(new URL('../../bin/parley.js', import.meta.url));
const GNU_TIME = '/usr/bin/time';

export interface ProcessRun {
  wallSeconds: number;
  /** User + system CPU seconds, and peak RSS, when GNU time is there to measure them. */
  cpuSeconds: number | null;
  peakRssMb: number | null;
  stdout: string;
}

/** Runs `parley <args>` as one process and measures it (GNU time's report goes to `report`). */
export function timeParley(args: readonly string[], report: string): ProcessRun {
  const timed = existsSync(GNU_TIME);
  const started = performance.now();
  const run = timed
    ? spawnSync(GNU_TIME, ['-f', '%U %S %M', '-o', report, process.execPath, BIN, ...args], {
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      })
    : spawnSync(process.execPath, [BIN, ...args], {
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      });
  const wallSeconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`parley ${args[0]} exited ${run.status}: ${run.stderr}`);
  const [user, sys, rssKb] = timed
    ? readFileSync(report, 'utf8').trim().split(/\s+/).slice(-3).map(Number)
    : [NaN, NaN, NaN];
  return {
    wallSeconds,
    cpuSeconds: timed ? user + sys : null,
    peakRssMb: timed ? Math.round(rssKb / 1024) : null,
    stdout: run.stdout,
  };
}

/** Runs `parley run` on `doc` in a fresh folder as one process and measures it. */
export function timeParleyRun(doc: SweepInput): ProcessRun {
  const dir = mkdtempSync(join(tmpdir(), 'parley-process-bench-'));
  try {
    const file = join(dir, 'sweep.json');
    writeFileSync(file, JSON.stringify(doc));
    return timeParley(['run', file, '--db', join(dir, 'bench.db')], join(dir, 'time.txt'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function engineProcessGamesPerSecond(): Promise<BenchResult> {
  const doc = engineBenchSweep();
  const games = 1_000;
  const run = timeParleyRun(doc);
  const value = Math.round((games / run.wallSeconds) * 10) / 10;
  return Promise.resolve({
    name: 'engine_process_games_per_s',
    value,
    unit: 'games/s',
    target: '>= 500',
    pass: value >= 500,
    detail: {
      games,
      wallSeconds: Math.round(run.wallSeconds * 100) / 100,
      cpuSeconds: run.cpuSeconds === null ? null : Math.round(run.cpuSeconds * 100) / 100,
      peakRssMb: run.peakRssMb,
    },
  });
}

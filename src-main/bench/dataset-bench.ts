// janus_dataset_episodes_per_s: `parley dataset --episodes 10000` as one whole process (start-up,
// 10,000 strategy-only price games in memory, the JSONL, Parquet and CSV files, exit), with its
// CPU seconds and peak memory where GNU time is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './types';

const BIN = fileURLToPath(new URL('../../bin/parley.js', import.meta.url));
const GNU_TIME = '/usr/bin/time';
const EPISODES = 10_000;
const TARGET = 1_000;

export function janusDatasetEpisodesPerSecond(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-dataset-bench-'));
  try {
    const args = [BIN, 'dataset', '--episodes', String(EPISODES), '--seed', '1'];
    args.push('--out', join(dir, 'out'));
    const timed = existsSync(GNU_TIME);
    const report = join(dir, 'time.txt');
    const started = performance.now();
    const run = timed
      ? spawnSync(GNU_TIME, ['-f', '%U %S %M', '-o', report, process.execPath, ...args], {
          encoding: 'utf8',
        })
      : spawnSync(process.execPath, args, { encoding: 'utf8' });
    const wallSeconds = (performance.now() - started) / 1000;
    if (run.status !== 0) throw new Error(`parley dataset exited ${run.status}: ${run.stderr}`);
    const [user, sys, rssKb] = timed
      ? readFileSync(report, 'utf8').trim().split(/\s+/).slice(-3).map(Number)
      : [NaN, NaN, NaN];
    const about = JSON.parse(readFileSync(join(dir, 'out', 'dataset.json'), 'utf8')) as {
      trajectories: number;
      decisions: number;
    };
    const value = Math.round((EPISODES / wallSeconds) * 10) / 10;
    return Promise.resolve({
      name: 'janus_dataset_episodes_per_s',
      value,
      unit: 'episodes/s',
      target: `>= ${TARGET}`,
      pass: about.trajectories === EPISODES && value >= TARGET,
      detail: {
        episodes: EPISODES,
        decisions: about.decisions,
        wallSeconds: Math.round(wallSeconds * 100) / 100,
        cpuSeconds: timed ? Math.round((user + sys) * 100) / 100 : null,
        peakRssMb: timed ? Math.round(rssKb / 1024) : null,
      },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Progress of a SLURM job shard by shard: the games each shard is planned to hold (from the
// sweep and the shard count fixed in job.json) against the games found in a database, so
// `parley slurm status` and `parley slurm merge` can name the tasks to resubmit.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GameStatus } from '../../src-shared/planned-game';
import { registryResolver } from '../registry/registry';
import { openStore } from '../store/store';
import { validateSweepDoc } from '../sweeps/service';
import { JobError, type JobManifest } from './job-folder';
import { shardOf } from './shard';

export interface ShardProgress {
  shard: number;
  planned: number;
  finished: number;
  failed: number;
  /** Present but queued, running, paused or cancelled. */
  unfinished: number;
  /** Planned but in no database read. */
  missing: number;
}

/** The planned game ids of each shard, from the job folder's sweep.json. */
export function plannedShards(dir: string, m: JobManifest, sweepDoc: unknown): string[][] {
  const v = validateSweepDoc(sweepDoc, registryResolver());
  if (!v.ok)
    throw new JobError(
      `${join(dir, 'sweep.json')}: the sweep has ${v.issues.length} problem(s):\n` +
        v.issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n'),
    );
  if (v.sweepId !== m.sweepId)
    throw new JobError(
      `${join(dir, 'sweep.json')} is sweep ${v.sweepId.slice(0, 8)}, but the job was written for ` +
        `${m.sweepId.slice(0, 8)}: it was edited after \`parley slurm\`; write the job again`,
    );
  const ids: string[][] = Array.from({ length: m.shards }, () => []);
  for (const g of v.expanded.games) ids[shardOf(g.id, m.shards)].push(g.id);
  return ids;
}

/** Count each shard's planned games by their status in `statusOf`. */
export function shardProgress(
  planned: string[][],
  statusOf: ReadonlyMap<string, GameStatus>,
): ShardProgress[] {
  return planned.map((ids, shard) => {
    const p: ShardProgress = {
      shard,
      planned: ids.length,
      finished: 0,
      failed: 0,
      unfinished: 0,
      missing: 0,
    };
    for (const id of ids) {
      const s = statusOf.get(id);
      if (s === undefined) p.missing++;
      else if (s === 'finished') p.finished++;
      else if (s === 'failed') p.failed++;
      else p.unfinished++;
    }
    return p;
  });
}

/** Game statuses of a sweep in one database (read-only; a running task may be writing it). */
export function gameStatuses(file: string, sweepId: string, into = new Map<string, GameStatus>()) {
  if (!existsSync(file)) return into;
  const store = openStore(file, { readonly: true });
  try {
    for (const g of store.listGames({ sweepId })) {
      const before = into.get(g.id);
      if (before === undefined || RANK[g.status] > RANK[before]) into.set(g.id, g.status);
    }
  } finally {
    store.close();
  }
  return into;
}

/** How far a game got, as `parley merge` ranks copies. */
const RANK: Record<GameStatus, number> = {
  queued: 0,
  cancelled: 1,
  running: 2,
  paused: 2,
  failed: 3,
  finished: 4,
};

/** Shards whose tasks must run again: games unfinished or never stored. */
export function shardsToRerun(rows: ShardProgress[]): number[] {
  return rows.filter((r) => r.unfinished + r.missing > 0).map((r) => r.shard);
}

/** An sbatch --array value for these indices: "1,3,5-7". */
export function arraySpec(indices: number[]): string {
  const sorted = [...new Set(indices)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i + 1 ? `${sorted[i]}-${sorted[j]}` : sorted.slice(i, j + 1).join(','));
    i = j + 1;
  }
  return parts.join(',');
}

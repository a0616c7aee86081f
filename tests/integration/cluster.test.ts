// Cluster runs: a sweep split into shards (as SLURM array tasks would run it, each into its own
// database) and merged back must equal one uninterrupted run, game for game and turn for turn.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { arraySpec } from '../../src-main/cluster/job-progress';
import { shardOf, parseShard } from '../../src-main/cluster/shard';
import { boundedRational, runCli, snapshot, tempDir } from './cli-helpers';

const tmp = tempDir('parley-cluster-');
afterAll(() => tmp.cleanup());

const br = boundedRational;

/** 2 opponents x 3 levels x 2 orders x 4 runs = 48 games. */
const sweep = {
  name: 'cluster test',
  game: { kind: 'item-allocation', params: { items: 5 } },
  participants: [br('weak', 0.2), br('strong', 0.8), br('ref', 0.5)],
  lineup: { mode: 'baseline', baseline: 'ref', opponents: ['weak', 'strong'] },
  competition: { levels: [0, 0.5, 1] },
  orders: 'both',
  runs: { count: 4, baseSeed: 11 },
  concurrency: 2,
};
const sweepFile = join(tmp.dir, 'sweep.json');
writeFileSync(sweepFile, JSON.stringify(sweep));

describe('shards', () => {
  it('assigns a game by the first 8 hex digits of its id', () => {
    expect(shardOf('0000000a-rest', 4)).toBe(2);
    expect(shardOf('ffffffff', 3)).toBe(0xffffffff % 3);
    expect(() => shardOf('zz', 2)).toThrow('game id "zz" does not start with hex digits');
  });

  it('writes shard lists as sbatch --array reads them', () => {
    expect(arraySpec([7, 1, 3, 5, 6])).toBe('1,3,5-7');
    expect(arraySpec([0, 1])).toBe('0,1');
    expect(arraySpec([2, 2, 4])).toBe('2,4');
    expect(arraySpec([0, 1, 2, 3, 9])).toBe('0-3,9');
  });

  it('parses K/N, naming what is wrong, and refuses "slurm" (its count is the resubmitted array)', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    expect(() => parseShard('5/5')).toThrow('--shard 5/5: K must be between 0 and 4');
    expect(() => parseShard('1/0')).toThrow('--shard 1/0: N must be at least 1');
    expect(() => parseShard('1-3')).toThrow('--shard must be K/N (e.g. 0/8), got "1-3"');
    expect(() => parseShard('slurm')).toThrow(
      '--shard slurm is no longer supported: SLURM_ARRAY_TASK_COUNT describes the array as ' +
        'submitted, so a resubmitted task would run the whole sweep.',
    );
    const r = runCli(['run', sweepFile, '--db', join(tmp.dir, 'never.db'), '--shard', 'slurm'], {
      SLURM_ARRAY_TASK_ID: '1',
      SLURM_ARRAY_TASK_COUNT: '1',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--shard "$SLURM_ARRAY_TASK_ID/N"');
  });
});

describe('parley run --shard, parley merge', () => {
  it('merges three shards into exactly the games and turns of one uninterrupted run', () => {
    const reference = join(tmp.dir, 'reference.db');
    expect(runCli(['run', sweepFile, '--db', reference]).status).toBe(0);

    const shards = [0, 1, 2].map((k) => join(tmp.dir, `shard-${k}.db`));
    const sizes = shards.map((db, k) => {
      const r = runCli(['run', sweepFile, '--db', db, '--shard', `${k}/3`]);
      expect(r.status).toBe(0);
      return Object.keys(snapshot(db)).length;
    });
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(48);
    expect(Math.min(...sizes)).toBeGreaterThan(0);

    const merged = join(tmp.dir, 'merged.db');
    const m = runCli(['merge', ...shards, '--into', merged]);
    expect(m.status).toBe(0);
    expect(m.stdout).toMatch(/cluster test: 48\/48 finished, 0 failed, 0 unfinished\n$/);
    expect(snapshot(merged)).toEqual(snapshot(reference));

    // Merging a shard again changes nothing.
    const again = runCli(['merge', shards[0], '--into', merged]);
    expect(again.stdout.split('\n')[0]).toBe(
      `${shards[0]}: 0 games added, 0 advanced, 0 turns, 0 calls`,
    );
    expect(snapshot(merged)).toEqual(snapshot(reference));
  });

  it('keeps the copy of a game that got further, with its own transcript', () => {
    const done = join(tmp.dir, 'reference.db');
    const partial = join(tmp.dir, 'partial.db');
    expect(runCli(['merge', done, '--into', partial]).status).toBe(0);
    // Roll one game back to "running" with only its first 3 turns, as a killed task leaves it.
    const db = new Database(partial);
    const id = (db.prepare('SELECT id FROM games ORDER BY id LIMIT 1').get() as { id: string }).id;
    db.prepare(
      "UPDATE games SET status = 'running', outcome_json = NULL, finished_at = NULL WHERE id = ?",
    ).run(id);
    db.prepare('DELETE FROM turns WHERE game_id = ? AND seq >= 3').run(id);
    db.close();

    const r = runCli(['merge', done, '--into', partial]);
    expect(r.stdout.split('\n')[0]).toMatch(/: 0 games added, 1 advanced, \d+ turns, 0 calls$/);
    expect(snapshot(partial)).toEqual(snapshot(done));

    const missing = runCli(['merge', join(tmp.dir, 'nope.db'), '--into', partial]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`parley: no database at ${join(tmp.dir, 'nope.db')}\n`);
    const self = runCli(['merge', partial, '--into', partial]);
    expect(self.status).toBe(2);
    expect(self.stderr).toBe(`parley: Cannot merge ${partial} into itself.\n`);
  });
});

// Cluster runs: a sweep split into shards (as SLURM array tasks would run it, each into its own
// database) and merged back must equal one uninterrupted run, game for game and turn for turn.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
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

  it('parses K/N and the SLURM array task, naming what is wrong', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    expect(
      parseShard('slurm', {
        SLURM_ARRAY_TASK_ID: '7',
        SLURM_ARRAY_TASK_COUNT: '4',
        SLURM_ARRAY_TASK_MIN: '5',
      }),
    ).toEqual({ index: 2, count: 4 });
    expect(() => parseShard('5/5')).toThrow('--shard 5/5: K must be between 0 and 4');
    expect(() => parseShard('1-3')).toThrow('--shard must be K/N (e.g. 0/8) or "slurm", got "1-3"');
    expect(() => parseShard('slurm', {})).toThrow('--shard slurm needs SLURM_ARRAY_TASK_ID');
  });
});

describe('parley slurm, run --shard, merge', () => {
  it('writes an array job whose tasks each run one shard', () => {
    const out = join(tmp.dir, 'job');
    const r = runCli([
      'slurm',
      sweepFile,
      '--shards',
      '3',
      '--out',
      out,
      '--partition',
      'short',
      '--parallel',
      '2',
    ]);
    expect(r.status).toBe(0);
    const script = readFileSync(join(out, 'job.sbatch'), 'utf8');
    expect(script).toContain('#SBATCH --array=0-2%2\n');
    expect(script).toContain('#SBATCH --partition=short\n');
    expect(script).toContain(`#SBATCH --output=${join(out, 'logs', 'shard-%a.out')}\n`);
    expect(script).toContain(
      'parley run sweep.json \\\n  --db "shards/shard-${SLURM_ARRAY_TASK_ID}.db" --shard slurm',
    );
    expect(readFileSync(join(out, 'merge.sh'), 'utf8')).toContain(
      'parley merge shards/shard-*.db --into merged.db\n',
    );
    expect(JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8'))).toEqual(sweep);
    const bad = runCli(['slurm', sweepFile, '--shards', '0', '--out', out]);
    expect(bad.status).toBe(2);
  });

  it('merges three shards into exactly the games and turns of one uninterrupted run', () => {
    const reference = join(tmp.dir, 'reference.db');
    expect(runCli(['run', sweepFile, '--db', reference]).status).toBe(0);

    const shards = [0, 1, 2].map((k) => join(tmp.dir, `shard-${k}.db`));
    const sizes = shards.map((db, k) => {
      const r = runCli(['run', sweepFile, '--db', db, '--shard', 'slurm'], {
        SLURM_ARRAY_TASK_ID: String(k),
        SLURM_ARRAY_TASK_COUNT: '3',
      });
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

// The job folder `parley slurm` writes, run the way a SLURM node runs it but without SLURM:
// bash job.sbatch with SLURM_ARRAY_TASK_ID set, on a PATH that holds no `parley` and no SLURM
// tools. Task K runs shard K of N whatever array is resubmitted, merge.sh fails naming the
// shards to resubmit, a moved folder fails with a message, and nothing is written for bad input.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shardOf } from '../../src-main/cluster/shard';
import { registryResolver } from '../../src-main/registry/registry';
import { validateSweepDoc } from '../../src-main/sweeps/service';
import { BIN, boundedRational, runCli, snapshot, tempDir } from './cli-helpers';

const tmp = tempDir('parley-cluster-job-');
afterAll(() => tmp.cleanup());

/** 2 opponents x 3 levels x 2 orders x 4 runs = 48 games. */
const sweep = {
  name: 'cluster job test',
  game: { kind: 'item-allocation', params: { items: 5 } },
  participants: [
    boundedRational('weak', 0.2),
    boundedRational('strong', 0.8),
    boundedRational('ref', 0.5),
  ],
  lineup: { mode: 'baseline', baseline: 'ref', opponents: ['weak', 'strong'] },
  competition: { levels: [0, 0.5, 1] },
  orders: 'both',
  runs: { count: 4, baseSeed: 11 },
  concurrency: 2,
};
const sweepText = `${JSON.stringify(sweep, null, 2)}\n`;
const sweepFile = join(tmp.dir, 'sweep.json');
writeFileSync(sweepFile, sweepText);
const v = validateSweepDoc(sweep, registryResolver());
if (!v.ok) throw new Error('test sweep invalid');
const ids = v.expanded.games.map((g) => g.id);
const inShard = (k: number, n: number) => ids.filter((id) => shardOf(id, n) === k).length;

// A PATH as bare as a node's can be: node, bash and the tools the script calls; no parley, no SLURM.
const bin = join(tmp.dir, 'bin');
mkdirSync(bin);
for (const tool of ['bash', 'hostname', 'date']) {
  const at = spawnSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
  symlinkSync(at, join(bin, tool));
}
symlinkSync(process.execPath, join(bin, 'node'));
const bare = { PATH: bin };

/** Run a script of the job folder as SLURM would (bash, on the bare PATH). */
function runScript(script: string, env: Record<string, string> = {}) {
  const r = spawnSync(join(bin, 'bash'), [script], {
    env: { ...bare, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const job = join(tmp.dir, 'jobs', 'grid one');

describe('parley slurm writes a job that runs as written', () => {
  it('writes absolute node and entry point, quoted paths, shard K of a fixed N, logs appended, SIGTERM before the limit', () => {
    const r = runCli(
      [
        'slurm',
        sweepFile,
        '--shards',
        '3',
        '--out',
        job,
        '--partition',
        'short',
        '--parallel',
        '2',
      ],
      bare,
    );
    expect(r.stderr).toBe('warning: --partition short not checked: sinfo is not installed\n');
    expect(r.status).toBe(0);
    const q = `'${job}'`;
    expect(r.stdout).toBe(
      `Wrote ${job}/job.sbatch (3 tasks, ${Math.min(inShard(0, 3), inShard(1, 3), inShard(2, 3))}-` +
        `${Math.max(inShard(0, 3), inShard(1, 3), inShard(2, 3))} of 48 games each)\n` +
        `      ${job}/merge.sh\n` +
        `Submit: sbatch '${job}/job.sbatch'\n` +
        `Status: parley slurm status ${q}\n` +
        `Then:   bash '${job}/merge.sh'   (writes merged.db; names the tasks to resubmit while games are unfinished)\n`,
    );
    const parley = `parley=(${process.execPath} ${BIN})`;
    expect(readFileSync(join(job, 'job.sbatch'), 'utf8')).toBe(
      [
        '#!/bin/bash',
        `#SBATCH --job-name=parley-${v.sweepId.slice(0, 8)}`,
        '#SBATCH --array=0-2%2',
        '#SBATCH --cpus-per-task=2',
        '#SBATCH --mem=4G',
        '#SBATCH --time=04:00:00',
        `#SBATCH --output="${job}/logs/shard-%a.out"`,
        '#SBATCH --open-mode=append',
        '#SBATCH --signal=B:TERM@60',
        '#SBATCH --partition=short',
        '# Written by `parley slurm`. Task K runs shard K of 3 into shards/shard-K.db. A task',
        '# that is cancelled or reaches its time limit gets SIGTERM and pauses its games; rerun only',
        '# the tasks that did not finish with `sbatch --array=K,... job.sbatch` (merge.sh names them).',
        '# When every task has finished: bash merge.sh (in this folder).',
        'set -euo pipefail',
        `job_dir=${q}`,
        'shards=3',
        parley,
        'fail() { echo "parley job: $*" >&2; exit 2; }',
        'task="${SLURM_ARRAY_TASK_ID:-}"',
        '[ -n "$task" ] || fail "SLURM_ARRAY_TASK_ID is not set: submit this script with sbatch"',
        '[ "$task" -lt "$shards" ] ||',
        '  fail "array index $task is outside this job\'s shards 0-$((shards - 1)): resubmit with --array=K for K below $shards"',
        'echo "parley job: shard $task/$shards of $job_dir on $(hostname) at $(date -Iseconds), SLURM job ${SLURM_JOB_ID:-?}"',
        '[ -d "$job_dir" ] ||',
        '  fail "the job folder $job_dir is missing on $(hostname): was it moved or is it not shared with this node? Write the job again with parley slurm --out <new folder>"',
        '[ -f "$job_dir/sweep.json" ] || fail "$job_dir/sweep.json is missing"',
        'for f in "${parley[@]}"; do',
        '  [ -e "$f" ] || fail "$f is missing on $(hostname): was Parley moved, or is it not installed there? Write the job again with parley slurm"',
        'done',
        'cd "$job_dir"',
        'exec "${parley[@]}" run sweep.json --db "shards/shard-$task.db" --shard "$task/$shards" \\',
        '  --concurrency 4',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(job, 'merge.sh'), 'utf8')).toBe(
      [
        '#!/bin/bash',
        '# Written by `parley slurm`: joins the shard databases into merged.db. Exits 1 while games',
        '# are unfinished or shards have not run, naming the tasks to resubmit (sbatch --array=K,...).',
        'set -euo pipefail',
        `job_dir=${q}`,
        parley,
        'exec "${parley[@]}" slurm merge "$job_dir"',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(job, 'sweep.json'), 'utf8')).toBe(sweepText);
    expect(JSON.parse(readFileSync(join(job, 'job.json'), 'utf8'))).toEqual({
      kind: 'parley-slurm-job',
      version: 1,
      sweepId: v.sweepId,
      sweepName: 'cluster job test',
      games: 48,
      shards: 3,
      dir: job,
      jobName: `parley-${v.sweepId.slice(0, 8)}`,
      submissions: [],
    });
    expect(readdirSync(join(job, 'shards'))).toEqual([]);
    expect(readdirSync(join(tmp.dir, 'jobs'))).toEqual(['grid one']);
  });

  it('task K runs only shard K of 3, also alone; merge.sh fails naming the shards to resubmit, then joins them into one run', () => {
    const one = runScript(join(job, 'job.sbatch'), { SLURM_ARRAY_TASK_ID: '1', SLURM_JOB_ID: '7' });
    expect(one.stderr).toContain(`${inShard(1, 3)}/${inShard(1, 3)} finished`);
    expect(one.stderr).toContain(`(shard 1/3 of 48)`);
    expect(one.status).toBe(0);
    expect(one.stdout).toMatch(
      new RegExp(`^parley job: shard 1/3 of ${job} on ${hostname()} at \\S+, SLURM job 7\n`),
    );
    expect(Object.keys(snapshot(join(job, 'shards', 'shard-1.db'))).length).toBe(inShard(1, 3));

    const merge = runScript(join(job, 'merge.sh'));
    expect(merge.status).toBe(1);
    expect(merge.stdout).toBe('');
    const table = (finished: number[]) =>
      [0, 1, 2]
        .map(
          (k) =>
            `${String(k).padStart(5)}  ${`${finished[k]}/${inShard(k, 3)}`.padStart(8)}       0           0  ` +
            `${String(inShard(k, 3) - finished[k]).padStart(11)}`,
        )
        .join('\n');
    expect(merge.stderr).toBe(
      'shards/shard-0.db: missing (the task has not run)\n' +
        `shards/shard-1.db: ${inShard(1, 3)} games added, 0 advanced, ${countTurns(job, 1)} turns, 0 calls\n` +
        'shards/shard-2.db: missing (the task has not run)\n' +
        `${job}/merged.db: ${inShard(1, 3)}/48 games finished\n` +
        'squeue: squeue is not installed\n' +
        'shard  finished  failed  unfinished  not started\n' +
        `${table([0, inShard(1, 3), 0])}\n` +
        `Unfinished: shards 0,2. Resubmit them: sbatch --array=0,2 '${job}/job.sbatch'\n` +
        'Run merge.sh again when those tasks have finished.\n',
    );

    const status = runCli(['slurm', 'status', job], bare);
    expect(status.status).toBe(0);
    expect(status.stdout).toBe(
      `Job parley-${v.sweepId.slice(0, 8)} in ${job}: sweep "cluster job test" (${v.sweepId.slice(0, 8)}), 48 games in 3 shards\n` +
        'squeue: squeue is not installed\n' +
        'shard  finished  failed  unfinished  not started\n' +
        `${table([0, inShard(1, 3), 0])}\n` +
        `Unfinished: shards 0,2. Resubmit them: sbatch --array=0,2 '${job}/job.sbatch'\n`,
    );

    for (const k of ['0', '2'])
      expect(runScript(join(job, 'job.sbatch'), { SLURM_ARRAY_TASK_ID: k }).status).toBe(0);
    const all = runCli(['slurm', 'status', job], bare);
    expect(all.stdout).toBe(
      `Job parley-${v.sweepId.slice(0, 8)} in ${job}: sweep "cluster job test" (${v.sweepId.slice(0, 8)}), 48 games in 3 shards\n` +
        'squeue: squeue is not installed\n' +
        'shard  finished  failed  unfinished  not started\n' +
        `${table([inShard(0, 3), inShard(1, 3), inShard(2, 3)])}\n` +
        `All 48 games finished; join them: bash '${job}/merge.sh'\n`,
    );
    const done = runScript(join(job, 'merge.sh'));
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    expect(done.stdout).toBe(
      `shards/shard-0.db: ${inShard(0, 3)} games added, 0 advanced, ${countTurns(job, 0)} turns, 0 calls\n` +
        'shards/shard-1.db: 0 games added, 0 advanced, 0 turns, 0 calls\n' +
        `shards/shard-2.db: ${inShard(2, 3)} games added, 0 advanced, ${countTurns(job, 2)} turns, 0 calls\n` +
        `${job}/merged.db: 48/48 games finished\n`,
    );
    const reference = join(tmp.dir, 'reference.db');
    expect(runCli(['run', sweepFile, '--db', reference]).status).toBe(0);
    expect(snapshot(join(job, 'merged.db'))).toEqual(snapshot(reference));
  }, 240_000); // nine Parley processes in a row: minutes on a loaded machine

  it('a task outside the shards, a moved job folder and an unusable --parley fail with a message', () => {
    const outside = runScript(join(job, 'job.sbatch'), { SLURM_ARRAY_TASK_ID: '3' });
    expect(outside.status).toBe(2);
    expect(outside.stderr).toBe(
      "parley job: array index 3 is outside this job's shards 0-2: resubmit with --array=K for K below 3\n",
    );

    const moved = join(tmp.dir, 'jobs', 'moved');
    renameSync(job, moved);
    try {
      const r = runScript(join(moved, 'job.sbatch'), { SLURM_ARRAY_TASK_ID: '0' });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(
        `parley job: the job folder ${job} is missing on ${hostname()}: was it moved or is it not shared with this node? ` +
          'Write the job again with parley slurm --out <new folder>\n',
      );
      const status = runCli(['slurm', 'status', moved], bare);
      expect(status.status).toBe(2);
      expect(status.stderr).toBe(
        `parley: ${moved} was written for ${job}: its scripts use that path, so the tasks would fail. ` +
          'Write the job again here (parley slurm <sweep.json> --out <folder>); the shard databases are kept.\n',
      );
    } finally {
      renameSync(moved, job);
    }

    const badParley = join(tmp.dir, 'jobs', 'bad-parley');
    const r = runCli(
      ['slurm', sweepFile, '--shards', '2', '--out', badParley, '--parley', '/nowhere/node x.js'],
      bare,
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^parley: cannot write the job: `\/nowhere\/node x.js --version` failed here \(exit 127\):\n {2}.*No such file or directory\nThe tasks would fail the same way; fix the installation or give --parley.\n$/,
    );
    expect(existsSync(badParley)).toBe(false);
  });
});

describe('parley slurm checks before writing anything', () => {
  const cases: [string, string[], string][] = [
    ['zero shards', ['--shards', '0'], 'parley: --shards must be a positive integer, got "0"\n'],
    [
      'more shards than games',
      ['--shards', '49'],
      "parley: --shards 49 is more than the sweep's 48 games: every shard needs a game; use at most 48\n",
    ],
    [
      'a bad --time',
      ['--shards', '2', '--time', '4h'],
      'parley: --time must look like 04:00:00 or 1-00:00:00, got "4h"\n',
    ],
    ['no --shards', [], "parley: required option '--shards <n>' not specified\n"],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const out = join(tmp.dir, 'refused', 'job');
    const r = runCli(['slurm', sweepFile, '--out', out, ...args], bare);
    expect(r.stderr).toBe(message);
    expect(r.status).toBe(2);
    expect(existsSync(join(tmp.dir, 'refused'))).toBe(false);
  });

  it('refuses a folder path an #SBATCH line cannot hold, and a folder holding another split', () => {
    const quoted = join(tmp.dir, 'say "hi"');
    const q = runCli(['slurm', sweepFile, '--shards', '2', '--out', quoted], bare);
    expect(q.status).toBe(2);
    expect(q.stderr).toBe(
      `parley: the job folder ${JSON.stringify(quoted)} contains a double quote or a line break, which an #SBATCH line cannot hold; choose another --out\n`,
    );
    expect(existsSync(quoted)).toBe(false);

    // The job of the first test ran: its folder holds 3 shard databases.
    const again = runCli(['slurm', sweepFile, '--shards', '4', '--out', job], bare);
    expect(again.status).toBe(2);
    expect(again.stderr).toBe(
      `parley: ${job} already holds a job for sweep ${v.sweepId.slice(0, 8)} in 3 shards with 3 shard database(s); ` +
        'a different sweep or shard count would split the games differently. Choose another --out, or remove that folder.\n',
    );
    expect(readFileSync(join(job, 'job.sbatch'), 'utf8')).toContain('shards=3\n');
  });

  it('warns about shards that hold no game', () => {
    const n = 40;
    const empty = Array.from({ length: n }, (_, k) => k).filter((k) => inShard(k, n) === 0);
    // Which shards stay empty follows the games' content ids (v2: focal in, transport out).
    expect(empty).toEqual([3, 12, 15, 17, 21, 23, 26, 28, 32, 36, 37, 38]);
    const out = join(tmp.dir, 'sparse');
    const r = runCli(['slurm', sweepFile, '--shards', String(n), '--out', out], bare);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      `warning: ${empty.length} of 40 shards hold no game (games go to shards by their id): ` +
        '3,12,15,17,21,23,26,28,32,36-38; those tasks will end at once. Fewer shards avoid that.\n',
    );
  });
});

function countTurns(dir: string, k: number): number {
  return Object.values(snapshot(join(dir, 'shards', `shard-${k}.db`))).reduce(
    (a, g) => a + g.turns.length,
    0,
  );
}

// The SLURM suite: a strategy sweep on a real single-node SLURM (slurmctld, slurmd and munged
// started by tests/slurm/with-slurm.sh, reached through SLURM_CONF). `parley slurm --submit`
// writes and submits the job, one array task is cancelled mid-run with scancel and rerun alone
// with `sbatch --array=K`, it resumes, merge.sh joins the shards, and the merged database equals
// a single-machine run game for game. Every wait polls with a deadline.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shardOf } from '../../src-main/cluster/shard';
import { registryResolver } from '../../src-main/registry/registry';
import { validateSweepDoc } from '../../src-main/sweeps/service';
import { ROOT, countRows, runCli, snapshot, tempDir, waitFor } from '../integration/cli-helpers';

const unavailable =
  process.env.PARLEY_SLURM_UNAVAILABLE ??
  (process.env.SLURM_CONF
    ? undefined
    : 'SLURM_CONF is not set: run through tests/slurm/with-slurm.sh');
if (unavailable) console.warn(`SLURM suite skipped: ${unavailable}`);

const tmp = tempDir('parley slurm suite ');
afterAll(() => tmp.cleanup());

// The strategy baselines example with more runs: 6 opponents x 3 levels x 2 orders x 40 runs =
// 1,440 games, so a task (~480 games) runs long enough for a kill to land mid-way.
const sweep = JSON.parse(
  readFileSync(join(ROOT, 'resources', 'examples', 'strategy-baselines.json'), 'utf8'),
) as { runs: { count: number; baseSeed: number }; name: string };
sweep.runs = { count: 40, baseSeed: 3 };
sweep.name = 'slurm suite';
const sweepFile = join(tmp.dir, 'sweep.json');
writeFileSync(sweepFile, JSON.stringify(sweep, null, 2));
const v = validateSweepDoc(sweep, registryResolver());
const SHARDS = 3;
const KILLED = 1;
const planned = (k: number) =>
  v.ok ? v.expanded.games.filter((g) => shardOf(g.id, SHARDS) === k).length : 0;

function slurm(tool: string, args: string[]): string {
  const r = spawnSync(tool, args, { encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')}: ${r.stderr || r.error}`);
  return r.stdout;
}

/** Array tasks of this job id still pending or running. */
const inQueue = (jobId: string) =>
  slurm('squeue', ['-h', '-r', '-j', jobId, '-o', '%i']).split('\n').filter(Boolean);

const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

describe.skipIf(unavailable)('parley slurm on a real SLURM', () => {
  const job = join(tmp.dir, 'job folder');
  const shardDb = (k: number) => join(job, 'shards', `shard-${k}.db`);
  const log = (k: number) => readFileSync(join(job, 'logs', `shard-${k}.out`), 'utf8');

  it('checks partition and MaxArraySize with the cluster before writing', () => {
    const bad = runCli(['slurm', sweepFile, '--shards', '3', '--out', job, '--partition', 'nope']);
    expect(bad.stderr).toBe(
      'parley: --partition nope: sinfo lists no such partition; known: debug\n',
    );
    expect(bad.status).toBe(2);
    const big = runCli(['slurm', sweepFile, '--shards', '1002', '--out', job]);
    expect(big.stderr).toBe(
      "parley: --shards 1002: this cluster's MaxArraySize is 1001 (array indices 0-1000), so sbatch would refuse the job; use at most 1001 shards\n",
    );
    expect(big.status).toBe(2);
    expect(existsSync(job)).toBe(false);
  });

  it('runs the job, a cancelled task resumes alone with sbatch --array=K, merged equals one run', async () => {
    const t0 = Date.now();
    const submitted = runCli([
      'slurm',
      sweepFile,
      '--shards',
      String(SHARDS),
      '--out',
      job,
      '--cpus',
      '1',
      '--mem',
      '500M',
      '--partition',
      'debug',
      '--submit',
    ]);
    expect(submitted.stderr).toBe('');
    expect(submitted.status).toBe(0);
    const jobId = /^Submitted batch job (\d+) \(3 tasks\)$/m.exec(submitted.stdout)?.[1] ?? '';
    expect(jobId).not.toBe('');
    expect(JSON.parse(readFileSync(join(job, 'job.json'), 'utf8')).submissions[0].jobId).toBe(
      jobId,
    );

    // Cancel task KILLED as soon as it has finished a few games.
    const finished = (k: number) =>
      countRows(shardDb(k), "SELECT count(*) FROM games WHERE status = 'finished'");
    await waitFor(() => finished(KILLED) >= 3, 180_000, 20);
    const atKill = finished(KILLED);
    slurm('scancel', [`${jobId}_${KILLED}`]);
    await waitFor(() => inQueue(jobId).length === 0, 300_000, 250);
    console.log(`slurm suite: job ${jobId} out of the queue after ${seconds(t0)} s`);

    const left = finished(KILLED);
    expect(left, 'the cancelled task finished before the kill took effect').toBeLessThan(
      planned(KILLED),
    );
    expect(left).toBeGreaterThanOrEqual(atKill);
    for (const k of [0, 2]) expect(finished(k)).toBe(planned(k));
    expect(log(KILLED)).toContain(`CANCELLED`);
    const clean = countRows(shardDb(KILLED), "SELECT count(*) FROM games WHERE status = 'running'");
    console.log(
      `slurm suite: task ${KILLED} cancelled with ${left}/${planned(KILLED)} games finished, ` +
        `${clean === 0 ? 'paused cleanly on SIGTERM' : `${clean} games left running (SIGKILL after KillWait)`}`,
    );

    const status = runCli(['slurm', 'status', job]);
    expect(status.status).toBe(0);
    expect(status.stdout).toContain('squeue: no task of this job is queued or running\n');
    expect(status.stdout).toContain(
      `Unfinished: shards ${KILLED}. Resubmit them: sbatch --array=${KILLED} '${job}/job.sbatch'\n`,
    );

    const early = spawnSync('bash', [join(job, 'merge.sh')], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(early.status).toBe(1);
    expect(early.stderr).toContain(
      `${job}/merged.db: ${1440 - planned(KILLED) + left}/1440 games finished\n`,
    );
    expect(early.stderr).toContain(
      `Unfinished: shards ${KILLED}. Resubmit them: sbatch --array=${KILLED} '${job}/job.sbatch'\n`,
    );

    // Rerun the cancelled task alone: it resumes its own shard (1 of 3), not the whole sweep.
    const t1 = Date.now();
    const rerun = slurm('sbatch', [
      '--parsable',
      `--array=${KILLED}`,
      join(job, 'job.sbatch'),
    ]).trim();
    await waitFor(() => inQueue(rerun).length === 0, 300_000, 250);
    console.log(`slurm suite: rerun of task ${KILLED} (job ${rerun}) took ${seconds(t1)} s`);
    expect(finished(KILLED)).toBe(planned(KILLED));
    const text = log(KILLED);
    expect(text.match(new RegExp(`^parley job: shard ${KILLED}/3 of `, 'gm'))?.length).toBe(2);
    const resumed = new RegExp(
      `${planned(KILLED)} games \\(shard ${KILLED}/3 of 1440\\); (\\d+) already finished`,
      'g',
    );
    const runs = [...text.matchAll(resumed)].map((m) => Number(m[1]));
    expect(runs[0]).toBe(0);
    expect(runs[1]).toBe(left);
    expect(text).toContain(`${planned(KILLED)}/${planned(KILLED)} finished`);
    for (const k of [0, 2]) expect(log(k).match(/^parley job: shard/gm)?.length).toBe(1);

    // An index outside the job's shards fails with a message in its log.
    const outside = slurm('sbatch', ['--parsable', '--array=3', join(job, 'job.sbatch')]).trim();
    await waitFor(() => inQueue(outside).length === 0, 120_000, 250);
    expect(log(3)).toBe(
      "parley job: array index 3 is outside this job's shards 0-2: resubmit with --array=K for K below 3\n",
    );

    const merged = spawnSync('bash', [join(job, 'merge.sh')], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(merged.stderr).toBe('');
    expect(merged.status).toBe(0);
    expect(merged.stdout).toContain(`${job}/merged.db: 1440/1440 games finished\n`);
    console.log(`slurm suite: submit to merged in ${seconds(t0)} s`);

    const t2 = Date.now();
    const reference = join(tmp.dir, 'reference.db');
    expect(runCli(['run', sweepFile, '--db', reference]).status).toBe(0);
    console.log(`slurm suite: single-machine run of 1440 games in ${seconds(t2)} s`);
    expect(snapshot(join(job, 'merged.db'))).toEqual(snapshot(reference));
  });
});

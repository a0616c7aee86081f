// What `parley slurm`, `parley slurm status` and `parley slurm merge` do, apart from parsing
// their options: check everything the cluster would reject up front, write the job folder, submit
// it, and report the job's state and each shard's progress.
import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import type { GameStatus } from '../../src-shared/planned-game';
import type { ExpandedSweep } from '../sweeps/expand';
import { openStore } from '../store/store';
import type { MergeReport } from '../store/types';
import {
  JobError,
  checkJobDirPath,
  checkNotMoved,
  checkParleyCommand,
  readManifest,
  recordSubmission,
  writeJobFolder,
  type JobManifest,
} from './job-folder';
import {
  arraySpec,
  gameStatuses,
  plannedShards,
  shardProgress,
  shardsToRerun,
  type ShardProgress,
} from './job-progress';
import { shardOf } from './shard';
import { mergeScript, shellQuote, slurmScript, type SlurmJob } from './slurm-script';
import {
  DEFAULT_MAX_ARRAY_SIZE,
  accountedTasks,
  maxArraySize,
  partitions,
  queuedTasks,
  sbatch,
  type TaskState,
} from './slurm-tools';

export interface WriteJobInput {
  job: SlurmJob;
  sweepId: string;
  sweep: ExpandedSweep;
  /** The sweep file's text, copied verbatim. */
  sweepText: string;
  submit: boolean;
}

/** Check, write (and submit) a job; returns what to print on stdout. Warnings go to `warn`. */
export function writeJob(input: WriteJobInput, warn: (line: string) => void): string {
  const { job, sweep } = input;
  const games = sweep.games.length;
  checkJobDirPath(job.dir);
  if (job.shards > games)
    throw new JobError(
      `--shards ${job.shards} is more than the sweep's ${games} games: every shard needs a game; use at most ${games}`,
    );
  // Refusals first (sbatch or sinfo would reject the job), then warnings about a job that runs.
  checkArraySize(job.shards, warn);
  if (job.partition) checkPartition(job.partition, warn);
  const perShard = new Array<number>(job.shards).fill(0);
  for (const g of sweep.games) perShard[shardOf(g.id, job.shards)]++;
  const empty = perShard.flatMap((n, k) => (n === 0 ? [k] : []));
  if (empty.length > 0)
    warn(
      `${empty.length} of ${job.shards} shards hold no game (games go to shards by their id): ` +
        `${empty.length > 12 ? `${empty.slice(0, 12).join(', ')}, ...` : arraySpec(empty)}; ` +
        'those tasks will end at once. Fewer shards avoid that.',
    );
  checkParleyCommand(job.parley);

  const manifest: JobManifest = {
    kind: 'parley-slurm-job',
    version: 1,
    sweepId: input.sweepId,
    sweepName: sweep.sweep.name,
    games,
    shards: job.shards,
    dir: job.dir,
    jobName: job.jobName,
    submissions: [],
  };
  writeJobFolder(job.dir, manifest, [
    { name: 'sweep.json', text: input.sweepText },
    { name: 'job.sbatch', text: slurmScript(job) },
    { name: 'merge.sh', text: mergeScript(job), mode: 0o755 },
  ]);
  const script = join(job.dir, 'job.sbatch');
  const min = Math.min(...perShard);
  const max = Math.max(...perShard);
  let out =
    `Wrote ${script} (${job.shards} tasks, ${min === max ? min : `${min}-${max}`} of ${games} games each)\n` +
    `      ${join(job.dir, 'merge.sh')}\n`;
  const status = `parley slurm status ${shellQuote(job.dir)}`;
  const merge = `bash ${shellQuote(join(job.dir, 'merge.sh'))}`;
  if (!input.submit)
    return (
      out +
      `Submit: sbatch ${shellQuote(script)}\nStatus: ${status}\n` +
      `Then:   ${merge}   (writes merged.db; names the tasks to resubmit while games are unfinished)\n`
    );
  const r = sbatch(script);
  if (!r.ok) throw new JobError(`the job is written but sbatch failed: ${r.message}`);
  recordSubmission(job.dir, r.jobId ?? '');
  out += `Submitted batch job ${r.jobId} (${job.shards} tasks)\nStatus: ${status}\nThen:   ${merge}\n`;
  return out;
}

function checkArraySize(shards: number, warn: (line: string) => void): void {
  const max = maxArraySize();
  if (max.ok) {
    if (shards > max.value)
      throw new JobError(
        `--shards ${shards}: this cluster's MaxArraySize is ${max.value} (array indices 0-${max.value - 1}), ` +
          `so sbatch would refuse the job; use at most ${max.value} shards`,
      );
  } else if (shards > DEFAULT_MAX_ARRAY_SIZE) {
    warn(
      `--shards ${shards}: SLURM's default MaxArraySize is ${DEFAULT_MAX_ARRAY_SIZE} (indices up to ` +
        `${DEFAULT_MAX_ARRAY_SIZE - 1}) and sbatch refuses larger arrays unless the cluster raised it; ` +
        `could not ask (${max.message}); check with: scontrol show config | grep MaxArraySize`,
    );
  }
}

function checkPartition(name: string, warn: (line: string) => void): void {
  const p = partitions();
  if (!p.ok) {
    warn(`--partition ${name} not checked: ${p.message}`);
    return;
  }
  if (!p.names.includes(name))
    throw new JobError(
      `--partition ${name}: sinfo lists no such partition; known: ${p.names.join(', ') || 'none'}`,
    );
}

/** `parley slurm status`: the job's tasks in SLURM and each shard's progress. */
export function jobStatus(dir: string): string {
  const m = readManifest(dir);
  checkNotMoved(dir, m);
  const planned = plannedShards(dir, m, readSweep(dir));
  const statuses = new Map<string, GameStatus>();
  for (let k = 0; k < m.shards; k++) gameStatuses(shardFile(dir, k), m.sweepId, statuses);
  const rows = shardProgress(planned, statuses);
  const queue = queueOf(m);
  const lines = [
    `Job ${m.jobName} in ${dir}: sweep "${m.sweepName}" (${m.sweepId.slice(0, 8)}), ${m.games} games in ${m.shards} shards`,
    queue.line,
  ];
  if (m.submissions.length > 0) {
    const acct = accountedTasks(m.submissions.map((s) => s.jobId));
    lines.push(
      acct.ok
        ? `sacct: ${acct.tasks.map((t) => `${taskName(t)} ${t.state} ${t.detail}`).join(', ') || 'no records'}`
        : `sacct: ${acct.message.split('\n')[0]}`,
    );
  }
  lines.push(...progressTable(rows), ...rerunLines(dir, rows, queue.active));
  const finished = rows.reduce((a, r) => a + r.finished, 0);
  if (finished === m.games)
    lines.push(
      `All ${m.games} games finished; join them: bash ${shellQuote(join(dir, 'merge.sh'))}`,
    );
  return `${lines.join('\n')}\n`;
}

/** `parley slurm merge` (merge.sh): join the shards into merged.db; complete = every game done. */
export function mergeJob(dir: string): { text: string; complete: boolean } {
  const m = readManifest(dir);
  const planned = plannedShards(dir, m, readSweep(dir));
  const into = join(dir, 'merged.db');
  const lines: string[] = [];
  const store = openStore(into);
  try {
    for (let k = 0; k < m.shards; k++) {
      const file = shardFile(dir, k);
      lines.push(
        existsSync(file)
          ? mergeLine(`shards/shard-${k}.db`, store.mergeFrom(file))
          : `shards/shard-${k}.db: missing (the task has not run)`,
      );
    }
  } finally {
    store.close();
  }
  const rows = shardProgress(planned, gameStatuses(into, m.sweepId));
  const finished = rows.reduce((a, r) => a + r.finished, 0);
  const complete = finished === m.games;
  lines.push(`${into}: ${finished}/${m.games} games finished`);
  if (!complete) {
    const queue = queueOf(m);
    lines.push(queue.line, ...progressTable(rows), ...rerunLines(dir, rows, queue.active));
    if (shardsToRerun(rows).length > 0)
      lines.push('Run merge.sh again when those tasks have finished.');
  }
  return { text: `${lines.join('\n')}\n`, complete };
}

/** One line per merged database, as `parley merge` prints it. */
export function mergeLine(label: string, r: MergeReport): string {
  return (
    `${label}: ${r.added} games added, ${r.advanced} advanced, ${r.turns} turns, ${r.calls} calls` +
    (r.judgements + r.tags + r.notes > 0
      ? `, ${r.judgements} judgements, ${r.tags} tags, ${r.notes} notes`
      : '') +
    (r.conflicts > 0
      ? `; WARNING ${r.conflicts} games finished in both with different outcomes (kept the earlier copy)`
      : '')
  );
}

function readSweep(dir: string): unknown {
  const file = join(dir, 'sweep.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new JobError(`cannot read ${file}: ${(err as Error).message}`);
  }
}

function shardFile(dir: string, k: number): string {
  return join(dir, 'shards', `shard-${k}.db`);
}

function taskName(t: TaskState): string {
  return t.task === undefined ? t.jobId : `${t.jobId}_${t.task}`;
}

/** The job's tasks in squeue: a line to print and the shards queued or running. */
function queueOf(m: JobManifest): { line: string; active: Set<number> | undefined } {
  const q = queuedTasks(m.jobName);
  if (!q.ok) return { line: `squeue: ${q.message.split('\n')[0]}`, active: undefined };
  if (q.tasks.length === 0)
    return { line: 'squeue: no task of this job is queued or running', active: new Set() };
  const active = new Set<number>();
  for (const t of q.tasks) if (t.task !== undefined) active.add(t.task);
  const shown = q.tasks.map(
    (t) => `${taskName(t)} ${t.state}${t.detail && t.detail !== 'None' ? ` (${t.detail})` : ''}`,
  );
  return { line: `squeue: ${shown.join(', ')}`, active };
}

function progressTable(rows: ShardProgress[]): string[] {
  const out = ['shard  finished  failed  unfinished  not started'];
  for (const r of rows)
    out.push(
      `${String(r.shard).padStart(5)}  ${`${r.finished}/${r.planned}`.padStart(8)}  ${String(r.failed).padStart(6)}  ` +
        `${String(r.unfinished).padStart(10)}  ${String(r.missing).padStart(11)}`,
    );
  return out;
}

function rerunLines(dir: string, rows: ShardProgress[], active: Set<number> | undefined): string[] {
  const out: string[] = [];
  const failed = rows.filter((r) => r.failed > 0);
  if (failed.length > 0)
    out.push(
      `${failed.reduce((a, r) => a + r.failed, 0)} games failed (shards ${arraySpec(failed.map((r) => r.shard))}); ` +
        'a resubmission does not replay failed games: see their errors with parley status --db on the shard database',
    );
  const rerun = shardsToRerun(rows);
  const waiting = active ? rerun.filter((k) => active.has(k)) : [];
  const idle = rerun.filter((k) => !waiting.includes(k));
  if (waiting.length > 0) out.push(`Still queued or running: shards ${arraySpec(waiting)}`);
  if (idle.length > 0)
    out.push(
      `Unfinished: shards ${arraySpec(idle)}. Resubmit them: sbatch --array=${arraySpec(idle)} ${shellQuote(join(dir, 'job.sbatch'))}`,
    );
  return out;
}

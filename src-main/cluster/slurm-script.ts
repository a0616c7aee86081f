// The files `parley slurm` writes into a job folder: the sbatch array script (task K runs shard
// K of N, N fixed here, so any subset of tasks can be resubmitted with `sbatch --array=K,...`)
// and merge.sh. Pure text builders; the checks that the paths are real live in job-folder.ts.
import { join } from 'node:path';

export interface SlurmJob {
  /** Number of array tasks = shards. */
  shards: number;
  /** Absolute job folder: sweep copy, scripts, shard databases, logs. */
  dir: string;
  jobName: string;
  time: string;
  cpus: number;
  mem: string;
  partition?: string;
  /** At most this many tasks at once (SLURM's %limit), e.g. to respect provider rate limits. */
  parallel?: number;
  /** How the nodes start Parley: argv words (absolute node and entry point by default). */
  parley: ParleyCommand;
}

/** Either the exact argv of Parley (checked paths) or a shell command the user gave. */
export type ParleyCommand = { argv: string[] } | { shell: string };

/** Seconds before the time limit at which SLURM sends SIGTERM, so the task pauses cleanly. */
export const SIGNAL_LEAD_SECONDS = 60;

/** The sbatch script text. */
export function slurmScript(o: SlurmJob): string {
  const limit = o.parallel ? `%${o.parallel}` : '';
  // sbatch splits #SBATCH lines at spaces unless the value is in double quotes (a path holding a
  // double quote or a line break is refused before writing), and reads "%" in a file name as a
  // pattern: "%a" is the array index, "%%" a literal percent sign.
  const log = join(o.dir.replaceAll('%', '%%'), 'logs', 'shard-%a.out');
  return [
    '#!/bin/bash',
    `#SBATCH --job-name=${o.jobName}`,
    `#SBATCH --array=0-${o.shards - 1}${limit}`,
    `#SBATCH --cpus-per-task=${o.cpus}`,
    `#SBATCH --mem=${o.mem}`,
    `#SBATCH --time=${o.time}`,
    `#SBATCH --output="${log}"`,
    '#SBATCH --open-mode=append',
    // B: signals the batch shell, which is Parley itself (exec below): it pauses its games.
    `#SBATCH --signal=B:TERM@${SIGNAL_LEAD_SECONDS}`,
    ...(o.partition ? [`#SBATCH --partition=${o.partition}`] : []),
    `# Written by \`parley slurm\`. Task K runs shard K of ${o.shards} into shards/shard-K.db. A task`,
    '# that is cancelled or reaches its time limit gets SIGTERM and pauses its games; rerun only',
    '# the tasks that did not finish with `sbatch --array=K,... job.sbatch` (merge.sh names them).',
    '# When every task has finished: bash merge.sh (in this folder).',
    'set -euo pipefail',
    `job_dir=${shellQuote(o.dir)}`,
    `shards=${o.shards}`,
    ...parleyLines(o.parley),
    'fail() { echo "parley job: $*" >&2; exit 2; }',
    'task="${SLURM_ARRAY_TASK_ID:-}"',
    '[ -n "$task" ] || fail "SLURM_ARRAY_TASK_ID is not set: submit this script with sbatch"',
    '[ "$task" -lt "$shards" ] ||',
    '  fail "array index $task is outside this job\'s shards 0-$((shards - 1)): resubmit with --array=K for K below $shards"',
    'echo "parley job: shard $task/$shards of $job_dir on $(hostname) at $(date -Iseconds), SLURM job ${SLURM_JOB_ID:-?}"',
    '[ -d "$job_dir" ] ||',
    '  fail "the job folder $job_dir is missing on $(hostname): was it moved or is it not shared with this node? Write the job again with parley slurm --out <new folder>"',
    '[ -f "$job_dir/sweep.json" ] || fail "$job_dir/sweep.json is missing"',
    ...parleyChecks(o.parley),
    'cd "$job_dir"',
    'exec "${parley[@]}" run sweep.json --db "shards/shard-$task.db" --shard "$task/$shards" \\',
    `  --concurrency ${o.cpus * 2}`,
    '',
  ].join('\n');
}

/** merge.sh: joins the shard databases into merged.db and fails while games are unfinished. */
export function mergeScript(o: SlurmJob): string {
  return [
    '#!/bin/bash',
    '# Written by `parley slurm`: joins the shard databases into merged.db. Exits 1 while games',
    '# are unfinished or shards have not run, naming the tasks to resubmit (sbatch --array=K,...).',
    'set -euo pipefail',
    `job_dir=${shellQuote(o.dir)}`,
    ...parleyLines(o.parley),
    'exec "${parley[@]}" slurm merge "$job_dir"',
    '',
  ].join('\n');
}

function parleyLines(p: ParleyCommand): string[] {
  if ('argv' in p) return [`parley=(${p.argv.map(shellQuote).join(' ')})`];
  // The user's own command, word-split by bash as they would type it.
  return [`parley=(${p.shell})`];
}

function parleyChecks(p: ParleyCommand): string[] {
  if ('argv' in p)
    return [
      'for f in "${parley[@]}"; do',
      '  [ -e "$f" ] || fail "$f is missing on $(hostname): was Parley moved, or is it not installed there? Write the job again with parley slurm"',
      'done',
    ];
  return [
    'command -v "${parley[0]}" >/dev/null ||',
    '  fail "${parley[0]} (from --parley) is not on the PATH of $(hostname)"',
  ];
}

/** Quote for bash: bare when safe, else single quotes. */
export function shellQuote(s: string): string {
  return /^[\w./@:+=-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`;
}

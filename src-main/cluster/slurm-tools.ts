// The SLURM client commands Parley asks, when they are installed: scontrol (MaxArraySize),
// sinfo (partitions), sbatch (submit), squeue and sacct (job state). Each answer says whether the
// tool was missing or failed, so callers can check what the cluster allows or say why they could
// not, never guessing silently. They read SLURM_CONF like any SLURM client.
import { spawnSync } from 'node:child_process';

export type ToolAnswer =
  { ok: true; stdout: string } | { ok: false; missing: boolean; message: string };

/** Run one SLURM client command (bounded by a timeout). */
export function slurmTool(tool: string, args: string[], timeoutMs = 20_000): ToolAnswer {
  const r = spawnSync(tool, args, { encoding: 'utf8', timeout: timeoutMs });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, missing: true, message: `${tool} is not installed` };
    return { ok: false, missing: false, message: `${tool}: ${r.error.message}` };
  }
  if (r.status !== 0) {
    const text = (r.stderr || r.stdout || '').trim();
    return {
      ok: false,
      missing: false,
      message: `${tool} exited ${r.status ?? r.signal}${text ? `: ${text}` : ''}`,
    };
  }
  return { ok: true, stdout: r.stdout };
}

/** SLURM's MaxArraySize (array indices must stay below it), from `scontrol show config`. */
export function maxArraySize(): { ok: true; value: number } | { ok: false; message: string } {
  const r = slurmTool('scontrol', ['show', 'config']);
  if (!r.ok) return r;
  const m = /^MaxArraySize\s*=\s*(\d+)/m.exec(r.stdout);
  if (!m) return { ok: false, message: 'scontrol show config does not list MaxArraySize' };
  return { ok: true, value: Number(m[1]) };
}

/** SLURM's default MaxArraySize, quoted when scontrol cannot be asked. */
export const DEFAULT_MAX_ARRAY_SIZE = 1001;

/** Partition names from `sinfo`. */
export function partitions(): { ok: true; names: string[] } | { ok: false; message: string } {
  const r = slurmTool('sinfo', ['-h', '-o', '%R']);
  if (!r.ok) return r;
  const names = [
    ...new Set(
      r.stdout
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
  return { ok: true, names };
}

/** Submit a script with sbatch; returns the job id. */
export function sbatch(script: string, args: string[] = []): ToolAnswer & { jobId?: string } {
  const r = slurmTool('sbatch', ['--parsable', ...args, script]);
  if (!r.ok) return r;
  // --parsable prints "jobid" or "jobid;cluster".
  const jobId = r.stdout.trim().split(';')[0];
  return { ...r, jobId };
}

export interface TaskState {
  /** The array task index, or undefined for a line that names the whole array (pending). */
  task?: number;
  jobId: string;
  state: string;
  /** squeue's reason (pending) or sacct's exit code. */
  detail: string;
}

/** The queued and running tasks of the jobs with this name, one line per array task. */
export function queuedTasks(jobName: string): { ok: true; tasks: TaskState[] } | ToolFailure {
  const r = slurmTool('squeue', ['-h', '-r', '--name', jobName, '-o', '%i|%T|%r']);
  if (!r.ok) return r;
  return { ok: true, tasks: parseLines(r.stdout) };
}

/** The accounting record of these jobs' tasks (sacct; needs SLURM accounting). */
export function accountedTasks(jobIds: string[]): { ok: true; tasks: TaskState[] } | ToolFailure {
  const r = slurmTool('sacct', [
    '-n',
    '-P',
    '-X',
    '-j',
    jobIds.join(','),
    '-o',
    'JobID,State,ExitCode',
  ]);
  if (!r.ok) return r;
  return { ok: true, tasks: parseLines(r.stdout) };
}

type ToolFailure = { ok: false; missing: boolean; message: string };

function parseLines(text: string): TaskState[] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((line) => {
      const [id, state, detail] = line.trim().split('|');
      const m = /^(\d+)_(\d+)$/.exec(id);
      return {
        jobId: m ? m[1] : id.split('_')[0],
        task: m ? Number(m[2]) : undefined,
        state: state ?? '',
        detail: detail ?? '',
      };
    });
}

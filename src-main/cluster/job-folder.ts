// A SLURM job folder as `parley slurm` writes it: job.json (what the job is: sweep, shard count,
// folder), sweep.json, job.sbatch, merge.sh, shards/ and logs/. Written whole or not at all (in a
// temporary sibling folder, then renamed), after every check has passed.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParleyCommand } from './slurm-script';

/** A user error about a job folder or its options; the CLI prints the message. */
export class JobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JobError';
  }
}

export const MANIFEST_FILE = 'job.json';

export interface JobManifest {
  kind: 'parley-slurm-job';
  version: 1;
  sweepId: string;
  sweepName: string;
  games: number;
  shards: number;
  /** The absolute folder the scripts were written for. */
  dir: string;
  jobName: string;
  /** Job ids from `parley slurm --submit` (jobs submitted by hand are found by name). */
  submissions: { jobId: string; at: string }[];
}

/** The absolute node and Parley entry point of this installation. */
export function thisParley(): string[] {
  return [process.execPath, fileURLToPath(new URL('../../bin/parley.js', import.meta.url))];
}

/**
 * Check that the command the tasks will run starts Parley here (`--version`): the node binary
 * and entry point exist and the installation (node_modules) is intact.
 */
export function checkParleyCommand(p: ParleyCommand): void {
  if ('argv' in p)
    for (const path of p.argv)
      if (!existsSync(path)) throw new JobError(`cannot write the job: ${path} does not exist`);
  const r =
    'argv' in p
      ? spawnSync(p.argv[0], [...p.argv.slice(1), '--version'], {
          encoding: 'utf8',
          timeout: 60_000,
        })
      : spawnSync('bash', ['-c', `${p.shell} --version`], { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) {
    const shown = 'argv' in p ? p.argv.join(' ') : p.shell;
    const why = (r.stderr || r.stdout || r.error?.message || '').trim().split('\n').slice(-3);
    throw new JobError(
      `cannot write the job: \`${shown} --version\` failed here (exit ${r.status ?? r.signal})` +
        (why.length ? `:\n  ${why.join('\n  ')}` : '') +
        '\nThe tasks would fail the same way; fix the installation or give --parley.',
    );
  }
}

/** Refuse folder paths an #SBATCH line or the scripts cannot hold. */
export function checkJobDirPath(dir: string): void {
  if (/["\n\r]/.test(dir))
    throw new JobError(
      `the job folder ${JSON.stringify(dir)} contains a double quote or a line break, which an #SBATCH line cannot hold; choose another --out`,
    );
}

export function readManifest(dir: string): JobManifest {
  const file = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new JobError(
      existsSync(dir)
        ? `${dir} is not a job folder of \`parley slurm\` (no ${MANIFEST_FILE})`
        : `no job folder at ${dir}`,
    );
  }
  let m: JobManifest;
  try {
    m = JSON.parse(text) as JobManifest;
  } catch (err) {
    throw new JobError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  if (m.kind !== 'parley-slurm-job' || m.version !== 1 || !Number.isInteger(m.shards))
    throw new JobError(`${file} is not a job manifest written by this Parley`);
  return m;
}

/** The job folder must still be where its scripts say; a moved folder fails on the nodes. */
export function checkNotMoved(dir: string, m: JobManifest): void {
  if (m.dir !== dir && realOrSelf(m.dir) !== realOrSelf(dir))
    throw new JobError(
      `${dir} was written for ${m.dir}: its scripts use that path, so the tasks would fail. ` +
        'Write the job again here (parley slurm <sweep.json> --out <folder>); the shard databases are kept.',
    );
}

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/** Shard databases already in a folder (shards/shard-K.db). */
export function shardDatabases(dir: string): string[] {
  const shards = join(dir, 'shards');
  if (!existsSync(shards)) return [];
  return readdirSync(shards).filter((f) => /^shard-\d+\.db$/.test(f));
}

/**
 * Write the job folder in one step. A folder that exists must hold the job of the same sweep
 * with the same shard count (rewritten in place, its shard databases and logs kept), or be empty.
 */
export function writeJobFolder(
  dir: string,
  manifest: JobManifest,
  files: { name: string; text: string; mode?: number }[],
): void {
  const exists = existsSync(dir);
  if (exists) {
    if (!statSync(dir).isDirectory()) throw new JobError(`--out ${dir} is a file, not a folder`);
    if (existsSync(join(dir, MANIFEST_FILE))) {
      const old = readManifest(dir);
      const dbs = shardDatabases(dir);
      if ((old.sweepId !== manifest.sweepId || old.shards !== manifest.shards) && dbs.length > 0)
        throw new JobError(
          `${dir} already holds a job for sweep ${old.sweepId.slice(0, 8)} in ${old.shards} shards ` +
            `with ${dbs.length} shard database(s); a different sweep or shard count would split the games ` +
            'differently. Choose another --out, or remove that folder.',
        );
      manifest.submissions = old.sweepId === manifest.sweepId ? old.submissions : [];
    } else if (readdirSync(dir).length > 0) {
      throw new JobError(
        `--out ${dir} exists, is not empty and holds no Parley job; choose another`,
      );
    }
  }
  mkdirSync(dirname(dir), { recursive: true });
  const tmp = mkdtempSync(join(dirname(dir), `.${basename(dir)}.writing-`));
  try {
    const all = [...files, { name: MANIFEST_FILE, text: `${JSON.stringify(manifest, null, 2)}\n` }];
    for (const f of all) writeFileSync(join(tmp, f.name), f.text, { mode: f.mode ?? 0o644 });
    if (!exists) {
      chmodSync(tmp, 0o755); // mkdtemp makes it private; the job folder is an ordinary folder
      mkdirSync(join(tmp, 'shards'));
      mkdirSync(join(tmp, 'logs'));
      renameSync(tmp, dir);
      return;
    }
    mkdirSync(join(dir, 'shards'), { recursive: true });
    mkdirSync(join(dir, 'logs'), { recursive: true });
    for (const f of all) renameSync(join(tmp, f.name), join(dir, f.name));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Record a submission in job.json. */
export function recordSubmission(dir: string, jobId: string): void {
  const m = readManifest(dir);
  m.submissions.push({ jobId, at: new Date().toISOString() });
  writeFileSync(join(dir, MANIFEST_FILE), `${JSON.stringify(m, null, 2)}\n`);
}

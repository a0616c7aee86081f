// Cluster commands: `parley slurm` writes (and with --submit submits) a SLURM array job whose task
// K runs shard K of N into its own database; `parley slurm status` reports it, `parley slurm
// merge` (the job's merge.sh) joins its shards, `parley merge` joins any databases.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { JobError, thisParley } from '../cluster/job-folder';
import { jobStatus, mergeJob, mergeLine, writeJob } from '../cluster/job-commands';
import { registryResolver } from '../registry/registry';
import { validateSweepDoc } from '../sweeps/service';
import {
  CliError,
  EXIT_BAD_INPUT,
  EXIT_INCOMPLETE,
  openCliStore,
  parsePositiveInt,
  readJsonFile,
} from './common';

interface SlurmFlags {
  shards?: string;
  out: string;
  time: string;
  cpus: string;
  mem: string;
  partition?: string;
  parallel?: string;
  parley?: string;
  submit?: boolean;
}

export function registerClusterCommands(program: Command): void {
  const slurm = program
    .command('slurm')
    .description(
      'Write a SLURM array job that runs a sweep in N shards (task K runs shard K of N into its own database), plus merge.sh to join them.',
    )
    .argument('<sweep.json>', 'the sweep to run on the cluster')
    .option('--shards <n>', 'number of array tasks (shards); required')
    .option('--out <dir>', 'folder for the job (created)', 'slurm-job')
    .option('--time <hh:mm:ss>', 'wall time per task', '04:00:00')
    .option('--cpus <n>', 'CPUs per task', '2')
    .option('--mem <size>', 'memory per task', '4G')
    .option('--partition <name>', 'SLURM partition (checked with sinfo when it is installed)')
    .option('--parallel <n>', 'run at most this many tasks at once (SLURM %limit)')
    .option(
      '--parley <command>',
      'how the nodes start Parley, as a shell command (default: this node binary and bin/parley.js, by absolute path)',
    )
    .option('--submit', 'submit the job with sbatch and print its id')
    .addHelpText(
      'after',
      '\nExample:\n' +
        '  parley slurm grid.json --shards 16 --out jobs/grid --partition short --submit\n' +
        '  parley slurm status jobs/grid      # SLURM state of each task, games finished per shard\n' +
        '  bash jobs/grid/merge.sh            # jobs/grid/merged.db; fails naming unfinished shards\n' +
        '  sbatch --array=3,7 jobs/grid/job.sbatch   # rerun only those tasks: they resume\n' +
        'Games go to shards by their content id and N is fixed in the script, so any task can be\n' +
        'rerun alone. A task gets SIGTERM 60 s before its time limit (and on scancel) and pauses.\n' +
        'Everything sbatch would refuse is checked first; the folder is written whole or not at all.',
    )
    .action((file: string, opts: SlurmFlags) =>
      userErrors(() => {
        if (opts.shards === undefined)
          throw new CliError("required option '--shards <n>' not specified", EXIT_BAD_INPUT);
        const shards = parsePositiveInt(opts.shards, '--shards');
        const doc = readJsonFile(file);
        const v = validateSweepDoc(doc, registryResolver());
        if (!v.ok)
          throw new CliError(
            `${file}: the sweep has ${v.issues.length} problem(s); no job was written:\n` +
              v.issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n'),
            EXIT_BAD_INPUT,
          );
        if (!/^\d+(-\d+)?(:\d\d){0,2}$/.test(opts.time))
          throw new CliError(
            `--time must look like 04:00:00 or 1-00:00:00, got "${opts.time}"`,
            EXIT_BAD_INPUT,
          );
        if (!/^\d+[KMGT]?$/.test(opts.mem))
          throw new CliError(`--mem must look like 4G or 500M, got "${opts.mem}"`, EXIT_BAD_INPUT);
        const text = writeJob(
          {
            job: {
              shards,
              dir: resolve(opts.out),
              jobName: `parley-${v.sweepId.slice(0, 8)}`,
              time: opts.time,
              cpus: parsePositiveInt(opts.cpus, '--cpus'),
              mem: opts.mem,
              partition: opts.partition,
              parallel: opts.parallel ? parsePositiveInt(opts.parallel, '--parallel') : undefined,
              parley: opts.parley ? { shell: opts.parley } : { argv: thisParley() },
            },
            sweepId: v.sweepId,
            sweep: v.expanded,
            sweepText: readFileSync(file, 'utf8'),
            submit: opts.submit ?? false,
          },
          (line) => process.stderr.write(`warning: ${line}\n`),
        );
        process.stdout.write(text);
      }),
    );

  slurm
    .command('status')
    .description(
      "Report a SLURM job written by `parley slurm`: its tasks in squeue (and sacct), each shard's games finished, and which tasks to resubmit.",
    )
    .argument('<job folder>')
    .action((dir: string) => userErrors(() => process.stdout.write(jobStatus(resolve(dir)))));

  slurm
    .command('merge')
    .description(
      "Join a SLURM job's shard databases into <job folder>/merged.db (what merge.sh runs); exits 1 while games are unfinished, naming the tasks to resubmit.",
    )
    .argument('<job folder>')
    .action((dir: string) =>
      userErrors(() => {
        const r = mergeJob(resolve(dir));
        if (!r.complete) {
          process.stderr.write(r.text);
          process.exitCode = EXIT_INCOMPLETE;
        } else process.stdout.write(r.text);
      }),
    );

  program
    .command('merge')
    .description(
      'Merge Parley databases (e.g. the shards of a SLURM job) into one; a game in several keeps its most advanced copy.',
    )
    .argument('<db...>', 'databases to merge in')
    .requiredOption('--into <file>', 'the database to merge into (created if missing)')
    .action((files: string[], opts: { into: string }) => {
      for (const f of files)
        if (!existsSync(f)) throw new CliError(`no database at ${resolve(f)}`, EXIT_BAD_INPUT);
      const store = openCliStore(opts.into);
      try {
        for (const f of files) process.stdout.write(`${mergeLine(f, store.mergeFrom(f))}\n`);
        for (const s of store.listSweeps()) {
          const c = store.countGamesByStatus(s.id);
          const present = Object.values(c).reduce((a, b) => a + b, 0);
          const v = validateSweepDoc(s.spec, registryResolver(store));
          const planned = v.ok ? v.games : present;
          const missing = planned - present;
          process.stdout.write(
            `${s.id.slice(0, 8)} ${s.name}: ${c.finished}/${planned} finished, ${c.failed} failed, ` +
              `${c.queued + c.running + c.paused} unfinished` +
              (missing > 0
                ? `, ${missing} in no merged database yet (a shard that has not run?)`
                : '') +
              '\n',
          );
        }
      } finally {
        store.close();
      }
    });
}

/** Turn the cluster modules' JobErrors into CLI errors (exit 2, message only). */
function userErrors(run: () => void): void {
  try {
    run();
  } catch (err) {
    if (err instanceof JobError) throw new CliError(err.message, EXIT_BAD_INPUT);
    throw err;
  }
}

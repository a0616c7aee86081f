// Cluster commands: `parley slurm` writes a SLURM array job whose tasks each run one shard of a
// sweep headless into their own database; `parley merge` joins those databases back into one.
import { chmodSync, copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { registryResolver } from '../registry/registry';
import { validateSweepDoc } from '../sweeps/service';
import { CliError, EXIT_BAD_INPUT, openCliStore, parsePositiveInt, readJsonFile } from './common';

export interface SlurmOptions {
  shards: number;
  /** Absolute folder holding the sweep copy, the script, shard databases and logs. */
  dir: string;
  sweepFile: string;
  jobName: string;
  time: string;
  cpus: number;
  mem: string;
  partition?: string;
  /** At most this many tasks at once (SLURM's %limit), e.g. to respect provider rate limits. */
  parallel?: number;
  /** How to invoke Parley on the nodes. */
  parleyCommand: string;
}

/** The sbatch script text (pure, for tests). */
export function slurmScript(o: SlurmOptions): string {
  const limit = o.parallel ? `%${o.parallel}` : '';
  return [
    '#!/bin/bash',
    `#SBATCH --job-name=${o.jobName}`,
    `#SBATCH --array=0-${o.shards - 1}${limit}`,
    `#SBATCH --cpus-per-task=${o.cpus}`,
    `#SBATCH --mem=${o.mem}`,
    `#SBATCH --time=${o.time}`,
    `#SBATCH --output=${join(o.dir, 'logs', 'shard-%a.out')}`,
    ...(o.partition ? [`#SBATCH --partition=${o.partition}`] : []),
    '# Written by `parley slurm`. Each task runs one shard of the sweep into its own database;',
    '# a task that is killed or times out resumes where it stopped when the job is submitted again.',
    '# When every task has finished: bash merge.sh (in this folder).',
    'set -euo pipefail',
    `cd ${shellQuote(o.dir)}`,
    `${o.parleyCommand} run ${shellQuote(basename(o.sweepFile))} \\`,
    '  --db "shards/shard-${SLURM_ARRAY_TASK_ID}.db" --shard slurm \\',
    `  --concurrency ${o.cpus * 2}`,
    '',
  ].join('\n');
}

export function mergeScript(o: SlurmOptions): string {
  return [
    '#!/bin/bash',
    '# Written by `parley slurm`: joins the shard databases into merged.db.',
    'set -euo pipefail',
    `cd ${shellQuote(o.dir)}`,
    `${o.parleyCommand} merge shards/shard-*.db --into merged.db`,
    '',
  ].join('\n');
}

function shellQuote(s: string): string {
  return /^[\w./@:+-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`;
}

export function registerClusterCommands(program: Command): void {
  program
    .command('slurm')
    .description(
      'Write a SLURM array job that runs a sweep in N shards, one database per task, plus merge.sh to join them.',
    )
    .argument('<sweep.json>', 'the sweep to run on the cluster')
    .requiredOption('--shards <n>', 'number of array tasks (shards)')
    .option('--out <dir>', 'folder for the job (created)', 'slurm-job')
    .option('--time <hh:mm:ss>', 'wall time per task', '04:00:00')
    .option('--cpus <n>', 'CPUs per task', '2')
    .option('--mem <size>', 'memory per task', '4G')
    .option('--partition <name>', 'SLURM partition')
    .option('--parallel <n>', 'run at most this many tasks at once (SLURM %limit)')
    .option(
      '--parley <command>',
      'how to invoke Parley on the nodes (e.g. "node /path/to/parley/bin/parley.js")',
      'parley',
    )
    .addHelpText(
      'after',
      '\nExample:\n' +
        '  parley slurm grid.json --shards 16 --out jobs/grid --partition gpu-short\n' +
        '  sbatch jobs/grid/job.sbatch        # 16 tasks, each: parley run --shard slurm\n' +
        '  bash jobs/grid/merge.sh            # when all finished: jobs/grid/merged.db\n' +
        'Games go to shards by their content id, so resubmitting the job resumes each shard.',
    )
    .action(
      (
        file: string,
        opts: {
          shards: string;
          out: string;
          time: string;
          cpus: string;
          mem: string;
          partition?: string;
          parallel?: string;
          parley: string;
        },
      ) => {
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
        const dir = resolve(opts.out);
        mkdirSync(join(dir, 'shards'), { recursive: true });
        mkdirSync(join(dir, 'logs'), { recursive: true });
        const sweepFile = join(dir, 'sweep.json');
        if (resolve(file) !== sweepFile) copyFileSync(file, sweepFile);
        const o: SlurmOptions = {
          shards: parsePositiveInt(opts.shards, '--shards'),
          dir,
          sweepFile,
          jobName: `parley-${v.sweepId.slice(0, 8)}`,
          time: opts.time,
          cpus: parsePositiveInt(opts.cpus, '--cpus'),
          mem: opts.mem,
          partition: opts.partition,
          parallel: opts.parallel ? parsePositiveInt(opts.parallel, '--parallel') : undefined,
          parleyCommand: opts.parley,
        };
        const job = join(dir, 'job.sbatch');
        const merge = join(dir, 'merge.sh');
        writeFileSync(job, slurmScript(o));
        writeFileSync(merge, mergeScript(o));
        chmodSync(merge, 0o755);
        const perShard = Math.ceil(v.games / o.shards);
        process.stdout.write(
          `Wrote ${job} (${o.shards} tasks, about ${perShard} of ${v.games} games each)\n` +
            `      ${merge}\n` +
            `Submit: sbatch ${job}\nThen:   bash ${merge}   (writes ${join(dir, 'merged.db')})\n`,
        );
      },
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
        for (const f of files) {
          const r = store.mergeFrom(f);
          process.stdout.write(
            `${f}: ${r.added} games added, ${r.advanced} advanced, ${r.turns} turns, ${r.calls} calls` +
              (r.conflicts > 0
                ? `; WARNING ${r.conflicts} games finished in both with different outcomes (kept the earlier copy)`
                : '') +
              '\n',
          );
        }
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

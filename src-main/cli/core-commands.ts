// Core commands: run, validate, status, show (demo and export, which load the export and
// figure code, are in export-command.ts).
import type { Command } from 'commander';
import type { Store } from '../store/store';
import { registryResolver } from '../registry/registry';
import { ledgerLine } from './ledger-line';
import { SweepService, releaseDeadRunners, validateSweepDoc } from '../sweeps/service';
import type { SweepProgress, SweepValidation } from '../sweeps/service';
import { shardOf } from '../cluster/shard';
import { isRetryableFailure } from '../providers/errors';
import { importNoteLines } from '../import/describe';
import { batchSettingsOf } from '../../src-shared/batch';
import { createRunRuntime, printEstimate } from './llm-commands';
import {
  CliError,
  EXIT_BAD_INPUT,
  EXIT_INCOMPLETE,
  openCliStore,
  parsePositiveInt,
  readJsonFile,
  resolveDbPath,
} from './common';
import { parseShard, type Shard } from '../cluster/shard';
import { SWEEP_LIMITS } from '../../src-shared/sweep-limits';
import { createProgressView } from './progress';
import { formatTranscript } from './text-format';

export function registerCoreCommands(program: Command): void {
  program
    .command('run')
    .description(
      'Run a sweep, or resume it: finished games are skipped, unfinished ones continue from their last committed turn.',
    )
    .argument('<sweep.json>', 'sweep document (see resources/examples/)')
    .option('--db <file>', 'database file (default: $PARLEY_DB or the user-data directory)')
    .option('--concurrency <n>', 'games played at once (default: the sweep\'s "concurrency")')
    .option(
      '--shard <k/n>',
      'run only shard K of N (0-based), e.g. on a cluster node: --shard "$SLURM_ARRAY_TASK_ID/16"',
    )
    .option(
      '--estimate',
      'print the expected model calls, tokens and cost, then stop without running',
    )
    .option(
      '--provider-concurrency <n>',
      'model calls in flight per provider (default 8; cut on 429s)',
    )
    .option(
      '--retry-failed',
      'also play again the failed games whose error is not a transport or storage fault (those are retried anyway)',
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 every game finished, 1 some games failed or paused, 2 invalid sweep.\n' +
        'Ctrl-C (or SIGTERM) pauses the sweep after the calls in flight; run the same command again to resume.\n' +
        'Running it again also plays again the games that failed on a transport or storage fault;\n' +
        'several runs (terminals, `parley serve`) may share one database: each game is played by\n' +
        'one of them, and the games of a run that stopped pass to another within\n' +
        '$PARLEY_LEASE_SECONDS (default 30; at once on the same machine).\n' +
        '--retry-failed plays every failed game again.\n' +
        'LLM participants need keys (`parley keys set <provider>` or env vars such as ANTHROPIC_API_KEY);\n' +
        "a provider that keeps failing pauses its games until it answers again; the sweep's\n" +
        '"budgetUsd" stops new calls before the cap. Answers are cached: resuming replays them for free.\n' +
        'On a cluster, `parley slurm` writes the array job that runs the shards and `parley merge`\n' +
        'joins their databases.',
    )
    .action(async (file: string, opts: RunFlags) => {
      const doc = readSweepFile(file);
      const shard = opts.shard ? parseShardOption(opts.shard) : undefined;
      const store = openCliStore(opts.db);
      try {
        const concurrency = opts.concurrency
          ? parsePositiveInt(opts.concurrency, '--concurrency')
          : undefined;
        await runSweepDoc(store, doc, {
          concurrency,
          label: file,
          shard,
          estimate: opts.estimate,
          providerConcurrency: opts.providerConcurrency,
          retryFailed: opts.retryFailed,
        });
      } finally {
        store.close();
      }
    });

  program
    .command('validate')
    .description(
      'Check a sweep document and print the grid it expands to, without running anything.',
    )
    .argument('<sweep.json>')
    .addHelpText(
      'after',
      `\nExit codes: 0 valid, 2 invalid (every problem is listed with its field path).\n` +
        `Limits: a file of at most ${SWEEP_LIMITS.maxFileBytes / 1024 / 1024} MB, nested at most ${SWEEP_LIMITS.maxDepth} levels, ` +
        `at most ${SWEEP_LIMITS.defaultMaxGames.toLocaleString('en-US')} planned games\n` +
        '(raise that cap with "maxGames" in the sweep). A sweep that plans the same game twice is refused.',
    )
    .action((file: string) => {
      const v = validateSweepDoc(readSweepFile(file), registryResolver());
      if (!v.ok) throw invalidSweep(file, v.issues);
      process.stdout.write(
        `${file}: valid. ${v.games} games in ${v.cells} cells (sweep id ${v.sweepId}).\n` +
          v.warnings.map((w) => `warning: ${w}\n`).join(''),
      );
    });

  program
    .command('status')
    .description('Progress of every sweep in the database (or of one).')
    .argument('[sweep]', 'sweep id (or unique prefix) or name')
    .option('--db <file>', 'database file')
    .action((sweepRef: string | undefined, opts: { db?: string }) => {
      const store = openCliStore(opts.db);
      try {
        const sweeps = sweepRef ? [findSweepOrThrow(store, sweepRef)] : store.listSweeps();
        if (sweeps.length === 0) {
          process.stdout.write(
            `No sweeps in ${resolveDbPath(opts.db)}. Start one with: parley run <sweep.json>  (or: parley demo)\n`,
          );
          return;
        }
        const service = new SweepService(store);
        for (const s of sweeps) {
          const p = service.progress(s.id);
          const ledger = ledgerLine(store.callTotals({ sweepId: s.id }));
          process.stdout.write(
            `${s.id}  ${s.name}\n  ${statusLine(p)}\n` + (ledger ? `  ${ledger}\n` : ''),
          );
        }
      } finally {
        store.close();
      }
    });

  program
    .command('show')
    .description('Print a game transcript, round by round; private notes are marked [private].')
    .argument('<game-id>', 'game id (or a unique prefix)')
    .option('--db <file>', 'database file')
    .option('--no-private', 'hide private thinking, votes and reflections')
    .option('--json', 'print the game and its turns as JSON')
    .action((ref: string, opts: { db?: string; private: boolean; json?: boolean }) => {
      const store = openCliStore(opts.db);
      try {
        const game = store.findGame(ref);
        if (!game)
          throw new CliError(
            `no game matches "${ref}" in ${resolveDbPath(opts.db)}`,
            EXIT_BAD_INPUT,
          );
        const turns = store.getTurns(game.id);
        const imported = store.getGameImport(game.id);
        process.stdout.write(
          opts.json
            ? `${JSON.stringify({ game, turns, ...(imported ? { imported } : {}) }, null, 2)}\n`
            : `${[formatTranscript(game, turns, { showPrivate: opts.private }), ...importNoteLines(game, imported)].join('\n')}\n`,
        );
      } finally {
        store.close();
      }
    });
}

interface RunFlags {
  db?: string;
  concurrency?: string;
  shard?: string;
  estimate?: boolean;
  providerConcurrency?: string;
  retryFailed?: boolean;
}

/** Validate, store and run a sweep document with a progress display; returns the sweep id. */
export async function runSweepDoc(
  store: Store,
  doc: unknown,
  opts: {
    concurrency?: number;
    label: string;
    allowIncomplete?: boolean;
    shard?: Shard;
    estimate?: boolean;
    providerConcurrency?: string;
    retryFailed?: boolean;
  },
): Promise<string> {
  const resolve = registryResolver(store);
  const v = validateSweepDoc(doc, resolve);
  if (!v.ok) throw invalidSweep(opts.label, v.issues);
  for (const w of v.warnings) process.stderr.write(`warning: ${w}\n`);
  const { shard } = opts;
  const shardGames = shard
    ? v.expanded.games.filter((g) => shardOf(g.id, shard.count) === shard.index)
    : v.expanded.games;
  if (opts.estimate) {
    const done = new Set(
      store.listGames({ sweepId: v.sweepId, status: ['finished'] }).map((g) => g.id),
    );
    printEstimate(
      shardGames.filter((g) => !done.has(g.id)),
      v.expanded.sweep.budgetUsd,
      batchSettingsOf(v.expanded.sweep.batch),
    );
    return v.sweepId;
  }
  // Provider status events go to the service, which is built once the runtime exists.
  const serviceRef: { current?: SweepService } = {};
  const runtime = await createRunRuntime(store, shardGames, {
    sweepId: v.sweepId,
    budgetUsd: v.expanded.sweep.budgetUsd,
    batch: batchSettingsOf(v.expanded.sweep.batch),
    providerConcurrency: opts.providerConcurrency,
    onStatus: (change) => serviceRef.current?.emitProvider(change),
  });
  const service = new SweepService(store, {
    resolve,
    ...(runtime ? { createAgent: runtime.createAgent, resumeWhen: runtime.resumeWhen } : {}),
  });
  serviceRef.current = service;
  try {
    return await playSweep(store, service, doc, v, { ...opts, plan: shardGames });
  } finally {
    runtime?.dispose();
  }
}

async function playSweep(
  store: Store,
  service: SweepService,
  doc: unknown,
  v: Extract<SweepValidation, { ok: true }>,
  opts: {
    concurrency?: number;
    allowIncomplete?: boolean;
    shard?: Shard;
    retryFailed?: boolean;
    label: string;
    /** The planned games of this run (released once stored). */
    plan?: readonly unknown[];
  },
): Promise<string> {
  releaseDeadRunners(store);
  const recovered = store.recoverInterrupted();
  const { sweepId, total } = service.create(doc, { shard: opts.shard, validated: v });
  // The plan is in the store now and the run reads its queue from there: let the planned games
  // go, so that a 100,000-game run does not hold them (with a shard, `plan` is a filtered copy).
  (v.expanded.games as unknown[]).length = 0;
  (opts.plan as unknown[] | undefined)?.splice(0);
  const retried = service.requeueFailed(sweepId, opts.retryFailed ? 'all' : 'retryable');
  const before = service.progress(sweepId);
  const others = store.othersLeases(sweepId, service.lease.owner);
  const shardNote = opts.shard
    ? ` (shard ${opts.shard.index}/${opts.shard.count} of ${v.games})`
    : ` in ${v.cells} cells`;
  process.stderr.write(
    `Sweep "${v.expanded.sweep.name}" (${sweepId}) in ${store.path}\n` +
      `  ${total} games${shardNote}; ${before.counts.finished} already finished` +
      (recovered > 0 ? `, ${recovered} interrupted games resumed` : '') +
      (retried > 0
        ? `, ${retried} failed game${retried === 1 ? '' : 's'} played again` +
          (opts.retryFailed ? '' : ' (they failed on a transport or storage fault)')
        : '') +
      '\n' +
      (others.games > 0
        ? `  ${others.games} games are being played by another runner on this database ` +
          '(another terminal, `parley serve`); this run plays the others and waits for those, ' +
          `taking over any whose runner stops (within ${Math.ceil(service.lease.ttlMs / 1000)} s)\n`
        : ''),
  );
  const view = createProgressView();
  const off = service.on('progress', (p: SweepProgress) => view.update(p));
  const offProvider = service.on('provider', (e) =>
    process.stderr.write(
      e.status === 'batch'
        ? `\nprovider ${e.provider}: ${e.detail ?? ''}\n`
        : `\nprovider ${e.provider}: ${e.status}${e.detail ? ` (${e.detail})` : ''}\n`,
    ),
  );
  let interrupts = 0;
  const onSigint = () => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    process.stderr.write('\nPausing after the calls in flight (Ctrl-C again to quit now)...\n');
    service.pause(sweepId);
  };
  // scancel and SLURM's time limit send SIGTERM: pause the same way, so the task can resume.
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  try {
    view.update(service.progress(sweepId));
    await service.start(sweepId, { concurrency: opts.concurrency });
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
    off();
    offProvider();
    view.stop();
  }
  const p = service.progress(sweepId);
  process.stderr.write(`${statusLine(p)}\n`);
  if (p.counts.finished !== p.total && !opts.allowIncomplete) {
    const failed = store.listGames({ sweepId, status: ['failed'] }).slice(0, 5);
    const paused = store.listGames({ sweepId, status: ['paused'] }).slice(0, 5);
    const reasons = [
      ...failed.map((g) => `  ${g.id}: ${g.error}`),
      ...paused.map((g) => `  ${g.id} (paused): ${g.pauseReason}`),
    ].join('\n');
    throw new CliError(
      `${p.total - p.counts.finished} of ${p.total} games did not finish` +
        (reasons ? `; first failures:\n${reasons}` : '') +
        `\n${nextSteps(store, sweepId, opts.label)}`,
      EXIT_INCOMPLETE,
    );
  }
  return sweepId;
}

/** What running the command again would do for the games that did not finish, exactly. */
function nextSteps(store: Store, sweepId: string, label: string): string {
  const paused = store.countGamesByStatus(sweepId).paused;
  const failed = store.listGames({ sweepId, status: ['failed'] });
  const retryable = failed.filter((g) => isRetryableFailure(g.error)).length;
  const plural = (n: number) => `${n} ${n === 1 ? 'game' : 'games'}`;
  const again = [
    ...(paused > 0 ? [`resume the ${plural(paused)} paused`] : []),
    ...(retryable > 0
      ? [`play again the ${plural(retryable)} that failed on a transport fault`]
      : []),
  ];
  const lines = [];
  if (again.length > 0) lines.push(`Run the same command again to ${again.join(' and ')}.`);
  if (failed.length > retryable) {
    lines.push(
      `${plural(failed.length - retryable)} failed for good; ` +
        `\`parley run ${label} --retry-failed\` plays every failed game again.`,
    );
  }
  return lines.join('\n');
}

function parseShardOption(text: string): Shard {
  try {
    return parseShard(text);
  } catch (err) {
    throw new CliError((err as Error).message, EXIT_BAD_INPUT);
  }
}

function statusLine(p: SweepProgress): string {
  const c = p.counts;
  return (
    `${c.finished}/${p.total} finished, ${c.running} running, ${c.queued} queued, ${c.paused} paused, ` +
    `${c.failed} failed, ${c.cancelled} cancelled` +
    (p.tokens > 0 ? `; ${p.tokens} tokens, $${p.costUsd.toFixed(4)}` : '')
  );
}

/** A sweep file, refused before reading when larger than SWEEP_LIMITS.maxFileBytes. */
function readSweepFile(file: string): unknown {
  return readJsonFile(file, {
    maxBytes: SWEEP_LIMITS.maxFileBytes,
    what: 'a sweep document (it lists its axes, not its games)',
  });
}

function invalidSweep(label: string, issues: { path: string; message: string }[]): CliError {
  return new CliError(
    `${label}: the sweep has ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was run:\n` +
      issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n'),
    EXIT_BAD_INPUT,
  );
}

export function findSweepOrThrow(store: Store, ref: string) {
  const sweep = store.findSweep(ref);
  if (!sweep) {
    const known = store.listSweeps().map((s) => `${s.id.slice(0, 8)} ${s.name}`);
    throw new CliError(
      `no sweep matches "${ref}"` +
        (known.length ? `; known sweeps:\n  ${known.join('\n  ')}` : ''),
      EXIT_BAD_INPUT,
    );
  }
  return sweep;
}

// `parley dataset`: training data for the price domain in the HyperLoRA "Janus" format
// (DESIGN 11), from a sweep's finished price games or from strategy episodes played in memory.
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { EPISODE_STRATEGIES, strategyEpisodes } from '../dataset/episodes';
import type { PlayedPriceGame } from '../dataset/janus-records';
import { planSweepDataset, sweepPriceGames } from '../dataset/sweep-games';
import { writeJanusDataset, type DatasetSummary } from '../dataset/write-dataset';
import type { Store } from '../store/store';
import { writeAtomically } from './atomic-output';
import { CliError, EXIT_BAD_INPUT, openCliStore, parsePositiveInt } from './common';
import { formatEta } from './progress';

/** The derived tables are held in memory until written: 50,000 episodes peak near 1.4 GB. */
export const MAX_EPISODES = 100_000;
/** Games at which a progress display starts. */
const PROGRESS_FROM = 200;

interface DatasetFlags {
  format: string;
  out: string;
  db?: string;
  successesOnly?: boolean;
  episodes?: string;
  seed?: string;
}

const HELP = `
Writes into --out:
  trajectories.jsonl                 one line per decision: {trajectory_id, turn, agent, state,
                                     action {type: OFFER|ACCEPT, price}, is_terminal, meta, rho}
  decision_steps.parquet / .csv      one row per decision (last 8 offers as history, rho_train)
  trajectory_outcomes.parquet / .csv one row per game (success, accepted_price, rho_outcome)
  dataset.json                       the source and counts
rho = (price - zopa_low) / (zopa_high - zopa_low); games without a deal are kept with rho = -1
unless --successes-only. REJECT and passed turns are not Janus actions: they are left out and
counted in dataset.json.

Examples:
  parley dataset --episodes 10000 --seed 7 --out data/janus
      10,000 strategy-only games in memory (seconds): every pairing of ${EPISODE_STRATEGIES.length} price
      strategies as seller and buyer, each side opening in turn, b ~ Normal(900, 50), s = b - 500.
  parley run resources/examples/price-strategies.json --db p.db
  parley dataset "price strategies" --db p.db --out data/from-sweep --successes-only
      the finished price games of a sweep (strategy agents, LLM agents or both).
`;

export function registerDatasetCommand(program: Command): void {
  program
    .command('dataset')
    .description(
      'Write price-domain training data (the Janus format: trajectories.jsonl, decision_steps and trajectory_outcomes as Parquet and CSV) from a sweep, or from --episodes N strategy games played in memory.',
    )
    .argument('[sweep]', 'sweep id (or unique prefix) or name')
    .requiredOption('--out <dir>', 'output folder (created; files of the same names are replaced)')
    .option('--format <format>', 'janus (the only format so far)', 'janus')
    .option(
      '--db <file>',
      'database file of the sweep (default: $PARLEY_DB or the user-data directory)',
    )
    .option('--successes-only', 'leave out games without a deal')
    .option(
      '--episodes <n>',
      `play N strategy-only games instead of reading a sweep (at most ${MAX_EPISODES})`,
    )
    .option('--seed <s>', 'seed of --episodes (default 1): the same seed writes the same files')
    .addHelpText('after', HELP)
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : EXIT_BAD_INPUT))
    .action(async (ref: string | undefined, opts: DatasetFlags) => {
      if (opts.format !== 'janus')
        throw new CliError(`--format must be janus, got "${opts.format}"`, EXIT_BAD_INPUT);
      const outDir = checkOut(opts.out);
      const summary =
        opts.episodes !== undefined
          ? await fromEpisodes(ref, opts, outDir)
          : await fromSweep(ref, opts, outDir);
      printSummary(summary, outDir);
    });
}

function checkOut(out: string): string {
  const dir = resolve(out);
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new CliError(
      `--out ${out} is a file; give a folder to write the dataset into`,
      EXIT_BAD_INPUT,
    );
  let parent = dirname(dir);
  while (!existsSync(parent)) parent = dirname(parent);
  if (!statSync(parent).isDirectory())
    throw new CliError(
      `--out ${out}: ${parent} is a file, so the folder cannot be made`,
      EXIT_BAD_INPUT,
    );
  return dir;
}

async function fromEpisodes(
  ref: string | undefined,
  opts: DatasetFlags,
  outDir: string,
): Promise<DatasetSummary> {
  if (ref !== undefined)
    throw new CliError(`give a sweep or --episodes, not both (got sweep "${ref}")`, EXIT_BAD_INPUT);
  if (opts.db !== undefined)
    throw new CliError(
      '--db reads a sweep; --episodes plays in memory without one',
      EXIT_BAD_INPUT,
    );
  const count = parsePositiveInt(opts.episodes!, '--episodes');
  if (count > MAX_EPISODES)
    throw new CliError(`--episodes is at most ${MAX_EPISODES}, got ${count}`, EXIT_BAD_INPUT);
  const seed = opts.seed === undefined ? 1 : parseSeed(opts.seed);
  return write(strategyEpisodes(count, seed), count, outDir, opts, { episodes: count, seed });
}

function parseSeed(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new CliError(`--seed must be a whole number >= 0, got "${value}"`, EXIT_BAD_INPUT);
  return n;
}

async function fromSweep(
  ref: string | undefined,
  opts: DatasetFlags,
  outDir: string,
): Promise<DatasetSummary> {
  if (ref === undefined)
    throw new CliError(
      'give a sweep (id, prefix or name), or --episodes N for strategy games without one; e.g. parley dataset --episodes 1000 --out data/janus',
      EXIT_BAD_INPUT,
    );
  if (opts.seed !== undefined)
    throw new CliError('--seed goes with --episodes; a sweep has its own seeds', EXIT_BAD_INPUT);
  const store = openCliStore(opts.db);
  try {
    const sweep = findSweep(store, ref);
    const plan = planSweepDataset(store, sweep);
    const others = Object.entries(plan.otherKinds).map(([k, n]) => `${n} ${k}`);
    if (plan.finished === 0) {
      const why =
        plan.unfinished > 0
          ? `none of its ${plan.unfinished} price games has finished yet (run it with "parley run")`
          : `it has no price games${others.length ? ` (it holds ${others.join(', ')} games)` : ''}; the Janus format is for the single-issue price game`;
      throw new CliError(`sweep "${sweep.name}": ${why}`, EXIT_BAD_INPUT);
    }
    if (plan.unfinished > 0)
      process.stderr.write(
        `dataset: ${plan.unfinished} price games of the sweep have not finished and are left out\n`,
      );
    if (others.length > 0)
      process.stderr.write(
        `dataset: left out the sweep's games of other kinds (${others.join(', ')})\n`,
      );
    return await write(sweepPriceGames(store, sweep), plan.finished, outDir, opts, {
      sweep: sweep.id,
      name: sweep.name,
    });
  } finally {
    store.close();
  }
}

function findSweep(store: Store, ref: string) {
  const sweep = store.findSweep(ref);
  if (sweep) return sweep;
  const known = store.listSweeps().map((s) => `${s.id.slice(0, 8)} ${s.name}`);
  throw new CliError(
    `no sweep matches "${ref}"` + (known.length ? `; known sweeps:\n  ${known.join('\n  ')}` : ''),
    EXIT_BAD_INPUT,
  );
}

/** Write into a staging folder beside --out, then move the files in: never half a dataset. */
async function write(
  games: AsyncIterable<PlayedPriceGame>,
  total: number,
  outDir: string,
  opts: DatasetFlags,
  source: Record<string, unknown>,
): Promise<DatasetSummary> {
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const stage = mkdtempSync(join(parent, `.${basename(outDir)}.parley-stage-`));
  const progress = createProgress(total);
  try {
    const summary = await writeJanusDataset(games, stage, {
      successesOnly: opts.successesOnly === true,
      source,
      onProgress: progress.update,
    });
    progress.stop();
    const files = writeAtomically(outDir, (dir) =>
      summary.files.map((f) => {
        const target = join(dir, basename(f));
        renameSync(f, target);
        return target;
      }),
    );
    return { ...summary, files };
  } finally {
    progress.stop();
    rmSync(stage, { recursive: true, force: true });
  }
}

function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let bar: cliProgress.SingleBar | null = null;
  let lastLine = started;
  const detail = (done: number) => {
    const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
    return `${rate.toFixed(0)} games/s | ETA ${formatEta((total - done) / rate)}`;
  };
  return {
    update(done: number) {
      if (total < PROGRESS_FROM) return;
      if (stream.isTTY) {
        if (!bar) {
          bar = new cliProgress.SingleBar(
            {
              format: ' {bar} {value}/{total} games | {detail}',
              hideCursor: true,
              stream,
              barsize: 30,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(total, 0, { detail: '' });
        }
        bar.update(done, { detail: detail(done) });
      } else if (Date.now() - lastLine >= 2000 || done === total) {
        stream.write(`dataset: ${done}/${total} games | ${detail(done)}\n`);
        lastLine = Date.now();
      }
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}

function printSummary(s: DatasetSummary, outDir: string): void {
  const lines = [
    `Wrote ${s.trajectories} trajectories (${s.decisions} decisions; ${s.successes} with a deal, ${s.failures} without) to ${outDir}:`,
    ...s.files.map((f) => `  ${basename(f)}`),
  ];
  if (s.failuresLeftOut > 0)
    lines.push(`Left out ${s.failuresLeftOut} games without a deal (--successes-only).`);
  const { REJECT, NONE } = s.decisionsLeftOut;
  if (REJECT + NONE > 0)
    lines.push(
      `Left out ${REJECT} REJECT and ${NONE} passed (NONE) decisions: Janus actions are OFFER and ACCEPT only.`,
    );
  if (s.empty > 0)
    lines.push(`${s.empty} games had no OFFER or ACCEPT decision and wrote no line.`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

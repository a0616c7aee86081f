// `parley demo` and `parley export`: the commands that write a sweep's output files. Kept apart
// from `run`, so a run never loads the export, chart or PDF code (issue 15: start-up).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { capabilityCells, UNKNOWN_CAPABILITY, writeSweepOutputs } from '../export/collect';
import { cellMatrix } from '../analysis/cells';
import { metricDef, metricDigits, type MetricId } from '../../src-shared/metrics';
import { writeBargainExport } from '../export/bargain';
import { writeGamesJson, writeGamesJsonl } from '../export/games';
import type { Store } from '../store/store';
import { demoSweep } from '../sweeps/demo';
import { CliError, EXIT_BAD_INPUT, openCliStore, parsePositiveInt } from './common';
import { findSweepOrThrow, runSweepDoc } from './core-commands';
import { writeAtomically } from './atomic-output';
import { formatGrid } from './text-format';

export function registerExportCommands(program: Command): void {
  program
    .command('demo')
    .description(
      'Run the built-in demo: bounded-rational agents (c = 0.1 ... 0.9) against a reference agent (c = 0.5) over five competition levels, 5 runs each. Writes parley.db, results.csv, summary.json, all_results.json, cells.csv, metrics.csv and heatmap.svg.',
    )
    .option('--out <dir>', 'output folder', 'out/demo')
    .option('--concurrency <n>', 'games played at once', '4')
    .action(async (opts: { out: string; concurrency: string }) => {
      const outDir = resolve(opts.out);
      mkdirSync(outDir, { recursive: true });
      const store = openCliStore(join(outDir, 'parley.db'));
      try {
        const sweepId = await runSweepDoc(store, demoSweep(), {
          concurrency: parsePositiveInt(opts.concurrency, '--concurrency'),
          label: 'demo',
          allowIncomplete: true,
        });
        const files = writeAtomically(outDir, (dir) => writeSweepOutputs(store, sweepId, dir));
        printHeatmaps(store, sweepId);
        process.stdout.write(`\nWrote ${[join(outDir, 'parley.db'), ...files].join('\n      ')}\n`);
        process.stdout.write(
          `Read a transcript: parley show <game_id from results.csv> --db ${join(outDir, 'parley.db')}\n`,
        );
      } finally {
        store.close();
      }
    });

  program
    .command('export')
    .description(
      'Export a sweep: csv writes results.csv + summary.json + all_results.json + cells.csv + metrics.csv + heatmap.svg; json writes the games with their transcripts.',
    )
    .argument('<sweep>', 'sweep id (or unique prefix) or name')
    .requiredOption('--out <dir>', 'output folder')
    .option(
      '--format <format>',
      'csv, json (sweep.json: the sweep and its games with transcripts), jsonl (sweep.json + games.jsonl, a game a line), or bargain (run_N_experiment_results.json + run_N_all_interactions.json per game)',
      'csv',
    )
    .option('--db <file>', 'database file')
    .action((ref: string, opts: { out: string; format: string; db?: string }) => {
      if (!['csv', 'json', 'jsonl', 'bargain'].includes(opts.format)) {
        throw new CliError(
          `--format must be csv, json, jsonl or bargain, got "${opts.format}"`,
          EXIT_BAD_INPUT,
        );
      }
      const store = openCliStore(opts.db);
      try {
        const sweep = findSweepOrThrow(store, ref);
        const outDir = resolve(opts.out);
        // Into a temporary folder first: a failure midway leaves nothing half-written.
        const files = writeAtomically(outDir, (dir) => {
          if (opts.format === 'csv') return writeSweepOutputs(store, sweep.id, dir);
          if (opts.format === 'bargain') return exportBargainOrThrow(store, sweep.id, dir);
          if (opts.format === 'jsonl') return writeGamesJsonl(store, sweep, dir);
          return [writeGamesJson(store, sweep, dir)];
        });
        process.stdout.write(`Wrote ${files.join('\n      ')}\n`);
      } finally {
        store.close();
      }
    });
}

function exportBargainOrThrow(store: Store, sweepId: string, outDir: string): string[] {
  try {
    return writeBargainExport(store, sweepId, outDir);
  } catch (err) {
    throw new CliError((err as Error).message, EXIT_BAD_INPUT);
  }
}

/** The demo's and export's summary: focal utility and deal rate per capability and level. */
function printHeatmaps(store: Store, sweepId: string): void {
  const titles: [MetricId, string][] = [
    [
      'utility_focal',
      'Mean discounted utility of the focal agent (rows: capability, columns: competition level)',
    ],
    ['deal', metricDef('deal').label],
  ];
  for (const [metric, title] of titles) {
    const m = cellMatrix(
      capabilityCells(store, sweepId, metric),
      'focal_capability',
      'competition_level',
    );
    process.stdout.write(
      `\n${formatGrid({
        title,
        corner: 'capability',
        rowLabels: m.rowValues.map((c) => `c=${c === null ? UNKNOWN_CAPABILITY : String(c)}`),
        colLabels: m.colValues.map(String),
        values: m.cells.map((row) => row.map((c) => c?.mean ?? null)),
        digits: metricDigits(metric),
      })}\n`,
    );
  }
}

// `parley import PATH...`: published result files of the field's codebases into the database,
// one transaction per file; exit 0 when every file imported, 1 when some failed, 2 on bad usage.
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { importPaths, type ImportSummary } from '../import/run-import';
import { IMPORT_FORMATS, type ImportFormat } from '../import/types';
import { CliError, EXIT_BAD_INPUT, EXIT_INCOMPLETE, openCliStore } from './common';

/** Files at which a progress display starts (smaller imports finish before it would draw). */
const PROGRESS_FROM = 20;
/** Flagged games listed one by one; past this the summary counts them by flag. */
const FLAGS_SHOWN = 10;

interface ImportFlags {
  db?: string;
  format: string;
  sweep?: string;
  game?: string;
  json?: boolean;
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      'Import published results: bargain run_N_experiment_results.json (with run_N_all_interactions.json), NegotiationArena game_state.json, LLM-Deliberation history*.json. Folders are searched recursively; each imported game is a finished Parley game in a sweep per source experiment.',
    )
    .argument('<path...>', 'files or folders')
    .option('--db <file>', 'database file (default: $PARLEY_DB or the user-data directory)')
    .option('--format <format>', `auto, or one of ${IMPORT_FORMATS.join(', ')}`, 'auto')
    .option(
      '--sweep <name>',
      'put every imported game into this one sweep (e.g. to see many experiments in one heatmap)',
    )
    .option('--game <dir>', 'LLM-Deliberation game folder for logs without one next to them')
    .option('--json', 'print {imported, unchanged, failed, sweeps, flagged} as JSON')
    // A missing path or an unknown option is a usage error: exit 2 (commander printed why).
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : EXIT_BAD_INPUT))
    .action((paths: string[], opts: ImportFlags) => {
      const format = parseFormat(opts.format);
      if (opts.sweep !== undefined && opts.sweep.trim() === '')
        throw new CliError('--sweep needs a name', EXIT_BAD_INPUT);
      const store = openCliStore(opts.db);
      let summary: ImportSummary;
      const progress = createImportProgress();
      try {
        summary = importPaths(store, paths, {
          ...(format ? { format } : {}),
          ...(opts.sweep !== undefined ? { sweepName: opts.sweep.trim() } : {}),
          ...(opts.game !== undefined ? { gameDir: opts.game } : {}),
          onProgress: progress.update,
        });
      } finally {
        progress.stop();
        store.close();
      }
      if (opts.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      else printSummary(summary);
      if (summary.failed.length > 0) process.exitCode = EXIT_INCOMPLETE;
    });
}

function parseFormat(value: string): ImportFormat | undefined {
  if (value === 'auto') return undefined;
  if ((IMPORT_FORMATS as readonly string[]).includes(value)) return value as ImportFormat;
  throw new CliError(
    `--format must be auto or one of ${IMPORT_FORMATS.join(', ')}, got "${value}"`,
    EXIT_BAD_INPUT,
  );
}

function printSummary(s: ImportSummary): void {
  for (const f of s.failed) process.stderr.write(`parley import: ${f.file}: ${f.error}\n`);
  for (const g of s.flagged.slice(0, FLAGS_SHOWN))
    for (const flag of g.flags)
      process.stdout.write(`flag ${g.gameId} (${g.file}): ${flag.message}\n`);
  if (s.flagged.length > FLAGS_SHOWN) {
    const byCode = new Map<string, number>();
    for (const g of s.flagged)
      for (const f of g.flags) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
    const counts = [...byCode].map(([code, n]) => `${code} ${n}`).join(', ');
    process.stdout.write(
      `... and ${s.flagged.length - FLAGS_SHOWN} more flagged games (--json lists them all); flags: ${counts}\n`,
    );
  }
  const games = (n: number) => `${n} game${n === 1 ? '' : 's'}`;
  process.stdout.write(
    `Imported ${games(s.imported)}, ${s.unchanged} unchanged, ${s.failed.length} file${s.failed.length === 1 ? '' : 's'} failed; ` +
      `${games(s.flagged.length)} flagged where the published outcome and Parley's differ.\n`,
  );
  if (s.sweeps.length > 0 && s.sweeps.length <= 10)
    process.stdout.write(
      `Sweeps: ${s.sweeps.join(', ')}  (parley analyze <sweep>, parley show <game>)\n`,
    );
  else if (s.sweeps.length > 10)
    process.stdout.write(
      `${s.sweeps.length} sweeps, one per source experiment (parley status lists them; --sweep NAME puts every game into one)\n`,
    );
}

/** A bar on a terminal for large imports; occasional plain lines otherwise. */
function createImportProgress(stream: NodeJS.WriteStream = process.stderr) {
  let bar: cliProgress.SingleBar | null = null;
  let lastLine = 0;
  return {
    update(done: number, total: number) {
      if (total < PROGRESS_FROM) return;
      if (stream.isTTY) {
        if (!bar) {
          bar = new cliProgress.SingleBar(
            { format: ' {bar} {value}/{total} files', hideCursor: true, stream, barsize: 30 },
            cliProgress.Presets.shades_classic,
          );
          bar.start(total, 0);
        }
        bar.update(done);
      } else if (Date.now() - lastLine >= 2000 || done === total) {
        stream.write(`import: ${done}/${total} files\n`);
        lastLine = Date.now();
      }
    },
    stop() {
      bar?.stop();
    },
  };
}

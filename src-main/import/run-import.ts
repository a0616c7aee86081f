// `parley import` without the terminal: every input file is read, recognised and written in its
// own transaction; a bad file is reported with its problem and the others are still imported.
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { Store } from '../store/store';
import { loadRegistry } from '../registry/registry';
import { importArenaGame } from './arena';
import { importBargainRun } from './bargain';
import { importDeliberationLog } from './deliberation';
import { bargainInteractionsSchema, bargainResultsSchema, parseOrExplain } from './bargain-schema';
import { createModelMatcher, type ModelMatcher } from './models';
import {
  bargainInteractionsPath,
  classify,
  deliberationFolderOf,
  FORMAT_LABEL,
  listInputFiles,
  readSource,
  type SourceFile,
} from './sources';
import { ImportError, type ImportedGame, type ImportFormat } from './types';
import { ensureImportSweep, importSweepId, refreshImportedSweep, writeImportedGame } from './write';

export interface ImportOptions {
  /** Force one format for every file instead of recognising each. */
  format?: ImportFormat;
  /** Put every imported game into this one sweep instead of one sweep per source experiment. */
  sweepName?: string;
  /** The LLM-Deliberation game folder of logs that have none next to them. */
  gameDir?: string;
  /** Called after each file with (files done, files total). */
  onProgress?: (done: number, total: number) => void;
}

export interface FlaggedGame {
  file: string;
  gameId: string;
  flags: { code: string; message: string }[];
}

export interface ImportSummary {
  imported: number;
  unchanged: number;
  failed: { file: string; error: string }[];
  sweeps: string[];
  /** Games whose published outcome and Parley's differ (or whose file contradicts itself). */
  flagged: FlaggedGame[];
}

export function importPaths(
  store: Store,
  paths: readonly string[],
  opts: ImportOptions = {},
): ImportSummary {
  const { files, missing } = listInputFiles(paths);
  const summary: ImportSummary = {
    imported: 0,
    unchanged: 0,
    failed: missing.map((file) => ({ file, error: 'no such file or folder' })),
    sweeps: [],
    flagged: [],
  };
  const models = createModelMatcher(loadRegistry(store));
  const inputs = new Set(files);
  const sweeps = new Set<string>();
  files.forEach((file, i) => {
    try {
      const game = readGame(file, inputs, models, opts);
      if (game) {
        const sweepId = importSweepId(game.format, game.group, opts.sweepName);
        // The sweep row and the game commit together, so a failed write leaves no empty sweep.
        const result = store.transaction(() => {
          ensureImportSweep(store, sweepId, opts.sweepName ?? game.group, game.format);
          return writeImportedGame(store, sweepId, game);
        });
        summary[result]++;
        sweeps.add(sweepId);
        if (game.flags.length > 0)
          summary.flagged.push({ file, gameId: game.planned.id, flags: game.flags });
      }
    } catch (err) {
      // A file that trips something unforeseen fails alone, named, like any bad file.
      const error =
        err instanceof ImportError
          ? err.message
          : `unexpected error while importing (please report it): ${err instanceof Error ? err.message : String(err)}`;
      summary.failed.push({ file, error });
    }
    opts.onProgress?.(i + 1, files.length);
  });
  for (const id of sweeps) refreshImportedSweep(store, id);
  summary.sweeps = [...sweeps].sort();
  return summary;
}

/** The game in `file`, null for a companion file another file reads, or an ImportError. */
function readGame(
  file: string,
  inputs: ReadonlySet<string>,
  models: ModelMatcher,
  opts: ImportOptions,
): ImportedGame | null {
  const forced = opts.format;
  const src = readSource(file);
  const kind = classify(src.data);
  if (kind === 'bargain-companion') {
    if (!isInteractionsName(file) || inputs.has(resultsPathOf(file))) return null;
    throw new ImportError(
      `a bargain interactions file without its results file ${basename(resultsPathOf(file))}; import the folder or the results file`,
    );
  }
  const format = forced ?? (kind === 'unknown' ? null : kind);
  if (format === null)
    throw new ImportError(
      `not a file Parley can import: expected ${Object.values(FORMAT_LABEL).join(', ')}`,
    );
  if (forced && kind !== 'unknown' && kind !== forced)
    throw new ImportError(`not ${FORMAT_LABEL[forced]} (it looks like ${FORMAT_LABEL[kind]})`);
  if (format === 'bargain') return readBargain(src, models);
  if (format === 'arena') return importArenaGame(src, models);
  return importDeliberationLog(src, deliberationFolderOf(file, opts.gameDir), models);
}

function readBargain(src: SourceFile, models: ModelMatcher): ImportedGame {
  const results = parseOrExplain(
    bargainResultsSchema,
    src.data,
    'not a complete bargain results file',
  );
  const companion = bargainInteractionsPath(src.path);
  const interactionsName = basename(companion);
  let interactions = null;
  if (existsSync(companion)) {
    try {
      const data = readSource(companion).data;
      interactions = parseOrExplain(bargainInteractionsSchema, data, interactionsName);
    } catch (err) {
      if (err instanceof ImportError) throw new ImportError(`${interactionsName}: ${err.message}`);
      throw err;
    }
  }
  return importBargainRun(
    { results, interactions, resultsFile: src.path, interactionsName, sha256: src.sha256 },
    models,
  );
}

function isInteractionsName(file: string): boolean {
  return /all_interactions[^/\\]*\.json$/.test(file);
}

function resultsPathOf(interactionsFile: string): string {
  return interactionsFile.replace(/all_interactions([^/\\]*)\.json$/, 'experiment_results$1.json');
}

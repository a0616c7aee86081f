// Finding and classifying input files: folders are searched recursively for .json files; each
// file is read, parsed and recognised by its shape (or checked against the --format given).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { looksLikeBargainInteractions, looksLikeBargainResults } from './bargain-schema';
import { ImportError, type ImportFormat } from './types';

/** What a file is: an importable game file, a companion read with one, or unknown. */
export type FileKind = ImportFormat | 'bargain-companion' | 'unknown';

export interface SourceFile {
  path: string;
  data: unknown;
  sha256: string;
}

/** The files under `paths` (folders recursively, .json only; files as given), sorted, deduplicated. */
export function listInputFiles(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files = new Set<string>();
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.json')) files.add(full);
    }
  };
  for (const p of paths) {
    const full = resolve(p);
    let isDir: boolean;
    try {
      isDir = statSync(full).isDirectory();
    } catch {
      missing.push(full);
      continue;
    }
    if (isDir) walk(full);
    else files.add(full);
  }
  return { files: [...files], missing };
}

/** Reads and parses one file; an empty, unreadable or non-JSON file is an ImportError. */
export function readSource(path: string): SourceFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new ImportError(
      `cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`,
    );
  }
  const text = bytes.toString('utf8');
  if (text.trim() === '') throw new ImportError('the file is empty');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ImportError(`not valid JSON, perhaps truncated (${(err as Error).message})`);
  }
  return { path, data, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Recognises a parsed file by its shape. */
export function classify(data: unknown): FileKind {
  if (looksLikeBargainResults(data)) return 'bargain';
  if (looksLikeBargainInteractions(data)) return 'bargain-companion';
  const d = data as Record<string, unknown> | null;
  if (d === null || typeof d !== 'object' || Array.isArray(d)) return 'unknown';
  if ('interactions' in d && 'agent_id' in d) return 'bargain-companion';
  if ('batch_id' in d && 'experiments' in d) return 'bargain-companion';
  if (Array.isArray(d.game_state) && Array.isArray(d.players)) return 'arena';
  if (Array.isArray(d.rounds) && 'slot_assignment' in d) return 'deliberation';
  return 'unknown';
}

export const FORMAT_LABEL: Record<ImportFormat, string> = {
  bargain: 'a bargain run_N_experiment_results.json',
  arena: 'a NegotiationArena game_state.json',
  deliberation: 'an LLM-Deliberation history*.json log',
};

/** The interactions file that belongs to a bargain results file (same folder, same run). */
export function bargainInteractionsPath(resultsPath: string): string {
  const name = basename(resultsPath);
  const m = /^(run_\d+_)?experiment_results(.*)\.json$/.exec(name);
  const companion = m
    ? `${m[1] ?? ''}all_interactions${m[2]}.json`
    : name.replace(/experiment_results/, 'all_interactions');
  return join(dirname(resultsPath), companion);
}

/** Whether `dir` holds an LLM-Deliberation game's config.txt and scores_files/. */
function isDeliberationFolder(dir: string): boolean {
  return existsSync(join(dir, 'config.txt')) && existsSync(join(dir, 'scores_files'));
}

/**
 * The game folder of a deliberation log: --game DIR when given, else the log's own folder
 * (the published runs save config.txt and scores_files/ beside their logs).
 */
export function deliberationFolderOf(logPath: string, gameDir?: string): string {
  if (gameDir !== undefined) {
    const dir = resolve(gameDir);
    if (!isDeliberationFolder(dir))
      throw new ImportError(
        `--game ${dir} is not an LLM-Deliberation game folder (no config.txt and scores_files/)`,
      );
    return dir;
  }
  const beside = dirname(logPath);
  if (isDeliberationFolder(beside)) return beside;
  throw new ImportError(
    'a deliberation log needs its game folder: there is no config.txt and scores_files/ next to it; give one with --game DIR',
  );
}

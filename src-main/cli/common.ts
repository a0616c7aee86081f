// Helpers shared by CLI commands: database location, opening the store, reading input files.
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { StorageError, openStore } from '../store/store';
import type { Store } from '../store/store';
import { defaultDbPath } from '../store/paths';

/** An error with a message for the user and the process exit code to use. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Exit codes: 0 all done, 1 games failed or paused, 2 bad input. */
export const EXIT_INCOMPLETE = 1;
export const EXIT_BAD_INPUT = 2;

/** `--db` wins, then PARLEY_DB, then the platform's user-data directory. */
export function resolveDbPath(flag?: string): string {
  return flag ? resolve(flag) : defaultDbPath();
}

/**
 * The store at `--db` / PARLEY_DB / the default path. PARLEY_DB_MAX_PAGES caps its size in
 * 4 KiB pages (a quota; the full-disk tests use it).
 */
export function openCliStore(flag?: string): Store {
  const pages = Number(process.env.PARLEY_DB_MAX_PAGES);
  try {
    return openStore(resolveDbPath(flag), {
      ...(Number.isInteger(pages) && pages > 0 ? { maxPageCount: pages } : {}),
    });
  } catch (err) {
    if (err instanceof StorageError) throw err;
    throw new CliError(err instanceof Error ? err.message : String(err));
  }
}

/**
 * Read and parse a JSON file, naming the file and the position of a syntax error. A file larger
 * than `maxBytes` is refused before it is read.
 */
export function readJsonFile(
  path: string,
  opts: { maxBytes?: number; what?: string } = {},
): unknown {
  let text: string;
  try {
    const { size } = statSync(path);
    if (opts.maxBytes !== undefined && size > opts.maxBytes) {
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      throw new CliError(
        `${path} is ${mb(size)}, more than the ${mb(opts.maxBytes)} ${opts.what ?? 'a JSON input'} may be`,
        EXIT_BAD_INPUT,
      );
    }
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof CliError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT' ? `file not found: ${path}` : `cannot read ${path}: ${String(err)}`,
      EXIT_BAD_INPUT,
    );
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CliError(`${path} is not valid JSON: ${(err as Error).message}`, EXIT_BAD_INPUT);
  }
}

export function parsePositiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new CliError(`${name} must be a positive integer, got "${value}"`, EXIT_BAD_INPUT);
  return n;
}

// The one module that owns the SQLite connection. Everything else reads and writes through the
// synchronous `Store` it returns; no other module opens the database file.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from './types';
import { analysisMethods } from './analysis-queries';
import { gameQueryMethods } from './game-query';
import { annotationMethods } from './annotations';
import { compareQueryMethods } from './compare-queries';
import { callMethods } from './calls';
import { StorageError, StoreError, damagedAdvice, storageError } from './errors';
import { eventMethods } from './events';
import { gameMethods } from './games';
import { gamePageMethods } from './game-pages';
import { importMethods } from './imports';
import { batchMethods } from './batches';
import { judgementMethods } from './judgements';
import { mergeMethods } from './merge';
import { migrate } from './migrate';
import { searchMethods } from './search';
import { createSql } from './sql';
import { modelMethods, sweepMethods } from './sweeps';
import { turnMethods } from './turns';

export * from './types';
export { StoreError, StorageError } from './errors';

export interface OpenStoreOptions {
  /** Open without writing: no migrations are applied (a database that needs one is refused). */
  readonly?: boolean;
  /** Overrides the durability level chosen below; for benchmarks. */
  synchronous?: 'FULL' | 'NORMAL';
  /** Migrations folder; defaults to the one shipped beside this module. For tests. */
  migrationsDir?: string;
  /**
   * Most pages the file may grow to (SQLite's max_page_count, 4 KiB each); past it a write
   * fails as on a full disk. Default: no limit beyond SQLite's own.
   */
  maxPageCount?: number;
  /** Run `PRAGMA quick_check` on open and refuse a damaged file (default true). */
  checkIntegrity?: boolean;
}

/**
 * Durability: WAL with synchronous=NORMAL. A commit is an append to the -wal file that the OS
 * holds before appendTurn returns, so a committed turn survives a crash, kill or SIGKILL of the
 * process (crash.test.ts proves it). The WAL is fsynced only at checkpoints, so after a power
 * loss or OS crash the transactions committed since the last checkpoint may roll back, but the
 * database stays consistent and resumption replays from the last turn that did survive.
 * synchronous=FULL fsyncs on every commit and survives power loss too, but measured 5-8k
 * turns/s against 20-40k for NORMAL (src-main/store/bench.ts, ext4), which cannot carry the
 * engine benchmark (>= 200 games/s of ~110 turns each, every turn its own commit).
 */
const DEFAULT_SYNCHRONOUS = 'NORMAL';

/**
 * Opens (creating if needed), checks and migrates the database at `file`. Every failure of the
 * file itself (damaged, read-only, locked, full) is a StorageError naming it and what to do.
 */
export function openStore(file: string, opts: OpenStoreOptions = {}): Store {
  const isMemory = file === ':memory:';
  const path = isMemory ? file : resolve(file);
  try {
    return guard(openUnguarded(path, isMemory, opts), path);
  } catch (err) {
    throw storageError(err, path) ?? err;
  }
}

function openUnguarded(path: string, isMemory: boolean, opts: OpenStoreOptions): Store {
  const isReadonly = opts.readonly ?? false;
  if (isReadonly && !existsSync(path)) throw new StoreError(`No Parley database at ${path}.`);
  if (!isMemory && !isReadonly) mkdirSync(dirname(path), { recursive: true });

  const db = new Database(path, { readonly: isReadonly, fileMustExist: isReadonly, timeout: 5000 });
  try {
    if (!isReadonly) db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    // A row replaced by INSERT OR REPLACE fires its delete triggers too, so the per-sweep counts
    // (migration 0009) count a game replaced by a merge out and in again.
    db.pragma('recursive_triggers = ON');
    db.pragma(`synchronous = ${opts.synchronous ?? DEFAULT_SYNCHRONOUS}`);
    // Up to 64 MiB of page cache (SQLite's default is 2 MiB): a sweep's turns land all over the
    // b-trees of a database of hundreds of MB, and a small cache re-reads their pages from the
    // OS for every commit.
    db.pragma('cache_size = -65536');
    if (opts.maxPageCount !== undefined) db.pragma(`max_page_count = ${opts.maxPageCount}`);
    if (opts.checkIntegrity ?? true) checkIntegrity(db, path);
    migrate(db, { dir: opts.migrationsDir, apply: !isReadonly, file: path });
    // SQLite's temporary files in memory: an insert that fires a trigger (every turn feeds the
    // search keys) keeps a statement journal, and on disk those cost a write() per page: a run's
    // 1,000 games made about 500,000 of them (0.4 s of system time). The store's own sorts and
    // temporary tables hold a row per game at most. Set after the migrations, and lifted by a
    // merge, whose statements rewrite pages all over a big file.
    db.pragma('temp_store = MEMORY');
  } catch (e) {
    db.close();
    throw e;
  }

  const sql = createSql(db);
  return {
    path,
    ...sweepMethods(sql),
    ...modelMethods(sql),
    ...gameMethods(sql),
    ...gamePageMethods(sql),
    ...turnMethods(sql),
    ...callMethods(sql),
    ...eventMethods(sql),
    ...mergeMethods(sql, path),
    ...analysisMethods(sql),
    ...importMethods(sql),
    ...searchMethods(sql),
    ...annotationMethods(sql),
    ...gameQueryMethods(sql),
    ...compareQueryMethods(sql),
    ...judgementMethods(sql),
    ...batchMethods(sql),
    transaction: (fn) => db.transaction(fn)(),
    close() {
      if (!db.open) return;
      if (!isReadonly) db.pragma('optimize');
      db.close();
    },
  };
}

/**
 * Files up to this size are checked whole on open; a larger one (a 100,000-game sweep is ~2 GB,
 * whose whole check takes seconds) has its schema and small tables checked, so that `parley
 * status` stays instant. Damage in the pages of a large file's games and turns is then found
 * when they are read, and reported the same way (a StorageError naming the file).
 */
const WHOLE_CHECK_BYTES = 64 * 1024 * 1024;

/** The tables a large file's check covers (with their indexes): the small ones. */
const SMALL_TABLES = ['schema_migrations', 'sweeps', 'models', 'sweep_counts', 'rules'];

/**
 * `PRAGMA quick_check`: the b-trees and their pages are sound (not the slower full
 * integrity_check of every index entry). A damaged file is refused before anything reads it.
 */
function checkIntegrity(db: Database.Database, path: string): void {
  const pages = (db.pragma('page_count', { simple: true }) as number) ?? 0;
  const pageSize = (db.pragma('page_size', { simple: true }) as number) ?? 4096;
  const isLarge = pages * pageSize > WHOLE_CHECK_BYTES;
  const tables = isLarge
    ? SMALL_TABLES.filter((t) =>
        db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(t),
      )
    : [];
  const checks = isLarge ? tables.map((t) => `quick_check('${t}')`) : ['quick_check(3)'];
  const problems = checks.flatMap(
    (c) => db.pragma(c, { simple: false }) as { quick_check: string }[],
  );
  const found = problems
    .flatMap((r) => r.quick_check.split('\n'))
    .map((line) => line.trim())
    .filter((line) => line !== '' && line !== 'ok' && !line.startsWith('***'))
    .slice(0, 3);
  if (found.length > 0) {
    throw new StorageError(
      `The database ${path} is damaged (${found.join('; ')}). ${damagedAdvice(path)} (SQLite: SQLITE_CORRUPT)`,
      'SQLITE_CORRUPT',
    );
  }
}

/** Every store method turns a failing file (SQLite or I/O error) into a StorageError. */
function guard(store: Store, path: string): Store {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(store)) {
    wrapped[name] =
      typeof value === 'function'
        ? (...args: unknown[]) => {
            try {
              return (value as (...a: unknown[]) => unknown)(...args);
            } catch (err) {
              throw storageError(err, path) ?? err;
            }
          }
        : value;
  }
  return wrapped as unknown as Store;
}

// The one module that owns the SQLite connection. Everything else reads and writes through the
// synchronous `Store` it returns; no other module opens the database file.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from './types';
import { analysisMethods } from './analysis-queries';
import { callMethods } from './calls';
import { StoreError } from './errors';
import { eventMethods } from './events';
import { gameMethods } from './games';
import { judgementMethods } from './judgements';
import { mergeMethods } from './merge';
import { migrate } from './migrate';
import { createSql } from './sql';
import { modelMethods, sweepMethods } from './sweeps';
import { turnMethods } from './turns';

export * from './types';
export { StoreError } from './errors';

export interface OpenStoreOptions {
  /** Open without writing: no migrations are applied (a database that needs one is refused). */
  readonly?: boolean;
  /** Overrides the durability level chosen below; for benchmarks. */
  synchronous?: 'FULL' | 'NORMAL';
  /** Migrations folder; defaults to the one shipped beside this module. For tests. */
  migrationsDir?: string;
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

/** Opens (creating if needed) and migrates the database at `file`. */
export function openStore(file: string, opts: OpenStoreOptions = {}): Store {
  const isMemory = file === ':memory:';
  const path = isMemory ? file : resolve(file);
  const isReadonly = opts.readonly ?? false;
  if (isReadonly && !existsSync(path)) throw new StoreError(`No Parley database at ${path}.`);
  if (!isMemory && !isReadonly) mkdirSync(dirname(path), { recursive: true });

  const db = new Database(path, { readonly: isReadonly, fileMustExist: isReadonly, timeout: 5000 });
  try {
    if (!isReadonly) db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    db.pragma(`synchronous = ${opts.synchronous ?? DEFAULT_SYNCHRONOUS}`);
    migrate(db, { dir: opts.migrationsDir, apply: !isReadonly, file: path });
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
    ...turnMethods(sql),
    ...callMethods(sql),
    ...eventMethods(sql),
    ...mergeMethods(sql, path),
    ...analysisMethods(sql),
    ...judgementMethods(sql),
    transaction: (fn) => db.transaction(fn)(),
    close() {
      if (!db.open) return;
      if (!isReadonly) db.pragma('optimize');
      db.close();
    },
  };
}

import { cpSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, readMigrationFiles } from './migrate';
import { openStore, StoreError } from './store';
import { UNDO_0009_SQL, UNDO_AFTER_0009_SQL } from './fixtures';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-migrate-'));
  file = join(dir, 'nested', 'parley.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const shipped = readMigrationFiles();

function applied(path: string): { id: number; name: string; sha256: string }[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT id, name, sha256 FROM schema_migrations ORDER BY id').all() as {
      id: number;
      name: string;
      sha256: string;
    }[];
  } finally {
    db.close();
  }
}

/** Changes the database behind the store's back, as an older or newer Parley would have. */
function tamper(path: string, sql: string): void {
  const db = new Database(path);
  db.exec(sql);
  db.close();
}

describe('migrations', () => {
  it('applies every shipped migration once and records its name and hash', () => {
    openStore(file).close();
    expect(shipped[0].name).toBe('0001_init.sql');
    expect(applied(file)).toEqual(
      shipped.map((m) => ({ id: m.id, name: m.name, sha256: m.sha256 })),
    );
    const db = new Database(file, { readonly: true });
    const tables = db
      .prepare(
        `SELECT name, strict FROM pragma_table_list
         WHERE schema = 'main' AND name NOT LIKE 'sqlite_stat%' ORDER BY name`,
      )
      .all();
    db.close();
    expect(tables).toEqual(
      [
        'calls',
        'events',
        'game_imports',
        'game_notes',
        'game_tags',
        'games',
        'judgements',
        'models',
        'provider_batch_requests',
        'provider_batches',
        'response_cache',
        'rules',
        'schema_migrations',
        'sqlite_schema',
        'sqlite_sequence',
        'sweep_counts',
        'sweep_games',
        'sweeps',
        'turn_search_keys',
        'turn_search_state',
        'turns',
        // Migration 0006's FTS5 index and its shadow tables (SQLite's own, not STRICT).
        'turns_fts',
        'turns_fts_config',
        'turns_fts_data',
        'turns_fts_docsize',
        'turns_fts_idx',
      ].map((name) => ({
        name,
        strict: name.startsWith('sqlite_') || name.startsWith('turns_fts') ? 0 : 1,
      })),
    );
  });

  it('re-opening a migrated database applies nothing', () => {
    openStore(file).close();
    const before = applied(file);
    const store = openStore(file);
    store.upsertSweep({ id: 's1', name: 'kept', spec: { a: 1 } });
    store.close();
    openStore(file).close();
    expect(applied(file)).toEqual(before);
    const reopened = openStore(file);
    expect(reopened.getSweep('s1')?.spec).toEqual({ a: 1 });
    reopened.close();
  });

  it('refuses a database whose applied migration was edited', () => {
    openStore(file).close();
    tamper(file, "UPDATE schema_migrations SET sha256 = 'abc123' WHERE id = 1");
    expect(() => openStore(file)).toThrow(
      new StoreError(
        `Migration 0001_init.sql was edited after it was applied to ${file} ` +
          `(recorded sha256 abc123, file ${shipped[0].sha256}). Restore the original file and add ` +
          'the change as a new migration.',
      ),
    );
  });

  it('refuses a database migrated by a newer Parley', () => {
    openStore(file).close();
    tamper(
      file,
      `INSERT INTO schema_migrations VALUES (${shipped.length + 1}, '9999_future.sql', 'f', 't')`,
    );
    expect(() => openStore(file)).toThrow(
      new StoreError(
        `Database ${file} has migration 9999_future.sql applied, which this build of Parley does not ` +
          `know (it knows up to ${shipped[shipped.length - 1].name}). The database was written by a ` +
          'newer Parley: upgrade Parley, or open a different database with --db.',
      ),
    );
  });

  it('refuses history that is not a prefix of the files (renamed file)', () => {
    const migrations = join(dir, 'migrations');
    cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
    openStore(file, { migrationsDir: migrations }).close();
    renameSync(join(migrations, '0001_init.sql'), join(migrations, '0001_start.sql'));
    expect(() => openStore(file, { migrationsDir: migrations })).toThrow(
      /records migration 0001_init\.sql as number 1, but the file at that position is 0001_start\.sql/,
    );
  });

  it('applies a new migration in its own transaction; a failing one leaves no trace', () => {
    const migrations = join(dir, 'migrations');
    cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
    openStore(file, { migrationsDir: migrations }).close();
    const next = String(shipped.length + 1).padStart(4, '0');
    writeFileSync(
      join(migrations, `${next}_broken.sql`),
      'CREATE TABLE extra (x INTEGER) STRICT;\nINSERT INTO no_such_table VALUES (1);\n',
    );
    expect(() => openStore(file, { migrationsDir: migrations })).toThrow(/no such table/);
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'extra'").get()).toBe(undefined);
    db.close();
    expect(applied(file)).toHaveLength(shipped.length);

    writeFileSync(
      join(migrations, `${next}_broken.sql`),
      'CREATE TABLE extra (x INTEGER) STRICT;\n',
    );
    openStore(file, { migrationsDir: migrations }).close();
    expect(applied(file).map((m) => m.name)).toEqual([
      ...shipped.map((m) => m.name),
      `${next}_broken.sql`,
    ]);
  });

  it('refuses gaps in the numbering of the files', () => {
    const migrations = join(dir, 'migrations');
    cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
    writeFileSync(join(migrations, '0100_skip.sql'), 'SELECT 1;');
    expect(() => openStore(file, { migrationsDir: migrations })).toThrow(
      /must be numbered 0001, 0002, \.\.\. without gaps; found 0100_skip\.sql/,
    );
  });

  it('read-only opening verifies but never migrates', () => {
    expect(() => openStore(file, { readonly: true })).toThrow(
      new StoreError(`No Parley database at ${file}.`),
    );
    const migrations = join(dir, 'migrations');
    cpSync(MIGRATIONS_DIR, migrations, { recursive: true });
    openStore(file, { migrationsDir: migrations }).close();
    const next = `${String(shipped.length + 1).padStart(4, '0')}_more.sql`;
    writeFileSync(join(migrations, next), 'CREATE TABLE more (x INTEGER) STRICT;');
    expect(() => openStore(file, { readonly: true, migrationsDir: migrations })).toThrow(
      `needs migration ${next} but was opened read-only`,
    );
    const store = openStore(file, { readonly: true });
    expect(store.listSweeps()).toEqual([]);
    expect(() => store.upsertSweep({ id: 'x', name: 'x', spec: {} })).toThrow(
      /^Cannot write the database .* read-only .*\(SQLite: SQLITE_READONLY\)$/,
    );
    store.close();
  });
});

describe('migration 0002 (focal columns)', () => {
  it('fills focal_seat, focal_utility and social_welfare of games written before it', async () => {
    const { writeHandSweep } = await import('../analysis/hand-sweep.test-helpers');
    const store = openStore(file);
    writeHandSweep(store);
    store.close();
    const read = () => {
      const db = new Database(file, { readonly: true });
      try {
        return db
          .prepare(
            'SELECT id, status, focal_seat, focal_utility, social_welfare FROM games ORDER BY rowid',
          )
          .all();
      } finally {
        db.close();
      }
    };
    const written = read();
    // As a database from before 0002: the columns, later tables and their records gone.
    tamper(
      file,
      `${UNDO_AFTER_0009_SQL}
       ${UNDO_0009_SQL}
       DROP TABLE game_imports;
       ALTER TABLE games DROP COLUMN lease_owner;
       ALTER TABLE games DROP COLUMN lease_until;
       ALTER TABLE calls DROP COLUMN estimated_cost_usd;
       DROP INDEX games_cells;
       CREATE INDEX games_status ON games (status);
       ALTER TABLE games DROP COLUMN focal_seat;
       ALTER TABLE games DROP COLUMN focal_utility;
       ALTER TABLE games DROP COLUMN social_welfare;
       ALTER TABLE games DROP COLUMN alpha;
       ALTER TABLE games DROP COLUMN sigma;
       DROP TRIGGER turns_search_insert;
       DROP TRIGGER turns_search_delete;
       DROP TRIGGER turns_search_rekey;
       DROP TRIGGER turns_search_text;
       DROP TABLE turns_fts;
       DROP TABLE turn_search_keys;
       DROP TABLE turn_search_state;
       DROP TABLE judgements;
       DELETE FROM schema_migrations WHERE id >= 2;`,
    );
    openStore(file).close();
    // 0003 re-keys the hand sweep's made-up ids to content ids; every other column is as written.
    const withoutId = (rows: unknown[]) =>
      rows.map((r) => ({ ...(r as Record<string, unknown>), id: undefined }));
    expect(withoutId(read())).toEqual(withoutId(written));
    // The hand sweep's values (utilities as in analysis/dataset.test.ts): g3 has no deal (all 0);
    // g5's two seats have equal capability and the focal one (ref2) sits second.
    const row = (id: string, seat: number, focal: number, welfare: number) => ({
      id,
      status: 'finished',
      focal_seat: seat,
      focal_utility: focal,
      social_welfare: welfare,
    });
    expect(written).toEqual([
      row('g1', 0, 72, 117),
      row('g2', 1, 50, 130),
      row('g3', 1, 0, 0),
      row('g4', 0, 50, 130),
      row('g5', 1, 80, 130),
    ]);
  });
});

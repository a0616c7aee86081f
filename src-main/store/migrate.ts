// Applies the numbered SQL files in ./migrations in order, each in its own transaction, and
// records name and sha256. Refuses a database whose history does not match the files on disk.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import type { DbMigration } from './rows';
import { registerMigrationFunctions } from './migration-functions';
import { StoreError } from './errors';

/** The migrations shipped beside this module. A bundler must copy this folder next to the output. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export interface MigrationFile {
  id: number;
  name: string;
  sql: string;
  sha256: string;
}

/** The migration files in `dir`, checked to be numbered 1, 2, 3... without gaps. */
export function readMigrationFiles(dir: string = MIGRATIONS_DIR): MigrationFile[] {
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  return names.map((name, i) => {
    const match = FILE_PATTERN.exec(name);
    if (!match) {
      throw new StoreError(`Migration file ${name} in ${dir} is not named NNNN_name.sql.`);
    }
    if (Number(match[1]) !== i + 1) {
      throw new StoreError(
        `Migration files in ${dir} must be numbered 0001, 0002, ... without gaps; found ${name} at position ${i + 1}.`,
      );
    }
    // Hash with LF line endings so a checkout with CRLF endings does not look like an edit.
    const sql = readFileSync(`${dir}/${name}`, 'utf8').replace(/\r\n/g, '\n');
    const sha256 = createHash('sha256').update(sql).digest('hex');
    return { id: i + 1, name, sql, sha256 };
  });
}

/**
 * Verifies the recorded history against the files and applies the missing ones. With
 * `apply: false` (read-only use) a database that still needs migrations is refused instead.
 * Returns the names applied now.
 */
export function migrate(
  db: Database.Database,
  opts: { dir?: string; apply?: boolean; file?: string } = {},
): string[] {
  const files = readMigrationFiles(opts.dir);
  const where = opts.file ?? db.name;
  const isApplying = opts.apply ?? true;
  if (isApplying) {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL
    ) STRICT`);
  }
  const applied = readApplied(db);
  verifyHistory(applied, files, where);

  const pending = files.slice(applied.length);
  if (pending.length > 0 && !isApplying) {
    throw new StoreError(
      `Database ${where} needs migration ${pending[0].name} but was opened read-only. ` +
        'Open it once read-write (any Parley command that writes) to upgrade it.',
    );
  }
  const releaseFunctions = pending.length > 0 ? registerMigrationFunctions(db) : () => {};
  const record = db.prepare(
    'INSERT INTO schema_migrations (id, name, sha256, applied_at) VALUES (?, ?, ?, ?)',
  );
  for (const m of pending) {
    // exec() runs the whole file; the transaction makes a failing file leave no trace.
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.id, m.name, m.sha256, new Date().toISOString());
    }).immediate();
  }
  releaseFunctions();
  return pending.map((m) => m.name);
}

function readApplied(db: Database.Database): DbMigration[] {
  const hasTable = db
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!hasTable) return [];
  return db
    .prepare('SELECT id, name, sha256, applied_at FROM schema_migrations ORDER BY id')
    .all() as DbMigration[];
}

/** The applied list must be a prefix of the files, each with an unchanged hash. */
function verifyHistory(applied: DbMigration[], files: MigrationFile[], where: string): void {
  const known = files.length > 0 ? files[files.length - 1].name : 'none';
  applied.forEach((row, i) => {
    const file = files[i];
    if (row.id > files.length) {
      throw new StoreError(
        `Database ${where} has migration ${row.name} applied, which this build of Parley does not know ` +
          `(it knows up to ${known}). The database was written by a newer Parley: upgrade Parley, ` +
          'or open a different database with --db.',
      );
    }
    if (row.id !== i + 1 || row.name !== file.name) {
      throw new StoreError(
        `Database ${where} records migration ${row.name} as number ${i + 1}, but the file at that ` +
          `position is ${file.name}. The migration files were renamed or reordered after they were ` +
          'applied: restore the original files (shipped migrations are never renamed).',
      );
    }
    if (row.sha256 !== file.sha256) {
      throw new StoreError(
        `Migration ${row.name} was edited after it was applied to ${where} ` +
          `(recorded sha256 ${row.sha256}, file ${file.sha256}). Restore the original file and add ` +
          'the change as a new migration.',
      );
    }
  });
}

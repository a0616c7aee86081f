// Shared plumbing for the store's modules: one prepared statement per SQL text, JSON helpers.
import type Database from 'better-sqlite3';

export interface Sql {
  db: Database.Database;
  /** The prepared statement for `sql`, compiled once per connection. */
  stmt(sql: string): Database.Statement;
}

export function createSql(db: Database.Database): Sql {
  const cache = new Map<string, Database.Statement>();
  return {
    db,
    stmt(sql) {
      let s = cache.get(sql);
      if (!s) {
        s = db.prepare(sql);
        cache.set(sql, s);
      }
      return s;
    },
  };
}

export const now = (): string => new Date().toISOString();

/** JSON text for a nullable column: undefined and null both become SQL NULL. */
export function jsonOrNull(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

export function parseOrNull<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

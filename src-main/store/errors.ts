/** Thrown when the database cannot be used as asked: a schema mismatch, an unknown id, a bad transition. */
export class StoreError extends Error {
  override readonly name: string = 'StoreError';
}

/**
 * The database file failed under Parley (disk full, read-only, locked, damaged, an I/O error).
 * The message names the file, says what happened and what to do, and ends with the SQLite or
 * system code in parentheses. What was committed before it is kept.
 */
export class StorageError extends StoreError {
  override readonly name = 'StorageError';
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** A game error that is a storage fault's message (`StorageError`), not the game's own. */
export function isStorageFault(message: string): boolean {
  return STORAGE_CODE.test(message);
}

const STORAGE_CODE = /\((SQLite|system): [A-Z_]+\)$/;

/** SQLite's and the OS's codes for a failing database file (better-sqlite3 SqliteError, fs errors). */
function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const DAMAGED = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX']);

/** What to do about a damaged database file. */
export function damagedAdvice(file: string): string {
  return (
    `Parley did not change it. Restore it from a backup, or salvage what it holds with ` +
    `\`sqlite3 "${file}" .recover | sqlite3 recovered.db\` and use --db recovered.db; ` +
    'or start a new database with --db (which plays every game again from the start).'
  );
}

/**
 * The plain message for an error the database file raised, or undefined when `err` is not
 * one (then it is a bug or a user error, reported as such).
 */
export function storageError(err: unknown, file: string): StorageError | undefined {
  if (err instanceof StorageError) return err;
  const code = codeOf(err);
  if (!code) return undefined;
  const detail = err instanceof Error ? err.message : String(err);
  const make = (text: string, kind = 'SQLite') =>
    new StorageError(`${text} (${kind}: ${code})`, code);
  if (code.startsWith('SQLITE_FULL'))
    return make(
      `The database ${file} cannot grow: the disk is full (or the database reached its size ` +
        'limit). Everything committed before is kept. Free some space, then run the same command ' +
        'again to continue',
    );
  if (
    code.startsWith('SQLITE_READONLY') ||
    code === 'EACCES' ||
    code === 'EPERM' ||
    code === 'EROFS'
  )
    return make(
      `Cannot write the database ${file}: the file or its folder is read-only (SQLite also ` +
        `creates ${file}-wal and ${file}-shm beside it). Make the folder writable, or copy the ` +
        'file somewhere writable and pass --db',
      code.startsWith('SQLITE') ? 'SQLite' : 'system',
    );
  if (code.startsWith('SQLITE_CANTOPEN'))
    return make(
      `Cannot open the database ${file} (${detail}): check that its folder exists and is ` +
        'writable, or pass another file with --db',
    );
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return make(
      `The database ${file} is locked: another process holds a write transaction on it and did ` +
        'not finish within 5 s. Nothing was lost. Wait for it (or stop it), then run the same ' +
        'command again',
    );
  if (DAMAGED.has(code) || code.startsWith('SQLITE_CORRUPT'))
    return make(`The database ${file} is damaged (${detail}). ${damagedAdvice(file)}`);
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO' || code === 'ENOSPC')
    return make(
      `The disk failed while Parley used the database ${file} (${detail}). Everything committed ` +
        'before is kept. Check the disk (space, mount), then run the same command again',
      code.startsWith('SQLITE') ? 'SQLite' : 'system',
    );
  return undefined;
}

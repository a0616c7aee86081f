// Damaged and failing storage through the real CLI: a corrupted database, a full disk (SQLite's
// max_page_count), a read-only folder, a database locked by another process, and an export that
// cannot complete. Every command prints one plain message (never a stack trace), changes
// nothing it should not, and a resumed run ends exactly like an undisturbed one.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  writeSync,
  closeSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, boundedRational as br, runCli, snapshot, tempDir } from './cli-helpers';

const tmp = tempDir('parley-storage-');
afterAll(() => {
  chmodSync(tmp.dir, 0o755);
  for (const d of readdirSync(tmp.dir)) chmodSync(join(tmp.dir, d), 0o755);
  tmp.cleanup();
});

/** 2 x 2 x 2 x 8 = 64 games of strategy agents: no network, a few seconds. */
const sweep = {
  name: 'storage test',
  game: { kind: 'item-allocation', params: { items: 5 } },
  participants: [br('a', 0.2), br('b', 0.8), br('ref', 0.5)],
  lineup: { mode: 'baseline', baseline: 'ref', opponents: ['a', 'b'] },
  competition: { levels: [0.5, 1] },
  orders: 'both',
  runs: { count: 8, baseSeed: 4 },
};
const file = join(tmp.dir, 'sweep.json');
const refDb = join(tmp.dir, 'ref.db');

beforeAll(() => {
  writeFileSync(file, JSON.stringify(sweep));
  const ref = runCli(['run', file, '--db', refDb]);
  expect(ref.stderr).toContain('64/64 finished');
  expect(ref.status).toBe(0);
});

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
/** Ends with one "parley: ..." message (after a run's own header lines), no stack frames. */
function expectPlain(stderr: string): void {
  expect(stderr).toMatch(/(^|\n)parley: [^\n]+\n$/);
  expect(stderr).not.toMatch(/\n\s+at |unexpected error|SqliteError/);
}

describe('a damaged database', () => {
  it('every command names the file and what to do, and changes nothing', () => {
    const db = join(tmp.dir, 'damaged.db');
    copyFileSync(refDb, db);
    // Break the turns table's root page: its header byte no longer names a page type.
    const reader = new Database(db, { readonly: true });
    const root = reader
      .prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'turns'")
      .pluck()
      .get() as number;
    const pageSize = reader.pragma('page_size', { simple: true }) as number;
    reader.close();
    const fd = openSync(db, 'r+');
    writeSync(fd, Buffer.alloc(64, 0x6b), 0, 64, (root - 1) * pageSize);
    closeSync(fd);
    const before = sha(db);
    const gameId = Object.keys(snapshot(refDb))[0];

    for (const args of [
      ['status'],
      ['run', file],
      ['show', gameId],
      ['export', 'storage test', '--out', join(tmp.dir, 'damaged-export')],
      ['analyze', 'storage test'],
    ]) {
      const r = runCli([...args, '--db', db]);
      expectPlain(r.stderr);
      expect(r.stderr).toContain(`parley: The database ${db} is damaged (`);
      expect(r.stderr).toContain(
        `Parley did not change it. Restore it from a backup, or salvage what it holds with ` +
          `\`sqlite3 "${db}" .recover | sqlite3 recovered.db\` and use --db recovered.db`,
      );
      expect(r.stderr).toMatch(/\(SQLite: SQLITE_CORRUPT\)\n$/);
      expect(r.status).toBe(1);
      expect(sha(db)).toBe(before);
    }
    expect(existsSync(join(tmp.dir, 'damaged-export'))).toBe(false);
  });
});

describe('a full disk', () => {
  it('stops with a plain message; after space is freed the same command finishes identically', () => {
    const db = join(tmp.dir, 'full.db');
    // Just above what the planned games need: the run fills it partway through.
    const pages = Math.ceil(
      (new Database(refDb, { readonly: true }).pragma('page_count', { simple: true }) as number) *
        0.4,
    );
    const full = runCli(['run', file, '--db', db], { PARLEY_DB_MAX_PAGES: String(pages) });
    expectPlain(full.stderr);
    expect(full.stderr).toContain(
      `parley: The database ${db} cannot grow: the disk is full (or the database reached its size limit). ` +
        'Everything committed before is kept. Free some space, then run the same command again to continue (SQLite: SQLITE_FULL)\n',
    );
    expect(full.status).toBe(1);
    const partial = new Database(db, { readonly: true });
    const finished = partial
      .prepare("SELECT count(*) FROM games WHERE status = 'finished'")
      .pluck()
      .get() as number;
    const failed = partial
      .prepare("SELECT count(*) FROM games WHERE status = 'failed'")
      .pluck()
      .get() as number;
    partial.close();
    expect(finished).toBeGreaterThan(0);
    expect(finished).toBeLessThan(64);
    expect(failed).toBe(0);

    const resumed = runCli(['run', file, '--db', db]);
    expect(resumed.stderr).toContain('64/64 finished');
    expect(resumed.status).toBe(0);
    expect(snapshot(db)).toEqual(snapshot(refDb));
  });
});

describe('a database another process holds locked', () => {
  it('waits, then says it is locked and that nothing was lost', async () => {
    const db = join(tmp.dir, 'locked.db');
    copyFileSync(refDb, db);
    const holder = new Database(db);
    holder.pragma('journal_mode = WAL');
    holder.exec('BEGIN IMMEDIATE');
    try {
      const r = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'run', file, '--db', db], {
          cwd: ROOT,
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('close', (status) => resolve({ status, stderr }));
      });
      expectPlain(r.stderr);
      expect(r.stderr).toContain(
        `parley: The database ${db} is locked: another process holds a write transaction on it and did not finish within 5 s. ` +
          'Nothing was lost. Wait for it (or stop it), then run the same command again (SQLite: SQLITE_BUSY)\n',
      );
      expect(r.status).toBe(1);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(snapshot(db)).toEqual(snapshot(refDb));
  });
});

describe('a read-only folder', () => {
  it('says the folder is read-only and what to do; the data is untouched', async () => {
    const dir = join(tmp.dir, 'readonly');
    mkdirSync(dir);
    // Readable by the unprivileged user the child may run as.
    chmodSync(tmp.dir, 0o755);
    chmodSync(file, 0o644);
    const db = join(dir, 'parley.db');
    copyFileSync(refDb, db);
    chmodSync(db, 0o644);
    chmodSync(dir, 0o555);
    const before = sha(db);
    // root ignores permissions: run the child as nobody then.
    const uid = process.getuid?.() === 0 ? 65534 : undefined;
    for (const args of [['run', file], ['status']]) {
      const r = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, ...args, '--db', db], {
          cwd: ROOT,
          stdio: ['ignore', 'ignore', 'pipe'],
          ...(uid !== undefined ? { uid, gid: 65534 } : {}),
        });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('close', (status) => resolve({ status, stderr }));
      });
      expectPlain(r.stderr);
      expect(r.stderr).toMatch(
        new RegExp(
          `(^|\\n)parley: (Cannot write the database ${db}: the file or its folder is read-only|Cannot open the database ${db} )`,
        ),
      );
      expect(r.status).toBe(1);
    }
    expect(sha(db)).toBe(before);
    expect(readdirSync(dir)).toEqual(['parley.db']);
  });
});

describe('an export that cannot complete', () => {
  it('leaves none of its files, and says why', () => {
    const out = join(tmp.dir, 'export');
    mkdirSync(join(out, 'heatmap.svg'), { recursive: true });
    const r = runCli(['export', 'storage test', '--out', out, '--db', refDb]);
    expectPlain(r.stderr);
    expect(r.stderr).toBe(
      `parley: cannot write ${join(out, 'heatmap.svg')}: a folder of that name is in the way; nothing was written\n`,
    );
    expect(r.status).toBe(1);
    expect(readdirSync(out)).toEqual(['heatmap.svg']);
    expect(readdirSync(tmp.dir).filter((n) => n.includes('parley-tmp'))).toEqual([]);

    const fresh = join(tmp.dir, 'export-ok');
    const ok = runCli(['export', 'storage test', '--out', fresh, '--db', refDb]);
    expect(ok.status).toBe(0);
    expect(readdirSync(fresh).sort()).toEqual([
      'all_results.json',
      'heatmap.svg',
      'metrics.csv',
      'results.csv',
      'summary.json',
    ]);
  });
});

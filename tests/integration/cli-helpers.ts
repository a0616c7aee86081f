// Helpers for tests that run the real `parley` CLI as a child process.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'parley.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run `parley ...args` to completion (bounded by a timeout). */
export function runCli(
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 120_000,
): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function startCli(args: string[]): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function tempDir(prefix = 'parley-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Count rows of a table in a database another process is writing (WAL allows this). */
export function countRows(dbFile: string, sql: string): number {
  try {
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare(sql).pluck().get() as number) ?? 0;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

/** Games with their outcome and turns, without timestamps: what must match between runs. */
export function snapshot(
  dbFile: string,
): Record<string, { status: string; outcome: unknown; turns: unknown[] }> {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const games = db.prepare('SELECT id, status, outcome_json FROM games ORDER BY id').all() as {
      id: string;
      status: string;
      outcome_json: string | null;
    }[];
    const turns = db.prepare(
      'SELECT seq, round, phase, pass, agent, attempt, visibility, text, action_json, status, error FROM turns WHERE game_id = ? ORDER BY seq',
    );
    return Object.fromEntries(
      games.map((g) => [
        g.id,
        {
          status: g.status,
          outcome: g.outcome_json && JSON.parse(g.outcome_json),
          turns: turns.all(g.id),
        },
      ]),
    );
  } finally {
    db.close();
  }
}

/** Resolve when `check` returns true, polling every `everyMs`, or reject after `timeoutMs`. */
export async function waitFor(
  check: () => boolean,
  timeoutMs: number,
  everyMs = 10,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A bounded-rational strategy participant with capability (and capability score) `c`. */
export const boundedRational = (id: string, c: number) => ({
  id,
  kind: 'strategy',
  strategy: 'bounded-rational',
  capability: c,
  scores: { capability: c },
});

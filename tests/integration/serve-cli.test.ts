// `parley serve` as a user runs it: the real CLI in a child process on a fresh database, the
// printed URL, a contract request over the socket, and a clean stop on SIGTERM and SIGINT.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openSocket, SocketClient, upgradeStatus } from './serve-helpers';

const BIN = fileURLToPath(new URL('../../bin/parley.js', import.meta.url));
const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;
const dirs: string[] = [];
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function startServe(args: string[]): {
  child: ChildProcess;
  output: () => string;
  line: (re: RegExp) => Promise<RegExpExecArray>;
  exit: Promise<number | null>;
} {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PARLEY_DB: '' },
  });
  children.push(child);
  let out = '';
  const watchers: { re: RegExp; resolve: (m: RegExpExecArray) => void }[] = [];
  const onData = (d: Buffer) => {
    out += String(d);
    for (const w of watchers.slice()) {
      const m = w.re.exec(out);
      if (m) {
        watchers.splice(watchers.indexOf(w), 1);
        w.resolve(m);
      }
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    exit,
    line: (re) =>
      new Promise((resolve, reject) => {
        const m = re.exec(out);
        if (m) return resolve(m);
        watchers.push({ re, resolve });
        void exit.then((code) =>
          reject(new Error(`parley serve exited (${code}) before printing ${re}:\n${out}`)),
        );
      }),
  };
}

function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-serve-cli-'));
  dirs.push(dir);
  return join(dir, 'parley.db');
}

describe('parley serve (CLI)', () => {
  it('prints the socket URL, answers a contract request on the fresh database and stops cleanly on SIGTERM', async () => {
    const db = tempDb();
    const serve = startServe(['--port', '0', '--db', db, '--host-only']);
    const [, port, token] = await serve.line(/ws:\/\/127\.0\.0\.1:(\d+)\/ws\?token=([0-9a-f]{64})/);
    const origin = `http://127.0.0.1:${port}`;

    expect(await upgradeStatus(`ws://127.0.0.1:${port}/ws`, origin)).toBe(403);
    const client = new SocketClient(
      await openSocket(`ws://127.0.0.1:${port}/ws?token=${token}`, origin),
    );
    expect(await client.call('app:info', {})).toEqual({
      id: 1,
      ok: true,
      result: {
        name: 'Parley',
        version: VERSION,
        mode: 'web',
        dbPath: db,
        sweepCount: 0,
        canRun: true,
      },
    });
    expect(await client.call('sweeps:list', {})).toEqual({ id: 2, ok: true, result: [] });
    client.close();

    serve.child.kill('SIGTERM');
    expect(await serve.exit).toBe(0);
    expect(serve.output()).toContain('Stopping: running games pause at their next turn');
    // The last connection closed cleanly: SQLite folded the write-ahead log back into the file.
    expect(existsSync(db)).toBe(true);
    expect(existsSync(`${db}-wal`)).toBe(false);
  });

  it('stops cleanly on SIGINT (Ctrl+C)', async () => {
    const serve = startServe(['--db', tempDb(), '--host-only']);
    await serve.line(/Press Ctrl\+C to stop\./);
    serve.child.kill('SIGINT');
    expect(await serve.exit).toBe(0);
  });

  it('refuses a port outside 0..65535 as bad input (exit 2)', async () => {
    const serve = startServe(['--port', '70000', '--db', tempDb(), '--host-only']);
    expect(await serve.exit).toBe(2);
    expect(serve.output()).toContain(
      'parley: --port must be an integer from 0 to 65535, got "70000"',
    );
  });

  it('serves only the socket in --host-only mode: the page is a note, not the UI', async () => {
    const serve = startServe(['--db', tempDb(), '--host-only']);
    const [, port, token] = await serve.line(/ws:\/\/127\.0\.0\.1:(\d+)\/ws\?token=([0-9a-f]{64})/);
    const res = await fetch(`http://127.0.0.1:${port}/?token=${token}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(
      'Parley host: the contract WebSocket is at /ws (started with --host-only, so no UI is served).\n',
    );
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(403);
    serve.child.kill('SIGTERM');
    expect(await serve.exit).toBe(0);
  });
});

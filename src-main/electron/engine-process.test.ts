// The engine's utility process, run under plain Node with a stand-in for Electron's parentPort:
// it opens the database, answers relayed requests, pushes events and shuts down on request.
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FromEngine, ToEngine } from './ipc-protocol';

class FakeParentPort extends EventEmitter {
  readonly sent: FromEngine[] = [];
  private readonly waiters: {
    match: (m: FromEngine) => boolean;
    resolve: (m: FromEngine) => void;
  }[] = [];
  postMessage(message: FromEngine): void {
    // What crosses a real MessagePort is a structured clone: prove the messages survive one.
    const copy = structuredClone(message);
    this.sent.push(copy);
    for (const w of this.waiters.slice()) {
      if (w.match(copy)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(copy);
      }
    }
  }
  next(match: (m: FromEngine) => boolean): Promise<FromEngine> {
    const seen = this.sent.find(match);
    return seen
      ? Promise.resolve(seen)
      : new Promise((resolve) => this.waiters.push({ match, resolve }));
  }
  send(data: ToEngine): void {
    this.emit('message', { data });
  }
  async request(id: number, channel: string, args: unknown): Promise<unknown> {
    this.send({ type: 'request', id, channel, args });
    const reply = await this.next((m) => m.type === 'reply' && m.id === id);
    return reply.type === 'reply' ? reply.reply : null;
  }
}

const port = new FakeParentPort();
const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
let dir: string;
let dbPath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parley-engine-'));
  dbPath = join(dir, 'parley.db');
  (process as unknown as { parentPort: unknown }).parentPort = port;
  process.argv.push('--db', dbPath);
  await import('./engine-process');
});

afterAll(() => {
  exit.mockRestore();
  rmSync(dir, { recursive: true, force: true });
});

describe('engine process', () => {
  it('opens the database and reports ready', async () => {
    expect(await port.next((m) => m.type === 'ready')).toEqual({
      type: 'ready',
      dbPath,
      recovered: 0,
    });
    expect(existsSync(dbPath)).toBe(true);
  });

  it('answers contract requests, refuses unknown channels and invalid arguments', async () => {
    expect(await port.request(1, 'sweeps:list', {})).toEqual({ ok: true, result: [] });
    expect(await port.request(2, 'app:info', {})).toMatchObject({
      ok: true,
      result: { name: 'Parley', mode: 'desktop', dbPath, sweepCount: 0, canRun: true },
    });
    expect(await port.request(3, 'store:drop', {})).toEqual({
      ok: false,
      error: { message: 'unknown channel "store:drop"' },
    });
    expect(await port.request(4, 'games:transcript', { gameId: 7 })).toEqual({
      ok: false,
      error: {
        message:
          'invalid arguments for "games:transcript": gameId: Invalid input: expected string, received number',
        issues: [{ path: 'gameId', message: 'Invalid input: expected string, received number' }],
      },
    });
  });

  it('pushes the host events of a running sweep', async () => {
    const demo = (await port.request(5, 'sweeps:demo', {})) as { ok: true; result: unknown };
    const created = (await port.request(6, 'sweeps:create', { doc: demo.result, start: true })) as {
      ok: true;
      result: { sweepId: string };
    };
    const event = await port.next((m) => m.type === 'event' && m.event.event === 'jobs:progress');
    expect(event).toMatchObject({
      type: 'event',
      event: { event: 'jobs:progress', payload: { sweepId: created.result.sweepId } },
    });
  });

  it('pauses the runs, closes the database and exits on shutdown; later requests are refused', async () => {
    port.send({ type: 'shutdown' });
    expect(await port.next((m) => m.type === 'closed')).toEqual({ type: 'closed' });
    expect(exit).toHaveBeenCalledWith(0);
    expect(existsSync(`${dbPath}-wal`)).toBe(false);
    expect(await port.request(7, 'sweeps:list', {})).toEqual({
      ok: false,
      error: { message: 'Parley is shutting down' },
    });
  });
});

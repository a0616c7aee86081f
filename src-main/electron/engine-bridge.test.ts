// The main-process relay against stand-in utility processes (Electron's binary cannot run in
// tests): requests wait for 'ready', a crash answers the pending requests and starts a new
// engine, repeated crashes give up with a message, and stop() waits for the engine to exit.
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FromEngine, ToEngine } from './ipc-protocol';

class FakeChild extends EventEmitter {
  readonly received: ToEngine[] = [];
  readonly args: string[];
  killed = false;
  constructor(args: string[]) {
    super();
    this.args = args;
  }
  postMessage(message: ToEngine): void {
    this.received.push(message);
    this.emit('posted', message);
  }
  reply(message: FromEngine): void {
    this.emit('message', message);
  }
  crash(code: number): void {
    this.emit('exit', code);
  }
  kill(): boolean {
    this.killed = true;
    return true;
  }
}

const forked: FakeChild[] = [];
vi.mock('electron', () => ({
  utilityProcess: {
    fork: (_path: string, args: string[]) => {
      const child = new FakeChild(args);
      forked.push(child);
      return child;
    },
  },
}));

const { EngineBridge } = await import('./engine-bridge');

function nextPosted(child: FakeChild): Promise<ToEngine> {
  return new Promise((resolve) => child.once('posted', resolve));
}

beforeEach(() => {
  forked.length = 0;
});

describe('EngineBridge', () => {
  it('forks the engine with the database path and relays a request after ready', async () => {
    const events: unknown[] = [];
    const bridge = new EngineBridge({
      modulePath: '/x/engine-process.js',
      dbPath: '/data/parley.db',
      onEvent: (e) => events.push(e),
      onFatal: () => undefined,
    });
    bridge.start();
    expect(forked.map((c) => c.args)).toEqual([['--db', '/data/parley.db']]);
    const child = forked[0];
    const posted = nextPosted(child);
    const reply = bridge.request('sweeps:list', {});
    child.reply({ type: 'ready', dbPath: '/data/parley.db', recovered: 0 });
    expect(await posted).toEqual({ type: 'request', id: 1, channel: 'sweeps:list', args: {} });
    child.reply({
      type: 'event',
      event: { event: 'games:status', payload: { sweepId: 's', gameId: 'g', status: 'running' } },
    });
    child.reply({ type: 'reply', id: 1, reply: { ok: true, result: [] } });
    expect(await reply).toEqual({ ok: true, result: [] });
    expect(events).toEqual([
      { event: 'games:status', payload: { sweepId: 's', gameId: 'g', status: 'running' } },
    ]);
  });

  it('answers pending requests when the engine crashes and relays the next one to a new engine', async () => {
    const bridge = new EngineBridge({
      modulePath: 'e.js',
      dbPath: 'd.db',
      onEvent: () => undefined,
      onFatal: () => undefined,
    });
    bridge.start();
    forked[0].reply({ type: 'ready', dbPath: 'd.db', recovered: 0 });
    const posted = nextPosted(forked[0]);
    const pending = bridge.request('games:list', {});
    await posted;
    forked[0].crash(134);
    expect(await pending).toEqual({
      ok: false,
      error: { message: 'the engine process stopped (exit code 134) during this request' },
    });
    expect(forked).toHaveLength(2);
    const again = bridge.request('sweeps:list', {});
    const reposted = nextPosted(forked[1]);
    forked[1].reply({ type: 'ready', dbPath: 'd.db', recovered: 2 });
    expect(await reposted).toMatchObject({ type: 'request', channel: 'sweeps:list' });
    forked[1].reply({ type: 'reply', id: 2, reply: { ok: true, result: [] } });
    expect(await again).toEqual({ ok: true, result: [] });
  });

  it('waits through a crash before ready, and gives up after three restarts', async () => {
    const fatal: string[] = [];
    const bridge = new EngineBridge({
      modulePath: 'e.js',
      dbPath: 'd.db',
      onEvent: () => undefined,
      onFatal: (m) => fatal.push(m),
    });
    bridge.start();
    const waiting = bridge.request('app:info', {});
    for (let i = 0; i < 4; i++) forked[i].crash(1);
    expect(forked).toHaveLength(4);
    expect(await waiting).toEqual({
      ok: false,
      error: { message: 'the engine process stopped 4 times (last exit code 1); restart Parley' },
    });
    expect(fatal).toEqual([
      'the engine process stopped 4 times (last exit code 1); restart Parley',
    ]);
  });

  it('reports an engine that cannot open its database, and answers with that message', async () => {
    const fatal: string[] = [];
    const bridge = new EngineBridge({
      modulePath: 'e.js',
      dbPath: 'd.db',
      onEvent: () => undefined,
      onFatal: (m) => fatal.push(m),
    });
    bridge.start();
    forked[0].reply({
      type: 'fatal',
      message: 'cannot open d.db: the database is from a newer Parley',
    });
    expect(await bridge.request('sweeps:list', {})).toEqual({
      ok: false,
      error: { message: 'cannot open d.db: the database is from a newer Parley' },
    });
    expect(fatal).toEqual(['cannot open d.db: the database is from a newer Parley']);
  });

  it('stop() asks the engine to shut down, resolves when it exits, and refuses later requests', async () => {
    const bridge = new EngineBridge({
      modulePath: 'e.js',
      dbPath: 'd.db',
      onEvent: () => undefined,
      onFatal: () => undefined,
    });
    bridge.start();
    forked[0].reply({ type: 'ready', dbPath: 'd.db', recovered: 0 });
    const shutdown = nextPosted(forked[0]);
    const stopped = bridge.stop();
    expect(await shutdown).toEqual({ type: 'shutdown' });
    forked[0].crash(0);
    await stopped;
    expect(forked).toHaveLength(1);
    expect(forked[0].killed).toBe(false);
    expect(await bridge.request('sweeps:list', {})).toEqual({
      ok: false,
      error: { message: 'Parley is shutting down' },
    });
  });
});

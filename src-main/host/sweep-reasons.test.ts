// Why games are paused or failed, as the runs screen gets it: the host over a real store file
// groups the stored pause reasons and errors per sweep, in request results and in live events.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  HostEvent,
  SweepDetail,
  SweepProgress,
  SweepSummary,
} from '../../src-shared/contract';
import type { PhaseAgent as Agent } from '../engine/agent';
import { AgentPausedError } from '../engine/agent';
import { samplePlannedGame } from '../store/fixtures';
import { openStore } from '../store/store';
import type { Store } from '../store/types';
import { demoSweep } from '../sweeps/demo';
import { SweepService } from '../sweeps/service';
import { createHost } from './host';

let dir: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-host-reasons-'));
  store = openStore(join(dir, 'parley.db'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const NO_KEY =
  'auth: no API key for anthropic (model claude-x): run `parley keys set anthropic` or set ANTHROPIC_API_KEY, then resume';
const OFFLINE = 'offline: anthropic is offline; the game resumes when a probe succeeds';
const BUDGET =
  "budget: budget cap reached: $1.0000 spent of $1.00, next call estimated at $0.0100; raise the sweep's budget to continue";
const BAD_KEY =
  'auth: openai: authentication failed (401 invalid key). Run `parley keys set openai`, then resume.';
const OPENAI_OFFLINE = 'offline: openai is offline; the game resumes when a probe succeeds';

/** A sweep with `n` queued games (ids `${prefix}0`..). */
function sweepWithGames(id: string, n: number, prefix: string): string[] {
  store.upsertSweep({ id, name: `sweep ${id}`, spec: { game: { kind: 'item-allocation' } } });
  const ids = Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  store.insertPlannedGames(
    id,
    ids.map((g, i) => samplePlannedGame(g, { seed: i })),
  );
  return ids;
}

describe('host: why games are paused or failed', () => {
  it('lists distinct pause reasons and errors per sweep with their counts, most frequent first, at most 5', async () => {
    const g = sweepWithGames('s1', 16, 'a');
    const other = sweepWithGames('s2', 2, 'b');
    [g[0], g[1], g[2]].forEach((id) => store.pauseGame(id, NO_KEY));
    [g[3], g[4]].forEach((id) => store.pauseGame(id, OFFLINE));
    store.pauseGame(g[5], BUDGET);
    store.pauseGame(g[6], 'cancelled by the user');
    store.pauseGame(g[7], BAD_KEY);
    store.pauseGame(g[8], OPENAI_OFFLINE);
    store.failGame(g[9], 'could not build the game: items must be >= 1');
    store.failGame(g[10], 'provider returned HTTP 500');
    store.failGame(g[11], 'provider returned HTTP 500');
    // A paused game put back in the queue, and one that paused then finished, no longer count.
    store.pauseGame(g[12], NO_KEY);
    store.requeue([g[12]]);
    store.pauseGame(g[13], NO_KEY);
    store.markGameRunning(g[13]);
    store.pauseGame(other[0], 'cancelled by the user');
    store.failGame(other[1], 'provider returned HTTP 500');

    const host = createHost({ store });
    const list = (await host.handle('sweeps:list', {})) as SweepSummary[];
    const s1 = list.find((s) => s.id === 's1')?.progress;
    expect(s1?.counts).toMatchObject({ paused: 9, failed: 3, running: 1, queued: 3 });
    // Six distinct pause reasons: the five most frequent (ties by text) are listed.
    expect(s1?.pausedReasons).toEqual([
      { reason: NO_KEY, count: 3 },
      { reason: OFFLINE, count: 2 },
      { reason: BAD_KEY, count: 1 },
      { reason: BUDGET, count: 1 },
      { reason: 'cancelled by the user', count: 1 },
    ]);
    expect(s1?.failedReasons).toEqual([
      { reason: 'provider returned HTTP 500', count: 2 },
      { reason: 'could not build the game: items must be >= 1', count: 1 },
    ]);
    const s2 = list.find((s) => s.id === 's2')?.progress;
    expect(s2?.pausedReasons).toEqual([{ reason: 'cancelled by the user', count: 1 }]);
    expect(s2?.failedReasons).toEqual([{ reason: 'provider returned HTTP 500', count: 1 }]);

    const detail = (await host.handle('sweeps:get', { sweepId: 's1' })) as SweepDetail;
    expect(detail.progress.pausedReasons).toEqual(s1?.pausedReasons);
    expect(detail.progress.failedReasons).toEqual(s1?.failedReasons);
  });

  it('reports no reasons for a sweep without paused or failed games', async () => {
    sweepWithGames('s1', 2, 'a');
    const host = createHost({ store });
    const [s1] = (await host.handle('sweeps:list', {})) as SweepSummary[];
    expect(s1.progress.pausedReasons).toEqual([]);
    expect(s1.progress.failedReasons).toEqual([]);
  });

  it('carries the reasons in live jobs:progress events while paused games wait for a key', async () => {
    // Run 0 of every cell needs an Anthropic key nobody has stored; run 1 hits a server error.
    const reply = (ctx: { gameId: string }): never => {
      const row = store.getGame(ctx.gameId);
      if (row?.runIndex === 0) throw new AgentPausedError(NO_KEY.slice('auth: '.length), 'auth');
      throw new Error('provider returned HTTP 500');
    };
    const agent = (id: string): Agent => ({
      id,
      discuss: reply,
      think: reply,
      propose: reply,
      vote: reply,
      reflect: reply,
    });
    // Like a missing key: paused games wait (their run stays alive) until the sweep is paused.
    let released: Promise<void> | undefined;
    const service = new SweepService(store, {
      createAgent: (spec) => agent(spec.id),
      resumeWhen: (_row, _reason, signal) =>
        (released ??= new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => resolve(), { once: true }),
        )),
    });
    const host = createHost({ store, service });
    const events: SweepProgress[] = [];
    host.subscribe((e: HostEvent) => {
      if (e.event === 'jobs:progress') events.push(e.payload);
    });
    const doc = {
      ...demoSweep(),
      name: 'reasons',
      competition: { levels: [0, 1] },
      runs: { count: 2, baseSeed: 1 },
      concurrency: 4,
    };
    const { sweepId } = service.create(doc);
    const total = store.listGames({ sweepId }).length;
    const run = service.start(sweepId);
    try {
      await vi.waitFor(() => {
        const counts = store.countGamesByStatus(sweepId);
        expect(counts.paused + counts.failed).toBe(total);
      });
      // The run is still alive (paused games wait), so only events can have told the UI.
      expect(service.isRunning(sweepId)).toBe(true);
      await vi.waitFor(() => {
        const last = events.at(-1);
        expect(last?.counts).toMatchObject({ paused: total / 2, failed: total / 2 });
        expect(last?.pausedReasons).toEqual([{ reason: NO_KEY, count: total / 2 }]);
        expect(last?.failedReasons).toEqual([
          { reason: 'provider returned HTTP 500', count: total / 2 },
        ]);
      });
    } finally {
      service.pause(sweepId);
      await run;
      host.dispose();
    }
  });
});

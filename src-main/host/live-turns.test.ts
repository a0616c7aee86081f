// A running game's turns reach the workbench as they are played, not one phase later: the host
// emits each turn at once, and a transcript read while the game waits on an agent carries the
// turns played since the last commit after the stored ones, numbered on.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HostEvent, Transcript } from '../../src-shared/contract';
import type { ParticipantSpec } from '../../src-shared/participant';
import type { Agent } from '../engine/agent';
import { samplePlannedGame } from '../store/fixtures';
import { openStore } from '../store/store';
import type { Store } from '../store/types';
import { SweepService } from '../sweeps/service';
import { LLM_SEATS, strategyOf } from '../sweeps/seats.test-helpers';
import { createHost } from './host';

let dir: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-live-turns-'));
  store = openStore(join(dir, 'parley.db'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('live turns', () => {
  it('emits turns as played and serves the uncommitted ones with the transcript', async () => {
    // LLM seats (played by strategies here) commit phase by phase.
    const seats = LLM_SEATS;
    store.upsertSweep({ id: 's', name: 'live', spec: { game: { kind: 'item-allocation' } } });
    store.insertPlannedGames('s', [samplePlannedGame('g', { participants: seats })]);
    // The strong seat's second word in round 1's discussion waits until the test lets it go.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let waiting!: () => void;
    const reached = new Promise<void>((resolve) => (waiting = resolve));
    const createAgent = (spec: ParticipantSpec): Agent => {
      const inner = strategyOf(spec.id);
      return {
        id: spec.id,
        act: async (ctx, action) => {
          if (spec.id === 'strong' && ctx.phase === 'discussion' && ctx.pass === 1) {
            waiting();
            await gate;
          }
          return inner.act(ctx, action);
        },
      };
    };
    const service = new SweepService(store, { createAgent });
    const host = createHost({ store, service });
    const live: number[] = [];
    host.subscribe((e: HostEvent) => {
      if (e.event === 'games:turn') live.push(e.payload.turn.round);
    });
    const run = service.start('s');
    await reached;
    // The discussion so far is played but not committed: the phase has not ended.
    const during = (await host.handle('games:transcript', { gameId: 'g' })) as Transcript;
    const stored = store.getTranscript('g');
    expect(stored.map((t) => [t.seq, t.phase])).toEqual([
      [0, 'setup'],
      [1, 'setup'],
    ]);
    expect(during.turns.map((t) => [t.seq, t.phase, t.pass, t.agent])).toEqual([
      [0, 'setup', 0, 0],
      [1, 'setup', 0, 1],
      [2, 'discussion', 0, 0],
      [3, 'discussion', 0, 1],
      [4, 'discussion', 1, 0],
    ]);
    expect(live).toHaveLength(5);
    release();
    await run;
    const final = (await host.handle('games:transcript', { gameId: 'g' })) as Transcript;
    expect(final.turns.slice(0, 5)).toEqual(during.turns);
    expect(live).toHaveLength(final.turns.length);
    expect(store.getGame('g')?.status).toBe('finished');
  });
});

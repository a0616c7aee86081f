// Group commit and when a game's turns are committed, on a real database file: the writes of
// the games in play share a transaction; a game with an LLM seat commits each phase before an
// agent is asked in the next; a game of strategy agents only commits once, at its end, and
// comes out the same.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ParticipantSpec } from '../../src-shared/participant';
import type { Agent } from '../engine/agent';
import { StoreError } from '../store/errors';
import { samplePlannedGame, sampleTurn } from '../store/fixtures';
import { openStore } from '../store/store';
import type { Store } from '../store/types';
import { GroupCommit } from './group-commit';
import { SweepService } from './service';
import { LLM_SEATS, STRATEGY_SEATS, strategyOf } from './seats.test-helpers';

let dir: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-group-commit-'));
  store = openStore(join(dir, 'parley.db'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function sweepWith(id: string, games: string[], participants: ParticipantSpec[]): void {
  store.upsertSweep({ id, name: `sweep ${id}`, spec: { game: { kind: 'item-allocation' } } });
  store.insertPlannedGames(
    id,
    games.map((g, i) => samplePlannedGame(g, { seed: 11 + i, participants })),
  );
}

interface Ask {
  gameId: string;
  round: number;
  phase: string;
  committed: number;
}

/** Strategy agents that note, at every ask, how many of their game's turns are committed. */
function observedAgents(asks: Ask[]) {
  return (spec: ParticipantSpec, game: { id: string }): Agent => {
    const inner = strategyOf(spec.id);
    return {
      id: spec.id,
      act: (ctx, action) => {
        asks.push({
          gameId: game.id,
          round: ctx.round,
          phase: ctx.phase,
          committed: store.countTurns(game.id),
        });
        return inner.act(ctx, action);
      },
    };
  };
}

describe('group commit', () => {
  it('commits the writes asked for in one turn of the event loop in one transaction', async () => {
    sweepWith('s', ['a', 'b', 'c'], STRATEGY_SEATS);
    const group = new GroupCommit(store);
    await Promise.all(
      ['a', 'b', 'c'].map((g) => group.commit({ kind: 'turns', gameId: g, turns: [sampleTurn()] })),
    );
    expect(group.stats).toEqual({ transactions: 1, writes: 3 });
    expect(['a', 'b', 'c'].map((g) => store.countTurns(g))).toEqual([1, 1, 1]);
  });

  it('fails only the write that throws; the others of its group are committed', async () => {
    sweepWith('s', ['a', 'b', 'c'], STRATEGY_SEATS);
    store.appendTurn('b', sampleTurn());
    const group = new GroupCommit(store);
    const results = await Promise.allSettled(
      ['a', 'b', 'c'].map((g) => group.commit({ kind: 'turns', gameId: g, turns: [sampleTurn()] })),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const reason = (results[1] as PromiseRejectedResult).reason as Error;
    expect(reason).toBeInstanceOf(StoreError);
    expect(reason.message).toBe(
      'Game b already has a turn at round 1, discussion, pass 0, agent 0, attempt 0: a turn is committed once.',
    );
    expect(['a', 'b', 'c'].map((g) => store.countTurns(g))).toEqual([1, 1, 1]);
    expect(group.stats).toEqual({ transactions: 2, writes: 2 });
  });
});

describe('when a game commits its turns', () => {
  it('with an LLM seat: every turn before the phase an agent is asked in is committed', async () => {
    sweepWith('llm', ['g1', 'g2'], LLM_SEATS);
    const asks: Ask[] = [];
    await new SweepService(store, { createAgent: observedAgents(asks) }).start('llm');
    for (const id of ['g1', 'g2']) {
      const transcript = store.getTurns(id);
      const mine = asks.filter((a) => a.gameId === id);
      expect(mine.length).toBeGreaterThan(10);
      for (const ask of mine) {
        const firstOfPhase = transcript.findIndex(
          (t) => t.round === ask.round && t.phase === ask.phase,
        );
        // Everything before the asked phase is committed; nothing of a later phase exists yet.
        expect(ask.committed, `${id} round ${ask.round} ${ask.phase}`).toBeGreaterThanOrEqual(
          firstOfPhase,
        );
        const lastOfPhase = transcript.findLastIndex(
          (t) => t.round === ask.round && t.phase === ask.phase,
        );
        expect(ask.committed).toBeLessThanOrEqual(lastOfPhase + 1);
      }
    }
  });

  it('with strategy seats only: once, at the end, with the same turns', async () => {
    sweepWith('llm', ['g1', 'g2'], LLM_SEATS);
    sweepWith('strategy', ['h1', 'h2'], STRATEGY_SEATS);
    const asks: Ask[] = [];
    const service = new SweepService(store, { createAgent: observedAgents(asks) });
    await service.start('llm');
    await service.start('strategy');
    const strategyAsks = asks.filter((a) => a.gameId.startsWith('h'));
    expect(strategyAsks.length).toBeGreaterThan(20);
    expect(strategyAsks.every((a) => a.committed === 0)).toBe(true);
    const strip = (id: string) => store.getTurns(id);
    expect(strip('h1')).toEqual(strip('g1'));
    expect(strip('h2')).toEqual(strip('g2'));
    expect(store.getGame('h1')?.outcome).toEqual(store.getGame('g1')?.outcome);
    expect(store.getGame('h1')?.status).toBe('finished');
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GameOutcome } from '../../src-shared/game';
import { NO_DEAL, samplePlannedGame, sampleTurn } from './fixtures';
import type { Store } from './types';
import { openStore } from './store';

const deal = (round: number, focal: number): GameOutcome => ({
  ...NO_DEAL,
  deal: true,
  round,
  rawUtilities: [100 - focal, focal],
  utilities: [100 - focal, focal],
});

let dir: string;
let store: Store;
const ids = (q: Parameters<Store['listGames']>[0]) => store.listGames(q).map((g) => g.id);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-game-query-'));
  store = openStore(join(dir, 'parley.db'));
  store.upsertSweep({ id: 's1', name: 'one', spec: {} });
  store.upsertSweep({ id: 's2', name: 'two', spec: {} });
  const other = {
    id: 'llm-x',
    kind: 'llm' as const,
    provider: 'openai' as const,
    model: 'x',
    scores: {},
  };
  store.insertPlannedGames('s1', [
    samplePlannedGame('g1', { seed: 1 }),
    samplePlannedGame('g2', { seed: 2, order: 'strong_first', competitionLevel: 1 }),
    samplePlannedGame('g3', {
      seed: 3,
      participants: [samplePlannedGame('x').participants[1], other] as never,
    }),
    samplePlannedGame('g4', { seed: 4, competitionLevel: 1 }),
  ]);
  store.insertPlannedGames('s2', [samplePlannedGame('g5', { seed: 5 })]);
  // g1: deal in round 2, focal 70; g2: deal in round 1, focal 40; g3: no deal; g4 queued.
  for (const id of ['g1', 'g2', 'g3']) store.markGameRunning(id);
  store.appendTurn('g2', sampleTurn({ status: 'parse_failure', text: '{oops' }));
  store.appendTurn('g3', sampleTurn());
  store.finishGame('g1', deal(2, 70));
  store.finishGame('g2', deal(1, 40));
  store.finishGame('g3', NO_DEAL);
  store.setGameTags('g3', ['odd']);
  store.setGameTags('g5', ['odd', 'other-sweep']);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('game list filters and sort', () => {
  it('filters by outcome, round, order, participant, parse failures and tag in SQL', () => {
    expect(ids({ sweepId: 's1' })).toEqual(['g1', 'g2', 'g3', 'g4']);
    expect(ids({ sweepId: 's1', deal: true })).toEqual(['g1', 'g2']);
    expect(ids({ sweepId: 's1', agreementRound: 2 })).toEqual(['g1']);
    expect(ids({ sweepId: 's1', order: 'strong_first' })).toEqual(['g2']);
    expect(ids({ sweepId: 's1', participantId: 'llm-x' })).toEqual(['g3']);
    expect(ids({ sweepId: 's1', participantId: 'weak' })).toEqual(['g1', 'g2', 'g4']);
    expect(ids({ sweepId: 's1', parseFailures: true })).toEqual(['g2']);
    expect(ids({ sweepId: 's1', parseFailures: false })).toEqual(['g1', 'g3', 'g4']);
    expect(ids({ sweepId: 's1', tag: 'odd' })).toEqual(['g3']);
    expect(ids({ sweepId: 's1', competitionLevel: 1, status: ['finished'] })).toEqual(['g2']);
    expect(store.countGames({ sweepId: 's1', deal: true, order: 'weak_first' })).toBe(1);
  });

  it('sorts by a column with missing values last, then pages', () => {
    const byUtility = { key: 'utility', dir: 'desc' } as const;
    // Focal utility: g1 70, g2 40, g3 0 (no deal), g4 none yet (last either way).
    expect(ids({ sweepId: 's1', sort: byUtility })).toEqual(['g1', 'g2', 'g3', 'g4']);
    expect(ids({ sweepId: 's1', sort: { key: 'utility', dir: 'asc' } })).toEqual([
      'g3',
      'g2',
      'g1',
      'g4',
    ]);
    expect(ids({ sweepId: 's1', sort: { key: 'round', dir: 'asc' } })).toEqual([
      'g2',
      'g1',
      'g3',
      'g4',
    ]);
    expect(ids({ sweepId: 's1', sort: { key: 'seed', dir: 'desc' }, limit: 2, offset: 1 })).toEqual(
      ['g3', 'g2'],
    );
  });

  it("lists the values a sweep's games can be filtered by", () => {
    expect(store.gameFacets('s1')).toEqual({
      focalIds: ['strong'],
      levels: [0.5, 1],
      participantIds: ['llm-x', 'strong', 'weak'],
      orders: ['strong_first', 'weak_first'],
      rounds: [1, 2],
      tags: ['odd'],
    });
  });
});

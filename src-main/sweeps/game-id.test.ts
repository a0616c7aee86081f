import { describe, expect, it } from 'vitest';
import type { SweepInput } from '../../src-shared/sweep';
import { contentId } from './canonical';
import { gameId, gameIdFromStored, sweepId, sweepIdFromStored } from './game-id';
import { expandOk, small } from './sweep-test-helpers';

const llm = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'llm' as const,
  provider: 'openai' as const,
  model: `${id}-model`,
  scores: { capability: id === 'big' ? 0.9 : 0.3 },
  ...extra,
});

function llmSweep(extra: Record<string, unknown>): SweepInput {
  return small({
    participants: [llm('big', extra), llm('small', extra)],
    lineup: { mode: 'baseline', baseline: 'small', opponents: ['big'] },
    competition: { levels: [0.5] },
    runs: { seeds: [1, 2] },
  });
}

describe('game ids', () => {
  it('are the hash of the game content, focal participant included, with a fixed formula', () => {
    const g = expandOk(small()).games[0];
    expect(g.id).toBe(
      contentId({
        v: 2,
        kind: g.kind,
        params: g.params,
        protocol: g.protocol,
        participants: g.participants,
        seed: g.seed,
        order: g.order,
        focalId: g.focalId,
      }),
    );
    // Pinned: a change of formula must come with a migration that re-keys stored games.
    expect(g.id).toBe(gameId(g));
    expect(g.id).toBe('e119f3cbada3d11b');
  });

  it('leave out transport: base URL, prices, concurrency and batch options', () => {
    const plain = expandOk(llmSweep({})).games.map((g) => g.id);
    const moved = expandOk(
      llmSweep({
        baseUrl: 'https://gateway.example/v1',
        prices: { inputUsdPerMtok: 3, outputUsdPerMtok: 15 },
      }),
    );
    expect(moved.games.map((g) => g.id)).toEqual(plain);
    // The planned participants still carry the transport the runner needs.
    expect(moved.games[0].participants[0]).toMatchObject({ baseUrl: 'https://gateway.example/v1' });
    const g = moved.games[0];
    expect(
      gameId({
        ...g,
        participants: g.participants.map((p) => ({ ...p, concurrency: 3, batch: true })),
      }),
    ).toBe(g.id);
  });

  it('change with anything that changes the game: model, temperature, scores, focal, seed', () => {
    const base = expandOk(llmSweep({})).games[0];
    const variants = [
      expandOk(llmSweep({ model: 'other' })).games[0],
      expandOk(llmSweep({ temperature: 0.5 })).games[0],
      { ...base, focalId: 'small' },
      { ...base, seed: base.seed + 100 },
      { ...base, protocol: { ...base.protocol, rounds: 3 } },
    ];
    const ids = variants.map((v) => gameId(v));
    expect(new Set([base.id, ...ids]).size).toBe(6);
  });

  it('are recomputed identically from a stored row (migration 0003)', () => {
    for (const g of expandOk(llmSweep({ baseUrl: 'http://127.0.0.1:9/v1' })).games) {
      expect(
        gameIdFromStored({
          kind: g.kind,
          paramsJson: JSON.stringify(g.params),
          protocolJson: JSON.stringify(g.protocol),
          participantsJson: JSON.stringify(g.participants),
          seed: g.seed,
          order: g.order,
          focalId: g.focalId,
        }),
      ).toBe(g.id);
    }
  });
});

describe('sweep ids', () => {
  it('leave out transport and run settings (concurrency, budget, game cap), nothing else', () => {
    const base = expandOk(llmSweep({}));
    const moved = expandOk({
      ...llmSweep({ baseUrl: 'https://gateway.example/v1' }),
      concurrency: 32,
      budgetUsd: 12.5,
      maxGames: 500,
    });
    expect(moved.id).toBe(base.id);
    expect(base.id).toBe(sweepId(base.sweep));
    expect(sweepIdFromStored(JSON.stringify(moved.sweep))).toBe(base.id);
    const others = [
      expandOk({ ...llmSweep({}), name: 'renamed' }),
      expandOk({ ...llmSweep({}), rounds: 4 }),
      expandOk(llmSweep({ temperature: 0.2 })),
    ];
    expect(new Set([base.id, ...others.map((o) => o.id)]).size).toBe(4);
    expect(base.id).toBe('da2d3b58c28aab73');
  });
});

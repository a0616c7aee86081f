import { describe, expect, it } from 'vitest';
import { GAME_KINDS } from '../src-shared/game';
import { GAMES, getGame } from './index';

describe('game registry', () => {
  it('holds one definition per kind, under its own kind', () => {
    expect(Object.keys(GAMES).sort()).toEqual([...GAME_KINDS].sort());
    for (const kind of GAME_KINDS) expect(getGame(kind).kind).toBe(kind);
  });

  it('names the known kinds when asked for an unknown one', () => {
    expect(() => getGame('chess')).toThrow(
      "unknown game kind 'chess'; known kinds: item-allocation, treaty, cofunding, deliberation",
    );
  });

  it('builds a default instance of every generated game with 2 agents', () => {
    // A deliberation game is built from a folder's parties (games/deliberation tests).
    for (const game of Object.values(GAMES).filter((g) => g.kind !== 'deliberation')) {
      const instance = game.create(game.paramsSchema.parse({}), 2, 1);
      expect(instance.kind).toBe(game.kind);
      expect(instance.preferences).toHaveLength(2);
      expect(instance.warnings).toEqual([]);
      const { outcomes } = game.outcomeSpace(instance);
      expect(game.validateProposal(instance, outcomes[1])).toEqual({
        ok: true,
        proposal: outcomes[1],
      });
      expect(game.rawUtilities(instance, outcomes[1])).toHaveLength(2);
    }
  });
});

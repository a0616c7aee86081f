// The class-to-game mapping on settings the published fixtures do not cover: a buyer seated
// first, target-holdings trading, and settings Parley's games cannot hold.
import { describe, expect, it } from 'vitest';
import type { ArenaGame } from './arena-parse';
import { arenaKind, givenBy } from './arena-kinds';

function arena(
  over: Omit<Partial<ArenaGame>, 'settings'> & { settings: Partial<ArenaGame['settings']> },
): ArenaGame {
  return {
    className: 'BuySellGame',
    runEpochMs: null,
    iterations: 10,
    players: [
      { model: 'm1', agentName: 'Player RED', systemPrompt: null },
      { model: 'm2', agentName: 'Player BLUE', systemPrompt: null },
    ],
    turns: [],
    end: null,
    ...over,
    settings: {
      goals: [],
      initialResources: [],
      socialBehaviours: ['', ''],
      roles: [],
      valuations: [],
      raw: {},
      ...over.settings,
    },
  };
}

describe('arenaKind', () => {
  it('seats a buyer who moves first as the opener, and reads the price from its money', () => {
    const k = arenaKind(
      arena({
        settings: {
          goals: [
            { kind: 'buyer_goal', value: { X: 60 } },
            { kind: 'seller_goal', value: { X: 70 } },
          ],
          initialResources: [{ ZUP: 100 }, { X: 1 }],
        },
      }),
    );
    expect([k.kind, k.params]).toEqual([
      'price',
      {
        preset: 'buy-sell',
        sellerReservation: 70,
        buyerReservation: 60,
        buyerMoney: 100,
        turns: 10,
        opener: 'buyer',
        maxOffers: 4,
      },
    ]);
    expect(k.proposalOf({ RED: { ZUP: 55 }, BLUE: { X: 1 } })).toEqual({ price: 55 });
  });

  it('maps resource goals to target holdings, scored 1 or 0 as published', () => {
    const k = arenaKind(
      arena({
        className: 'TradingGame',
        iterations: 6,
        settings: {
          goals: [
            { kind: 'resource_goal', value: { X: 15, Y: 15 } },
            { kind: 'resource_goal', value: { X: 10, Y: 20 } },
          ],
          initialResources: [
            { X: 25, Y: 5 },
            { X: 5, Y: 25 },
          ],
        },
      }),
    );
    expect(k.params).toEqual({
      goal: 'target',
      iterations: 6,
      red: { X: 25, Y: 5 },
      blue: { X: 5, Y: 25 },
      redTarget: { X: 15, Y: 15 },
      blueTarget: { X: 10, Y: 20 },
    });
    expect(k.published([true, false])).toEqual([1, 0]);
  });

  it('names what Parley cannot hold, and the trade side of each colour', () => {
    expect(() =>
      arenaKind(
        arena({
          className: 'TradingGame',
          settings: {
            goals: [
              { kind: 'maximisation_goal', value: {} },
              { kind: 'maximisation_goal', value: {} },
            ],
            initialResources: [{ Gold: 5 }, { Silver: 5 }],
          },
        }),
      ),
    ).toThrow(
      "settings.player_initial_resources: Parley's resource exchange names resources by one capital letter (X, Y), got Gold, Silver",
    );
    expect(() => arenaKind(arena({ iterations: null, settings: {} }))).toThrow(
      'settings.player_goals: expected a seller_goal and a buyer_goal, got none',
    );
    expect(givenBy({ 'Player RED': { X: 1 }, 'Player BLUE': { ZUP: 3 } }, 1)).toEqual({ ZUP: 3 });
  });
});

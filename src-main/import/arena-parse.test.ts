// The NegotiationArena reader on the four published buy-sell games (tests/fixtures, MIT). Prices
// and outcomes were read off each game_state.json by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArenaGame, untag } from './arena-parse';

const DIR = join(
  import.meta.dirname,
  '..',
  '..',
  'tests',
  'fixtures',
  'negotiation-arena',
  'example_logs',
  'buysell',
);
const RUNS = ['1707347676639', '1707348339631', '1707348684961', '1707348776397'];
const load = (run: string): unknown =>
  JSON.parse(readFileSync(join(DIR, run, 'game_state.json'), 'utf8'));

describe('parseArenaGame', () => {
  const games = RUNS.map((r) => parseArenaGame(load(r)));

  it('reads the START settings of a buy-sell game', () => {
    expect({ ...games[0].settings, raw: undefined }).toEqual({
      goals: [
        { kind: 'seller_goal', value: { X: 40 } },
        { kind: 'buyer_goal', value: { X: 60 } },
      ],
      initialResources: [{ X: 1 }, { ZUP: 1000 }],
      socialBehaviours: [
        '',
        'You hate the other player so much. Use insulting language to get a better price, be cunning.',
      ],
      roles: ['You are Player RED.', 'You are Player BLUE.'],
      valuations: [{ X: 40 }, { X: 60 }],
      raw: undefined,
    });
    expect(games[0]).toMatchObject({
      className: 'BuySellGame',
      runEpochMs: '1707347676639',
      iterations: 10,
      players: [
        { model: 'gpt-4-1106-preview', agentName: 'Player RED' },
        { model: 'gpt-4-1106-preview', agentName: 'Player BLUE' },
      ],
    });
  });

  it('reads every turn: mover, answer, trade, public message and private reasoning', () => {
    const g = games[0];
    expect(g.turns.map((t) => [t.iteration, t.player, t.answer])).toEqual([
      [1, 0, 'PROPOSAL'],
      [2, 1, 'PROPOSAL'],
      [3, 0, 'PROPOSAL'],
      [4, 1, 'PROPOSAL'],
      [5, 0, 'PROPOSAL'],
      [6, 1, 'PROPOSAL'],
      [7, 0, 'PROPOSAL'],
      [8, 1, 'ACCEPT'],
    ]);
    const first = g.turns[0];
    expect(first.trade).toEqual({ RED: { X: 1 }, BLUE: { ZUP: 50 } });
    expect(first.message).toBe(
      "I have an object X available for trade. To recover my production costs and make a reasonable profit, I propose a trade for 50 ZUP. Let's negotiate a fair price for both of us.",
    );
    expect(first.reason).toMatch(/^I am proposing a trade that allows me to recover/);
    expect(first.privateInfo).toEqual({
      'my resources': { X: 1 },
      'my goals': 'Sell resources for ZUP. It costed X: 40 ZUP to produce the resources.',
      'proposal count': '1',
    });
    expect(g.turns[7].trade).toBeNull();
  });

  it('reads the END summary: the accepted price and the published outcome', () => {
    expect(
      games.map((g) => [
        g.end!.finalResponse,
        g.end!.proposedTrade,
        g.end!.playerOutcome,
        g.turns.length,
      ]),
    ).toEqual([
      ['ACCEPT', { RED: { X: 1 }, BLUE: { ZUP: 40 } }, [0, 20], 8],
      ['ACCEPT', { RED: { X: 1 }, BLUE: { ZUP: 46 } }, [6, 14], 7],
      ['ACCEPT', { RED: { X: 1 }, BLUE: { ZUP: 47 } }, [7, 13], 4],
      ['ACCEPT', { RED: { X: 1 }, BLUE: { ZUP: 48 } }, [8, 12], 4],
    ]);
    expect(games[0].end!.finalResources).toEqual([
      { X: 0, ZUP: 40 },
      { ZUP: 960, X: 1 },
    ]);
  });

  it('names the problem with a file it cannot read', () => {
    const base = load(RUNS[0]) as Record<string, unknown>;
    expect(() => parseArenaGame({ ...base, class: 'SecretGame' })).toThrow(
      'unknown game class "SecretGame"; Parley imports BuySellGame, TradingGame, MultiTurnUltimatumGame',
    );
    expect(() => parseArenaGame({ ...base, class: undefined })).toThrow('field class: missing');
    expect(() =>
      parseArenaGame({ ...base, game_state: (base.game_state as unknown[]).slice(1) }),
    ).toThrow('game_state has no START record with its settings');
    const noEnd = parseArenaGame({
      ...base,
      game_state: (base.game_state as unknown[]).slice(0, -1),
    });
    expect(noEnd.end).toBeNull();
  });

  it('unwraps nested tags and leaves plain values alone', () => {
    expect(untag({ _type: 'a', _value: [{ _type: 'b', _value: { X: 1 } }, 'NONE', 3] })).toEqual([
      { X: 1 },
      'NONE',
      3,
    ]);
    expect(untag({ _type: 'a', _value: 1, extra: true })).toEqual({
      _type: 'a',
      _value: 1,
      extra: true,
    });
  });
});

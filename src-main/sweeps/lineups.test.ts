import { describe, expect, it } from 'vitest';
import { expandOk, issuesOf, small } from './sweep-test-helpers';
import { binomial } from './lineups';
import { gridSize } from './grid-size';
import { parseSweep } from '../../src-shared/sweep';

const count = (xs: string[]) =>
  Object.fromEntries([...new Set(xs)].map((x) => [x, xs.filter((y) => y === x).length]));

describe('line-ups and focal participants', () => {
  it('keeps line-ups that differ only in who is focal as distinct games', () => {
    // [weak, ref] and [ref, weak] seat the same way under weak_first/strong_first; the first id
    // formula merged them, leaving 12 of 24 games and one focal agent.
    const games = expandOk(
      small({
        lineup: {
          mode: 'lineups',
          lineups: [
            ['weak', 'ref'],
            ['ref', 'weak'],
          ],
        },
      }),
    ).games;
    expect(games).toHaveLength(2 * 2 * 2 * 3);
    expect(new Set(games.map((g) => g.id)).size).toBe(24);
    expect(count(games.map((g) => g.focalId))).toEqual({ weak: 12, ref: 12 });
    const pair = games.filter(
      (g) => g.seed === 7 && g.order === 'weak_first' && g.competitionLevel === 0,
    );
    expect(
      pair.map((g) => [g.focalId, g.participants.map((p) => p.id), g.focalCapability]),
    ).toEqual([
      ['weak', ['weak', 'ref'], 0.2],
      ['ref', ['weak', 'ref'], 0.5],
    ]);
    expect(pair[0].id).not.toBe(pair[1].id);
  });

  it('makes every crossplay player focal against every other, with and without self-play', () => {
    const focalCounts = (includeSelfPlay: boolean) =>
      count(
        expandOk(
          small({
            lineup: { mode: 'crossplay', players: ['weak', 'strong', 'ref'], includeSelfPlay },
            orders: ['weak_first'],
            runs: { seeds: [1] },
            competition: { levels: [0.5] },
          }),
        ).games.map((g) => `${g.focalId}:${g.participants.map((p) => p.id).join('+')}`),
      );
    expect(focalCounts(false)).toEqual({
      'weak:weak+strong': 1,
      'strong:weak+strong': 1,
      'weak:weak+ref': 1,
      'ref:weak+ref': 1,
      'ref:ref+strong': 1,
      'strong:ref+strong': 1,
    });
    expect(focalCounts(true)).toEqual({
      'weak:weak+weak': 1,
      'weak:weak+strong': 1,
      'strong:weak+strong': 1,
      'weak:weak+ref': 1,
      'ref:weak+ref': 1,
      'strong:strong+strong': 1,
      'ref:ref+strong': 1,
      'strong:ref+strong': 1,
      'ref:ref+ref': 1,
    });
  });

  it('counts line-ups by formula exactly as many as it builds (n = 2..4, self-play or not)', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const participants = ids.map((id, i) => ({
      id,
      kind: 'strategy' as const,
      strategy: 'linear' as const,
      scores: { capability: i / 10 },
    }));
    for (const agents of [2, 3, 4]) {
      for (const includeSelfPlay of [false, true]) {
        const doc = small({
          agents,
          participants,
          game: { kind: 'item-allocation', params: { items: 6 } },
          lineup: { mode: 'crossplay', players: ids, includeSelfPlay },
          competition: { levels: [0.5] },
          orders: ['random'],
          runs: { seeds: [1] },
        });
        const built = expandOk(doc).games.length;
        const parsed = parseSweep(doc);
        if (!parsed.ok) throw new Error('invalid');
        expect({ agents, includeSelfPlay, n: gridSize(parsed.sweep, 1).lineups }).toEqual({
          agents,
          includeSelfPlay,
          n: built,
        });
      }
    }
    // 5 players, 3 seats: 3 C(5, 3) = 30 without self-play, 5 C(6, 2) = 75 with it.
    expect(3 * binomial(5, 3)).toBe(30);
    expect(5 * binomial(6, 2)).toBe(75);
  });
});

describe('duplicates in the document', () => {
  it('refuses the same explicit line-up twice at the later one', () => {
    expect(
      issuesOf(
        small({
          lineup: {
            mode: 'lineups',
            lineups: [
              ['weak', 'ref'],
              ['strong', 'ref'],
              ['weak', 'ref'],
            ],
          },
        }),
      ),
    ).toEqual([
      {
        path: 'lineup.lineups[2]',
        message:
          'plans the same games as lineup.lineups[0]; a sweep plays each game once, so remove one of them',
      },
    ]);
  });

  it('refuses repeated opponents, players and orders with the first occurrence', () => {
    expect(
      issuesOf(
        small({
          lineup: { mode: 'baseline', baseline: 'ref', opponents: ['weak', 'strong', 'weak'] },
          orders: ['weak_first', 'random', 'weak_first'],
        }),
      ),
    ).toEqual([
      { path: 'orders[2]', message: 'duplicate order "weak_first" (also at orders[0])' },
      {
        path: 'lineup.opponents[2]',
        message: 'duplicate opponent "weak" (also at lineup.opponents[0])',
      },
    ]);
    expect(
      issuesOf(small({ lineup: { mode: 'crossplay', players: ['weak', 'ref', 'weak'] } })),
    ).toEqual([
      {
        path: 'lineup.players[2]',
        message:
          'duplicate player "weak" (also at lineup.players[0]); self-play is "includeSelfPlay": true',
      },
    ]);
  });

  it('refuses a crossplay with fewer players than seats and no self-play', () => {
    expect(
      issuesOf(
        small({
          agents: 3,
          game: { kind: 'item-allocation', params: { items: 6 } },
          lineup: { mode: 'crossplay', players: ['weak', 'ref'] },
        }),
      ),
    ).toEqual([
      {
        path: 'lineup.players',
        message:
          '2 players cannot fill 3 seats without self-play (list at least 3, or set "includeSelfPlay": true)',
      },
    ]);
  });

  it('refuses two competition levels that give the same game parameters', () => {
    // Co-funding keeps sigma = 0.5 and sets alpha = 1 - level / 0.5, clamped at 0: levels 0.5
    // and 0.8 are both alpha = 0, one game twice.
    expect(
      issuesOf(
        small({
          game: { kind: 'cofunding', params: {} },
          competition: { levels: [0, 0.5, 0.8] },
        }),
      ),
    ).toEqual([
      {
        path: 'competition.levels[2]',
        message:
          'plans the same games as competition.levels[1]; a sweep plays each game once, so remove one of them',
      },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { expandOk, issuesOf, small } from './sweep-test-helpers';

const cofunding = (competition: unknown) =>
  small({
    game: { kind: 'cofunding', params: { projects: 4 } },
    competition: competition as never,
    orders: ['weak_first'],
    runs: { seeds: [1] },
    lineup: { mode: 'baseline', baseline: 'ref', opponents: ['weak'] },
  });

describe('two-axis competition grids', () => {
  it('expands co-funding alpha x sigma with the index (1 - alpha)(1 - sigma) and both axes recorded', () => {
    const games = expandOk(cofunding({ alpha: [0, 0.5], sigma: [0.25, 1] })).games;
    expect(
      games.map((g) => [g.alpha, g.sigma, g.competitionLevel, g.params.alpha, g.params.sigma]),
    ).toEqual([
      [0, 0.25, 0.75, 0, 0.25],
      [0, 1, 0, 0, 1],
      [0.5, 0.25, 0.375, 0.5, 0.25],
      [0.5, 1, 0, 0.5, 1],
    ]);
    expect(games.map((g) => [g.rho, g.theta])).toEqual(Array(4).fill([null, null]));
    expect(new Set(games.map((g) => g.id)).size).toBe(4);
  });

  it('leaves alpha and sigma null for level sweeps and treaty grids', () => {
    const levels = expandOk(small({ competition: { levels: [0.5] } })).games;
    expect(levels.every((g) => g.alpha === null && g.sigma === null)).toBe(true);
    const treaty = expandOk(
      small({ game: { kind: 'treaty', params: {} }, competition: { rho: [0], theta: [1] } }),
    ).games;
    expect(treaty.every((g) => g.alpha === null && g.sigma === null && g.rho === 0)).toBe(true);
  });

  it('refuses axes of another game, duplicate values and values out of range, by element', () => {
    expect(issuesOf(small({ competition: { alpha: [0.5], sigma: [0.5] } }))).toEqual([
      {
        path: 'competition',
        message:
          'alpha x sigma applies to the cofunding game only; use "levels" for item-allocation',
      },
    ]);
    expect(issuesOf(cofunding({ rho: [0], theta: [0.5] }))).toEqual([
      {
        path: 'competition',
        message: 'rho x theta applies to the treaty game only; use "levels" for cofunding',
      },
    ]);
    expect(issuesOf(cofunding({ alpha: [0.5, 0.2, 0.5], sigma: [0.5] }))).toEqual([
      {
        path: 'competition.alpha[2]',
        message: 'duplicate value 0.5 (also at competition.alpha[0])',
      },
    ]);
    expect(issuesOf(cofunding({ alpha: [0.5, 1.5], sigma: [-0.1] }))).toEqual([
      { path: 'competition.alpha[1]', message: 'must be between 0 and 1' },
      { path: 'competition.sigma[0]', message: 'must be between 0 and 1' },
    ]);
  });
});

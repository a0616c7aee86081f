// The metrics against the shipped games: exact item allocation against a naive brute force,
// and the refined treaty NBS against dense random sampling and local perturbation.
import { describe, expect, it } from 'vitest';
import { getGame } from '../../games/index';
import { createRng } from '../../games/rng';
import { computeGameMetrics, outcomeReference } from './game-metrics';
import { dealOutcome } from './test-fixtures';

describe('item allocation (exact space)', () => {
  it('matches a naive brute force over every allocation', () => {
    const game = getGame('item-allocation');
    for (const seed of [1, 2, 3, 4, 5]) {
      const instance = game.create({ items: 5, competition: 0.5 }, 2, seed);
      const values = (instance.preferences as { values: number[] }[]).map((p) => p.values);
      let bestProduct = 0;
      let bestWelfare = 0;
      for (let mask = 0; mask < 32; mask++) {
        const u = [0, 0];
        for (let k = 0; k < 5; k++) u[(mask >> k) & 1] += values[(mask >> k) & 1][k];
        bestProduct = Math.max(bestProduct, u[0] * u[1]);
        bestWelfare = Math.max(bestWelfare, u[0] + u[1]);
      }
      const ref = outcomeReference(game, instance);
      expect(ref.isExact).toBe(true);
      expect(ref.outcomes).toHaveLength(32);
      expect(ref.nbsProduct).toBe(bestProduct);
      expect(ref.maxWelfare).toBe(bestWelfare);
      const m = computeGameMetrics(
        game,
        instance,
        dealOutcome(game, instance, { allocation: [0, 0, 1, 1, 1] }, 3, 0.9),
        0.9,
      );
      expect(m.utilities.map((u, i) => u / m.rawUtilities[i])).toEqual(
        [0.81, 0.81].map((f) => expect.closeTo(f, 12)),
      );
      expect(m.welfareRatioRaw).toBeLessThanOrEqual(1);
    }
  });
});

describe('treaty (refined representative space)', () => {
  it('finds an NBS at least as good as the grid and beaten by no random point', () => {
    const game = getGame('treaty');
    const instance = game.create({}, 2, 11);
    const ref = outcomeReference(game, instance);
    expect(ref.isExact).toBe(false);
    const nbs = ref.nbsProduct ?? 0;
    const product = (a: number[]) =>
      game.rawUtilities(instance, { agreement: a }).reduce((x: number, y: number) => x * y, 1);
    const gridBest = Math.max(...ref.outcomes.map((o) => o.utilities.reduce((x, y) => x * y, 1)));
    expect(nbs).toBeGreaterThanOrEqual(gridBest);
    const rng = createRng(99);
    const K = (instance.preferences as { positions: number[] }[])[0].positions.length;
    for (let s = 0; s < 20000; s++) {
      expect(product(Array.from({ length: K }, () => rng.next()))).toBeLessThanOrEqual(
        nbs * (1 + 1e-9),
      );
    }
    const welfareBest = ref.maxWelfare ?? 0;
    expect(welfareBest).toBeGreaterThanOrEqual(
      Math.max(...ref.outcomes.map((o) => o.utilities[0] + o.utilities[1])),
    );
  });
});

describe('co-funding (representative space)', () => {
  it('scores a deal from its own outcome space', () => {
    const game = getGame('cofunding');
    const instance = game.create({}, 2, 3);
    const { outcomes } = game.outcomeSpace(instance);
    const m = computeGameMetrics(
      game,
      instance,
      dealOutcome(game, instance, outcomes[outcomes.length - 1], 1, 1),
      1,
    );
    expect(m.isReferenceExact).toBe(false);
    expect(m.isParetoOptimal).toBeNull();
    expect(m.maxWelfare).not.toBeNull();
    expect(m.welfareRatioRaw ?? 0).toBeLessThanOrEqual(1 + 1e-12);
    expect(m.paretoGap).toBeGreaterThanOrEqual(0);
  });
});

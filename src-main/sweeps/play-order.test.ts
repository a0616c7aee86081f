// A sweep's games are stored, and so played, run by run across every cell: a run stopped halfway
// has every cell partly done, and the first and last games played are the same mix of cells.
import { describe, expect, it } from 'vitest';
import { openStore } from '../store/store';
import { engineBenchSweep } from '../bench/engine-bench';
import { playOrder, SweepService } from './service';

describe('play order', () => {
  it('orders by run, then plan order, and keeps equal runs stable', () => {
    const games = [
      { id: 'a', runIndex: 1 },
      { id: 'b', runIndex: 0 },
      { id: 'c', runIndex: 1 },
      { id: 'd', runIndex: 0 },
    ];
    expect(playOrder(games).map((g) => g.id)).toEqual(['b', 'd', 'a', 'c']);
    expect(games.map((g) => g.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('stores a sweep run by run: each run holds every cell, in plan order', () => {
    const store = openStore(':memory:');
    try {
      const service = new SweepService(store);
      const doc = { ...engineBenchSweep(), runs: { count: 3, baseSeed: 1 } };
      const plan = service.validate(doc);
      if (!plan.ok) throw new Error('the bench sweep is valid');
      const { sweepId, total } = service.create(doc, { validated: plan });
      expect(total).toBe(75);
      const stored = store.listGames({ sweepId });
      expect(stored.map((g) => g.runIndex)).toEqual([
        ...Array<number>(25).fill(0),
        ...Array<number>(25).fill(1),
        ...Array<number>(25).fill(2),
      ]);
      // Within a run, the plan's order of cells: capability by capability, levels inside.
      const planned = plan.expanded.games.filter((g) => g.runIndex === 1).map((g) => g.id);
      expect(stored.filter((g) => g.runIndex === 1).map((g) => g.id)).toEqual(planned);
      expect(stored.slice(0, 25).map((g) => `${g.focalCapability}@${g.competitionLevel}`)).toEqual(
        [0.1, 0.3, 0.5, 0.7, 0.9].flatMap((c) => [0, 0.25, 0.5, 0.75, 1].map((l) => `${c}@${l}`)),
      );
    } finally {
      store.close();
    }
  });
});

// alternating_games_per_s: 1,000 price games (price-domain preset, 20 turns) between price
// strategy agents under alternating offers, committed to a SQLite file as a run commits them,
// timed end to end through the sweep service.
import { timeSweepInProcess } from './engine-bench';
import type { BenchResult } from './types';

const SELLERS = ['very-conceding', 'conceding', 'boulware', 'hard', 'tit-for-tat'] as const;

export function alternatingGamesPerSecond(): Promise<BenchResult> {
  return timeSweepInProcess(
    'alternating_games_per_s',
    {
      name: 'bench: alternating offers',
      game: { kind: 'price', params: { preset: 'price-domain', turns: 20 } },
      participants: [
        ...SELLERS.map((s) => ({ id: s, kind: 'strategy' as const, strategy: s })),
        { id: 'linear', kind: 'strategy' as const, strategy: 'linear' as const },
      ],
      lineup: { mode: 'baseline', baseline: 'linear', opponents: [...SELLERS] },
      competition: { levels: [0, 0.25, 0.5, 0.75, 1] },
      orders: ['random'],
      runs: { count: 40, baseSeed: 1 },
      concurrency: 4,
    },
    200,
  );
}

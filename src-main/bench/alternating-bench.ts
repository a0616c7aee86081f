// alternating_games_per_s: 1,000 price games (price-domain preset, 20 turns) between price
// strategy agents under alternating offers, every turn committed to a SQLite file, timed end to
// end through the sweep service.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/store';
import { SweepService } from '../sweeps/service';
import type { BenchResult } from './types';

const SELLERS = ['very-conceding', 'conceding', 'boulware', 'hard', 'tit-for-tat'] as const;

export async function alternatingGamesPerSecond(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  const store = openStore(join(dir, 'bench.db'));
  try {
    const service = new SweepService(store);
    const { sweepId, total } = service.create({
      name: 'bench: alternating offers',
      game: { kind: 'price', params: { preset: 'price-domain', turns: 20 } },
      participants: [
        ...SELLERS.map((s) => ({ id: s, kind: 'strategy', strategy: s })),
        { id: 'linear', kind: 'strategy', strategy: 'linear' },
      ],
      lineup: { mode: 'baseline', baseline: 'linear', opponents: [...SELLERS] },
      competition: { levels: [0, 0.25, 0.5, 0.75, 1] },
      orders: ['random'],
      runs: { count: 40, baseSeed: 1 },
      concurrency: 4,
    });
    const started = performance.now();
    await service.start(sweepId);
    const seconds = (performance.now() - started) / 1000;
    const finished = service.progress(sweepId).counts.finished;
    const turns = store.listGames({ sweepId }).reduce((n, g) => n + store.countTurns(g.id), 0);
    return {
      name: 'alternating_games_per_s',
      value: round(finished / seconds),
      unit: 'games/s',
      target: '>= 200',
      pass: finished === total && total === 1000 && finished / seconds >= 200,
      detail: {
        games: finished,
        seconds: round(seconds),
        turns,
        turns_per_s: round(turns / seconds),
      },
    };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

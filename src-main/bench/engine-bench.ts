// engine_games_per_s: 1,000 item-allocation games of two bounded-rational agents (10 rounds),
// committed to a SQLite file as a run commits them, timed end to end through the sweep service.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/store';
import { SweepService } from '../sweeps/service';
import type { SweepInput } from '../../src-shared/sweep';
import type { BenchResult } from './types';

const caps = [0.1, 0.3, 0.5, 0.7, 0.9];

/** The benchmark's 1,000 games: five capabilities against a reference, five levels, 40 runs. */
export function engineBenchSweep(): SweepInput {
  return {
    name: 'bench: engine',
    game: { kind: 'item-allocation', params: { items: 5 } },
    rounds: 10,
    participants: [
      ...caps.map((c) => ({
        id: `br-${c}`,
        kind: 'strategy' as const,
        strategy: 'bounded-rational' as const,
        capability: c,
        scores: { capability: c },
      })),
      {
        id: 'ref',
        kind: 'strategy',
        strategy: 'bounded-rational',
        capability: 0.5,
        scores: { capability: 0.5 },
      },
    ],
    lineup: { mode: 'baseline', baseline: 'ref', opponents: caps.map((c) => `br-${c}`) },
    competition: { levels: [0, 0.25, 0.5, 0.75, 1] },
    orders: ['weak_first'],
    runs: { count: 40, baseSeed: 1 },
    concurrency: 4,
  };
}

/**
 * Runs `doc` in-process through the sweep service on a fresh file database and reports games/s
 * as `name` (passing at `minPerSecond` with every planned game finished).
 */
export async function timeSweepInProcess(
  name: string,
  doc: SweepInput,
  minPerSecond: number,
): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  const store = openStore(join(dir, 'bench.db'));
  try {
    const service = new SweepService(store);
    const { sweepId, total } = service.create(doc);
    const started = performance.now();
    await service.start(sweepId);
    const seconds = (performance.now() - started) / 1000;
    const finished = service.progress(sweepId).counts.finished;
    const turns = store.listGames({ sweepId }).reduce((n, g) => n + store.countTurns(g.id), 0);
    return {
      name,
      value: round(finished / seconds),
      unit: 'games/s',
      target: `>= ${minPerSecond}`,
      pass: finished === total && finished / seconds >= minPerSecond,
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

export function engineGamesPerSecond(): Promise<BenchResult> {
  return timeSweepInProcess('engine_games_per_s', engineBenchSweep(), 200);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

// Issue 15's whole-process benchmarks at scale.
//   alternating_games_per_s_process: 1,000 price games (20 turns) between time-based concession
//     agents as one `parley run` process, persisted; the figure is its CPU seconds.
//   sweep_100k: a 100,000-game strategy sweep on a file database as one `parley run` process
//     (turns/s and games/s over the first and last 10% of games by finish time, peak RSS, bytes
//     per game on disk), then `parley analyze`, `parley export --format csv`, `parley status` and
//     `parley figures` (a heatmap and curves) on it, each one process.
//     $PARLEY_SWEEP_GAMES sets another size (a multiple of 25), for a quicker look.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { SweepInput } from '../../src-shared/sweep';
import { engineBenchSweep } from './engine-bench';
import { timeParley, timeParleyRun, type ProcessRun } from './process-bench';
import type { BenchResult } from './types';

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Time-based concession curves of the price game, each against the linear one. */
const CONCEDERS = ['very-conceding', 'conceding', 'boulware', 'hard'] as const;

export function alternatingProcessSweep(): SweepInput {
  return {
    name: 'bench: alternating offers, one process',
    game: { kind: 'price', params: { preset: 'price-domain', turns: 20 } },
    participants: [
      ...CONCEDERS.map((s) => ({ id: s, kind: 'strategy' as const, strategy: s })),
      { id: 'linear', kind: 'strategy' as const, strategy: 'linear' as const },
    ],
    lineup: { mode: 'baseline', baseline: 'linear', opponents: [...CONCEDERS] },
    competition: { levels: [0, 0.25, 0.5, 0.75, 1] },
    orders: ['random'],
    runs: { count: 50, baseSeed: 1 },
    concurrency: 4,
  };
}

export function alternatingProcessCpu(): Promise<BenchResult> {
  const run = timeParleyRun(alternatingProcessSweep());
  const cpu = run.cpuSeconds === null ? NaN : round2(run.cpuSeconds);
  return Promise.resolve({
    name: 'alternating_games_per_s_process',
    value: cpu,
    unit: 'CPU s per 1,000 games',
    target: '<= 3.6',
    pass: cpu <= 3.6,
    detail: {
      games: 1000,
      wallSeconds: round2(run.wallSeconds),
      games_per_s: round2(1000 / run.wallSeconds),
      peakRssMb: run.peakRssMb,
    },
  });
}

export interface FinishedGame {
  /** When it finished (ms since 1970). */
  at: number;
  turns: number;
}

/**
 * Games/s and turns/s over the first and the last tenth of the games, by their finish times.
 * A sweep plays run by run across its cells (sweeps/service.ts playOrder), so both tenths hold
 * the same mix of cells; turns/s is the check that they do (a game at competition 1 plays about
 * four times the turns of one at 0).
 */
export function tenthRates(games: readonly FinishedGame[]): {
  first: number;
  last: number;
  firstTurns: number;
  lastTurns: number;
} {
  const n = games.length;
  const k = Math.max(1, Math.floor(n / 10));
  const seconds = (from: number, to: number) =>
    Math.max((games[to].at - games[from].at) / 1000, 1e-3);
  const turns = (from: number, to: number) => {
    let sum = 0;
    for (let i = from + 1; i <= to; i++) sum += games[i].turns;
    return sum;
  };
  const [a, b] = [0, k];
  const [c, d] = [n - 1 - k, n - 1];
  return {
    first: round2(k / seconds(a, b)),
    last: round2(k / seconds(c, d)),
    firstTurns: round2(turns(a, b) / seconds(a, b)),
    lastTurns: round2(turns(c, d) / seconds(c, d)),
  };
}

const summary = (r: ProcessRun) => ({
  wallSeconds: round2(r.wallSeconds),
  cpuSeconds: r.cpuSeconds === null ? null : round2(r.cpuSeconds),
  peakRssMb: r.peakRssMb,
});

/** A heatmap and a set of curves of the sweep, as a paper would draw them. */
function figureSpec(sweepId: string) {
  return {
    defaults: { sweeps: [sweepId], formats: ['svg'], seed: 1 },
    figures: [
      {
        id: 'heat',
        type: 'heatmap',
        metric: 'utility_focal',
        x: 'competition_level',
        y: 'focal_capability',
        width: 'full',
        digits: 1,
      },
      {
        id: 'curves',
        type: 'curves',
        metric: 'utility_share_focal',
        x: 'focal_capability',
        series: 'competition_level',
        width: 'column',
      },
    ],
  };
}

export function sweep100k(): Promise<BenchResult> {
  const games = Number(process.env.PARLEY_SWEEP_GAMES ?? 100_000);
  const doc = engineBenchSweep();
  const sweep: SweepInput = {
    ...doc,
    name: 'bench: sweep_100k',
    runs: { count: Math.round(games / 25), baseSeed: 1 },
    maxGames: games,
  };
  const dir = mkdtempSync(join(tmpdir(), 'parley-sweep-100k-'));
  try {
    const file = join(dir, 'sweep.json');
    const db = join(dir, 'bench.db');
    writeFileSync(file, JSON.stringify(sweep));
    const run = timeParley(['run', file, '--db', db], join(dir, 'run.txt'));
    const raw = new Database(db, { readonly: true });
    const finished = (
      raw
        .prepare(
          `SELECT finished_at AS t, (SELECT count(*) FROM turns WHERE game_id = g.id) AS turns
           FROM games g WHERE status = 'finished' ORDER BY t`,
        )
        .all() as { t: string; turns: number }[]
    ).map((r) => ({ at: Date.parse(r.t), turns: r.turns }));
    const sweepId = (raw.prepare('SELECT id FROM sweeps').get() as { id: string }).id;
    raw.close();
    const rates = tenthRates(finished);
    const bytes = statSync(db).size;
    const analyze = timeParley(['analyze', sweep.name, '--db', db], join(dir, 'analyze.txt'));
    const exported = timeParley(
      ['export', sweep.name, '--format', 'csv', '--out', join(dir, 'out'), '--db', db],
      join(dir, 'export.txt'),
    );
    const status = timeParley(['status', '--db', db], join(dir, 'status.txt'));
    const figures = join(dir, 'figures.json');
    writeFileSync(figures, JSON.stringify(figureSpec(sweepId)));
    const figured = timeParley(
      ['figures', figures, '--out', join(dir, 'figures'), '--db', db],
      join(dir, 'figures.txt'),
    );
    const ratio = round2(rates.last / rates.first);
    const rss = run.peakRssMb ?? Infinity;
    return Promise.resolve({
      name: 'sweep_100k',
      value: ratio,
      unit: 'last/first 10% games/s',
      target: '>= 0.8; run RSS < 400 MB; analyze < 5 s; export csv < 300 MB',
      pass:
        finished.length === games &&
        ratio >= 0.8 &&
        rss < 400 &&
        analyze.wallSeconds < 5 &&
        (exported.peakRssMb ?? Infinity) < 300,
      detail: {
        games: finished.length,
        first10_games_per_s: rates.first,
        last10_games_per_s: rates.last,
        first10_turns_per_s: rates.firstTurns,
        last10_turns_per_s: rates.lastTurns,
        games_per_s: round2(finished.length / run.wallSeconds),
        run: summary(run),
        bytes_per_game: Math.round(bytes / games),
        analyze: summary(analyze),
        export_csv: summary(exported),
        status: summary(status),
        figures_heatmap_curves: summary(figured),
      },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

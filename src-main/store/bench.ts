// Store throughput as the engine benchmark sees it: N games of ~100 turns, every turn committed
// on its own. Run: npx tsx src-main/store/bench.ts [games] [dir]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TurnRecord } from '../../src-shared/game';
import { NO_DEAL, samplePlannedGame } from './fixtures';
import { openStore } from './store';

export interface StoreBenchResult {
  synchronous: 'FULL' | 'NORMAL';
  games: number;
  turns: number;
  seconds: number;
  gamesPerSecond: number;
  turnsPerSecond: number;
}

/** ~10 turns per round for 2 agents: 2 discussion passes, thinking, proposal, listing, vote, tally. */
function* roundTurns(round: number): Generator<TurnRecord> {
  const base = { round, attempt: 0, status: 'ok' as const, action: null };
  for (let pass = 0; pass < 2; pass++) {
    for (let agent = 0; agent < 2; agent++) {
      yield {
        ...base,
        phase: 'discussion',
        pass,
        agent,
        visibility: 'public',
        text: `I propose we split items ${round}.`,
      };
    }
  }
  for (const phase of ['thinking', 'proposal', 'vote'] as const) {
    for (let agent = 0; agent < 2; agent++) {
      const action =
        phase === 'proposal'
          ? {
              allocation: [
                [0, 1],
                [2, 3, 4],
              ],
            }
          : null;
      yield {
        ...base,
        phase,
        pass: 0,
        agent,
        visibility: phase === 'proposal' ? 'public' : 'private',
        text: `${phase} of agent ${agent}`,
        action,
      };
    }
  }
  yield {
    ...base,
    phase: 'tally',
    pass: 0,
    agent: -1,
    visibility: 'public',
    text: 'No proposal was accepted.',
  };
}

export function benchStore(
  games: number,
  synchronous: 'FULL' | 'NORMAL',
  dir: string,
): StoreBenchResult {
  const store = openStore(join(dir, `bench-${synchronous}.db`), { synchronous });
  const planned = Array.from({ length: games }, (_, i) => samplePlannedGame(`g${i}`, { seed: i }));
  store.upsertSweep({ id: 'bench', name: 'bench', spec: {} });
  store.insertPlannedGames('bench', planned);
  let turns = 0;
  const start = performance.now();
  for (const g of planned) {
    store.markGameRunning(g.id);
    for (let round = 1; round <= 10; round++) {
      for (const t of roundTurns(round)) {
        store.appendTurn(g.id, t);
        turns++;
      }
    }
    store.finishGame(g.id, NO_DEAL);
  }
  const seconds = (performance.now() - start) / 1000;
  store.close();
  return {
    synchronous,
    games,
    turns,
    seconds,
    gamesPerSecond: games / seconds,
    turnsPerSecond: turns / seconds,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const games = Number(process.argv[2] ?? 1000);
  const dir = mkdtempSync(join(process.argv[3] ?? tmpdir(), 'parley-bench-'));
  try {
    for (const sync of ['FULL', 'NORMAL'] as const) {
      const r = benchStore(games, sync, dir);
      console.log(
        `synchronous=${sync}: ${r.games} games, ${r.turns} turns in ${r.seconds.toFixed(2)} s = ` +
          `${r.gamesPerSecond.toFixed(0)} games/s, ${r.turnsPerSecond.toFixed(0)} turns/s`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

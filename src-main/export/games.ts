// `parley export --format json | jsonl`: a sweep's games with their transcripts, written a game
// at a time (bounded memory at any sweep size).
//   json   sweep.json: {sweep, games: [...]}, indented as JSON.stringify(value, null, 2)
//   jsonl  sweep.json (the sweep alone, indented) and games.jsonl: one game with its turns a line
import { join } from 'node:path';
import type { Store } from '../store/store';
import type { GameRow, SweepRow } from '../store/types';
import { PASS_CACHE_KIB } from '../analysis/dataset';
import { withFile, writeJsonArray } from './stream';

function* gamesWithTurns(store: Store, sweepId: string) {
  for (const page of store.gamePages(sweepId, 200))
    for (const g of page) yield { ...g, turns: store.getTurns(g.id) } as GameRow & object;
}

/** `write` with the small page cache of a pass that re-reads no page (PASS_CACHE_KIB). */
function onePass<T>(store: Store, write: () => T): T {
  return store.withReadCache(PASS_CACHE_KIB, write);
}

/** sweep.json with every game and its turns; returns the path. */
export function writeGamesJson(store: Store, sweep: SweepRow, dir: string): string {
  const path = join(dir, 'sweep.json');
  onePass(store, () =>
    withFile(path, (sink) => {
      const head = JSON.stringify({ sweep }, null, 2);
      // `{\n  "sweep": ...` without its closing brace, then the games array as its second key.
      sink.write(`${head.slice(0, -2)},\n  "games": `);
      writeJsonArray(sink, gamesWithTurns(store, sweep.id), 1);
      sink.write('\n}\n');
    }),
  );
  return path;
}

/** sweep.json (the sweep) and games.jsonl (a game with its turns per line); returns the paths. */
export function writeGamesJsonl(store: Store, sweep: SweepRow, dir: string): string[] {
  const sweepPath = join(dir, 'sweep.json');
  const gamesPath = join(dir, 'games.jsonl');
  withFile(sweepPath, (sink) => sink.write(`${JSON.stringify(sweep, null, 2)}\n`));
  onePass(store, () =>
    withFile(gamesPath, (sink) => {
      for (const g of gamesWithTurns(store, sweep.id)) sink.write(`${JSON.stringify(g)}\n`);
    }),
  );
  return [sweepPath, gamesPath];
}

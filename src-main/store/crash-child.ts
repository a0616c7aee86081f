// Test helper run as a child process: appends turns one by one and reports each seq on stdout
// only after appendTurn has returned, until the parent kills it. Args: <db file> <game id>.
import { writeSync } from 'node:fs';
import { samplePlannedGame, sampleTurn } from './fixtures';
import { openStore } from './store';

const [file, gameId] = process.argv.slice(2);
const store = openStore(file);
store.upsertSweep({ id: 'crash', name: 'crash', spec: {} });
store.insertPlannedGames('crash', [samplePlannedGame(gameId)]);
store.markGameRunning(gameId);
// Bounded in case the parent never kills it.
for (let round = 1; round <= 100_000; round++) {
  const seq = store.appendTurn(gameId, sampleTurn({ round, text: `turn ${round}` }));
  writeSync(1, `${seq}\n`);
}

// One transaction per imported game: a write that fails half-way leaves nothing of the game.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shippedRegistry } from '../registry/registry';
import { openStore, type Store } from '../store/store';
import { importBargainRun } from './bargain';
import { bargainInteractionsSchema, bargainResultsSchema } from './bargain-schema';
import { createModelMatcher } from './models';
import { ensureImportSweep, importSweepId, writeImportedGame } from './write';

const RUNS = join(
  import.meta.dirname,
  '..',
  '..',
  'tests',
  'fixtures',
  'bargain-results',
  'strong_models_20250820_192244_97035',
);
const read = (name: string): unknown => JSON.parse(readFileSync(join(RUNS, name), 'utf8'));

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-import-write-'));
  store = openStore(join(dir, 'parley.db'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function run3() {
  return importBargainRun(
    {
      results: bargainResultsSchema.parse(read('run_3_experiment_results.json')),
      interactions: bargainInteractionsSchema.parse(read('run_3_all_interactions.json')),
      resultsFile: join(RUNS, 'run_3_experiment_results.json'),
      interactionsName: 'run_3_all_interactions.json',
      sha256: 'test',
    },
    createModelMatcher(shippedRegistry()),
  );
}

describe('writeImportedGame', () => {
  it('writes a game once; the second write changes nothing', () => {
    const game = run3();
    const sweepId = importSweepId('bargain', game.group);
    ensureImportSweep(store, sweepId, game.group, 'bargain');
    expect(writeImportedGame(store, sweepId, game)).toBe('imported');
    expect(writeImportedGame(store, sweepId, game)).toBe('unchanged');
    expect(store.countTurns(game.planned.id)).toBe(12);
    expect(store.getGame(game.planned.id)!.status).toBe('finished');
  });

  it('rolls the whole game back when a write fails half-way', () => {
    const game = run3();
    // The last turn twice: the store refuses the second, after eleven turns were written.
    game.turns.push(game.turns[game.turns.length - 1]);
    const sweepId = importSweepId('bargain', game.group);
    ensureImportSweep(store, sweepId, game.group, 'bargain');
    expect(() => writeImportedGame(store, sweepId, game)).toThrow();
    expect(store.getGame(game.planned.id)).toBeNull();
    expect(store.countTurns(game.planned.id)).toBe(0);
    expect(store.getGameImport(game.planned.id)).toBeNull();
    expect(store.listGames({ sweepId })).toEqual([]);
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GameOutcome } from '../../src-shared/game';
import { NO_DEAL, samplePlannedGame } from './fixtures';
import type { Store } from './store';
import { openStore, StoreError } from './store';

let dir: string;
let file: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-annotations-'));
  file = join(dir, 'parley.db');
  store = openStore(file);
  store.upsertSweep({ id: 's1', name: 'one', spec: {} });
  store.insertPlannedGames('s1', [
    samplePlannedGame('g1'),
    samplePlannedGame('g2', { seed: 8, order: 'strong_first' }),
    samplePlannedGame('g3', { seed: 9 }),
  ]);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ISO = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

describe('game tags and notes', () => {
  it('persist on a file database across reopening', () => {
    expect(store.setGameTags('g1', ['odd-deal', 'check', 'check'])).toEqual({
      gameId: 'g1',
      tags: ['check', 'odd-deal'],
      note: '',
      noteUpdatedAt: null,
    });
    store.setGameTags('g2', ['check']);
    store.setGameNote('g1', 'Agent 2 concedes in round 1.');
    store.close();
    store = openStore(file);
    expect(store.getAnnotations(['g2', 'g1', 'g3'])).toEqual([
      { gameId: 'g2', tags: ['check'], note: '', noteUpdatedAt: null },
      {
        gameId: 'g1',
        tags: ['check', 'odd-deal'],
        note: 'Agent 2 concedes in round 1.',
        noteUpdatedAt: ISO,
      },
      { gameId: 'g3', tags: [], note: '', noteUpdatedAt: null },
    ]);
    expect(store.listTags()).toEqual([
      { tag: 'check', games: 2 },
      { tag: 'odd-deal', games: 1 },
    ]);
    expect([...store.gamesWithTag('check')].sort()).toEqual(['g1', 'g2']);
  });

  it('replaces tags as a set and deletes an emptied note', () => {
    store.setGameTags('g1', ['a', 'b']);
    expect(store.setGameTags('g1', ['c']).tags).toEqual(['c']);
    expect(store.setGameTags('g1', []).tags).toEqual([]);
    store.setGameNote('g1', 'first');
    expect(store.setGameNote('g1', 'second').note).toBe('second');
    expect(store.setGameNote('g1', '   ')).toEqual({
      gameId: 'g1',
      tags: [],
      note: '',
      noteUpdatedAt: null,
    });
    expect(store.listTags()).toEqual([]);
  });

  it('refuses unknown games by name', () => {
    expect(() => store.setGameTags('nope', ['a'])).toThrow(
      new StoreError('No game with id "nope".'),
    );
    expect(() => store.setGameNote('nope', 'x')).toThrow(StoreError);
  });

  it('are STRICT tables of migration 0007', () => {
    store.close();
    const db = new Database(file);
    const sql = db
      .prepare("SELECT name, sql FROM sqlite_schema WHERE name IN ('game_tags', 'game_notes')")
      .all() as { name: string; sql: string }[];
    expect(sql.map((r) => r.name).sort()).toEqual(['game_notes', 'game_tags']);
    expect(sql.every((r) => /\)\s*STRICT/.test(r.sql))).toBe(true);
    expect(() =>
      db
        .prepare("INSERT INTO game_notes (game_id, text, updated_at) VALUES ('g1', ?, 'x')")
        .run(Buffer.from('note')),
    ).toThrow(/cannot store BLOB value in TEXT column/);
    db.close();
    store = openStore(file);
  });
});

describe('compareGames', () => {
  const outcome = (utilities: number[]): GameOutcome => ({
    ...NO_DEAL,
    deal: true,
    round: 2,
    rawUtilities: utilities,
    utilities,
  });

  it('reads finished games with their pairing key and metric, filtered by order', () => {
    store.finishGame('g1', outcome([3, 6]));
    store.finishGame('g2', NO_DEAL);
    const all = store.compareGames({ sweepId: 's1', metric: 'utility_share_focal' });
    expect(all).toEqual([
      {
        id: 'g1',
        focalId: 'strong',
        focalCapability: 0.9,
        competitionLevel: 0.5,
        seed: 7,
        order: 'weak_first',
        value: 6 / 9,
      },
      {
        id: 'g2',
        focalId: 'strong',
        focalCapability: 0.9,
        competitionLevel: 0.5,
        seed: 8,
        order: 'strong_first',
        value: null,
      },
    ]);
    expect(
      store.compareGames({ sweepId: 's1', metric: 'round', order: 'strong_first' }),
    ).toMatchObject([{ id: 'g2', value: null }]);
    expect(store.compareGames({ sweepId: 's1', metric: 'deal', focalId: 'weak' })).toEqual([]);
  });
});

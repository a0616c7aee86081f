// Full-text search over turns (migration 0006) on a database file: hand-checked hits, filters,
// paging, the index kept in step by appends and deletes, and the backfill of older databases.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from './store';
import { UNDO_0009_SQL, UNDO_AFTER_0009_SQL, samplePlannedGame, sampleTurn } from './fixtures';
import { openStore } from './store';
import { ftsQuery } from './search';

let dir: string;
let file: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-search-'));
  file = join(dir, 'parley.db');
  store = openStore(file);
  store.upsertSweep({ id: 's1', name: 'one', spec: {} });
  store.upsertSweep({ id: 's2', name: 'two', spec: {} });
  store.insertPlannedGames('s1', [samplePlannedGame('g1')]);
  store.insertPlannedGames('s2', [
    samplePlannedGame('g2', {
      participants: [
        { id: 'other', kind: 'strategy', strategy: 'random', capability: 0.5, scores: {} },
        { id: 'weak', kind: 'strategy', strategy: 'bounded-rational', capability: 0.2, scores: {} },
      ],
    }),
  ]);
  // g1: seats weak (0), strong (1). g2: seats other (0), weak (1).
  store.appendTurn('g1', sampleTurn({ agent: 0, text: 'I would like the Apples, please.' })); // seq 0
  store.appendTurn('g1', sampleTurn({ agent: 1, pass: 1, text: 'No apples for you.' })); // 1
  store.appendTurn(
    'g1',
    sampleTurn({
      phase: 'thinking',
      agent: 1,
      visibility: 'private',
      text: 'Secret: apple is cheap.',
    }),
  ); // 2
  store.appendTurn(
    'g1',
    sampleTurn({ phase: 'listing', agent: -1, text: 'Round 1 proposals: apples' }),
  ); // 3
  store.appendTurn('g2', sampleTurn({ agent: 0, text: 'Apples and pears, déjà vu.' })); // g2 seq 0
  store.appendTurn('g2', sampleTurn({ agent: 1, pass: 1, text: 'Pears only.' })); // 1
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const page = (text: string, more: object = {}) =>
  store.searchTurns({ text, limit: 50, offset: 0, ...more });
const keys = (p: ReturnType<typeof page>) => p.hits.map((h) => `${h.gameId}#${h.seq}`);

describe('searchTurns', () => {
  it('finds whole words, any case, in public and private text, in game then commit order', () => {
    const p = page('APPLES');
    expect(keys(p)).toEqual(['g1#0', 'g1#1', 'g1#3', 'g2#0']);
    expect(p.total).toBe(4);
    expect(p.games).toBe(2);
    expect(p.hits[0]).toEqual({
      gameId: 'g1',
      seq: 0,
      round: 1,
      phase: 'discussion',
      agent: 0,
      visibility: 'public',
      text: 'I would like the Apples, please.',
      participantId: 'weak',
    });
    // "apple" is another word; a trailing * makes it a prefix.
    expect(keys(page('apple'))).toEqual(['g1#2']);
    expect(keys(page('apple*'))).toEqual(['g1#0', 'g1#1', 'g1#2', 'g1#3', 'g2#0']);
  });

  it('needs every word, folds accents and ignores FTS syntax', () => {
    expect(keys(page('apples pears'))).toEqual(['g2#0']);
    expect(keys(page('deja'))).toEqual(['g2#0']);
    expect(keys(page('apples OR "pears'))).toEqual([]);
    expect(page('  ?! ')).toEqual({ total: 0, games: 0, hits: [] });
    expect(ftsQuery('say "hi" x*')).toBe('"say" "hi" "x"*');
  });

  it('filters by sweep, participant, phase and visibility', () => {
    expect(keys(page('apples', { sweepId: 's2' }))).toEqual(['g2#0']);
    // weak speaks seat 0 in g1 and seat 1 in g2; the moderator never matches a participant.
    expect(keys(page('apples* pears*', { participantId: 'weak' }))).toEqual([]);
    expect(keys(page('pears', { participantId: 'weak' }))).toEqual(['g2#1']);
    expect(keys(page('apple*', { participantId: 'strong' }))).toEqual(['g1#1', 'g1#2']);
    expect(keys(page('apple*', { phases: ['thinking', 'listing'] }))).toEqual(['g1#2', 'g1#3']);
    expect(keys(page('apple*', { visibility: 'private' }))).toEqual(['g1#2']);
    expect(keys(page('apple*', { visibility: 'public', sweepId: 's1' }))).toEqual([
      'g1#0',
      'g1#1',
      'g1#3',
    ]);
  });

  it('pages with the total of every page', () => {
    const p = store.searchTurns({ text: 'apple*', limit: 2, offset: 2 });
    expect(keys(p)).toEqual(['g1#2', 'g1#3']);
    expect(p.total).toBe(5);
    expect(p.games).toBe(2);
  });

  it('lists the participants of a sweep or of every game', () => {
    expect(store.searchParticipants({ sweepId: 's2' })).toEqual(['other', 'weak']);
    expect(store.searchParticipants({})).toEqual(['other', 'strong', 'weak']);
  });
});

describe('migration 0006', () => {
  it('backfills the turns of a database made before it, and follows deletes', () => {
    store.close();
    // Rebuild the older state: drop the index and its triggers, then migrate again.
    const older = join(dir, 'older.db');
    copyFileSync(file, older);
    const db = new Database(older);
    db.exec(`${UNDO_AFTER_0009_SQL}
      ${UNDO_0009_SQL}
      DROP TRIGGER turns_search_insert; DROP TRIGGER turns_search_delete;
      DROP TRIGGER turns_search_rekey; DROP TRIGGER turns_search_text;
      DROP TABLE turns_fts; DROP TABLE turn_search_keys; DROP TABLE turn_search_state;
      DROP TABLE judgements;
      DELETE FROM schema_migrations WHERE id >= 6;`);
    db.close();
    store = openStore(older);
    expect(keys(page('apples'))).toEqual(['g1#0', 'g1#1', 'g1#3', 'g2#0']);
    const raw = new Database(older);
    raw.prepare("DELETE FROM turns WHERE game_id = 'g1' AND seq = 1").run();
    raw.close();
    expect(keys(page('apples'))).toEqual(['g1#0', 'g1#3', 'g2#0']);
    // A commit adds only the turn's key; the next search (or an explicit step) indexes it.
    expect(store.indexPendingTurns()).toBe(0);
    store.appendTurn('g2', sampleTurn({ agent: 0, pass: 1, text: 'More apples?' }));
    store.appendTurn('g2', sampleTurn({ agent: 1, pass: 2, text: 'No.' }));
    expect(store.indexPendingTurns()).toBe(2);
    expect(store.indexPendingTurns()).toBe(0);
    store.appendTurn('g2', sampleTurn({ agent: 0, pass: 2, text: 'Apples then.' }));
    expect(keys(page('apples'))).toEqual(['g1#0', 'g1#3', 'g2#0', 'g2#2', 'g2#4']);
    expect(store.indexPendingTurns()).toBe(0);
  });
});

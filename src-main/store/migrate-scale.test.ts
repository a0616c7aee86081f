// Migration 0009: a database written before it (the rules text in every instance and setup
// turn, no per-sweep counts) reads back the same after it, with the rules text kept once.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { small } from '../sweeps/sweep-test-helpers';
import { SweepService } from '../sweeps/service';
import { UNDO_0009_SQL, UNDO_AFTER_0009_SQL } from './fixtures';
import { openStore, type Store } from './store';

const dir = mkdtempSync(join(tmpdir(), 'parley-migrate-scale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Everything a reader sees of the sweep: games, transcripts, counts and a search. */
function view(store: Store, sweepId: string) {
  const games = store.listGames({ sweepId });
  return {
    games,
    transcripts: games.map((g) => store.getTranscript(g.id)),
    counts: store.countGamesByStatus(sweepId),
    search: store.searchTurns({ text: 'indivisible', sweepId, limit: 1000, offset: 0 }),
  };
}

describe('migration 0009', () => {
  it('keeps the rules text once and every transcript as it was', async () => {
    const file = join(dir, 'new.db');
    const store = openStore(file);
    const service = new SweepService(store);
    const { sweepId, total } = service.create(small({ runs: { seeds: [7, 8] } }));
    await service.start(sweepId);
    store.close();
    // A game failed by hand (the triggers follow any connection), so counts span two states.
    const edit = new Database(file);
    edit.prepare("UPDATE games SET status = 'failed' WHERE rowid = 1").run();
    edit.close();
    const reopened = openStore(file);
    const before = view(reopened, sweepId);
    reopened.close();
    expect(total).toBe(16);
    expect(before.counts).toEqual({
      queued: 0,
      running: 0,
      paused: 0,
      finished: 15,
      failed: 1,
      cancelled: 0,
    });
    // Every game's 2 setup turns name the items: "indivisible" is in the rules text alone.
    expect(before.search.total).toBe(32);

    // The same database as the schema before 0009 kept it.
    const old = join(dir, 'old.db');
    copyFileSync(file, old);
    const raw = new Database(old);
    raw.exec(UNDO_AFTER_0009_SQL);
    raw.exec(UNDO_0009_SQL);
    const setup = raw
      .prepare(
        `SELECT t.text AS text, g.instance_json ->> 'rules' AS rules FROM turns t
         JOIN games g ON g.id = t.game_id WHERE t.phase = 'setup'`,
      )
      .all() as { text: string; rules: string }[];
    raw.close();
    expect(setup).toHaveLength(32);
    expect(setup.every((s) => s.rules.length > 500 && s.text.startsWith(`${s.rules}\n`))).toBe(
      true,
    );

    const migrated = openStore(old);
    try {
      expect(view(migrated, sweepId)).toEqual(before);
    } finally {
      migrated.close();
    }
    const db = new Database(old, { readonly: true });
    try {
      const q = (sql: string) => db.prepare(sql).get() as Record<string, number>;
      // item-allocation with 4 items and 2 agents: one rules text for all 16 games.
      expect(q('SELECT count(*) AS n FROM rules')).toEqual({ n: 1 });
      expect(
        q(`SELECT count(*) AS n FROM games WHERE rules_hash IS NOT NULL
           AND instance_json ->> 'rules' IS NULL AND json_type(instance_json, '$.rules') = 'null'`),
      ).toEqual({ n: 16 });
      expect(
        q(`SELECT count(*) AS n FROM turns t JOIN rules r ON r.hash = t.rules_hash
           WHERE t.phase = 'setup' AND instr(t.text, r.text) = 0`),
      ).toEqual({ n: 32 });
      expect(
        q("SELECT count(*) AS n FROM turns WHERE phase != 'setup' AND rules_hash IS NOT NULL"),
      ).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('keeps the per-sweep counts through links, state changes, merges and deletes', async () => {
    const store = openStore(join(dir, 'counts.db'));
    try {
      const service = new SweepService(store);
      const a = service.create(small({ runs: { seeds: [7] } }));
      // The same games in a second sweep, and one more seed.
      const b = service.create(small({ name: 'b', runs: { seeds: [7, 9] } }));
      await service.start(a.sweepId);
      const exact = (sweepId: string) => {
        const byStatus: Record<string, number> = {};
        for (const g of store.listGames({ sweepId }))
          byStatus[g.status] = (byStatus[g.status] ?? 0) + 1;
        return byStatus;
      };
      const nonZero = (sweepId: string) =>
        Object.fromEntries(
          Object.entries(store.countGamesByStatus(sweepId)).filter(([, n]) => n > 0),
        );
      expect(nonZero(a.sweepId)).toEqual({ finished: 8 });
      expect(nonZero(b.sweepId)).toEqual({ finished: 8, queued: 8 });
      store.cancelGames(b.sweepId);
      expect(nonZero(b.sweepId)).toEqual({ finished: 8, cancelled: 8 });
      expect(nonZero(b.sweepId)).toEqual(exact(b.sweepId));
      // A merge replaces games (INSERT OR REPLACE) and links them again.
      const shard = openStore(join(dir, 'shard.db'));
      const other = new SweepService(shard);
      const c = other.create(small({ name: 'b', runs: { seeds: [7, 9] } }));
      await other.start(c.sweepId);
      shard.close();
      store.mergeFrom(join(dir, 'shard.db'));
      expect(nonZero(b.sweepId)).toEqual({ finished: 16 });
      expect(nonZero(a.sweepId)).toEqual({ finished: 8 });
    } finally {
      store.close();
    }
  });
});

// Migration 0003 on a database written by the first id formula: every stored game gets the id
// the expansion computes now, keeps its status, transcript and calls, and re-running its sweep
// (even through another gateway) plans nothing new and plays nothing again.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlannedGame } from '../../src-shared/planned-game';
import type { SweepInput } from '../../src-shared/sweep';
import { contentId } from '../sweeps/canonical';
import { sweepId } from '../sweeps/game-id';
import { SweepService } from '../sweeps/service';
import { expandOk, small } from '../sweeps/sweep-test-helpers';
import { MIGRATIONS_DIR } from './migrate';
import { openStore } from './store';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-rekey-'));
  file = join(dir, 'old.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The id the first formula gave: transport included, focal participant left out. */
const oldId = (g: PlannedGame): string =>
  contentId({
    v: 1,
    kind: g.kind,
    params: g.params,
    protocol: g.protocol,
    participants: g.participants,
    seed: g.seed,
    order: g.order,
  });

const llm = (id: string, c: number, baseUrl: string) => ({
  id,
  kind: 'llm' as const,
  provider: 'openai' as const,
  model: `${id}-1`,
  baseUrl,
  scores: { capability: c },
});

function llmSweep(baseUrl: string, overrides: Partial<SweepInput> = {}): SweepInput {
  return small({
    participants: [
      llm('weak', 0.2, baseUrl),
      llm('strong', 0.8, baseUrl),
      llm('ref', 0.5, baseUrl),
    ],
    competition: { levels: [0.5] },
    runs: { seeds: [1, 2] },
    ...overrides,
  });
}

/** A database at migration 0002 holding `games` as the first formula stored them. */
function writeOldDatabase(
  sweeps: {
    doc: SweepInput;
    games: PlannedGame[];
    status: (g: PlannedGame, i: number) => string;
  }[],
): void {
  const old = join(dir, 'migrations-0002');
  mkdirSync(old);
  for (const name of ['0001_init.sql', '0002_focal_columns.sql'])
    copyFileSync(join(MIGRATIONS_DIR, name), join(old, name));
  openStore(file, { migrationsDir: old }).close();
  const db = new Database(file);
  const ts = '2026-01-01T00:00:00.000Z';
  const insertGame = db.prepare(`INSERT OR IGNORE INTO games (id, kind, params_json, protocol_json,
    participants_json, n_agents, seed, run_index, order_name, competition_level, rho, theta,
    focal_id, focal_capability, capabilities_json, focal_seat, status, outcome_json, deal,
    focal_utility, created_at, updated_at, finished_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertTurn = db.prepare(`INSERT INTO turns (game_id, round, phase, phase_ord, pass, agent,
    attempt, seq, visibility, text, status, created_at)
    VALUES (?, 1, 'discussion', 1, 0, 0, 0, 0, 'public', ?, 'ok', ?)`);
  const insertCall = db.prepare(`INSERT INTO calls (game_id, round, phase, agent, attempt,
    provider, model, request_hash, status, cost_usd, sent_at)
    VALUES (?, 1, 'discussion', 0, 0, 'openai', 'weak-1', ?, 'ok', 0.25, ?)`);
  for (const { doc, games, status } of sweeps) {
    const sweep = expandOk(doc).sweep;
    const oldSweepId = contentId({ v: 1, sweep });
    db.prepare('INSERT INTO sweeps (id, name, spec_json, created_at) VALUES (?, ?, ?, ?)').run(
      oldSweepId,
      sweep.name,
      JSON.stringify(sweep),
      ts,
    );
    games.forEach((g, i) => {
      const id = oldId(g);
      const s = status(g, i);
      const isDone = s === 'finished';
      insertGame.run(
        id,
        g.kind,
        JSON.stringify(g.params),
        JSON.stringify(g.protocol),
        JSON.stringify(g.participants),
        g.nAgents,
        g.seed,
        g.runIndex,
        g.order,
        g.competitionLevel,
        g.rho,
        g.theta,
        g.focalId,
        g.focalCapability,
        JSON.stringify(g.capabilities),
        g.participants.findIndex((p) => p.id === g.focalId),
        s,
        isDone ? JSON.stringify({ deal: true, note: `outcome of ${id}` }) : null,
        isDone ? 1 : null,
        isDone ? 40 + i : null,
        ts,
        ts,
        isDone ? ts : null,
      );
      db.prepare('INSERT OR IGNORE INTO sweep_games (sweep_id, game_id) VALUES (?, ?)').run(
        oldSweepId,
        id,
      );
      insertTurn.run(id, `turn of ${id}`, ts);
      insertCall.run(id, `hash-${id}`, ts);
    });
  }
  db.close();
}

const byOutcome = (rows: { id: string; status: string; outcome: unknown }[]) =>
  Object.fromEntries(rows.map((r) => [r.id, [r.status, r.outcome]]));

describe('migration 0003: ids without transport, game ids with the focal participant', () => {
  it('maps every stored game to its new id: re-running the sweep replays nothing', () => {
    const doc = llmSweep('http://old-gateway.test/v1');
    const planned = expandOk(doc).games;
    expect(planned).toHaveLength(8);
    writeOldDatabase([{ doc, games: planned, status: (_g, i) => (i < 6 ? 'finished' : 'paused') }]);

    const store = openStore(file);
    try {
      const rows = store.listGames();
      expect(rows.map((r) => r.id).sort()).toEqual(planned.map((g) => g.id).sort());
      const expected = Object.fromEntries(
        planned.map((g, i) => [
          g.id,
          i < 6 ? ['finished', { deal: true, note: `outcome of ${oldId(g)}` }] : ['paused', null],
        ]),
      );
      expect(byOutcome(rows)).toEqual(expected);
      for (const g of planned) {
        expect(store.getTurns(g.id).map((t) => t.text)).toEqual([`turn of ${oldId(g)}`]);
        expect(store.listCalls(g.id).map((c) => c.requestHash)).toEqual([`hash-${oldId(g)}`]);
      }
      expect(store.callTotals().costUsd).toBeCloseTo(8 * 0.25, 12);

      // The sweep is re-keyed too: re-running it continues the same sweep.
      const newSweepId = sweepId(expandOk(doc).sweep);
      expect(store.listSweeps().map((s) => s.id)).toEqual([newSweepId]);
      expect(store.listGames({ sweepId: newSweepId })).toHaveLength(8);

      const service = new SweepService(store);
      const again = service.create(doc);
      expect(again).toEqual({ sweepId: newSweepId, total: 8, inserted: 0, warnings: [] });
      // Through another gateway: the same games; the unfinished ones now go through it.
      const moved = service.create(
        llmSweep('https://new-gateway.test/v1', { concurrency: 9, budgetUsd: 5 }),
      );
      expect(moved).toEqual({ sweepId: newSweepId, total: 8, inserted: 0, warnings: [] });
      expect(store.listSweeps()).toHaveLength(1);
      expect(store.getSweep(newSweepId)?.spec).toMatchObject({ concurrency: 9, budgetUsd: 5 });
      expect(byOutcome(store.listGames())).toEqual(expected);
      const urls = store
        .listGames()
        .map((r) => [r.status, r.participants.map((p) => p.kind === 'llm' && p.baseUrl)]);
      expect(
        urls
          .filter(([s]) => s === 'finished')
          .every(([, u]) => (u as string[]).every((x) => x === 'http://old-gateway.test/v1')),
      ).toBe(true);
      expect(urls.filter(([s]) => s === 'paused').map(([, u]) => u)).toEqual([
        ['https://new-gateway.test/v1', 'https://new-gateway.test/v1'],
        ['https://new-gateway.test/v1', 'https://new-gateway.test/v1'],
      ]);
    } finally {
      store.close();
    }
  });

  it('keeps the games the first formula merged, and plans only the focal line-ups it lost', () => {
    const doc = llmSweep('http://gw.test/v1', {
      lineup: {
        mode: 'lineups',
        lineups: [
          ['weak', 'ref'],
          ['ref', 'weak'],
        ],
      },
    });
    const planned = expandOk(doc).games;
    expect(planned).toHaveLength(8);
    // The first formula gave [weak, ref] and [ref, weak] one id and kept the later (focal ref).
    const kept = [...new Map(planned.map((g) => [oldId(g), g])).values()];
    expect(kept.map((g) => g.focalId)).toEqual(['ref', 'ref', 'ref', 'ref']);
    writeOldDatabase([{ doc, games: kept, status: () => 'finished' }]);

    const store = openStore(file);
    try {
      expect(
        store
          .listGames()
          .map((g) => g.id)
          .sort(),
      ).toEqual(kept.map((g) => g.id).sort());
      const { total, inserted } = new SweepService(store).create(doc);
      expect({ total, inserted }).toEqual({ total: 8, inserted: 4 });
      const queued = store.listGames({ status: ['queued'] });
      expect(queued.map((g) => g.focalId)).toEqual(['weak', 'weak', 'weak', 'weak']);
      expect(store.countGamesByStatus()).toMatchObject({ finished: 4, queued: 4 });
    } finally {
      store.close();
    }
  });

  it('keeps the furthest copy of a game stored once per gateway and merges the sweeps', () => {
    const a = llmSweep('http://a.test/v1');
    const b = llmSweep('http://b.test/v1');
    const gamesA = expandOk(a).games;
    const gamesB = expandOk(b).games;
    writeOldDatabase([
      { doc: a, games: gamesA, status: (_g, i) => (i % 2 === 0 ? 'finished' : 'queued') },
      { doc: b, games: gamesB, status: (_g, i) => (i % 2 === 1 ? 'finished' : 'failed') },
    ]);
    const store = openStore(file);
    try {
      const oldA = contentId({ v: 1, sweep: expandOk(a).sweep });
      const merged = sweepId(expandOk(a).sweep);
      expect(sweepId(expandOk(b).sweep)).toBe(merged);
      // One sweep: the later one (b) keeps its document; every game finished in one of the two
      // databases, and that copy is the one the sweep holds.
      const sweeps = store.listSweeps();
      expect(sweeps.map((s) => s.id)).toEqual([merged]);
      expect(sweeps[0].spec).toMatchObject({
        participants: [{ baseUrl: 'http://b.test/v1' }, {}, {}],
      });
      expect(
        store
          .listGames({ sweepId: merged })
          .map((g) => [g.id, g.status])
          .sort(),
      ).toEqual(gamesA.map((g) => [g.id, 'finished']).sort());
      // The 8 extra copies (4 queued from a, 4 failed from b) keep their old ids outside sweeps.
      const all = store.listGames();
      expect(all).toHaveLength(16);
      const extras = all.filter((g) => !gamesA.some((p) => p.id === g.id));
      expect(extras.map((g) => g.status).sort()).toEqual([
        ...Array(4).fill('failed'),
        ...Array(4).fill('queued'),
      ]);
      expect(extras.every((g) => store.getTurns(g.id).length === 1)).toBe(true);
      const events = store.eventsSince(0).filter((e) => e.kind === 'migration');
      const gameEvents = events.filter((e) => e.gameId !== null);
      expect(gameEvents.map((e) => e.gameId).sort()).toEqual(extras.map((g) => g.id).sort());
      const sweepEvents = events.filter((e) => e.gameId === null);
      expect(sweepEvents.map((e) => [e.sweepId, e.payload])).toEqual([
        [
          merged,
          {
            migration: '0003_game_ids_v2',
            mergedSweep: oldA,
            name: 'small',
            status: 'active',
            createdAt: '2026-01-01T00:00:00.000Z',
            spec: JSON.parse(JSON.stringify(expandOk(a).sweep)),
          },
        ],
      ]);
      expect(new SweepService(store).create(llmSweep('http://c.test/v1'))).toMatchObject({
        sweepId: merged,
        inserted: 0,
      });
    } finally {
      store.close();
    }
  });
});

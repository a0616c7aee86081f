import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GameInstance, GameOutcome } from '../../src-shared/game';
import type { Store } from './store';
import { NO_DEAL, samplePlannedGame, sampleTurn } from './fixtures';
import { openStore, StoreError } from './store';

let dir: string;
let file: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-store-'));
  file = join(dir, 'parley.db');
  store = openStore(file);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ISO = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

const instance: GameInstance = {
  kind: 'item-allocation',
  params: { items: 5 },
  nAgents: 2,
  seed: 7,
  rules: 'Split five items.',
  preferences: [
    [1, 2, 3, 4, 5],
    [5, 4, 3, 2, 1],
  ],
  realised: { cosines: [0.49] },
  competitionIndex: 0.5,
  warnings: [],
};

const deal: GameOutcome = {
  deal: true,
  round: 3,
  proposal: {
    allocation: [
      [0, 1],
      [2, 3, 4],
    ],
  },
  proposer: 1,
  rawUtilities: [10, 20],
  utilities: [8.1, 16.2],
  invalidProposals: [0, 1],
  syntheticVotes: [0, 0],
  parseFailures: [1, 0],
};

function withSweepAndGames(sweepId = 's1', ids = ['g1', 'g2', 'g3']): void {
  store.upsertSweep({ id: sweepId, name: `sweep ${sweepId}`, spec: { game: 'item-allocation' } });
  store.insertPlannedGames(
    sweepId,
    ids.map((id) => samplePlannedGame(id)),
  );
}

describe('connection', () => {
  it('uses WAL, creates the parent directory and keeps data across close and reopen', () => {
    store.close();
    const nested = join(dir, 'a', 'b', 'parley.db');
    store = openStore(nested);
    expect(store.path).toBe(nested);
    withSweepAndGames();
    store.appendTurn('g1', sampleTurn());
    store.close();

    const raw = new Database(nested, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();

    store = openStore(nested);
    expect(store.getTurns('g1')).toEqual([sampleTurn()]);
    expect(store.getGame('g1')?.status).toBe('queued');
  });

  it('enforces STRICT column types', () => {
    store.upsertSweep({ id: 's1', name: 'n', spec: {} });
    expect(() => store.insertPlannedGames('s1', [samplePlannedGame('g1', { seed: 1.5 })])).toThrow(
      'cannot store REAL value in INTEGER column games.seed',
    );
    store.insertPlannedGames('s1', [samplePlannedGame('g1')]);
    const raw = new Database(file);
    expect(() => raw.prepare("UPDATE games SET n_agents = 'two'").run()).toThrow(
      'cannot store TEXT value in INTEGER column games.n_agents',
    );
    expect(() => raw.prepare("UPDATE games SET competition_level = x'00'").run()).toThrow(
      'cannot store BLOB value in REAL column games.competition_level',
    );
    raw.close();
    expect(store.getGame('g1')).toMatchObject({ nAgents: 2, competitionLevel: 0.5 });
  });

  it('runs a transaction atomically and refuses an async one', () => {
    withSweepAndGames();
    expect(() =>
      store.transaction(() => {
        store.appendTurn('g1', sampleTurn());
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(store.countTurns('g1')).toBe(0);
    expect(store.transaction(() => store.appendTurn('g1', sampleTurn()))).toBe(0);
    expect(() => store.transaction((async () => 1) as () => unknown)).toThrow(/promise/);
  });
});

describe('sweeps and models', () => {
  it('upserts, lists and finds sweeps by id, name or unique id prefix', () => {
    store.upsertSweep({ id: 'abc123', name: 'pilot', spec: { v: 1 } });
    store.upsertSweep({ id: 'abd456', name: 'main', spec: { v: 2 } });
    store.upsertSweep({ id: 'abc123', name: 'pilot-renamed', spec: { v: 3 } });
    store.setSweepStatus('abd456', 'paused');

    expect(store.getSweep('abc123')).toEqual({
      id: 'abc123',
      name: 'pilot-renamed',
      spec: { v: 3 },
      status: 'active',
      createdAt: ISO,
    });
    expect(store.listSweeps().map((s) => [s.id, s.status])).toEqual([
      ['abc123', 'active'],
      ['abd456', 'paused'],
    ]);
    expect(store.findSweep('main')?.id).toBe('abd456');
    expect(store.findSweep('abc')?.id).toBe('abc123');
    expect(store.findSweep('abd456')?.id).toBe('abd456');
    expect(store.findSweep('zzz')).toBe(null);
    expect(() => store.findSweep('ab')).toThrow(
      new StoreError(
        '"ab" matches several sweeps: abc123 (pilot-renamed), abd456 (main). Give more of the id.',
      ),
    );
    expect(() => store.setSweepStatus('nope', 'paused')).toThrow(
      new StoreError('No sweep with id nope.'),
    );
  });

  it('finds a game by id or unique prefix and names the candidates when ambiguous', () => {
    withSweepAndGames('s1', ['a1b2', 'a1c3', 'ff00']);
    expect(store.findGame('ff00')?.id).toBe('ff00');
    expect(store.findGame('a1b')?.id).toBe('a1b2');
    expect(store.findGame('zz')).toBe(null);
    expect(store.findGame('')).toBe(null);
    expect(() => store.findGame('a1')).toThrow(
      new StoreError('"a1" matches several games: a1b2, a1c3. Give more of the id.'),
    );
  });

  it('upserts and lists models', () => {
    store.upsertModel('claude', { id: 'claude', kind: 'llm' }, 'registry');
    store.upsertModel('boulware', { id: 'boulware', kind: 'strategy' }, 'user');
    store.upsertModel('claude', { id: 'claude', kind: 'llm', scores: { elo: 1300 } }, 'user');
    expect(store.getModel('claude')).toEqual({
      id: 'claude',
      spec: { id: 'claude', kind: 'llm', scores: { elo: 1300 } },
      source: 'user',
      updatedAt: ISO,
    });
    expect(store.listModels().map((m) => m.id)).toEqual(['boulware', 'claude']);
    expect(store.getModel('none')).toBe(null);
  });
});

describe('games', () => {
  it('inserts planned games idempotently and links one game to two sweeps', () => {
    store.upsertSweep({ id: 's1', name: 'one', spec: {} });
    store.upsertSweep({ id: 's2', name: 'two', spec: {} });
    const games = [samplePlannedGame('g1'), samplePlannedGame('g2', { seed: 8, runIndex: 1 })];
    expect(store.insertPlannedGames('s1', games)).toEqual({ inserted: 2, existing: 0 });
    expect(store.insertPlannedGames('s1', games)).toEqual({ inserted: 0, existing: 2 });
    expect(store.insertPlannedGames('s2', [games[1], samplePlannedGame('g3')])).toEqual({
      inserted: 1,
      existing: 1,
    });

    expect(store.getGame('g2')).toEqual({
      ...games[1],
      status: 'queued',
      instance: null,
      outcome: null,
      error: null,
      pauseReason: null,
      createdAt: ISO,
      updatedAt: ISO,
      finishedAt: null,
      leaseOwner: null,
      leaseUntil: null,
    });
    expect(store.listGames().map((g) => g.id)).toEqual(['g1', 'g2', 'g3']);
    expect(store.listGames({ sweepId: 's1' }).map((g) => g.id)).toEqual(['g1', 'g2']);
    expect(store.listGames({ sweepId: 's2' }).map((g) => g.id)).toEqual(['g2', 'g3']);
    expect(store.listGames({ limit: 1, offset: 1 }).map((g) => g.id)).toEqual(['g2']);
    expect(store.countGamesByStatus('s2')).toEqual({
      queued: 2,
      running: 0,
      paused: 0,
      finished: 0,
      failed: 0,
      cancelled: 0,
    });
    expect(() => store.insertPlannedGames('nope', games)).toThrow(
      new StoreError('No sweep with id nope; upsert the sweep before its games.'),
    );
  });

  it('moves a game through running (instance written once) to finished', () => {
    withSweepAndGames();
    expect(store.markGameRunning('g1', instance)).toBe(true);
    expect(store.markGameRunning('g1', { ...instance, rules: 'other' })).toBe(true);
    expect(store.getGame('g1')?.instance).toEqual(instance);

    store.finishGame('g1', deal);
    const g = store.getGame('g1');
    expect([g?.status, g?.outcome, g?.finishedAt]).toEqual(['finished', deal, ISO]);
    expect(() => store.finishGame('g1', deal)).toThrow(
      new StoreError('Game g1 is already finished; a game finishes once.'),
    );
    expect(store.markGameRunning('g1')).toBe(false);
    expect(store.requeue(['g1'])).toBe(0);
    expect(() => store.markGameRunning('nope')).toThrow(new StoreError('No game with id nope.'));

    const raw = new Database(file, { readonly: true });
    expect(
      raw.prepare('SELECT deal, agreement_round, utilities_json FROM games WHERE id = ?').get('g1'),
    ).toEqual({ deal: 1, agreement_round: 3, utilities_json: '[8.1,16.2]' });
    raw.close();
  });

  it('pauses, fails, cancels and requeues only where that makes sense', () => {
    withSweepAndGames('s1', ['g1', 'g2', 'g3', 'g4']);
    store.markGameRunning('g1');
    expect(store.pauseGame('g1', 'provider anthropic offline')).toBe(true);
    expect(store.getGame('g1')?.pauseReason).toBe('provider anthropic offline');
    expect(store.failGame('g2', 'boom')).toBe(true);
    store.markGameRunning('g3');
    store.finishGame('g3', NO_DEAL);
    expect(store.failGame('g3', 'late')).toBe(false);

    expect(store.cancelGames('s1')).toBe(2); // g1 paused, g4 queued
    expect(store.countGamesByStatus()).toEqual({
      queued: 0,
      running: 0,
      paused: 0,
      finished: 1,
      failed: 1,
      cancelled: 2,
    });
    expect(store.requeue({ sweepId: 's1', status: ['failed', 'finished'] })).toBe(1);
    expect(store.getGame('g2')).toMatchObject({ status: 'queued', error: null });
    expect(store.requeue(['g1', 'g3', 'g4'])).toBe(2);
    expect(store.getGame('g1')).toMatchObject({ status: 'queued', pauseReason: null });
    expect(store.getGame('g3')?.status).toBe('finished');
  });

  it('does not cancel a game that another live sweep still wants', () => {
    withSweepAndGames('s1', ['shared', 'own']);
    withSweepAndGames('s2', ['shared']);
    expect(store.cancelGames('s1')).toBe(1);
    expect(store.getGame('shared')?.status).toBe('queued');
    store.setSweepStatus('s2', 'cancelled');
    expect(store.cancelGames('s1')).toBe(1);
    expect(store.getGame('shared')?.status).toBe('cancelled');
  });

  it('recovers games left running by a crash', () => {
    withSweepAndGames();
    store.markGameRunning('g1');
    store.markGameRunning('g2');
    store.close();
    store = openStore(file);
    expect(store.recoverInterrupted()).toBe(2);
    expect(store.listGames({ status: ['queued'] }).map((g) => g.id)).toEqual(['g1', 'g2', 'g3']);
    expect(store.recoverInterrupted()).toBe(0);
  });

  it('leases: runners claim disjoint games; a lease that runs out is taken over', async () => {
    withSweepAndGames();
    const a = { owner: 'runner-a', ttlMs: 60_000 };
    const b = { owner: 'runner-b', ttlMs: 60_000 };
    expect(store.markGameRunning('g1', instance, a)).toBe(true);
    // b cannot take a's live game, a can re-claim its own.
    expect(store.markGameRunning('g1', instance, b)).toBe(false);
    expect(store.markGameRunning('g1', instance, a)).toBe(true);
    expect(store.markGameRunning('g2', instance, b)).toBe(true);
    const g1 = store.getGame('g1')!;
    expect([g1.status, g1.leaseOwner]).toEqual(['running', 'runner-a']);
    expect(g1.leaseUntil! - Date.now()).toBeGreaterThan(59_000);
    expect(store.othersLeases('s1', 'runner-b')).toEqual({
      games: 1,
      firstExpiry: g1.leaseUntil,
    });
    expect(store.othersLeases('s1', 'runner-a').games).toBe(1);
    // A start-up recovery leaves games that live runners hold alone.
    expect(store.recoverInterrupted()).toBe(0);

    // c holds g3 with a lease of 30 ms and stops renewing it (its process died).
    const c = { owner: 'runner-c', ttlMs: 30 };
    expect(store.markGameRunning('g3', instance, c)).toBe(true);
    expect(store.markGameRunning('g3', instance, a)).toBe(false);
    await new Promise((r) => setTimeout(r, 60));
    expect(store.othersLeases('s1', 'runner-a').games).toBe(1);
    expect(store.markGameRunning('g3', instance, a)).toBe(true);
    expect(store.getGame('g3')!.leaseOwner).toBe('runner-a');

    // Renewing extends only the owner's running games; leaving 'running' drops the lease.
    expect(store.renewLeases({ owner: 'runner-a', ttlMs: 120_000 })).toBe(2);
    expect(store.getGame('g3')!.leaseUntil! - Date.now()).toBeGreaterThan(119_000);
    store.pauseGame('g1', 'offline: x');
    store.finishGame('g3', deal);
    store.failGame('g2', 'boom');
    for (const id of ['g1', 'g2', 'g3'])
      expect([store.getGame(id)!.leaseOwner, store.getGame(id)!.leaseUntil]).toEqual([null, null]);
    expect(store.renewLeases({ owner: 'runner-a', ttlMs: 1 })).toBe(0);
    // A paused game is free for any runner.
    expect(store.markGameRunning('g1', instance, b)).toBe(true);
  });

  it('recovers a running game whose lease ran out, not one whose lease is live', async () => {
    withSweepAndGames();
    store.markGameRunning('g1', instance, { owner: 'dead', ttlMs: 20 });
    store.markGameRunning('g2', instance, { owner: 'alive', ttlMs: 60_000 });
    await new Promise((r) => setTimeout(r, 40));
    expect(store.recoverInterrupted()).toBe(1);
    expect(store.listGames().map((g) => [g.id, g.status, g.leaseOwner])).toEqual([
      ['g1', 'queued', null],
      ['g2', 'running', 'alive'],
      ['g3', 'queued', null],
    ]);
  });
});

describe('turns', () => {
  it('assigns seq in commit order and returns turns exactly as appended', () => {
    withSweepAndGames();
    const turns = [
      sampleTurn({ phase: 'setup', round: 0, visibility: 'private', text: 'rules' }),
      sampleTurn({ agent: 1, text: 'hello' }),
      sampleTurn({ agent: 0, pass: 1 }),
      sampleTurn({
        phase: 'proposal',
        status: 'invalid',
        error: 'item 7 unknown',
        action: { a: [7] },
      }),
      sampleTurn({ phase: 'tally', agent: -1, action: { accepted: null } }),
    ];
    expect(turns.map((t) => store.appendTurn('g1', t))).toEqual([0, 1, 2, 3, 4]);
    expect(store.appendTurn('g2', sampleTurn())).toBe(0);
    expect(store.getTurns('g1')).toEqual(turns);
    expect(store.countTurns('g1')).toBe(5);
    expect(store.getTranscript('g1').map((t) => [t.seq, t.createdAt])).toEqual(
      [0, 1, 2, 3, 4].map((seq) => [seq, ISO]),
    );
  });

  it('refuses a duplicated turn and an unknown phase', () => {
    withSweepAndGames();
    store.appendTurn('g1', sampleTurn({ round: 2, agent: 1 }));
    expect(() => store.appendTurn('g1', sampleTurn({ round: 2, agent: 1, text: 'again' }))).toThrow(
      new StoreError(
        'Game g1 already has a turn at round 2, discussion, pass 0, agent 1, attempt 0: a turn is committed once.',
      ),
    );
    expect(() => store.appendTurn('g1', sampleTurn({ phase: 'lunch' as 'setup' }))).toThrow(
      new StoreError('Unknown phase "lunch" in a turn of g1.'),
    );
    expect(() => store.appendTurn('nope', sampleTurn())).toThrow('FOREIGN KEY constraint failed');
    expect(store.countTurns('g1')).toBe(1);
  });
});

describe('calls, cache and events', () => {
  const usage = (n: number) => ({
    inputTokens: 1000 * n,
    cacheWriteTokens: 100 * n,
    cacheReadTokens: 10 * n,
    outputTokens: 50 * n,
    reasoningTokens: n,
    costUsd: 0.125 * n,
  });

  it('records calls when sent and answered and totals them exactly', () => {
    withSweepAndGames('s1', ['g1', 'g2']);
    withSweepAndGames('s2', ['g3']);
    const sent = {
      round: 1,
      phase: 'discussion' as const,
      agent: 0,
      attempt: 0,
      provider: 'anthropic',
      model: 'claude',
      requestHash: 'h',
    };
    const a = store.recordCallSent({ ...sent, gameId: 'g1', estimatedCostUsd: 2 });
    const b = store.recordCallSent({ ...sent, gameId: 'g1', agent: 1 });
    const c = store.recordCallSent({ ...sent, gameId: 'g2' });
    const d = store.recordCallSent({ ...sent, gameId: 'g3' });
    // In flight (or its runner stopped): counted at its estimate until answered.
    store.recordCallSent({ ...sent, gameId: 'g2', attempt: 1, estimatedCostUsd: 0.5 });
    store.recordCallAnswered(a, { status: 'ok', usage: usage(1), latencyMs: 420 });
    store.recordCallAnswered(b, {
      status: 'error',
      httpStatus: 429,
      errorKind: 'rate_limit',
      error: 'slow down',
      usage: usage(0),
      latencyMs: 30,
    });
    store.recordCallAnswered(c, { status: 'ok', usage: usage(2), latencyMs: 500 });
    // Answered through a provider batch (the ledger's `batched`).
    store.recordCallAnswered(d, { status: 'ok', usage: usage(4), latencyMs: 600, batched: true });

    expect(store.listCalls('g1')).toEqual([
      {
        ...sent,
        id: a,
        gameId: 'g1',
        status: 'ok',
        httpStatus: null,
        errorKind: null,
        error: null,
        ...usage(1),
        estimatedCostUsd: 2,
        latencyMs: 420,
        sentAt: ISO,
        answeredAt: ISO,
        batched: false,
      },
      {
        ...sent,
        id: b,
        gameId: 'g1',
        agent: 1,
        status: 'error',
        httpStatus: 429,
        errorKind: 'rate_limit',
        error: 'slow down',
        ...usage(0),
        estimatedCostUsd: 0,
        latencyMs: 30,
        sentAt: ISO,
        answeredAt: ISO,
        batched: false,
      },
    ]);
    expect(store.listCalls('g3').map((c) => [c.id, c.batched])).toEqual([[d, true]]);
    // The answered call with an estimate of $2 counts at its actual $0.125; the unanswered one at
    // its $0.50 estimate: 0.125 * 3 + 0.5.
    expect(store.callTotals({ sweepId: 's1' })).toEqual({
      calls: 4,
      byStatus: { sent: 1, ok: 2, error: 1 },
      ...usage(3),
      costUsd: 0.875,
      estimatedUsd: 0.5,
      batchedCalls: 0,
      batchedCostUsd: 0,
    });
    expect(store.callTotals({ gameId: 'g1' })).toEqual({
      calls: 2,
      byStatus: { sent: 0, ok: 1, error: 1 },
      ...usage(1),
      estimatedUsd: 0,
      batchedCalls: 0,
      batchedCostUsd: 0,
    });
    expect(store.callTotals()).toEqual({
      calls: 5,
      byStatus: { sent: 1, ok: 3, error: 1 },
      ...usage(7),
      costUsd: 0.125 * 7 + 0.5,
      estimatedUsd: 0.5,
      batchedCalls: 1,
      batchedCostUsd: 0.125 * 4,
    });
    expect(store.callTotals({ sweepId: 'none' })).toEqual({
      calls: 0,
      byStatus: { sent: 0, ok: 0, error: 0 },
      ...usage(0),
      estimatedUsd: 0,
      batchedCalls: 0,
      batchedCostUsd: 0,
    });
    expect(() =>
      store.recordCallAnswered(999, { status: 'ok', usage: usage(1), latencyMs: 1 }),
    ).toThrow(new StoreError('No call with id 999.'));
  });

  it('caches responses, first answer wins', () => {
    expect(store.cacheGet('k')).toBe(undefined);
    expect(store.cachePut('k', { text: 'first' })).toBe(true);
    expect(store.cachePut('k', { text: 'second' })).toBe(false);
    expect(store.cacheGet('k')).toEqual({ text: 'first' });
  });

  it('appends events and reads them after an id', () => {
    const first = store.appendEvent('sweep:created', { n: 3 }, { sweepId: 's1' });
    const second = store.appendEvent(
      'game:finished',
      { deal: true },
      { sweepId: 's1', gameId: 'g1' },
    );
    const third = store.appendEvent('provider:status', { offline: ['xai'] });
    expect([second - first, third - second]).toEqual([1, 1]);
    expect(store.eventsSince(first)).toEqual([
      {
        id: second,
        ts: ISO,
        kind: 'game:finished',
        sweepId: 's1',
        gameId: 'g1',
        payload: { deal: true },
      },
      {
        id: third,
        ts: ISO,
        kind: 'provider:status',
        sweepId: null,
        gameId: null,
        payload: { offline: ['xai'] },
      },
    ]);
    expect(store.eventsSince(0, 1).map((e) => e.id)).toEqual([first]);
    expect(store.eventsSince(third)).toEqual([]);
  });
});

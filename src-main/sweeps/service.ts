// Runs sweeps: validates and stores a sweep document, then plays its unfinished games with
// bounded concurrency, committing their turns as play-game.ts says and emitting progress events.
// The CLI, `parley serve` and the desktop engine process all drive sweeps through this class.
import { shardOf, type Shard } from '../cluster/shard';
import { EventEmitter } from 'node:events';
import type { GameStatus } from '../../src-shared/planned-game';
import type { SweepCounters } from '../../src-shared/contract';
import type { TurnRecord } from '../../src-shared/game';
import type { SweepIssue } from '../../src-shared/sweep';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { abortableSleep } from '../providers/scheduler';
import { isRetryableFailure } from '../providers/errors';
import type { Store } from '../store/store';
import type { Lease } from '../store/types';
import { createDefaultAgent } from './agents';
import { validateSweepDoc, type SweepValidation } from './validate';
import { RunQueue } from './run-queue';
import type { PhaseTurns } from './phase-turns';
import { releaseDeadRunners } from './dead-runners';
import { defaultLeaseMs, type ServiceOptions } from './service-options';
import { ProgressThrottle } from './progress-throttle';
import { GroupCommit } from './group-commit';
import { playGame, type PlayContext, type PlayOutcome } from './play-game';

export { validateSweepDoc, type SweepValidation } from './validate';
export { releaseDeadRunners } from './dead-runners';
export type { ServiceOptions } from './service-options';

/**
 * The contract's live counters of one sweep, and why the run is waiting, if it is.
 */
export type SweepProgress = SweepCounters & {
  /**
   * Set while the run is waiting with every game it holds paused (provider offline, a key, the
   * budget): the most frequent pause reason. There is no ETA then (etaSec is null).
   */
  pausedBecause?: string;
};

/** Least time between two progress events of one sweep. */
const PROGRESS_INTERVAL_MS = 200;

interface ActiveRun {
  controller: AbortController;
  startedAt: number;
  finishedThisRun: number;
  promise: Promise<void>;
}

export class SweepService {
  private readonly events = new EventEmitter();
  private readonly active = new Map<string, ActiveRun>();
  /** The last completed run per sweep, so the final progress still reports its rate. */
  private readonly lastRun = new Map<string, { games: number; seconds: number }>();
  private readonly progressEvents = new ProgressThrottle(
    PROGRESS_INTERVAL_MS,
    () => this.events.listenerCount('progress') > 0,
    (sweepId) => this.events.emit('progress', this.progress(sweepId)),
  );

  /** This runner's claim on the games it plays. */
  readonly lease: Lease;
  /** The turns of the games in play, held until committed. */
  private readonly inPlay = new Map<string, PhaseTurns>();

  constructor(
    private readonly store: Store,
    private readonly opts: ServiceOptions = {},
  ) {
    this.events.setMaxListeners(100);
    this.lease = {
      owner: opts.runnerId ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`,
      ttlMs: opts.leaseMs ?? defaultLeaseMs(),
    };
  }

  on(event: 'progress', listener: (p: SweepProgress) => void): () => void;
  on(
    event: 'game',
    listener: (e: { sweepId: string; gameId: string; status: GameStatus }) => void,
  ): () => void;
  on(
    event: 'turn',
    listener: (e: { sweepId: string; gameId: string; turn: TurnRecord }) => void,
  ): () => void;
  on(
    event: 'provider',
    listener: (e: { provider: string; status: string; detail?: string }) => void,
  ): () => void;
  /** Subscribe; returns the unsubscribe function. */
  on(event: string, listener: (payload: any) => void): () => void {
    this.events.on(event, listener);
    return () => this.events.off(event, listener);
  }

  /**
   * The turns a game in play has played and not committed yet, in order (they follow its stored
   * transcript); none when it is not in play here.
   */
  heldTurns(gameId: string): readonly TurnRecord[] {
    return this.inPlay.get(gameId)?.held() ?? [];
  }

  /** Emit a provider status change (called by the provider layer). */
  emitProvider(e: { provider: string; status: string; detail?: string }): void {
    this.events.emit('provider', e);
  }

  /** Parse, validate and expand a sweep document without storing anything. */
  validate(doc: unknown): SweepValidation {
    return validateSweepDoc(doc, this.opts.resolve);
  }

  /** Store a sweep and its planned games (idempotent). Throws SweepValidationError on bad input. */
  create(
    doc: unknown,
    options: { shard?: Shard; validated?: SweepValidation } = {},
  ): { sweepId: string; total: number; inserted: number; warnings: string[] } {
    // A caller that validated the document already passes the result: a 100,000-game plan is
    // then expanded once, not twice.
    const v = options.validated ?? this.validate(doc);
    if (!v.ok) throw new SweepValidationError(v.issues);
    const { expanded } = v;
    const { shard } = options;
    // A shard stores only its own games, so its progress, exit code and exports cover them alone.
    const games = shard
      ? expanded.games.filter((g) => shardOf(g.id, shard.count) === shard.index)
      : expanded.games;
    this.store.upsertSweep({ id: expanded.id, name: expanded.sweep.name, spec: expanded.sweep });
    const { inserted } = this.store.insertPlannedGames(expanded.id, playOrder(games));
    return { sweepId: expanded.id, total: games.length, inserted, warnings: v.warnings };
  }

  /** Whether a run of this sweep is in progress in this process. */
  isRunning(sweepId: string): boolean {
    return this.active.has(sweepId);
  }

  /**
   * Play every queued or paused game of the sweep until each is finished, failed or paused again.
   * Resolves when the pool drains; a second call while running returns the same promise.
   */
  start(sweepId: string, options: { concurrency?: number } = {}): Promise<void> {
    const existing = this.active.get(sweepId);
    if (existing) return existing.promise;
    const sweep = this.store.getSweep(sweepId);
    if (!sweep) return Promise.reject(new Error(`no sweep with id ${sweepId}`));
    if (sweep.status === 'cancelled') return Promise.resolve();
    this.store.setSweepStatus(sweepId, 'active');
    const concurrency =
      options.concurrency ?? (sweep.spec as { concurrency?: number }).concurrency ?? 4;
    const run: ActiveRun = {
      controller: new AbortController(),
      startedAt: Date.now(),
      finishedThisRun: 0,
      promise: Promise.resolve(),
    };
    this.active.set(sweepId, run);
    run.promise = this.drain(sweepId, run, concurrency).finally(() => {
      this.active.delete(sweepId);
      this.lastRun.set(sweepId, {
        games: run.finishedThisRun,
        seconds: Math.max((Date.now() - run.startedAt) / 1000, 1e-3),
      });
      this.emitProgress(sweepId, true);
    });
    return run.promise;
  }

  /** Stop taking new games; games in flight pause at their next agent call. */
  pause(sweepId: string): void {
    this.store.setSweepStatus(sweepId, 'paused');
    this.active.get(sweepId)?.controller.abort('paused');
  }

  resume(sweepId: string, options: { concurrency?: number } = {}): Promise<void> {
    this.store.setSweepStatus(sweepId, 'active');
    return this.start(sweepId, options);
  }

  /** Cancel the sweep's games; resolves once its provider batches in flight were cancelled. */
  async cancel(sweepId: string): Promise<void> {
    this.store.setSweepStatus(sweepId, 'cancelled');
    this.active.get(sweepId)?.controller.abort('cancelled');
    this.store.cancelGames(sweepId);
    this.emitProgress(sweepId, true);
    await this.opts.cancelBatches?.(sweepId);
  }

  /** Put failed games back in the queue and run them. */
  retryFailed(sweepId: string, options: { concurrency?: number } = {}): Promise<void> {
    this.requeueFailed(sweepId, 'all');
    return this.resume(sweepId, options);
  }

  /**
   * Put the sweep's failed games back in the queue: those that failed on a transport or storage
   * fault (`retryable`, what resuming a sweep does), or every one. Returns how many.
   */
  requeueFailed(sweepId: string, which: 'retryable' | 'all'): number {
    const failed = this.store.listGames({ sweepId, status: ['failed'] });
    const ids = failed.filter((g) => which === 'all' || isRetryableFailure(g.error));
    return ids.length === 0 ? 0 : this.store.requeue(ids.map((g) => g.id));
  }

  progress(sweepId: string): SweepProgress {
    const counts = this.store.countGamesByStatus(sweepId);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const done = counts.finished + counts.failed + counts.cancelled;
    const run = this.active.get(sweepId);
    let ratePerSec: number | null = null;
    let etaSec: number | null = null;
    // Nothing running and games paused: the run waits (for a provider, a key); an ETA would be
    // a guess about when that ends.
    const pausedBecause =
      run && counts.running === 0 && counts.paused > 0
        ? (this.store.gameReasons({ sweepId, limit: 1 }).find((r) => r.status === 'paused')
            ?.reason ?? 'paused')
        : undefined;
    if (run && run.finishedThisRun > 0) {
      const elapsed = (Date.now() - run.startedAt) / 1000;
      ratePerSec = run.finishedThisRun / Math.max(elapsed, 1e-3);
      etaSec = pausedBecause === undefined ? (total - done) / ratePerSec : null;
    } else if (!run) {
      const last = this.lastRun.get(sweepId);
      if (last && last.games > 0) {
        ratePerSec = last.games / last.seconds;
        etaSec = total === done ? 0 : null;
      }
    }
    const totals = this.store.callTotals({ sweepId });
    const tokens =
      totals.inputTokens + totals.cacheWriteTokens + totals.cacheReadTokens + totals.outputTokens;
    return {
      sweepId,
      counts,
      total,
      done,
      ratePerSec,
      etaSec,
      tokens,
      costUsd: totals.costUsd,
      ...(pausedBecause !== undefined ? { pausedBecause } : {}),
    };
  }

  /**
   * Play the sweep's games with `concurrency` workers. Each game is claimed with a lease first,
   * so runners sharing the database (other terminals, `parley serve`) play disjoint games; once
   * nothing is left to claim, the run waits for the games other runners hold, and takes over
   * those whose lease runs out (their runner stopped).
   */
  private async drain(sweepId: string, run: ActiveRun, concurrency: number): Promise<void> {
    const { lease } = this;
    const heartbeat = setInterval(
      () => {
        try {
          this.store.renewLeases(lease);
        } catch {
          // The store is closed or failing: the run itself reports that.
        }
      },
      Math.max(5, lease.ttlMs / 3),
    );
    heartbeat.unref?.();
    try {
      await this.drainClaimed(sweepId, run, concurrency);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async drainClaimed(sweepId: string, run: ActiveRun, concurrency: number): Promise<void> {
    const { lease } = this;
    const signal = run.controller.signal;
    // Queued and paused games not played yet in this run, and games whose runner stopped.
    const queue = new RunQueue(this.store, sweepId, lease, () =>
      releaseDeadRunners(this.store, sweepId),
    );
    // Games paused until their provider is back: workers wait for them instead of exiting.
    let parked = 0;
    let wake: (() => void) | null = null;
    let woken = new Promise<void>((resolve) => (wake = resolve));
    const wakeAll = () => {
      wake?.();
      woken = new Promise<void>((resolve) => (wake = resolve));
    };
    signal.addEventListener('abort', wakeAll, { once: true });
    const park = (id: string, waiting: Promise<void>) => {
      parked++;
      waiting
        .then(
          () => {
            const row = this.store.getGame(id);
            if (row && !signal.aborted && (row.status === 'paused' || row.status === 'queued'))
              queue.add(id);
          },
          () => undefined,
        )
        .finally(() => {
          parked--;
          wakeAll();
        });
    };
    const pollMs = Math.max(5, Math.min(lease.ttlMs / 3, 1000));
    const play: PlayContext = {
      store: this.store,
      lease,
      group: new GroupCommit(this.store),
      signal,
      createAgent: this.opts.createAgent ?? createDefaultAgent,
      onTurn: (gameId, turn) => {
        if (this.events.listenerCount('turn') > 0)
          this.events.emit('turn', { sweepId, gameId, turn });
      },
      onStatus: (gameId, status) => {
        this.emitGame(sweepId, gameId, status);
        if (status !== 'running') this.emitProgress(sweepId, false);
      },
      onFinished: () => run.finishedThisRun++,
      inPlay: this.inPlay,
    };
    const worker = async () => {
      while (!signal.aborted) {
        const id = parked > 0 && !queue.hasWaiting() ? null : queue.take();
        if (id !== null) {
          if (queue.playing.has(id)) continue;
          const row = this.store.getGame(id);
          if (!row || !['queued', 'paused', 'running'].includes(row.status)) continue;
          queue.playing.add(id);
          let outcome: PlayOutcome;
          try {
            outcome = await playGame(play, sweepId, row);
          } finally {
            queue.playing.delete(id);
          }
          if (outcome === 'taken') continue;
          queue.played.add(id);
          const waiting = outcome && this.opts.resumeWhen?.(row, outcome, signal, sweepId);
          if (waiting) park(id, waiting);
          // Strategy games never wait on I/O: without this the thread would run the whole sweep
          // before it answered a request (the UI's, a pause) or delivered an event.
          await new Promise<void>((resume) => setImmediate(resume));
        } else if (parked > 0) {
          await woken;
        } else {
          const others = this.store.othersLeases(sweepId, lease.owner);
          if (others.games === 0) return;
          // Other runners hold games of this sweep: wait until they end them or their lease runs out.
          const untilExpiry = (others.firstExpiry ?? Date.now()) - Date.now() + 5;
          await abortableSleep(Math.max(5, Math.min(pollMs, untilExpiry)), signal).catch(
            () => undefined,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  }

  private emitGame(sweepId: string, gameId: string, status: GameStatus): void {
    this.events.emit('game', { sweepId, gameId, status });
  }

  private emitProgress(sweepId: string, force: boolean): void {
    this.progressEvents.request(sweepId, force);
  }
}

/**
 * The order a sweep's games are stored, and so played, in: run by run across every cell (each
 * cell's run 0, then each cell's run 1, ...), in plan order within a run. A sweep stopped or
 * watched halfway has every cell half done rather than half the cells done, and the games of a
 * run, which share their instances across opponents, play close together.
 */
export function playOrder<G extends { runIndex: number }>(games: readonly G[]): G[] {
  return games
    .map((g, i) => ({ g, i }))
    .sort((a, b) => a.g.runIndex - b.g.runIndex || a.i - b.i)
    .map(({ g }) => g);
}

/** A sweep document with problems; `issues` lists every one with its field path. */
export class SweepValidationError extends Error {
  constructor(readonly issues: SweepIssue[]) {
    super(`invalid sweep:\n${issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n')}`);
    this.name = 'SweepValidationError';
  }
}

// Runs sweeps: validates and stores a sweep document, then plays its unfinished games with
// bounded concurrency, committing every turn as it happens and emitting progress events.
// The CLI, `parley serve` and the desktop engine process all drive sweeps through this class.
import { shardOf, type Shard } from '../cluster/shard';
import { EventEmitter } from 'node:events';
import { getGame } from '../../games/index';
import type { GameStatus } from '../../src-shared/planned-game';
import type { ParticipantSpec } from '../../src-shared/participant';
import type { SweepCounters } from '../../src-shared/contract';
import type { GameInstance, TurnRecord } from '../../src-shared/game';
import type { SweepIssue } from '../../src-shared/sweep';
import type { AnyAgent } from '../engine/agent';
import { runGame, type PauseReason } from '../engine/run-game';
import type { Store } from '../store/store';
import type { GameRow } from '../store/types';
import { createDefaultAgent } from './agents';
import type { ParticipantResolver } from './expand';
import { validateSweepDoc, type SweepValidation } from './validate';

export { validateSweepDoc, type SweepValidation } from './validate';

/** Least time between two progress events of one sweep. */
const PROGRESS_INTERVAL_MS = 200;

export interface ServiceOptions {
  resolve?: ParticipantResolver;
  /** Builds the agent for a seat; defaults to strategy agents (and LLM agents once configured). */
  createAgent?: (spec: ParticipantSpec, game: GameRow, sweepId: string) => AnyAgent;
  /**
   * For a game that paused (provider offline, auth error, budget): a promise that resolves when
   * it may run again (e.g. a probe found the provider back), or null to leave it paused. While
   * such promises are pending the run stays alive and plays the game again when one resolves.
   */
  resumeWhen?: (
    row: GameRow,
    reason: PauseReason,
    signal: AbortSignal,
    sweepId: string,
  ) => Promise<void> | null;
}

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
  private lastProgressAt = new Map<string, number>();
  /** Per sweep: the event owed for changes that fell inside the throttle window. */
  private readonly pendingProgress = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly store: Store,
    private readonly opts: ServiceOptions = {},
  ) {
    this.events.setMaxListeners(100);
  }

  on(event: 'progress', listener: (p: SweepCounters) => void): () => void;
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
    options: { shard?: Shard } = {},
  ): { sweepId: string; total: number; inserted: number; warnings: string[] } {
    const v = this.validate(doc);
    if (!v.ok) throw new SweepValidationError(v.issues);
    const { expanded } = v;
    const { shard } = options;
    // A shard stores only its own games, so its progress, exit code and exports cover them alone.
    const games = shard
      ? expanded.games.filter((g) => shardOf(g.id, shard.count) === shard.index)
      : expanded.games;
    this.store.upsertSweep({ id: expanded.id, name: expanded.sweep.name, spec: expanded.sweep });
    const { inserted } = this.store.insertPlannedGames(expanded.id, games);
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

  cancel(sweepId: string): void {
    this.store.setSweepStatus(sweepId, 'cancelled');
    this.active.get(sweepId)?.controller.abort('cancelled');
    this.store.cancelGames(sweepId);
    this.emitProgress(sweepId, true);
  }

  /** Put failed games back in the queue and run them. */
  retryFailed(sweepId: string, options: { concurrency?: number } = {}): Promise<void> {
    this.store.requeue({ sweepId, status: ['failed'] });
    return this.resume(sweepId, options);
  }

  progress(sweepId: string): SweepCounters {
    const counts = this.store.countGamesByStatus(sweepId);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const done = counts.finished + counts.failed + counts.cancelled;
    const run = this.active.get(sweepId);
    let ratePerSec: number | null = null;
    let etaSec: number | null = null;
    if (run && run.finishedThisRun > 0) {
      const elapsed = (Date.now() - run.startedAt) / 1000;
      ratePerSec = run.finishedThisRun / Math.max(elapsed, 1e-3);
      etaSec = (total - done) / ratePerSec;
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
    return { sweepId, counts, total, done, ratePerSec, etaSec, tokens, costUsd: totals.costUsd };
  }

  private async drain(sweepId: string, run: ActiveRun, concurrency: number): Promise<void> {
    const queue = this.store.listGames({ sweepId, status: ['queued', 'paused'] });
    const signal = run.controller.signal;
    let next = 0;
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
              queue.push(row);
          },
          () => undefined,
        )
        .finally(() => {
          parked--;
          wakeAll();
        });
    };
    const worker = async () => {
      while (!signal.aborted) {
        if (next < queue.length) {
          const row = queue[next++];
          const paused = await this.playGame(sweepId, row, run);
          const waiting = paused && this.opts.resumeWhen?.(row, paused, signal, sweepId);
          if (waiting) park(row.id, waiting);
          // Strategy games never wait on I/O: without this the thread would run the whole sweep
          // before it answered a request (the UI's, a pause) or delivered an event.
          await new Promise<void>((resume) => setImmediate(resume));
        } else if (parked > 0) {
          await woken;
        } else {
          return;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  }

  /** Plays one game; returns the pause reason when it paused, else null. */
  private async playGame(
    sweepId: string,
    row: GameRow,
    run: ActiveRun,
  ): Promise<PauseReason | null> {
    let paused: PauseReason | null = null;
    const game = getGame(row.kind);
    let instance: GameInstance;
    try {
      instance = row.instance ?? game.create(row.params, row.nAgents, row.seed);
    } catch (err) {
      this.store.failGame(row.id, `could not build the game: ${errorText(err)}`);
      this.emitGame(sweepId, row.id, 'failed');
      return null;
    }
    this.store.markGameRunning(row.id, instance);
    this.emitGame(sweepId, row.id, 'running');
    const createAgent = this.opts.createAgent ?? createDefaultAgent;
    try {
      const agents = row.participants.map((spec) => createAgent(spec, row, sweepId));
      const result = await runGame({
        gameId: row.id,
        game,
        instance,
        protocol: row.protocol,
        agents,
        committed: this.store.getTurns(row.id),
        signal: run.controller.signal,
        onTurn: (turn) => {
          this.store.appendTurn(row.id, turn);
          if (this.events.listenerCount('turn') > 0)
            this.events.emit('turn', { sweepId, gameId: row.id, turn });
        },
      });
      if (result.status === 'finished') {
        this.store.finishGame(row.id, result.outcome);
        run.finishedThisRun++;
        this.emitGame(sweepId, row.id, 'finished');
      } else if (result.status === 'paused') {
        if (result.reason === 'cancelled') {
          this.store.pauseGame(row.id, 'cancelled by the user');
        } else {
          // The message says what to do (fix a key, raise the budget, wait for the provider).
          this.store.pauseGame(row.id, `${result.reason}: ${result.message}`);
          paused = result.reason;
        }
        this.emitGame(sweepId, row.id, 'paused');
      } else {
        this.store.failGame(row.id, result.error);
        this.emitGame(sweepId, row.id, 'failed');
      }
    } catch (err) {
      this.store.failGame(row.id, errorText(err));
      this.emitGame(sweepId, row.id, 'failed');
    }
    this.emitProgress(sweepId, false);
    return paused;
  }

  private emitGame(sweepId: string, gameId: string, status: GameStatus): void {
    this.events.emit('game', { sweepId, gameId, status });
  }

  /**
   * Progress events at most every 200 ms per sweep (at once when `force`). A change inside the
   * window is sent when it closes, so the last event always shows the latest state, even when
   * nothing else happens afterwards (e.g. every game paused waiting for a key or a provider).
   */
  private emitProgress(sweepId: string, force: boolean): void {
    const pending = this.pendingProgress.get(sweepId);
    if (force && pending) {
      clearTimeout(pending);
      this.pendingProgress.delete(sweepId);
    }
    if (this.events.listenerCount('progress') === 0) return;
    const now = Date.now();
    const wait = PROGRESS_INTERVAL_MS - (now - (this.lastProgressAt.get(sweepId) ?? 0));
    if (!force && wait > 0) {
      if (!pending) {
        const timer = setTimeout(() => {
          this.pendingProgress.delete(sweepId);
          try {
            this.emitProgress(sweepId, true);
          } catch {
            // The store was closed meanwhile: nobody is left to tell.
          }
        }, wait);
        timer.unref?.();
        this.pendingProgress.set(sweepId, timer);
      }
      return;
    }
    this.lastProgressAt.set(sweepId, now);
    this.events.emit('progress', this.progress(sweepId));
  }
}

/** A sweep document with problems; `issues` lists every one with its field path. */
export class SweepValidationError extends Error {
  constructor(readonly issues: SweepIssue[]) {
    super(`invalid sweep:\n${issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n')}`);
    this.name = 'SweepValidationError';
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

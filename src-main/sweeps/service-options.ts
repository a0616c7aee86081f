// What a SweepService is built with: how seats become agents, when paused games come back, and
// the runner's lease.
import type { ParticipantSpec } from '../../src-shared/participant';
import type { AnyAgent } from '../engine/agent';
import type { PauseReason } from '../engine/run-game';
import type { GameRow } from '../store/types';
import type { ParticipantResolver } from './expand';

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
  /**
   * How long a claim on a game lasts without a renewal (default: $PARLEY_LEASE_SECONDS, else
   * 30 s). Runners sharing a database renew theirs every third of it; a runner that stopped
   * loses its games after at most this long, and another runner resumes them.
   */
  leaseMs?: number;
  /**
   * Called when a sweep is cancelled, after its games were: cancels the sweep's provider batches
   * in flight (the provider runtimes' cancelBatches). Its failures are the callee's to log.
   */
  cancelBatches?: (sweepId: string) => Promise<unknown>;
  /** This runner's id in the leases (default: host, process id and a random suffix). */
  runnerId?: string;
}

const DEFAULT_LEASE_MS = 30_000;

/** $PARLEY_LEASE_SECONDS in ms, else 30 s. */
export function defaultLeaseMs(): number {
  const seconds = Number(process.env.PARLEY_LEASE_SECONDS);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_LEASE_MS;
}

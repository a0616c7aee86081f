// The provider runtimes of a long-lived host (`parley serve`, the desktop engine), one per sweep
// so that each sweep's budget cap and provider events stay its own. Unlike `parley run`, a host
// waits for a key the user stores while games are paused on an authentication error.
import { batchSettingsOf, sweepBatchSchema, type BatchSettings } from '../../src-shared/batch';
import type { ParticipantSpec, ProviderName } from '../../src-shared/participant';
import type { Agent } from '../engine/agent';
import type { PauseReason } from '../engine/run-game';
import type { GameRow, Store } from '../store/types';
import type { BatchCancelReport } from './batch/cancel';
import {
  LlmRuntime,
  type KeySource,
  type LlmRuntimeOptions,
  type ProviderStatusChange,
} from './runtime';

export interface SweepRuntimesOptions {
  store: Store;
  keys: KeySource;
  onStatus?: (sweepId: string, change: ProviderStatusChange) => void;
  /** Passed to every runtime (client timeouts, scheduler concurrency and probing). */
  client?: LlmRuntimeOptions['client'];
  scheduler?: LlmRuntimeOptions['scheduler'];
}

/** The batch settings a stored sweep document asks for (null when it does not batch). */
function batchOf(store: Store, sweepId: string): BatchSettings | null {
  const spec = store.getSweep(sweepId)?.spec as { batch?: unknown } | undefined;
  const parsed = sweepBatchSchema.safeParse(spec?.batch);
  return parsed.success ? batchSettingsOf(parsed.data) : null;
}

/** The budget cap a stored sweep document asks for, if any. */
function budgetOf(store: Store, sweepId: string): number | undefined {
  const spec = store.getSweep(sweepId)?.spec as { budgetUsd?: unknown } | undefined;
  return typeof spec?.budgetUsd === 'number' ? spec.budgetUsd : undefined;
}

export class SweepRuntimes {
  private readonly runtimes = new Map<string, LlmRuntime>();

  constructor(private readonly opts: SweepRuntimesOptions) {}

  /** The runtime of `sweepId`, built on first use (its budget counts what the sweep already spent). */
  runtime(sweepId: string): LlmRuntime {
    let runtime = this.runtimes.get(sweepId);
    if (!runtime) {
      runtime = new LlmRuntime({
        store: this.opts.store,
        keys: this.opts.keys,
        sweepId,
        budgetUsd: budgetOf(this.opts.store, sweepId),
        batch: batchOf(this.opts.store, sweepId),
        onStatus: (change) => this.opts.onStatus?.(sweepId, change),
        client: this.opts.client,
        scheduler: this.opts.scheduler,
        waitForKeys: true,
      });
      this.runtimes.set(sweepId, runtime);
    }
    return runtime;
  }

  /** SweepService's `createAgent`: LLM seats get their key on the first call (or pause on 'auth'). */
  createAgent = (spec: ParticipantSpec, game: GameRow, sweepId: string): Agent =>
    this.runtime(sweepId).createAgent(spec, game);

  /** SweepService's `resumeWhen`: waits for the provider to come back or for a new key. */
  resumeWhen = (
    row: GameRow,
    reason: PauseReason,
    signal: AbortSignal,
    sweepId: string,
  ): Promise<void> | null => this.runtime(sweepId).resumeWhen(row, reason, signal);

  /** SweepService's `cancelBatches`: the sweep's provider batches in flight are cancelled. */
  cancelBatches = (sweepId: string): Promise<BatchCancelReport> =>
    this.runtime(sweepId).cancelBatches();

  /** A key the user just stored: every sweep's later calls use it and waiting games resume. */
  updateKey(provider: ProviderName, key: string): void {
    for (const runtime of this.runtimes.values()) runtime.updateKey(provider, key);
  }

  dispose(): void {
    for (const runtime of this.runtimes.values()) runtime.dispose();
    this.runtimes.clear();
  }
}

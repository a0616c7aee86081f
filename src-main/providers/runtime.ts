// The provider runtime of one sweep run: API keys, one SDK client per model, one scheduler per
// provider endpoint (shared by every game), the sweep's budget, and the store as call log and
// response cache. Its `createAgent` and `resumeWhen` plug into SweepService's options.
import { isBatched, type BatchSettings } from '../../src-shared/batch';
import type { LlmSpec, ParticipantSpec, ProviderName } from '../../src-shared/participant';
import { AgentPausedError, type Agent } from '../engine/agent';
import type { PauseReason } from '../engine/run-game';
import { createParticipantStrategyAgent } from '../agents/strategies';
import { DEFAULT_MAX_REASKS, type CallRecorder } from '../agents/llm/llm-agent';
import { createLlmParticipantAgent } from '../agents/llm/strategy-wrapped';
import { keyScopeProblem } from '../keys/allowed-hosts';
import { KEY_ENV_VARS, type StoredKey } from '../keys/key-store';
import type { Store } from '../store/types';
import type { GameRow } from '../store/types';
import { BatchEndpoints, createBatchTransport, describeBatches } from './batch/batch-endpoints';
import { cancelStoredBatches, type BatchCancelReport } from './batch/cancel';
import type { BatchSnapshot } from './batch/collector';
import { BudgetGuard } from './budget';
import { createProviderClient } from './client';
import { observingFetch } from './rate-limits';
import { ProviderScheduler, type ProviderStatus, type SchedulerOptions } from './scheduler';
import type { ProviderClient, ProviderClientOptions } from './types';

/** Where keys come from (KeyStore fits). */
export interface KeySource {
  get(provider: ProviderName): Promise<StoredKey | null>;
  /**
   * Hosts besides the provider's official API that its key may go to (read on every new agent,
   * so a host allowed meanwhile counts). None when absent: a key goes to its official host only.
   */
  allowedHosts?(provider: ProviderName): readonly string[];
}

export interface ProviderStatusChange {
  /** The provider, or "<provider> batch" for its batches in flight (status 'batch'). */
  provider: string;
  status: ProviderStatus | 'batch';
  detail: string;
}

export interface LlmRuntimeOptions {
  store: Store;
  keys: KeySource;
  /** Events and the budget refer to this sweep. */
  sweepId?: string;
  /** Sweep budget cap in USD; calls stop before it would be crossed. */
  budgetUsd?: number;
  /** Called on every provider status change (after it is logged as a store event). */
  onStatus?: (change: ProviderStatusChange) => void;
  client?: ProviderClientOptions;
  /** Scheduler settings for every provider (concurrency, backoff, offline detection, probing). */
  scheduler?: Omit<SchedulerOptions, 'provider' | 'probe' | 'pauseWhenOffline'>;
  maxParseAttempts?: number;
  /**
   * Also wait for a provider whose key was rejected (the desktop app, where the user can store a
   * new key while the run waits); the CLI leaves those games paused and exits.
   */
  waitForKeys?: boolean;
  /** Batch execution (the sweep's `batch`, see src-shared/batch.ts); off when null or absent. */
  batch?: BatchSettings | null;
}

/** A participant a run needs a key for but has none. */
export interface MissingKey {
  provider: ProviderName;
  models: string[];
}

/** Providers whose models can run without a key (local servers ignore it). */
const KEYLESS: ReadonlySet<ProviderName> = new Set(['local']);

function endpointOf(spec: LlmSpec): string {
  return `${spec.provider}|${spec.baseUrl ?? ''}`;
}

export class LlmRuntime {
  private readonly keys = new Map<ProviderName, string>();
  private readonly clients = new Map<string, ProviderClient>();
  private readonly schedulers = new Map<string, ProviderScheduler>();
  /** Games waiting for a key that was missing (`waitForKeys`), by provider. */
  private readonly keyWaiters = new Map<ProviderName, Set<() => void>>();
  readonly budget: BudgetGuard | undefined;
  /** Start order of the games seen, so the oldest running game's calls go first. */
  private readonly ranks = new Map<string, number>();
  private readonly batches: BatchEndpoints | undefined;

  constructor(private readonly opts: LlmRuntimeOptions) {
    const spent = opts.sweepId ? opts.store.callTotals({ sweepId: opts.sweepId }).costUsd : 0;
    this.budget = opts.budgetUsd !== undefined ? new BudgetGuard(opts.budgetUsd, spent) : undefined;
    if (opts.batch)
      this.batches = new BatchEndpoints({
        settings: opts.batch,
        store: opts.store,
        sweepId: opts.sweepId,
        client: opts.client,
        onlineFetch: (spec) => this.onlineFetch(spec),
        onChange: (s) => this.batchChanged(s),
      });
  }

  /**
   * Load the keys the given participants need. Returns the providers without a key (their
   * games cannot run); everything else is ready for `createAgent`.
   */
  async prepare(specs: readonly ParticipantSpec[]): Promise<MissingKey[]> {
    const missing = new Map<ProviderName, Set<string>>();
    for (const spec of specs) {
      if (spec.kind !== 'llm' || this.keys.has(spec.provider)) continue;
      const stored = await this.opts.keys.get(spec.provider);
      if (stored) this.keys.set(spec.provider, stored.key);
      else if (KEYLESS.has(spec.provider)) this.keys.set(spec.provider, '');
      else missing.set(spec.provider, (missing.get(spec.provider) ?? new Set()).add(spec.id));
    }
    return [...missing].map(([provider, models]) => ({ provider, models: [...models] }));
  }

  /**
   * The agent for a seat: strategy agents as usual, LLM agents through this runtime (keys loaded
   * by `prepare`, or on the agent's first call).
   */
  createAgent = (spec: ParticipantSpec, game: GameRow): Agent => {
    if (spec.kind === 'strategy') return createParticipantStrategyAgent(spec);
    const key = this.keys.get(spec.provider);
    return key === undefined ? this.lazyAgent(spec, game) : this.llmAgent(spec, key, game);
  };

  /**
   * An agent whose key is looked up on its first call (hosts that run sweeps without `prepare`).
   * Without a key its game pauses with 'auth' and a message saying how to add one.
   */
  private lazyAgent(spec: LlmSpec, game: GameRow): Agent {
    let agent: Promise<Agent> | undefined;
    const resolve = () =>
      (agent ??= this.prepare([spec]).then((missing) => {
        const key = this.keys.get(spec.provider);
        if (missing.length > 0 || key === undefined) {
          agent = undefined;
          throw new AgentPausedError(
            `no API key for ${spec.provider} (model ${spec.id}): run \`parley keys set ${spec.provider}\` or set ${KEY_ENV_VARS[spec.provider][0]}, then resume`,
            'auth',
          );
        }
        return this.llmAgent(spec, key, game);
      }));
    return {
      id: spec.id,
      maxReasks: spec.maxReasks ?? DEFAULT_MAX_REASKS,
      act: async (ctx, action) => (await resolve()).act(ctx, action),
    };
  }

  private llmAgent(spec: LlmSpec, key: string, game: GameRow): Agent {
    // A key (stored or from the environment) goes only where the user allowed it; keyless local
    // servers get none to leak.
    if (key !== '') {
      const problem = keyScopeProblem(spec, this.opts.keys.allowedHosts?.(spec.provider) ?? []);
      if (problem) return pausedAgent(spec.id, new AgentPausedError(problem, 'auth'));
    }
    let rank = this.ranks.get(game.id);
    if (rank === undefined) this.ranks.set(game.id, (rank = this.ranks.size));
    const batched = isBatched(this.opts.batch ?? null, spec.provider) ? this.batches : undefined;
    const scheduler = batched ? this.batchScheduler(spec) : this.scheduler(spec, key);
    return createLlmParticipantAgent({
      spec,
      client: batched
        ? batched.clientFor(spec, key, { gameId: game.id, rank })
        : this.client(spec, key),
      scheduler: { run: (call, o) => scheduler.run(call, { ...o, priority: rank }) },
      cache: {
        get: (k) => this.opts.store.cacheGet(k),
        put: (k, v) => this.opts.store.cachePut(k, v),
      },
      recordCall: this.recorder(),
      budget: this.budget,
      maxParseAttempts: this.opts.maxParseAttempts,
    });
  }

  /**
   * When a paused game may run again: once every offline provider of its LLM seats is back (or,
   * with `waitForKeys`, once a rejected key was replaced); null when waiting cannot help.
   */
  resumeWhen = (row: GameRow, reason: PauseReason, signal: AbortSignal): Promise<void> | null => {
    if (reason !== 'offline' && !(reason === 'auth' && this.opts.waitForKeys)) return null;
    const waits = row.participants.flatMap((spec) => {
      if (spec.kind !== 'llm') return [];
      if (!this.keys.has(spec.provider))
        return reason === 'auth' ? [this.whenKey(spec.provider, signal)] : [];
      // The key arrived between the pause and this call: the game can go on now.
      if (reason === 'auth') return [Promise.resolve()];
      const scheduler = this.schedulers.get(endpointOf(spec));
      return scheduler ? [scheduler.whenOnline(signal)] : [];
    });
    // Nothing to wait for: leave the game paused rather than replay it straight into the same pause.
    return waits.length === 0 ? null : Promise.all(waits).then(() => undefined);
  };

  private whenKey(provider: ProviderName, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiters = this.keyWaiters.get(provider) ?? new Set();
      const done = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        waiters.delete(done);
        reject(new AgentPausedError('cancelled', 'cancelled'));
      };
      waiters.add(done);
      this.keyWaiters.set(provider, waiters);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Current status of every provider endpoint in use. */
  statuses(): {
    provider: string;
    endpoint: string;
    status: ProviderStatus;
    concurrency: number;
    inFlight: number;
  }[] {
    return [...this.schedulers].map(([endpoint, s]) => ({
      provider: s.provider,
      endpoint,
      status: s.status,
      concurrency: s.concurrency,
      inFlight: s.inFlight,
    }));
  }

  /** Batches in flight per endpoint and model (empty without batch execution). */
  batchStatuses(): BatchSnapshot[] {
    return this.batches?.snapshots() ?? [];
  }

  /**
   * A new key for `provider` (e.g. the user stored one after an auth error): later calls use it
   * and games waiting on the rejected key (with `waitForKeys`) resume.
   */
  updateKey(provider: ProviderName, key: string): void {
    this.keys.set(provider, key);
    for (const [id, client] of this.clients)
      if (client.provider === provider) this.clients.delete(id);
    this.batches?.forgetClients(provider);
    for (const s of this.schedulers.values()) if (s.provider === provider) s.resetAuth();
    const waiters = [...(this.keyWaiters.get(provider) ?? [])];
    this.keyWaiters.delete(provider);
    for (const w of waiters) w();
  }

  /**
   * The sweep was cancelled: its collectors stop, and every stored batch of the sweep still in
   * flight is cancelled at its provider (with the key of that provider) and marked cancelled.
   * Failures are logged as a 'provider:batch-cancel' event and returned.
   */
  async cancelBatches(): Promise<BatchCancelReport> {
    const { sweepId, store } = this.opts;
    this.batches?.cancel();
    if (!sweepId) return { cancelled: [], failed: [] };
    const report = await cancelStoredBatches(store, sweepId, async (batch) => {
      const provider = batch.provider as ProviderName;
      const key =
        this.keys.get(provider) ??
        (await this.opts.keys.get(provider))?.key ??
        (KEYLESS.has(provider) ? '' : undefined);
      if (key === undefined)
        return `no API key for ${provider}: run \`parley keys set ${provider}\`, then cancel again`;
      const target = { id: batch.model, provider, baseUrl: batch.baseUrl || undefined };
      const problem =
        key === ''
          ? undefined
          : keyScopeProblem(target, this.opts.keys.allowedHosts?.(provider) ?? []);
      return problem ?? createBatchTransport(provider, batch.baseUrl, key, this.opts.client?.fetch);
    });
    if (report.cancelled.length + report.failed.length > 0)
      store.appendEvent('provider:batch-cancel', report, { sweepId });
    return report;
  }

  /** Stop background probes so the process can exit. */
  dispose(): void {
    for (const s of this.schedulers.values()) s.dispose();
    this.batches?.dispose();
  }

  private client(spec: LlmSpec, key: string): ProviderClient {
    let client = this.clients.get(spec.id);
    if (!client) {
      client = createProviderClient(spec, key, {
        ...this.opts.client,
        fetch: this.onlineFetch(spec),
      });
      this.clients.set(spec.id, client);
    }
    return client;
  }

  private scheduler(spec: LlmSpec, key: string): ProviderScheduler {
    const endpoint = endpointOf(spec);
    let scheduler = this.schedulers.get(endpoint);
    if (!scheduler) {
      scheduler = new ProviderScheduler({
        ...this.opts.scheduler,
        provider: spec.provider,
        pauseWhenOffline: true,
        // The current client, so a key updated since is the one probed.
        probe: (signal) => this.client(spec, this.keys.get(spec.provider) ?? key).probe(signal),
      });
      scheduler.onStatus((provider, status, detail) => {
        const change: ProviderStatusChange = { provider, status, detail };
        this.opts.store.appendEvent(
          'provider:status',
          { ...change, endpoint: spec.baseUrl ?? null },
          this.opts.sweepId ? { sweepId: this.opts.sweepId } : {},
        );
        this.opts.onStatus?.(change);
      });
      this.schedulers.set(endpoint, scheduler);
    }
    return scheduler;
  }

  /** The network fetch of `spec`'s endpoint: its rate-limit headers steer the scheduler. */
  private onlineFetch(spec: LlmSpec): typeof fetch {
    const endpoint = endpointOf(spec);
    return observingFetch(
      (info) => this.schedulers.get(endpoint)?.observeRateLimit(info),
      this.opts.client?.fetch,
    );
  }

  /**
   * Batched calls wait in their batch, not in a concurrency slot: their scheduler only retries
   * and pauses (one per endpoint, no practical limit on calls in flight).
   */
  private batchScheduler(spec: LlmSpec): ProviderScheduler {
    const endpoint = `batch|${endpointOf(spec)}`;
    let scheduler = this.schedulers.get(endpoint);
    if (!scheduler) {
      scheduler = new ProviderScheduler({
        ...this.opts.scheduler,
        provider: spec.provider,
        maxConcurrency: 1_000_000,
        headerMaxConcurrency: 1_000_000,
      });
      this.schedulers.set(endpoint, scheduler);
    }
    return scheduler;
  }

  private batchChanged(s: BatchSnapshot): void {
    const change: ProviderStatusChange = {
      provider: `${s.provider} batch`,
      status: 'batch',
      detail: describeBatches(s),
    };
    this.opts.store.appendEvent(
      'provider:status',
      { ...change, batches: s.batches },
      this.opts.sweepId ? { sweepId: this.opts.sweepId } : {},
    );
    this.opts.onStatus?.(change);
  }

  private recorder(): CallRecorder {
    const { store } = this.opts;
    return {
      sent: (info) =>
        store.recordCallSent({
          gameId: info.gameId,
          round: info.round,
          phase: info.phase,
          agent: info.agent,
          attempt: info.attempt,
          provider: info.provider,
          model: info.model,
          requestHash: info.requestHash,
          estimatedCostUsd: info.estimatedCostUsd,
        }),
      answered: (id, answer) => store.recordCallAnswered(id, answer),
    };
  }
}

/** An agent whose every call pauses its game with `pause` (nothing is sent). */
function pausedAgent(id: string, pause: AgentPausedError): Agent {
  return { id, act: () => Promise.reject(pause) };
}

/** The distinct LLM participants of a set of games. */
export function llmSpecsOf(
  games: readonly { participants: readonly ParticipantSpec[] }[],
): LlmSpec[] {
  const byId = new Map<string, LlmSpec>();
  for (const g of games) for (const p of g.participants) if (p.kind === 'llm') byId.set(p.id, p);
  return [...byId.values()];
}

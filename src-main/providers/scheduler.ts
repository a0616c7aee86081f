// Per-provider call controller: adaptive concurrency (from rate-limit headers, and AIMD on
// 429s), oldest-game-first queueing, retries with full-jitter exponential backoff honouring
// retry-after, offline detection with probing, and auth pauses.
import { AgentPausedError } from '../engine/agent';
import { classifyError, type ErrorClass } from './errors';
import type { RateLimitInfo } from './rate-limits';

export type ProviderStatus = 'online' | 'rate_limited' | 'offline' | 'auth_error';
export type StatusListener = (provider: string, status: ProviderStatus, detail: string) => void;

export interface SchedulerOptions {
  provider: string;
  /** Concurrent calls at the start and the bound without rate-limit headers (default 4). */
  maxConcurrency?: number;
  /**
   * The bound when rate-limit headers report room (default max(64, maxConcurrency)): concurrency
   * follows the requests (and tokens / tokensPerCall) the provider says are left in its window.
   */
  headerMaxConcurrency?: number;
  /** Tokens one call is assumed to use when reading remaining tokens (default 2000). */
  tokensPerCall?: number;
  /** Successes needed to raise the concurrency limit by one after a cut (default 5). */
  recoverAfterSuccesses?: number;
  /** Backoff: full jitter over min(cap, base * 2^attempt) (defaults 500 ms, 30 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A provider's retry-after is honoured up to this (default 60 s). */
  maxRetryAfterMs?: number;
  /** Consecutive retryable failures before the provider is marked offline (default 5). */
  offlineAfterFailures?: number;
  /** While offline, probe this often (default 15 s). */
  probeIntervalMs?: number;
  /** A cheap call (e.g. ProviderClient.probe). Without one, waiting calls retry themselves. */
  probe?: (signal?: AbortSignal) => Promise<void>;
  /**
   * While offline, throw AgentPausedError('offline') instead of holding calls, so their games
   * pause and free their slots; `whenOnline` tells the runner when to resume them (default false).
   */
  pauseWhenOffline?: boolean;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

export interface RunOptions {
  signal?: AbortSignal;
  /** Waiting calls go lowest first (e.g. the game's start order); ties in arrival order. */
  priority?: number;
}

interface QueuedGrant {
  grant: () => void;
  priority: number;
  seq: number;
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function cancelled(): AgentPausedError {
  return new AgentPausedError('call cancelled', 'cancelled');
}

export class ProviderScheduler {
  readonly provider: string;
  private readonly opts: Required<Omit<SchedulerOptions, 'probe'>> &
    Pick<SchedulerOptions, 'probe'>;
  private limit: number;
  private active = 0;
  private queue: QueuedGrant[] = [];
  private queueSeq = 0;
  /** The headers said the window is used up: no call starts before this time. */
  private holdUntil = 0;
  private holdTimer: NodeJS.Timeout | undefined;
  /** Rate-limit headers were seen: they set the limit, so successes alone do not raise it. */
  private isHeaderDriven = false;
  private successesSinceCut = 0;
  private failures = 0;
  private state: ProviderStatus = 'online';
  private onlineWaiters = new Set<() => void>();
  private listeners = new Set<StatusListener>();
  private isProbing = false;
  /** Why the provider went offline (failure count and the last error), for pause messages. */
  private offlineDetail = '';
  private readonly disposed = new AbortController();

  constructor(options: SchedulerOptions) {
    this.provider = options.provider;
    this.opts = {
      maxConcurrency: 4,
      headerMaxConcurrency: Math.max(64, options.maxConcurrency ?? 4),
      tokensPerCall: 2000,
      recoverAfterSuccesses: 5,
      baseDelayMs: 500,
      maxDelayMs: 30_000,
      maxRetryAfterMs: 60_000,
      offlineAfterFailures: 5,
      probeIntervalMs: 15_000,
      pauseWhenOffline: false,
      sleep: abortableSleep,
      random: Math.random,
      ...options,
    };
    this.limit = this.opts.maxConcurrency;
  }

  get status(): ProviderStatus {
    return this.state;
  }
  /** The current concurrency limit. */
  get concurrency(): number {
    return this.limit;
  }
  get inFlight(): number {
    return this.active;
  }

  /** Subscribe to status changes; returns the unsubscribe function. */
  onStatus(listener: StatusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** After the user stored a new key: let calls through again. */
  resetAuth(): void {
    if (this.state === 'auth_error') this.setStatus('online', 'key updated');
  }

  /**
   * Run `call` under this provider's concurrency limit, retrying retryable failures. Throws
   * AgentPausedError('auth') on authentication errors and AgentPausedError('cancelled') when
   * `signal` aborts; while the provider is offline it waits for a successful probe.
   */
  async run<T>(call: (attempt: number) => Promise<T>, options: RunOptions = {}): Promise<T> {
    const { signal } = options;
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw cancelled();
      if (this.state === 'auth_error') throw this.authPause('the key was rejected earlier');
      if (this.state === 'offline') {
        if (this.opts.pauseWhenOffline) throw this.offlinePause();
        await this.waitOnline(signal);
        attempt = 0;
      }
      await this.acquire(signal, options.priority ?? 0);
      let error: unknown;
      try {
        const value = await call(attempt);
        this.release();
        this.onSuccess();
        return value;
      } catch (err) {
        this.release();
        error = err;
      }
      if (signal?.aborted) throw cancelled();
      const c = classifyError(error);
      if (c.kind === 'auth') {
        this.setStatus('auth_error', c.message);
        throw this.authPause(c.message);
      }
      if (!c.retryable) throw error;
      this.onFailure(c);
      if (this.state === 'offline' && this.opts.pauseWhenOffline) throw this.offlinePause();
      if (this.state !== 'offline') await this.opts.sleep(this.delayFor(c, attempt), signal);
    }
  }

  /**
   * A response's rate-limit headers: the limit becomes what the window has left (requests, and
   * tokens / tokensPerCall), between 1 and headerMaxConcurrency; with nothing left, calls wait
   * for the window's reset.
   */
  observeRateLimit(info: RateLimitInfo): void {
    const byRequests = info.requestsRemaining ?? Infinity;
    const byTokens =
      info.tokensRemaining !== undefined
        ? Math.floor(info.tokensRemaining / this.opts.tokensPerCall)
        : Infinity;
    const allowed = Math.min(byRequests, byTokens);
    if (!Number.isFinite(allowed)) return;
    this.isHeaderDriven = true;
    if (allowed <= 0) {
      this.limit = 1;
      this.holdUntil = Math.max(this.holdUntil, Date.now() + (info.resetMs ?? 1000));
    } else {
      this.limit = Math.max(1, Math.min(this.opts.headerMaxConcurrency, Math.floor(allowed)));
    }
    this.drain();
  }

  /** Backoff before retry `attempt` (0-based): retry-after if sent (capped), else full jitter. */
  delayFor(c: Pick<ErrorClass, 'retryAfterMs'>, attempt: number): number {
    if (c.retryAfterMs !== undefined) return Math.min(c.retryAfterMs, this.opts.maxRetryAfterMs);
    const ceiling = Math.min(this.opts.maxDelayMs, this.opts.baseDelayMs * 2 ** attempt);
    return Math.floor(this.opts.random() * ceiling);
  }

  /** Resolves once calls can go through again: not offline, and no rejected key (at once if so). */
  whenOnline(signal?: AbortSignal): Promise<void> {
    return this.isUsable() ? Promise.resolve() : this.waitOnline(signal);
  }

  private isUsable(): boolean {
    return this.state === 'online' || this.state === 'rate_limited';
  }

  private offlinePause(): AgentPausedError {
    return new AgentPausedError(
      `${this.provider} is offline (${this.offlineDetail}); the game resumes when a probe succeeds`,
      'offline',
    );
  }

  private authPause(detail: string): AgentPausedError {
    return new AgentPausedError(
      `${this.provider}: authentication failed (${detail}). Run \`parley keys set ${this.provider}\`, then resume.`,
      'auth',
    );
  }

  private onSuccess(): void {
    this.failures = 0;
    if (
      !this.isHeaderDriven &&
      this.limit < this.opts.maxConcurrency &&
      ++this.successesSinceCut >= this.opts.recoverAfterSuccesses
    ) {
      this.limit++;
      this.successesSinceCut = 0;
      this.drain();
    }
    if (this.state === 'rate_limited' || this.state === 'offline')
      this.setStatus('online', 'call succeeded');
  }

  private onFailure(c: ErrorClass): void {
    this.failures++;
    if (c.kind === 'rate_limit') {
      this.limit = Math.max(1, Math.floor(this.limit / 2));
      this.successesSinceCut = 0;
    }
    if (this.failures >= this.opts.offlineAfterFailures) {
      this.goOffline(`${this.failures} consecutive failures, last: ${c.kind}: ${c.message}`);
    } else if (c.kind === 'rate_limit' && this.state === 'online') {
      this.setStatus('rate_limited', `concurrency cut to ${this.limit}`);
    }
  }

  private goOffline(detail: string): void {
    if (this.state !== 'offline') {
      this.offlineDetail = detail;
      this.setStatus('offline', detail);
    }
    if (this.isProbing) return;
    this.isProbing = true;
    void this.probeLoop().finally(() => {
      this.isProbing = false;
    });
  }

  /** Stop probing (the process may then exit); pending `whenOnline` waits never resolve. */
  dispose(): void {
    this.disposed.abort();
    clearTimeout(this.holdTimer);
  }

  private async probeLoop(): Promise<void> {
    const stop = this.disposed.signal;
    while (this.state === 'offline' && !stop.aborted) {
      try {
        await this.opts.sleep(this.opts.probeIntervalMs, stop);
      } catch {
        return;
      }
      if (this.state !== 'offline') return;
      if (!this.opts.probe) {
        // No probe: the next real call is the probe; one more failure puts us back offline.
        this.failures = this.opts.offlineAfterFailures - 1;
        this.setStatus('online', 'retrying after the probe interval');
        return;
      }
      try {
        await this.opts.probe(stop);
        this.failures = 0;
        this.setStatus('online', 'probe succeeded');
      } catch {
        // still offline; try again after the interval
      }
    }
  }

  private waitOnline(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        this.onlineWaiters.delete(done);
        reject(cancelled());
      };
      this.onlineWaiters.add(done);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private setStatus(status: ProviderStatus, detail: string): void {
    if (status === this.state) return;
    this.state = status;
    if (this.isUsable()) {
      const waiters = [...this.onlineWaiters];
      this.onlineWaiters.clear();
      for (const w of waiters) w();
    }
    for (const l of this.listeners) l(this.provider, status, detail);
  }

  private acquire(signal: AbortSignal | undefined, priority: number): Promise<void> {
    if (this.active < this.limit && this.queue.length === 0 && !this.isHeld()) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const entry: QueuedGrant = {
        priority,
        seq: this.queueSeq++,
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          this.active++;
          resolve();
        },
      };
      const onAbort = () => {
        this.queue = this.queue.filter((g) => g !== entry);
        reject(cancelled());
      };
      // Sorted by (priority, arrival): the oldest game's call is granted first.
      const at = this.queue.findIndex(
        (q) => q.priority > priority || (q.priority === priority && q.seq > entry.seq),
      );
      if (at < 0) this.queue.push(entry);
      else this.queue.splice(at, 0, entry);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.drain();
    });
  }

  /** Whether the rate-limit window is used up; schedules the drain at its reset. */
  private isHeld(): boolean {
    const wait = this.holdUntil - Date.now();
    if (wait <= 0) return false;
    if (!this.holdTimer) {
      this.holdTimer = setTimeout(() => {
        this.holdTimer = undefined;
        this.drain();
      }, wait);
    }
    return true;
  }

  private release(): void {
    this.active--;
    this.drain();
  }

  private drain(): void {
    if (this.isHeld()) return;
    while (this.active < this.limit && this.queue.length > 0) this.queue.shift()?.grant();
  }
}

// Collects the calls of one provider endpoint and model across all running games and sends them
// as one provider batch per tick. It is the `fetch` of a normal SDK client: the client builds
// the request body and parses the reply as for an online call, while the collector puts the
// body in a batch and answers with the batch's result. Submitted batches are stored, so after a
// restart the same request (same game, same body) waits on its stored batch instead of being
// sent again. Errored or expired requests go into the next batch (or online), up to a limit.
import { createHash } from 'node:crypto';
import type { BatchSettings } from '../../../src-shared/batch';
import type { BatchStore } from '../../store/batches';
import { abortableSleep } from '../scheduler';
import { currentBatchCall, type BatchCall } from './context';
import type { BatchOutcome, BatchTransport } from './transport';

/** Re-batches (or online retries) of one request after it errored or expired. */
export const MAX_BATCH_RETRIES = 3;
/** Failed polls in a row before a batch is given up (its requests re-batched). */
export const MAX_POLL_FAILURES = 10;
/** Requests per batch at most (OpenAI allows 50,000; Anthropic 100,000). */
export const MAX_BATCH_REQUESTS = 10_000;

export interface BatchCollectorOptions {
  provider: string;
  baseUrl: string;
  model: string;
  sweepId?: string;
  settings: BatchSettings;
  transport: BatchTransport;
  store: BatchStore;
  /** The network fetch, for calls sent online. */
  online: typeof fetch;
  /** Called whenever the batches in flight change (for the runs monitor). */
  onChange?: (snapshot: BatchSnapshot) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface BatchSnapshot {
  provider: string;
  model: string;
  /** Batches submitted and not yet ended. */
  batches: string[];
  /** Requests in those batches. */
  requests: number;
  /** Requests collected for the next batch. */
  pending: number;
}

interface Waiter {
  url: string;
  init: RequestInit;
  body: string;
  hash: string;
  call: BatchCall;
  retries: number;
  resolve(response: Response): void;
  reject(error: unknown): void;
}

interface InFlight {
  waiters: Map<string, Waiter>;
  requests: number;
  /** custom_id of each open request by hash, for requests that arrive again (after an abort). */
  open: Map<string, string[]>;
  /** The provider reported it ended (kept only for open requests whose caller may return). */
  isEnded: boolean;
}

/** The stored identity of a request: the game and the exact body, not the custom_id. */
export function batchRequestHash(gameId: string, url: string, body: string): string {
  const path = new URL(url).pathname;
  return createHash('sha256').update(`${gameId}\n${path}\n${body}`).digest('hex');
}

const abortError = () => new DOMException('The call was aborted.', 'AbortError');

function jsonResponse(status: number, body: unknown, requestId: string | null): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json',
      ...(requestId ? { 'request-id': requestId, 'x-request-id': requestId } : {}),
    },
  });
}

export class BatchCollector {
  private pending: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Map<string, InFlight>();
  private readonly polling = new Set<string>();
  private restored = false;
  /** The sweep was cancelled: nothing is submitted or polled any more. */
  private cancelled = false;
  private seq = 0;
  private readonly disposed = new AbortController();
  private readonly sleep: NonNullable<BatchCollectorOptions['sleep']>;

  constructor(private readonly opts: BatchCollectorOptions) {
    this.sleep = opts.sleep ?? abortableSleep;
  }

  /** The SDK client's fetch: calls made inside a batch call are batched, others go online. */
  fetch = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const call = currentBatchCall();
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!call || init.method !== 'POST' || typeof init.body !== 'string')
      return this.opts.online(input, init);
    this.restore();
    const body = init.body;
    const hash = batchRequestHash(call.gameId, url, body);
    return new Promise<Response>((resolve, reject) => {
      if (this.cancelled) return reject(abortError());
      const waiter: Waiter = { url, init, body, hash, call, retries: 0, resolve, reject };
      const signal = init.signal;
      if (signal?.aborted) return reject(abortError());
      signal?.addEventListener('abort', () => this.abandon(waiter), { once: true });
      if (!this.attachToStored(waiter)) this.enqueue(waiter);
    });
  };

  snapshot(): BatchSnapshot {
    const running = [...this.inFlight].filter(([, b]) => !b.isEnded);
    return {
      provider: this.opts.provider,
      model: this.opts.model,
      batches: running.map(([id]) => id),
      requests: running.reduce((n, [, b]) => n + b.requests, 0),
      pending: this.pending.length,
    };
  }

  /** Stop ticking and polling (the process may exit; stored batches are polled on restart). */
  dispose(): void {
    this.disposed.abort();
    clearTimeout(this.timer);
  }

  /**
   * The sweep was cancelled: stop ticking and polling, and fail every collected or batched call
   * with an abort (their games stop). The stored batches are cancelled at the provider by
   * cancelStoredBatches; a batch whose create was under way is cancelled once it is created.
   */
  cancel(): void {
    this.cancelled = true;
    this.dispose();
    const waiters = [
      ...this.pending.splice(0),
      ...[...this.inFlight.values()].flatMap((b) => [...b.waiters.values()]),
    ];
    this.inFlight.clear();
    for (const w of waiters) w.reject(abortError());
    this.changed();
  }

  /** Load the endpoint's stored batches with open requests (once). */
  private restore(): void {
    if (this.restored) return;
    this.restored = true;
    const { provider, baseUrl, model, sweepId } = this.opts;
    for (const b of this.opts.store.listOpenBatches({ sweepId, provider, baseUrl })) {
      if (b.model !== model || b.open.length === 0) continue;
      const open = new Map<string, string[]>();
      for (const r of b.open)
        open.set(r.requestHash, [...(open.get(r.requestHash) ?? []), r.customId]);
      this.inFlight.set(b.id, {
        waiters: new Map(),
        requests: b.requestCount,
        open,
        isEnded: b.status !== 'in_progress',
      });
    }
  }

  /** A request already in a stored (or abandoned) batch waits on that batch. */
  private attachToStored(waiter: Waiter): boolean {
    for (const [id, batch] of this.inFlight) {
      const ids = batch.open.get(waiter.hash);
      const customId = ids?.shift();
      if (customId === undefined) continue;
      if (ids?.length === 0) batch.open.delete(waiter.hash);
      waiter.call.batchId = id;
      batch.waiters.set(customId, waiter);
      if (!this.polling.has(id)) this.changed();
      void this.poll(id);
      return true;
    }
    return false;
  }

  private enqueue(waiter: Waiter): void {
    if (this.cancelled) return waiter.reject(abortError());
    this.pending.push(waiter);
    if (this.pending.length >= MAX_BATCH_REQUESTS) {
      void this.flush();
      return;
    }
    this.timer ??= setTimeout(() => void this.flush(), this.opts.settings.tickSeconds * 1000);
  }

  /** The caller gave up (its game paused): a collected request is dropped, a sent one left open. */
  private abandon(waiter: Waiter): void {
    this.pending = this.pending.filter((w) => w !== waiter);
    for (const batch of this.inFlight.values()) {
      for (const [customId, w] of batch.waiters) {
        if (w !== waiter) continue;
        batch.waiters.delete(customId);
        batch.open.set(waiter.hash, [...(batch.open.get(waiter.hash) ?? []), customId]);
      }
    }
    waiter.reject(abortError());
  }

  private async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    // Oldest game first, so that the games started first are the first to finish.
    const items = this.pending.splice(0).sort((a, b) => a.call.rank - b.call.rank);
    if (items.length === 0) return;
    const { settings } = this.opts;
    if (settings.sequential === 'online' && items.length < settings.minRequests) {
      for (const w of items) this.sendOnline(w);
      return;
    }
    const chunk = items.slice(0, MAX_BATCH_REQUESTS);
    for (const w of items.slice(MAX_BATCH_REQUESTS)) this.enqueue(w);
    await this.submit(chunk);
  }

  private async submit(items: Waiter[]): Promise<void> {
    const stamp = Date.now().toString(36);
    const lines = items.map((w) => ({
      customId: `parley_${stamp}_${this.seq++}`,
      waiter: w,
    }));
    let id: string;
    try {
      id = await this.opts.transport.create(
        lines.map((l) => ({
          customId: l.customId,
          body: JSON.parse(l.waiter.body) as Record<string, unknown>,
        })),
      );
    } catch (err) {
      // The scheduler retries each call (with backoff), and the retries form a new batch.
      for (const l of lines) l.waiter.reject(err);
      return;
    }
    const { provider, baseUrl, model, sweepId } = this.opts;
    this.opts.store.recordBatch(
      { id, sweepId: sweepId ?? null, provider, baseUrl, model },
      lines.map((l) => ({
        customId: l.customId,
        requestHash: l.waiter.hash,
        gameId: l.waiter.call.gameId,
      })),
    );
    if (this.cancelled) {
      // Created while the sweep was being cancelled: cancel it too (it stays open in the store
      // when the provider could not be reached, so a later cancel tries again).
      for (const l of lines) l.waiter.reject(abortError());
      try {
        await this.opts.transport.cancel(id);
        this.opts.store.setBatchStatus(id, 'cancelled');
      } catch {
        // Left 'in_progress' in the store.
      }
      return;
    }
    const waiters = new Map(lines.map((l) => [l.customId, l.waiter]));
    for (const w of items) w.call.batchId = id;
    this.inFlight.set(id, { waiters, requests: items.length, open: new Map(), isEnded: false });
    this.changed();
    void this.poll(id);
  }

  /**
   * Poll `id` until it ends, then hand each result to its waiter. One loop per batch. A failed
   * poll or results download is tried again after the interval; after MAX_POLL_FAILURES in a
   * row the batch is given up and its requests go into the next batch, as if expired.
   */
  private async poll(id: string): Promise<void> {
    if (this.polling.has(id)) return;
    this.polling.add(id);
    const stop = this.disposed.signal;
    let failures = 0;
    try {
      for (;;) {
        const batch = this.inFlight.get(id);
        if (!batch || batch.waiters.size === 0) return;
        try {
          if (await this.opts.transport.isEnded(id)) {
            const outcomes = await this.opts.transport.results(id);
            this.opts.store.setBatchStatus(id, 'ended');
            this.deliver(id, outcomes);
            return;
          }
          failures = 0;
        } catch {
          if (++failures >= MAX_POLL_FAILURES) {
            this.deliver(id, []);
            return;
          }
        }
        await this.sleep(this.opts.settings.pollSeconds * 1000, stop);
      }
    } catch {
      // Disposed: waiters are aborted by their games; a restart polls the stored batch again.
    } finally {
      this.polling.delete(id);
    }
  }

  private deliver(id: string, outcomes: readonly BatchOutcome[]): void {
    const batch = this.inFlight.get(id);
    if (!batch) return;
    batch.isEnded = true;
    const seen = new Set<string>();
    for (const o of outcomes) {
      seen.add(o.customId);
      const w = batch.waiters.get(o.customId);
      if (!w) continue;
      batch.waiters.delete(o.customId);
      this.opts.store.consumeBatchRequest(id, o.customId);
      this.settle(w, o);
    }
    // A request the provider did not report is treated as expired.
    for (const [customId, w] of batch.waiters) {
      if (seen.has(customId)) continue;
      this.opts.store.consumeBatchRequest(id, customId);
      this.settle(w, { customId, type: 'expired' });
    }
    batch.waiters.clear();
    if (batch.open.size === 0) this.inFlight.delete(id);
    this.changed();
  }

  private settle(w: Waiter, o: BatchOutcome): void {
    if (o.type === 'succeeded') {
      w.call.servedBy = 'batch';
      w.resolve(jsonResponse(200, o.body, o.requestId));
      return;
    }
    const retryable = o.type !== 'errored' || o.httpStatus >= 500 || o.httpStatus === 429;
    if (retryable && w.retries < MAX_BATCH_RETRIES) {
      w.retries++;
      w.call.retries++;
      if (this.opts.settings.retry === 'online') this.sendOnline(w);
      else this.enqueue(w);
      return;
    }
    w.call.servedBy = 'batch';
    if (o.type === 'errored') w.resolve(jsonResponse(o.httpStatus, o.body, null));
    else
      w.resolve(
        jsonResponse(
          503,
          {
            error: { type: 'api_error', message: `batch request ${o.type} ${w.retries + 1} times` },
          },
          null,
        ),
      );
  }

  private sendOnline(w: Waiter): void {
    w.call.servedBy = 'online';
    this.opts.online(w.url, w.init).then(w.resolve, w.reject);
  }

  private changed(): void {
    this.opts.onChange?.(this.snapshot());
  }
}

// The batching side of a provider runtime: one collector per endpoint and model, each behind an
// SDK client whose fetch it is, and per game a client that bills batch answers at batch prices.
import type { BatchSettings } from '../../../src-shared/batch';
import type { LlmSpec, ProviderName } from '../../../src-shared/participant';
import type { BatchStore } from '../../store/batches';
import { createProviderClient } from '../client';
import { DEFAULT_BASE_URLS } from '../openai-client';
import type { ProviderClient, ProviderClientOptions } from '../types';
import { createAnthropicBatchTransport } from './anthropic-batch';
import { batchClientFor } from './batch-client';
import { BatchCollector, type BatchSnapshot } from './collector';
import { createOpenAiBatchTransport } from './openai-batch';
import type { BatchTransport } from './transport';

/** A batch call may wait up to the batch window (24 h) and a little more. */
const BATCH_CALL_TIMEOUT_MS = 25 * 3_600_000;

export interface BatchEndpointsOptions {
  settings: BatchSettings;
  store: BatchStore;
  sweepId?: string;
  client?: ProviderClientOptions;
  /** The network fetch of `spec`'s endpoint (it reports rate-limit headers). */
  onlineFetch: (spec: LlmSpec) => typeof fetch;
  onChange?: (snapshot: BatchSnapshot) => void;
  /** Tests: a transport of their own. */
  transport?: (spec: LlmSpec, key: string) => BatchTransport;
}

export class BatchEndpoints {
  private readonly collectors = new Map<string, BatchCollector>();
  private readonly clients = new Map<string, ProviderClient>();

  constructor(private readonly opts: BatchEndpointsOptions) {}

  /** The client of one game's seat: its calls join the endpoint's next batch. */
  clientFor(spec: LlmSpec, key: string, game: { gameId: string; rank: number }): ProviderClient {
    let inner = this.clients.get(spec.id);
    if (!inner) {
      inner = createProviderClient(spec, key, {
        ...this.opts.client,
        timeoutMs: BATCH_CALL_TIMEOUT_MS,
        fetch: this.collector(spec, key).fetch,
      });
      this.clients.set(spec.id, inner);
    }
    return batchClientFor(inner, game);
  }

  /** Every collector's batches in flight. */
  snapshots(): BatchSnapshot[] {
    return [...this.collectors.values()].map((c) => c.snapshot());
  }

  /** A new key: later clients and batches use it (batches in flight keep their transport). */
  forgetClients(provider: string): void {
    for (const [id, client] of this.clients)
      if (client.provider === provider) this.clients.delete(id);
  }

  dispose(): void {
    for (const c of this.collectors.values()) c.dispose();
  }

  /** The sweep was cancelled: every collector stops and drops its calls (see BatchCollector.cancel). */
  cancel(): void {
    for (const c of this.collectors.values()) c.cancel();
  }

  private collector(spec: LlmSpec, key: string): BatchCollector {
    const baseUrl = spec.baseUrl ?? '';
    const id = `${spec.provider}|${baseUrl}|${spec.model}`;
    let collector = this.collectors.get(id);
    if (!collector) {
      const online = this.opts.onlineFetch(spec);
      const transport =
        this.opts.transport?.(spec, key) ??
        createBatchTransport(spec.provider, spec.baseUrl ?? '', key, online);
      collector = new BatchCollector({
        provider: spec.provider,
        baseUrl,
        model: spec.model,
        sweepId: this.opts.sweepId,
        settings: this.opts.settings,
        transport,
        store: this.opts.store,
        online,
        onChange: this.opts.onChange,
      });
      this.collectors.set(id, collector);
    }
    return collector;
  }
}

/**
 * The batch transport of an endpoint: `baseUrl` as stored with a batch ('' for the provider's
 * official API), `fetch` the network fetch.
 */
export function createBatchTransport(
  provider: ProviderName,
  baseUrl: string,
  key: string,
  fetch: typeof globalThis.fetch | undefined,
): BatchTransport {
  return provider === 'anthropic'
    ? createAnthropicBatchTransport({ apiKey: key, baseUrl: baseUrl || undefined, fetch })
    : createOpenAiBatchTransport({
        apiKey: key,
        baseUrl: baseUrl || DEFAULT_BASE_URLS[provider],
        fetch,
      });
}

/** The runs monitor's line for an endpoint's batches. */
export function describeBatches(s: BatchSnapshot): string {
  const batches = s.batches.length === 1 ? '1 batch' : `${s.batches.length} batches`;
  return `${s.model}: ${batches} in flight (${s.requests} requests), ${s.pending} collecting`;
}

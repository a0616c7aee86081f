// What a provider's batch API does for the collector, independent of its wire format.

/** One request of a batch: its custom_id and the exact body the online endpoint would get. */
export interface BatchLine {
  customId: string;
  body: Record<string, unknown>;
}

/** One request's outcome once its batch ended. */
export type BatchOutcome =
  | { customId: string; type: 'succeeded'; body: unknown; requestId: string | null }
  | { customId: string; type: 'errored'; httpStatus: number; body: unknown }
  | { customId: string; type: 'expired' | 'canceled' };

export interface BatchTransport {
  /** Submit the lines as one batch; resolves with the provider's batch id. */
  create(lines: readonly BatchLine[]): Promise<string>;
  /** Whether the batch has ended (every request answered, errored, expired or canceled). */
  isEnded(id: string): Promise<boolean>;
  /** The outcomes of an ended batch, in any order. */
  results(id: string): Promise<BatchOutcome[]>;
  cancel(id: string): Promise<void>;
}

/** How batch transports reach the provider (key, base URL, and the network fetch). */
export interface BatchTransportOptions {
  apiKey: string;
  baseUrl: string | undefined;
  fetch?: typeof fetch;
}

/** SDK settings of batch control calls: a few quick retries of their own, 2-minute timeout. */
export const BATCH_SDK_OPTIONS = { maxRetries: 2, timeout: 120_000 } as const;

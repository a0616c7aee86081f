// The batch call in progress, carried from the batch client through the SDK to the collector's
// fetch (AsyncLocalStorage), so that the collector knows the game and the client learns how the
// call was served.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface BatchCall {
  gameId: string;
  /** The game's start order: lower ranks go first. */
  rank: number;
  /** Set by the collector: how the answer came ('batch' calls are billed at batch prices). */
  servedBy: 'batch' | 'online' | null;
  /** The last batch the call was in. */
  batchId: string | null;
  /** Times the call was re-batched or retried online after an error or expiry. */
  retries: number;
}

const storage = new AsyncLocalStorage<BatchCall>();

export function runInBatchCall<T>(call: BatchCall, fn: () => Promise<T>): Promise<T> {
  return storage.run(call, fn);
}

export function currentBatchCall(): BatchCall | undefined {
  return storage.getStore();
}

// A game's view of a batching client: each call runs as a batch call of that game, and a call
// answered from a batch is billed at the batch price.
import type { ChatResult, ProviderClient } from '../types';
import { runInBatchCall, type BatchCall } from './context';

/** Both Anthropic and OpenAI bill batch requests at half the normal price. */
export const BATCH_PRICE_FACTOR = 0.5;

export function batchClientFor(
  inner: ProviderClient,
  game: { gameId: string; rank: number },
): ProviderClient {
  return {
    provider: inner.provider,
    model: inner.model,
    probe: (signal) => inner.probe(signal),
    async complete(request) {
      const call: BatchCall = { ...game, servedBy: null, batchId: null, retries: 0 };
      let result: ChatResult;
      try {
        result = await runInBatchCall(call, () => inner.complete(request));
      } catch (err) {
        // An errored batch request: the ledger records it as batched too.
        if (call.servedBy === 'batch' && typeof err === 'object' && err !== null)
          (err as { isBatched?: boolean }).isBatched = true;
        throw err;
      }
      if (call.servedBy !== 'batch') return result;
      return {
        ...result,
        usage: { ...result.usage, costUsd: result.usage.costUsd * BATCH_PRICE_FACTOR },
        isBatched: true,
      };
    },
  };
}

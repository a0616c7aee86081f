// Cancelling a sweep cancels its provider batches still in flight: each stored batch that is not
// done is cancelled through its provider's SDK (Anthropic messages.batches.cancel, OpenAI
// batches.cancel) and marked 'cancelled' in the store (one that already ended is only marked). A batch the provider could not be asked
// about stays as it was, and the report names it, so a later cancel tries it again.
import type { BatchStore, StoredBatch } from '../../store/batches';
import type { BatchTransport } from './transport';

export interface BatchCancelReport {
  /** Batch ids cancelled at the provider and marked cancelled in the store. */
  cancelled: string[];
  /** Batches left as they were, with the reason. */
  failed: { id: string; provider: string; error: string }[];
}

/**
 * Cancel every open batch of `sweepId`. `transportFor` gives the transport of a stored batch's
 * endpoint, or a plain-word reason why none can be made (no key, a key not allowed there).
 */
export async function cancelStoredBatches(
  store: BatchStore,
  sweepId: string,
  transportFor: (batch: StoredBatch) => Promise<BatchTransport | string>,
): Promise<BatchCancelReport> {
  const report: BatchCancelReport = { cancelled: [], failed: [] };
  for (const batch of store.listSweepOpenBatches(sweepId)) {
    // Ended at the provider: nothing to cancel there, its unread results are dropped.
    if (batch.status === 'ended') {
      store.setBatchStatus(batch.id, 'cancelled');
      report.cancelled.push(batch.id);
      continue;
    }
    const transport = await transportFor(batch);
    if (typeof transport === 'string') {
      report.failed.push({ id: batch.id, provider: batch.provider, error: transport });
      continue;
    }
    try {
      await transport.cancel(batch.id);
      store.setBatchStatus(batch.id, 'cancelled');
      report.cancelled.push(batch.id);
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      report.failed.push({ id: batch.id, provider: batch.provider, error });
    }
  }
  return report;
}

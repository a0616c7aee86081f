// `parley status`'s line about a sweep's model calls, from the call ledger: how many were
// answered through provider batches (billed at the batch price), how many online, and how many
// were sent and never answered (counted at their estimate, as in the sweep's cost).
import type { CallTotals } from '../store/types';

/** The ledger line, or null when the sweep made no model call (a strategy sweep). */
export function ledgerLine(t: CallTotals): string | null {
  if (t.calls === 0) return null;
  const unanswered = t.byStatus.sent;
  const online = t.calls - t.batchedCalls - unanswered;
  const onlineUsd = t.costUsd - t.batchedCostUsd - t.estimatedUsd;
  const usd = (x: number) => `$${Math.max(x, 0).toFixed(4)}`;
  return (
    `model ${t.calls} ${t.calls === 1 ? 'call' : 'calls'}: ` +
    `${t.batchedCalls} batched (${usd(t.batchedCostUsd)} at batch prices), ` +
    `${online} online (${usd(onlineUsd)})` +
    (unanswered > 0 ? `, ${unanswered} unanswered (${usd(t.estimatedUsd)} estimated)` : '')
  );
}

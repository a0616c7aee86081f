// The finished price games of a stored sweep, as played games for the Janus writer: strategy
// agents, LLM agents (plain or strategy-wrapped) or both, read back from the store page by page.
import type { Store } from '../store/store';
import type { SweepRow } from '../store/types';
import type { PlayedPriceGame } from './janus-records';

const PAGE = 500;

/** What a sweep holds for the dataset, or why it cannot give one. */
export interface SweepDatasetPlan {
  /** Finished price games. */
  finished: number;
  /** Price games not finished (queued, running, paused, failed, cancelled): not written. */
  unfinished: number;
  /** Other kinds in the sweep, with their counts (never written). */
  otherKinds: Record<string, number>;
}

export function planSweepDataset(store: Store, sweep: SweepRow): SweepDatasetPlan {
  const plan: SweepDatasetPlan = { finished: 0, unfinished: 0, otherKinds: {} };
  for (let offset = 0; ; offset += PAGE) {
    const page = store.listGames({ sweepId: sweep.id, limit: PAGE, offset });
    for (const g of page) {
      if (g.kind !== 'price') plan.otherKinds[g.kind] = (plan.otherKinds[g.kind] ?? 0) + 1;
      else if (g.status === 'finished' && g.outcome && g.instance) plan.finished++;
      else plan.unfinished++;
    }
    if (page.length < PAGE) return plan;
  }
}

/** The sweep's finished price games, in the store's order, with their transcripts. */
export async function* sweepPriceGames(
  store: Store,
  sweep: SweepRow,
): AsyncGenerator<PlayedPriceGame> {
  for (let offset = 0; ; offset += PAGE) {
    const page = store.listGames({ sweepId: sweep.id, status: ['finished'], limit: PAGE, offset });
    for (const g of page) {
      if (g.kind !== 'price' || !g.outcome || !g.instance) continue;
      yield {
        trajectoryId: g.id,
        instance: g.instance,
        participants: g.participants,
        turns: store.getTurns(g.id),
        outcome: g.outcome,
      };
    }
    if (page.length < PAGE) return;
  }
}

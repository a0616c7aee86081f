// Sweep handlers: list, inspect, validate, create-and-start, and the run controls.
import { sweepSchema } from '../../src-shared/sweep';
import type { ReasonCount, SweepProgress } from '../../src-shared/contract';
import type { SweepEstimateView } from '../../src-shared/contract';
import { SWEEP_REASONS_MAX } from '../../src-shared/contract';
import type { PlannedGame } from '../../src-shared/planned-game';
import { estimateSweep } from '../providers/estimate';
import type { Store } from '../store/types';
import type { HandlerTable } from './handler-table';
import { HostError } from './handler-table';
import type { HostDeps, RunnerProgress, SweepRunner } from './types';
import { specFields, sweepSummary } from './views';

/** Counters straight from the store, for a host without a runner. */
export function storeProgress(store: Store, sweepId: string): RunnerProgress {
  const counts = store.countGamesByStatus(sweepId);
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const totals = store.callTotals({ sweepId });
  return {
    sweepId,
    counts,
    total,
    done: counts.finished + counts.failed + counts.cancelled,
    ratePerSec: null,
    etaSec: null,
    tokens:
      totals.inputTokens + totals.cacheWriteTokens + totals.cacheReadTokens + totals.outputTokens,
    costUsd: totals.costUsd,
  };
}

/** Shown for a paused or failed game that stored no reason (e.g. written by an older version). */
export const NO_REASON = 'no reason recorded';

/** The runner's counters plus why the sweep's games are paused or failed (one GROUP BY in the store). */
export function withReasons(store: Store, progress: RunnerProgress): SweepProgress {
  const pausedReasons: ReasonCount[] = [];
  const failedReasons: ReasonCount[] = [];
  // A healthy run (most progress events) needs no query.
  if (progress.counts.paused + progress.counts.failed === 0)
    return { ...progress, pausedReasons, failedReasons };
  for (const row of store.gameReasons({ sweepId: progress.sweepId, limit: SWEEP_REASONS_MAX })) {
    (row.status === 'paused' ? pausedReasons : failedReasons).push({
      reason: row.reason ?? NO_REASON,
      count: row.count,
    });
  }
  return { ...progress, pausedReasons, failedReasons };
}

/** The contract's estimate of a sweep's games: the one `parley run --estimate` prints. */
export function estimateView(games: readonly PlannedGame[]): SweepEstimateView {
  const e = estimateSweep(games);
  const priced = e.byModel.every((m) => m.hasPrices);
  return {
    llmGames: games.filter((g) => g.participants.some((p) => p.kind === 'llm')).length,
    calls: e.calls,
    promptTokens: e.promptTokens,
    outputTokens: e.outputTokens,
    costNoCacheUsd: priced ? e.costNoCacheUsd : null,
    costCachedUsd: priced ? e.costCachedUsd : null,
    replyTokens: e.replyTokens,
  };
}

export function registerSweepHandlers(table: HandlerTable, deps: HostDeps): void {
  const { store, service } = deps;
  const progress = (sweepId: string) =>
    withReasons(store, service ? service.progress(sweepId) : storeProgress(store, sweepId));
  const runner = (): SweepRunner => {
    if (!service)
      throw new HostError('this host serves the database read-only: it has no sweep runner');
    return service;
  };
  const existing = (sweepId: string) => {
    const row = store.getSweep(sweepId);
    if (!row)
      throw new HostError(`no sweep with id "${sweepId}"`, [
        { path: 'sweepId', message: 'unknown sweep' },
      ]);
    return row;
  };
  // Runs go on in the background; their failures are reported, never left unhandled.
  const background = (sweepId: string, run: Promise<void>) => {
    run.catch((err: unknown) => deps.onRunError?.(sweepId, err));
  };

  table.register('sweeps:list', () =>
    store.listSweeps().map((row) => sweepSummary(row, progress(row.id))),
  );
  table.register('sweeps:get', ({ sweepId }) => {
    const row = existing(sweepId);
    return {
      ...sweepSummary(row, progress(sweepId)),
      spec: sweepSchema.safeParse(row.spec).data ?? null,
      capabilityMetric: specFields(row.spec).capabilityMetric,
    };
  });
  table.register('sweeps:validate', ({ doc }) => {
    const result = runner().validate(doc);
    if (!result.ok) return { ok: false, issues: result.issues };
    const { sweepId, games, cells, warnings, expanded } = result;
    return { ok: true, sweepId, games, cells, warnings, estimate: estimateView(expanded.games) };
  });
  table.register('sweeps:create', ({ doc, start }) => {
    const svc = runner();
    const check = svc.validate(doc);
    if (!check.ok)
      throw new HostError('the sweep has problems; fix the fields listed', check.issues);
    const { sweepId, total, inserted } = svc.create(doc);
    if (start) background(sweepId, svc.start(sweepId));
    return { sweepId, total, inserted };
  });
  table.register('sweeps:pause', ({ sweepId }) => {
    existing(sweepId);
    runner().pause(sweepId);
    return progress(sweepId);
  });
  table.register('sweeps:resume', ({ sweepId }) => {
    existing(sweepId);
    background(sweepId, runner().resume(sweepId));
    return progress(sweepId);
  });
  table.register('sweeps:cancel', async ({ sweepId }) => {
    existing(sweepId);
    await runner().cancel(sweepId);
    return progress(sweepId);
  });
  table.register('sweeps:retryFailed', ({ sweepId }) => {
    existing(sweepId);
    background(sweepId, runner().retryFailed(sweepId));
    return progress(sweepId);
  });
  table.register('sweeps:demo', () => {
    if (!deps.demo) throw new HostError('no demo sweep is available in this host');
    return sweepSchema.parse(deps.demo());
  });
}

// One LLM sweep run in-process against the mock provider on 127.0.0.1, shared by the LLM benches.
import { batchSettingsOf } from '../../src-shared/batch';
import type { SweepInput } from '../../src-shared/sweep';
import { LlmRuntime, llmSpecsOf } from '../providers/runtime';
import type { Store } from '../store/types';
import { SweepService } from '../sweeps/service';

/** A key for every provider, allowed to go only to the mock (keys/allowed-hosts.ts). */
export const benchKeys = {
  get: () => Promise.resolve({ key: 'bench-key', source: 'env' as const }),
  allowedHosts: () => ['127.0.0.1'],
};

/**
 * Create and run `doc` against the mock (its batch setting honoured); returns the sweep id and
 * the seconds the run took. `maxConcurrency` caps each provider's concurrency.
 */
export async function runAgainstMock(
  store: Store,
  doc: SweepInput,
  opts: { maxConcurrency?: number } = {},
): Promise<{ sweepId: string; seconds: number }> {
  // Provider status events go to the service, which is built once the runtime exists.
  const serviceRef: { current?: SweepService } = {};
  const probe = new SweepService(store).validate(doc);
  if (!probe.ok) throw new Error(`bench sweep invalid: ${JSON.stringify(probe.issues)}`);
  const runtime = new LlmRuntime({
    store,
    keys: benchKeys,
    sweepId: probe.sweepId,
    onStatus: (c) => serviceRef.current?.emitProvider(c),
    ...(opts.maxConcurrency !== undefined
      ? { scheduler: { maxConcurrency: opts.maxConcurrency } }
      : {}),
    batch: batchSettingsOf(probe.expanded.sweep.batch),
  });
  await runtime.prepare(llmSpecsOf(probe.expanded.games));
  const service = new SweepService(store, {
    createAgent: runtime.createAgent,
    resumeWhen: runtime.resumeWhen,
  });
  serviceRef.current = service;
  const { sweepId } = service.create(doc);
  const started = performance.now();
  try {
    await service.start(sweepId);
  } finally {
    runtime.dispose();
  }
  return { sweepId, seconds: (performance.now() - started) / 1000 };
}

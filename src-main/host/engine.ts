// Opens everything behind the contract for one database: store, sweep runner and host. Used by
// `parley serve` and by the desktop engine process, so both start up (and recover) the same way.
import { readFileSync } from 'node:fs';
import type { ParticipantSpec } from '../../src-shared/participant';
import { KeyStore } from '../keys/key-store';
import { createKeyVault } from '../keys/key-test';
import type { KeySource } from '../providers/runtime';
import { SweepRuntimes } from '../providers/sweep-runtimes';
import { registryResolver } from '../registry/registry';
import { openStore } from '../store/store';
import type { Store } from '../store/types';
import { demoSweep } from '../sweeps/demo';
import { SweepService } from '../sweeps/service';
import { createHost } from './host';
import type { Host } from './host';
import type { KeyVault } from './types';

export interface EngineOptions {
  dbPath: string;
  mode: 'desktop' | 'web';
  /** Defaults to the OS keychain with environment variables as the fallback. */
  keys?: KeyVault;
  /** Where LLM agents read their keys; defaults to the OS keychain, then environment variables. */
  keySource?: KeySource;
  /** Migrations folder when the store is bundled away from its own (the desktop build). */
  migrationsDir?: string;
  /** Restart sweeps that were running when the last process stopped (default true). */
  resumeActive?: boolean;
  onRunError?: (sweepId: string, error: unknown) => void;
}

export interface Engine {
  store: Store;
  service: SweepService;
  host: Host;
  /** Interrupted games put back in the queue at start-up. */
  recovered: number;
  /** Stops running sweeps at their next turn (they stay active, so the next start resumes them) and closes the store. */
  close(): Promise<void>;
}

export function packageVersion(): string {
  try {
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Participant ids a sweep does not define inline: the shipped registry plus user models, read afresh so models added in the UI count at once. */
function resolverFor(store: Store): (id: string) => ParticipantSpec | undefined {
  return (id) => registryResolver(store)(id);
}

export function openEngine(opts: EngineOptions): Engine {
  const store = openStore(opts.dbPath, { migrationsDir: opts.migrationsDir });
  const recovered = store.recoverInterrupted();
  const keyStore = new KeyStore();
  // LLM seats run through one provider runtime per sweep (its budget, its events); games paused
  // on a missing or rejected key resume when the user stores a new one.
  const runtimes = new SweepRuntimes({
    store,
    keys: opts.keySource ?? keyStore,
    // Called on provider events only, after `service` exists.
    onStatus: (_sweepId, change) => service.emitProvider(change),
  });
  const service = new SweepService(store, {
    resolve: resolverFor(store),
    createAgent: runtimes.createAgent,
    resumeWhen: runtimes.resumeWhen,
    cancelBatches: runtimes.cancelBatches,
  });
  const onRunError =
    opts.onRunError ??
    ((sweepId, err) =>
      console.error(`sweep ${sweepId}: ${err instanceof Error ? err.message : String(err)}`));
  const vault = opts.keys ?? createKeyVault(keyStore);
  const keys: KeyVault = {
    status: (provider) => vault.status(provider),
    test: (provider) => vault.test(provider),
    async set(provider, key) {
      await vault.set(provider, key);
      runtimes.updateKey(provider, key);
    },
  };
  const host = createHost({
    store,
    service,
    keys,
    demo: demoSweep,
    mode: opts.mode,
    version: packageVersion(),
    onRunError,
  });
  if (opts.resumeActive ?? true) {
    for (const sweep of store.listSweeps()) {
      const counts = store.countGamesByStatus(sweep.id);
      if (sweep.status === 'active' && counts.queued + counts.paused > 0)
        service.start(sweep.id).catch((err: unknown) => onRunError(sweep.id, err));
    }
  }
  return {
    store,
    service,
    host,
    recovered,
    async close() {
      host.dispose();
      const running = store.listSweeps().filter((s) => service.isRunning(s.id));
      const settled = running.map((s) => {
        const run = service.start(s.id);
        service.pause(s.id);
        return run.catch(() => undefined);
      });
      await Promise.all(settled);
      runtimes.dispose();
      for (const s of running) store.setSweepStatus(s.id, 'active');
      store.close();
    },
  };
}

// What the host needs from the engine: the store, an optional sweep runner and an optional key
// store. Declared structurally so tests can pass fakes and the host never imports Electron.
import type { GameStatus } from '../../src-shared/planned-game';
import type { KeyStatus, SweepProgress } from '../../src-shared/contract';
import type { ProviderName } from '../../src-shared/participant';
import type { SweepInput } from '../../src-shared/sweep';
import type { TurnRecord } from '../../src-shared/game';
import type { Store } from '../store/types';
import type { SweepValidation } from '../sweeps/service';

/** A sweep's counters as the runner reports them; the host adds the pause and failure reasons. */
export type RunnerProgress = Omit<SweepProgress, 'pausedReasons' | 'failedReasons'>;

/** The parts of SweepService (src-main/sweeps/service.ts) the host calls. */
export interface SweepRunner {
  /** Parses, validates and expands the document once; the expanded games feed the estimate. */
  validate(doc: unknown): SweepValidation;
  create(doc: unknown): { sweepId: string; total: number; inserted: number };
  start(sweepId: string, options?: { concurrency?: number }): Promise<void>;
  pause(sweepId: string): void;
  resume(sweepId: string, options?: { concurrency?: number }): Promise<void>;
  cancel(sweepId: string): void;
  retryFailed(sweepId: string, options?: { concurrency?: number }): Promise<void>;
  progress(sweepId: string): RunnerProgress;
  /** The turns a game in play has played and not committed yet (they follow its transcript). */
  heldTurns?(gameId: string): readonly TurnRecord[];
  on(event: 'progress', listener: (p: RunnerProgress) => void): () => void;
  on(
    event: 'game',
    listener: (e: { sweepId: string; gameId: string; status: GameStatus }) => void,
  ): () => void;
  on(event: 'turn', listener: (e: { gameId: string; turn: TurnRecord }) => void): () => void;
  on(
    event: 'provider',
    listener: (e: { provider: string; status: string; detail?: string }) => void,
  ): () => void;
}

/** Key storage as the host sees it: statuses in, keys only ever going towards the store. */
export interface KeyVault {
  status(provider: ProviderName): Promise<Omit<KeyStatus, 'provider'>>;
  set(provider: ProviderName, key: string): Promise<void>;
  test(provider: ProviderName): Promise<Omit<KeyStatus, 'provider'>>;
}

export interface HostDeps {
  store: Store;
  /** Without a runner the host serves a database read-only (no create/pause/...). */
  service?: SweepRunner;
  keys?: KeyVault;
  /** The demo sweep document (src-main/sweeps/demo.ts). */
  demo?: () => SweepInput;
  mode?: 'desktop' | 'web';
  version?: string;
  /** Called with errors of background sweep runs (they are not tied to a request). */
  onRunError?: (sweepId: string, error: unknown) => void;
}

// Messages between `parley serve`'s HTTP thread and its engine worker (engine-worker.ts): the
// contract's requests and events, plus start-up and shutdown.
import type { ContractError, HostEvent } from '../../src-shared/contract';

export interface EngineWorkerData {
  dbPath: string;
  resumeActive: boolean;
}

export type ToWorker =
  { type: 'request'; id: number; channel: unknown; args: unknown } | { type: 'shutdown' };

export type FromWorker =
  | { type: 'ready'; recovered: number }
  | { type: 'fatal'; name: string; message: string }
  | { type: 'reply'; id: number; ok: true; result: unknown }
  | { type: 'reply'; id: number; ok: false; error: ContractError }
  | { type: 'event'; event: HostEvent }
  | { type: 'closed' };

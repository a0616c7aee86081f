// `parley serve`'s side of its engine worker: a Host whose requests and events cross to the
// worker thread, so the HTTP thread answers within milliseconds while a sweep runs.
import { Worker } from 'node:worker_threads';
import type { HostEvent } from '../../src-shared/contract';
import type { Host } from '../host/host';
import { StoreError } from '../store/errors';
import type { EngineWorkerData, FromWorker, ToWorker } from './engine-worker-protocol';

export interface EngineHandle {
  host: Host;
  /** Interrupted games put back in the queue at start-up. */
  recovered: number;
  /** Pauses running sweeps at their next turn, closes the store and ends the thread. */
  close(): Promise<void>;
}

/** A failed request as the host threw it: the message, and the field issues when there are. */
class WorkerRequestError extends Error {
  constructor(
    message: string,
    readonly issues?: unknown[],
  ) {
    super(message);
  }
}

function spawn(data: EngineWorkerData): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  if (!fromSource)
    return new Worker(new URL('./engine-worker.js', import.meta.url), { workerData: data });
  const entry = new URL('./engine-worker.ts', import.meta.url).href;
  return new Worker(new URL('./engine-worker-boot.mjs', import.meta.url), {
    workerData: { ...data, entry },
  });
}

/** Starts the engine thread on `dbPath`; rejects with the store's message when it cannot open. */
export function startWorkerEngine(data: EngineWorkerData): Promise<EngineHandle> {
  const worker = spawn(data);
  const listeners = new Set<(event: HostEvent) => void>();
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 1;
  let stopped: string | null = null;
  let exited = new Promise<void>((done) => worker.once('exit', () => done()));

  const failAll = (why: string) => {
    stopped ??= why;
    for (const p of pending.values()) p.reject(new Error(why));
    pending.clear();
  };
  worker.on('error', (err) => failAll(`the engine stopped: ${err.message}; restart parley serve`));
  worker.once('exit', () => failAll('the engine stopped; restart parley serve'));

  const host: Host = {
    handle(channel, args) {
      if (stopped) return Promise.reject(new Error(stopped));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: 'request', id, channel, args } satisfies ToWorker);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose: () => listeners.clear(),
  };

  return new Promise((resolve, reject) => {
    let closing: Promise<void> | null = null;
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          resolve({
            host,
            recovered: message.recovered,
            close() {
              closing ??= (async () => {
                if (!stopped) worker.postMessage({ type: 'shutdown' } satisfies ToWorker);
                await exited;
              })();
              return closing;
            },
          });
          return;
        case 'fatal':
          exited = worker.terminate().then(() => undefined);
          reject(
            message.name === 'StoreError'
              ? new StoreError(message.message)
              : new Error(message.message),
          );
          return;
        case 'reply': {
          const p = pending.get(message.id);
          pending.delete(message.id);
          if (message.ok) p?.resolve(message.result);
          else p?.reject(new WorkerRequestError(message.error.message, message.error.issues));
          return;
        }
        case 'event':
          for (const listener of listeners) listener(message.event);
          return;
        case 'closed':
          return;
      }
    });
    worker.once('exit', (code) =>
      reject(new Error(`the engine thread exited (${code}) before it opened the database`)),
    );
  });
}

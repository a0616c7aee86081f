// The engine of `parley serve` on its own thread: store, sweep runner and contract host. Strategy
// sweeps are CPU-bound; here they cannot delay the HTTP thread's answers to the browser.
import { parentPort, workerData } from 'node:worker_threads';
import { openEngine } from '../host/engine';
import type { Engine } from '../host/engine';
import { toContractError } from './socket-protocol';
import type { EngineWorkerData, FromWorker, ToWorker } from './engine-worker-protocol';

const port = parentPort;
if (!port) throw new Error('engine-worker.ts runs only as a worker thread');
const send = (message: FromWorker) => port.postMessage(message);
const data = workerData as EngineWorkerData;

let engine: Engine | null = null;
try {
  engine = openEngine({ dbPath: data.dbPath, mode: 'web', resumeActive: data.resumeActive });
  engine.host.subscribe((event) => send({ type: 'event', event }));
  send({ type: 'ready', recovered: engine.recovered });
} catch (err) {
  send({
    type: 'fatal',
    name: err instanceof Error ? err.name : 'Error',
    message: err instanceof Error ? err.message : String(err),
  });
}

let closing: Promise<void> | null = null;
port.on('message', (message: ToWorker) => {
  if (message.type === 'shutdown') {
    closing ??= (engine ? engine.close() : Promise.resolve()).finally(() => {
      send({ type: 'closed' });
      port.close();
    });
    return;
  }
  const { id } = message;
  if (!engine || closing) {
    send({ type: 'reply', id, ok: false, error: { message: 'Parley is shutting down' } });
    return;
  }
  engine.host.handle(message.channel, message.args).then(
    (result) => send({ type: 'reply', id, ok: true, result }),
    (err: unknown) => send({ type: 'reply', id, ok: false, error: toContractError(err) }),
  );
});

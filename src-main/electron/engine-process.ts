// The engine's utility process (utilityProcess.fork from main): opens the store, the sweep
// runner and the contract host on the desktop database, answers relayed requests and pushes the
// host's events. SQL and the runs never touch the main process or the UI thread.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { HostEvent } from '../../src-shared/contract';
import { openEngine } from '../host/engine';
import type { Engine } from '../host/engine';
import { KeyStore } from '../keys/key-store';
import { createKeyVault } from '../keys/key-test';
import { toContractError } from '../web/socket-protocol';
import { dbPathFromArgs } from './ipc-protocol';
import type { FromEngine, ToEngine } from './ipc-protocol';

const port = process.parentPort;
// The bundle copies the store's SQL migrations next to itself (electron.vite.config.ts); run from
// source, the store finds its own folder.
const bundledMigrations = fileURLToPath(new URL('./migrations/', import.meta.url));
const send = (message: FromEngine) => port.postMessage(message);

function start(): Engine | null {
  const dbPath = dbPathFromArgs(process.argv);
  if (!dbPath) {
    send({ type: 'fatal', message: 'the engine process was started without --db FILE' });
    return null;
  }
  try {
    const engine = openEngine({
      dbPath,
      mode: 'desktop',
      keys: createKeyVault(new KeyStore()),
      migrationsDir: existsSync(bundledMigrations) ? bundledMigrations : undefined,
    });
    engine.host.subscribe((event: HostEvent) => send({ type: 'event', event }));
    send({ type: 'ready', dbPath, recovered: engine.recovered });
    return engine;
  } catch (err) {
    send({
      type: 'fatal',
      message: `cannot open ${dbPath}: ${err instanceof Error ? err.message : String(err)}`,
    });
    return null;
  }
}

const engine = start();
let closing: Promise<void> | null = null;

port.on('message', ({ data }: { data: ToEngine }) => {
  if (data.type === 'shutdown') {
    closing ??= (engine ? engine.close() : Promise.resolve()).finally(() => {
      send({ type: 'closed' });
      process.exit(0);
    });
    return;
  }
  if (data.type !== 'request') return;
  const { id, channel, args } = data;
  if (!engine || closing) {
    send({
      type: 'reply',
      id,
      reply: {
        ok: false,
        error: {
          message: closing ? 'Parley is shutting down' : 'the engine could not open the database',
        },
      },
    });
    return;
  }
  engine.host.handle(channel, args).then(
    (result) => send({ type: 'reply', id, reply: { ok: true, result } }),
    (err: unknown) =>
      send({ type: 'reply', id, reply: { ok: false, error: toContractError(err) } }),
  );
});

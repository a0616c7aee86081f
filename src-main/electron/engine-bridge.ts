// Main-process side of the engine: forks the utility process, relays contract requests to it and
// its events back, restarts it after a crash, and stops it cleanly (runs pause at their next
// turn) before the app quits. Main itself never opens the database.
import { utilityProcess } from 'electron';
import type { UtilityProcess } from 'electron';
import type { HostEvent, RequestReply } from '../../src-shared/contract';
import { engineArgs } from './ipc-protocol';
import type { FromEngine, ToEngine } from './ipc-protocol';

export interface EngineBridgeOptions {
  /** The bundled engine-process.js. */
  modulePath: string;
  dbPath: string;
  onEvent(event: HostEvent): void;
  /** The engine could not start (e.g. the database is from a newer Parley). */
  onFatal(message: string): void;
}

const MAX_RESTARTS = 3;
const SHUTDOWN_TIMEOUT_MS = 15_000;

export class EngineBridge {
  private child: UtilityProcess | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (reply: RequestReply) => void>();
  private restarts = 0;
  private isStopping = false;
  private fatal: string | null = null;

  constructor(private readonly opts: EngineBridgeOptions) {}

  start(): void {
    const child = utilityProcess.fork(this.opts.modulePath, engineArgs(this.opts.dbPath), {
      serviceName: 'Parley engine',
      stdio: 'inherit',
    });
    this.child = child;
    let markReady = () => {};
    this.ready = new Promise<void>((resolve) => (markReady = resolve));
    child.on('message', (message: FromEngine) => {
      if (message.type === 'ready') {
        this.fatal = null;
        markReady();
      } else if (message.type === 'fatal') {
        this.fatal = message.message;
        markReady();
        this.opts.onFatal(message.message);
      } else this.receive(message);
    });
    child.once('exit', (code) => {
      markReady();
      this.exited(child, code);
    });
  }

  /** Relays one request; always resolves with a reply (errors included). */
  async request(channel: string, args: unknown): Promise<RequestReply> {
    if (this.isStopping) return failure('Parley is shutting down');
    // A crash before 'ready' starts a new process (and a new `ready`): wait for the latest one.
    let ready: Promise<void> | null;
    do {
      ready = this.ready;
      await ready;
    } while (ready !== this.ready);
    if (this.fatal) return failure(this.fatal);
    const child = this.child;
    if (!child) return failure('the engine process is not running');
    const id = this.nextId++;
    return new Promise<RequestReply>((resolve) => {
      this.pending.set(id, resolve);
      child.postMessage({ type: 'request', id, channel, args } satisfies ToEngine);
    });
  }

  /** Asks the engine to pause its runs and close the database; kills it after a timeout. */
  async stop(): Promise<void> {
    this.isStopping = true;
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.postMessage({ type: 'shutdown' } satisfies ToEngine);
    const timer = setTimeout(() => child.kill(), SHUTDOWN_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  private receive(message: FromEngine): void {
    if (message.type === 'reply') {
      const resolve = this.pending.get(message.id);
      this.pending.delete(message.id);
      resolve?.(message.reply);
    } else if (message.type === 'event') {
      this.opts.onEvent(message.event);
    }
  }

  private exited(child: UtilityProcess, code: number): void {
    if (this.child !== child) return;
    this.child = null;
    for (const [id, resolve] of this.pending) {
      this.pending.delete(id);
      resolve(failure(`the engine process stopped (exit code ${code}) during this request`));
    }
    if (this.isStopping || this.fatal) return;
    if (this.restarts >= MAX_RESTARTS) {
      this.fatal = `the engine process stopped ${MAX_RESTARTS + 1} times (last exit code ${code}); restart Parley`;
      this.opts.onFatal(this.fatal);
      return;
    }
    this.restarts += 1;
    // Interrupted games are requeued by the new process, exactly as after a restart of the app.
    this.start();
  }
}

function failure(message: string): RequestReply {
  return { ok: false, error: { message } };
}

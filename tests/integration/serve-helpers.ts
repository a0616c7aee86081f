// Raw HTTP and WebSocket clients for the `parley serve` tests: paths are sent byte for byte (no
// client-side normalisation), and every header, Origin included, is chosen by the test.
import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import WebSocket from 'ws';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export function rawGet(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a socket, or rejects with the HTTP status the server answered the upgrade with. */
export function openSocket(
  url: string,
  origin?: string,
  headers: Record<string, string> = {},
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin, headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += String(chunk)));
      res.on('end', () =>
        reject(
          Object.assign(new Error(`upgrade refused: ${res.statusCode} ${body.trim()}`), {
            status: res.statusCode,
            body,
          }),
        ),
      );
    });
    ws.once('error', (err) => reject(err));
  });
}

/** What a refused upgrade rejected with: its status code (or the error message if it was not HTTP). */
export async function upgradeStatus(url: string, origin?: string): Promise<number | string> {
  try {
    const ws = await openSocket(url, origin);
    ws.close();
    return 101;
  } catch (err) {
    return (err as { status?: number }).status ?? (err as Error).message;
  }
}

/** A socket that answers requests by id and collects pushed events. */
export class SocketClient {
  private nextId = 1;
  private readonly waiting = new Map<number | string | null, (reply: unknown) => void>();
  readonly events: { event: string; payload: unknown }[] = [];
  private readonly eventWaiters: { name: string; resolve: (e: unknown) => void }[] = [];

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as {
        id?: number | string | null;
        event?: string;
        payload?: unknown;
      };
      if (typeof msg.event === 'string') {
        this.events.push({ event: msg.event, payload: msg.payload });
        for (const w of this.eventWaiters.filter((x) => x.name === msg.event)) {
          this.eventWaiters.splice(this.eventWaiters.indexOf(w), 1);
          w.resolve(msg);
        }
        return;
      }
      const key = msg.id ?? null;
      this.waiting.get(key)?.(msg);
      this.waiting.delete(key);
    });
  }

  /** Sends `{id, channel, args}` and resolves with the whole reply. */
  call(channel: string, args?: unknown): Promise<unknown> {
    const id = this.nextId++;
    return this.sendRaw(JSON.stringify({ id, channel, args }), id);
  }

  /** Sends any text; resolves with the reply that carries `expectId`. */
  sendRaw(text: string, expectId: number | string | null): Promise<unknown> {
    return new Promise((resolve) => {
      this.waiting.set(expectId, resolve);
      this.ws.send(text);
    });
  }

  nextEvent(name: string): Promise<unknown> {
    return new Promise((resolve) => this.eventWaiters.push({ name, resolve }));
  }

  close(): void {
    this.ws.close();
  }
}

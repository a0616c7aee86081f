// `parley serve`: the built renderer and the contract over a WebSocket, on 127.0.0.1 only.
// Every HTTP request and the WebSocket upgrade need the random token; foreign origins and
// foreign Host headers (DNS rebinding) are refused with 403.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { HostEvent } from '../../src-shared/contract';
import { openEngine } from '../host/engine';
import type { Host } from '../host/host';
import type { KeyVault } from '../host/types';
import { handleSocketMessage } from './socket-protocol';
import {
  checkRequest,
  checkUpgrade,
  cookieName,
  newToken,
  servedContentSecurityPolicy,
} from './security';
import type { Gate } from './security';
import { encodeBody, loadStatic } from './static-files';
import { startWorkerEngine } from './worker-engine';
import type { EngineHandle } from './worker-engine';

export interface ServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  dbPath: string;
  /** The built renderer (out/renderer); null serves only the contract WebSocket. */
  staticDir: string | null;
  token?: string;
  /**
   * A key vault to use instead of the OS keychain. It cannot cross to another thread, so the
   * engine then runs on this thread (tests); otherwise it runs on a worker thread.
   */
  keys?: KeyVault;
  resumeActive?: boolean;
}

export interface RunningServer {
  /** http://127.0.0.1:PORT/?token=... */
  url: string;
  /** ws://127.0.0.1:PORT/ws?token=... (clients must also send Origin: http://127.0.0.1:PORT) */
  wsUrl: string;
  port: number;
  token: string;
  engine: EngineHandle;
  close(): Promise<void>;
}

/** Sockets that are this far behind get no transcript turns until they catch up. */
const SLOW_SOCKET_BYTES = 4 * 1024 * 1024;
const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const resumeActive = opts.resumeActive ?? true;
  const engine: EngineHandle = opts.keys
    ? openEngine({ dbPath: opts.dbPath, mode: 'web', keys: opts.keys, resumeActive })
    : await startWorkerEngine({ dbPath: opts.dbPath, resumeActive });
  try {
    return await listen(engine, opts);
  } catch (err) {
    await engine.close();
    throw err;
  }
}

async function listen(engine: EngineHandle, opts: ServerOptions): Promise<RunningServer> {
  const token = opts.token ?? newToken();
  const staticDir = opts.staticDir === null ? null : resolve(opts.staticDir);
  const gate: Gate = { origin: '', token, port: 0 };
  const server = createServer((req, res) => {
    void serveHttp(req, res, gate, staticDir);
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const refusal =
      new URL(req.url ?? '/', gate.origin).pathname === '/ws'
        ? checkUpgrade(req, gate)
        : 'no WebSocket here (use /ws)';
    if (refusal) {
      socket.end(
        `HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\nForbidden: ${refusal}\n`,
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws, engine.host));
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', fail);
      done();
    });
  });
  const port = (server.address() as AddressInfo).port;
  gate.port = port;
  gate.origin = `http://127.0.0.1:${port}`;

  let closing: Promise<void> | null = null;
  return {
    url: `${gate.origin}/?token=${token}`,
    wsUrl: `ws://127.0.0.1:${port}/ws?token=${token}`,
    port,
    token,
    engine,
    close() {
      closing ??= (async () => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        await new Promise<void>((done) => server.close(() => done()));
        await engine.close();
      })();
      return closing;
    },
  };
}

function attach(ws: WebSocket, host: Host): void {
  const unsubscribe = host.subscribe((event: HostEvent) => {
    if (ws.readyState !== ws.OPEN) return;
    if (event.event === 'games:turn' && ws.bufferedAmount > SLOW_SOCKET_BYTES) return;
    ws.send(JSON.stringify(event));
  });
  ws.on('message', (data, isBinary) => {
    const raw = isBinary ? '' : String(data);
    void handleSocketMessage(host, raw).then((reply) => {
      if (ws.readyState === ws.OPEN) ws.send(reply);
    });
  });
  ws.on('close', unsubscribe);
  ws.on('error', unsubscribe);
}

function securityHeaders(res: ServerResponse, port: number): void {
  res.setHeader('Content-Security-Policy', servedContentSecurityPolicy(port));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function text(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  res
    .writeHead(status, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      ...headers,
    })
    .end(`${body}\n`);
}

async function serveHttp(
  req: IncomingMessage,
  res: ServerResponse,
  gate: Gate,
  staticDir: string | null,
): Promise<void> {
  securityHeaders(res, gate.port);
  const { refusal, viaQuery } = checkRequest(req, gate);
  if (refusal) return text(res, 403, `Forbidden: ${refusal}`);
  if (req.method !== 'GET' && req.method !== 'HEAD')
    return text(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
  if (viaQuery) {
    res.setHeader(
      'Set-Cookie',
      `${cookieName(gate.port)}=${gate.token}; HttpOnly; SameSite=Strict; Path=/`,
    );
  }
  const path = new URL(req.url ?? '/', gate.origin).pathname;
  if (staticDir === null) {
    return path === '/'
      ? text(
          res,
          200,
          'Parley host: the contract WebSocket is at /ws (started with --host-only, so no UI is served).',
        )
      : text(res, 404, 'Not found');
  }
  const file = await loadStatic(staticDir, path);
  if (file.kind === 'refused') return text(res, 403, 'Forbidden: the path leaves the UI folder');
  if (file.kind === 'missing') {
    // Browsers ask for a favicon the UI does not ship; answer without a console error.
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    return text(res, 404, 'Not found');
  }
  const { body, encoding } = encodeBody(file, req.headers['accept-encoding']);
  res.writeHead(200, {
    'Content-Type': file.type,
    'Content-Length': body.length,
    'Cache-Control': file.isIndex ? 'no-store' : 'private, max-age=3600',
    Vary: 'Accept-Encoding',
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

// A fault-injecting HTTP proxy on 127.0.0.1 for the chaos tests, independent of `parley
// mock-llm`'s own faults: it forwards completions to any upstream (the mock's fault-free
// responder in these tests) and breaks a seeded share of the replies in transit, the ways a
// flaky network or a proxy in between does.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export const TRANSPORT_FAULTS = [
  /** 200 with the upstream JSON cut in half. */
  'truncated',
  /** 200 application/json with no body at all. */
  'empty',
  /** 200 with a proxy's HTML page instead of JSON. */
  'html-200',
  /** 502 with a proxy's HTML page. */
  'html-502',
  /** Headers and half the body, then the connection closes. */
  'mid-body',
  /** 200 with the upstream JSON labelled text/plain. */
  'wrong-type',
  /** 200 JSON that is not the API's shape (a gateway's own error object). */
  'wrong-shape',
  /** The connection drops before any reply. */
  'reset',
] as const;
export type TransportFault = (typeof TRANSPORT_FAULTS)[number];

export interface FaultProxyOptions {
  /** e.g. the mock's url (http://127.0.0.1:PORT); paths are forwarded unchanged. */
  upstream: string;
  /** Share of completion requests that get a fault (default 0). */
  rate?: number;
  faults?: readonly TransportFault[];
  seed?: number;
  /** Only these paths exist; everything else is 404 (a gateway without /v1/models). */
  onlyPaths?: readonly string[];
}

export interface FaultProxy {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** Requests per "METHOD /path", faults by name, and the completions forwarded upstream. */
  stats: { byRoute: Record<string, number>; byFault: Record<string, number>; forwarded: number };
  /** Authorization and x-api-key header values seen, for leak checks. */
  keysSeen: Set<string>;
  /** The next requests get these faults, ahead of the random draw. */
  inject(...faults: TransportFault[]): void;
  close(): Promise<void>;
}

const HTML = '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>';
const COMPLETION = /^\/v1\/(messages|chat\/completions)$/;

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const { upstream, rate = 0, faults = TRANSPORT_FAULTS, seed = 1, onlyPaths } = options;
  const random = seeded(seed);
  const forced: TransportFault[] = [];
  const sockets = new Set<Socket>();
  const stats: FaultProxy['stats'] = { byRoute: {}, byFault: {}, forwarded: 0 };
  const keysSeen = new Set<string>();

  const draw = (): TransportFault | undefined => {
    const next = forced.shift();
    if (next) return next;
    const r = random();
    const pick = random();
    return r < rate ? faults[Math.floor(pick * faults.length)] : undefined;
  };

  const forward = async (req: IncomingMessage, body: Buffer) => {
    stats.forwarded++;
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k))
        headers[k] = v;
    }
    const r = await fetch(`${upstream}${req.url ?? ''}`, {
      method: req.method,
      headers,
      body: req.method === 'GET' ? undefined : body,
    });
    return { status: r.status, type: r.headers.get('content-type'), text: await r.text() };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '').split('?')[0];
    const route = `${req.method} ${path}`;
    stats.byRoute[route] = (stats.byRoute[route] ?? 0) + 1;
    for (const h of ['authorization', 'x-api-key']) {
      const v = req.headers[h];
      if (typeof v === 'string') keysSeen.add(v.replace(/^Bearer /, ''));
    }
    const body = await readBody(req);
    if (onlyPaths && !onlyPaths.includes(path)) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html>404 Not Found</html>');
      return;
    }
    const fault = req.method === 'POST' && COMPLETION.test(path) ? draw() : undefined;
    if (fault) stats.byFault[fault] = (stats.byFault[fault] ?? 0) + 1;
    switch (fault) {
      case 'reset':
        req.socket.destroy();
        return;
      case 'empty':
        res.writeHead(200, { 'content-type': 'application/json' }).end();
        return;
      case 'html-200':
        res.writeHead(200, { 'content-type': 'text/html' }).end(HTML);
        return;
      case 'html-502':
        res.writeHead(502, { 'content-type': 'text/html' }).end(HTML);
        return;
      case 'wrong-shape':
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end('{"status":"error","detail":"upstream unavailable"}');
        return;
      default:
        break;
    }
    const up = await forward(req, body);
    const type = up.type ?? 'application/json';
    if (fault === 'truncated') {
      res.writeHead(200, { 'content-type': type }).end(up.text.slice(0, up.text.length >> 1));
    } else if (fault === 'wrong-type') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end(up.text);
    } else if (fault === 'mid-body') {
      const bytes = Buffer.from(up.text);
      res.writeHead(200, { 'content-type': type, 'content-length': String(bytes.length) });
      res.write(bytes.subarray(0, bytes.length >> 1), () =>
        setTimeout(() => req.socket.destroy(), 5),
      );
    } else {
      res.writeHead(up.status, { 'content-type': type }).end(up.text);
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stats,
    keysSeen,
    inject: (...f) => void forced.push(...f),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

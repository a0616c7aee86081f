// `parley serve` in-process on 127.0.0.1 with a fresh database and a small stand-in UI folder:
// the token gate on HTTP and on the WebSocket upgrade, Origin and Host checks, security headers,
// path traversal, and contract requests over the real socket.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REQUEST_CHANNELS } from '../../src-shared/contract/channels';
import { startServer } from '../../src-main/web/serve';
import type { RunningServer } from '../../src-main/web/serve';
import { servedContentSecurityPolicy } from '../../src-main/web/security';
import { openSocket, rawGet, SocketClient, upgradeStatus } from './serve-helpers';

const INDEX =
  '<!doctype html><title>Parley test UI</title><script type="module" src="./assets/app.js"></script>';
const APP_JS = 'console.log("parley");';
const SECRET = 'outside the UI folder';

let dir: string;
let server: RunningServer;
let origin: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parley-serve-'));
  mkdirSync(join(dir, 'ui', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'ui', 'index.html'), INDEX);
  writeFileSync(join(dir, 'ui', 'assets', 'app.js'), APP_JS);
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  server = await startServer({
    port: 0,
    dbPath: join(dir, 'parley.db'),
    staticDir: join(dir, 'ui'),
    resumeActive: false,
  });
  origin = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('parley serve over HTTP', () => {
  it('prints a loopback URL with a 64-hex-digit random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64}$/);
    expect(server.url).toBe(`${origin}/?token=${server.token}`);
  });

  it('serves the page with the token, with the CSP, nosniff and frame headers and an HttpOnly cookie', async () => {
    const res = await rawGet(server.port, `/?token=${server.token}`);
    expect(res.status).toBe(200);
    expect(res.body).toBe(INDEX);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(servedContentSecurityPolicy(server.port));
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['set-cookie']).toEqual([
      `parley_token_${server.port}=${server.token}; HttpOnly; SameSite=Strict; Path=/`,
    ]);
  });

  it('serves assets to the cookie the first load set', async () => {
    const res = await rawGet(server.port, '/assets/app.js', {
      Cookie: `parley_token_${server.port}=${server.token}`,
    });
    expect({ status: res.status, type: res.headers['content-type'], body: res.body }).toEqual({
      status: 200,
      type: 'text/javascript; charset=utf-8',
      body: APP_JS,
    });
  });

  it('refuses requests without the token, with a wrong one, or with a wrong cookie (403)', async () => {
    for (const path of [
      '/',
      '/index.html',
      '/assets/app.js',
      '/?token=',
      `/?token=${'0'.repeat(64)}`,
      `/?token=${server.token.slice(1)}`,
    ]) {
      const res = await rawGet(server.port, path);
      expect({ path, status: res.status, leaked: res.body.includes('Parley test UI') }).toEqual({
        path,
        status: 403,
        leaked: false,
      });
      expect(res.headers['content-security-policy']).toBe(servedContentSecurityPolicy(server.port));
    }
    const cookie = await rawGet(server.port, '/', {
      Cookie: `parley_token_${server.port}=${'f'.repeat(64)}`,
    });
    expect(cookie.status).toBe(403);
  });

  it('refuses another Origin and another Host header even with the token (403)', async () => {
    const foreign = await rawGet(server.port, `/?token=${server.token}`, {
      Origin: 'http://evil.example',
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toContain('foreign origin');
    const otherPort = await rawGet(server.port, `/?token=${server.token}`, {
      Origin: `http://127.0.0.1:${server.port + 1}`,
    });
    expect(otherPort.status).toBe(403);
    const rebinding = await rawGet(server.port, `/?token=${server.token}`, {
      Host: `evil.example:${server.port}`,
    });
    expect(rebinding.status).toBe(403);
    const sameOrigin = await rawGet(server.port, `/?token=${server.token}`, { Origin: origin });
    expect(sameOrigin.status).toBe(200);
  });

  it('refuses paths that leave the UI folder', async () => {
    const attempts = [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/%2e%2e%5c%2e%2e%5csecret.txt',
      '/%00index.html',
    ];
    for (const path of attempts) {
      const sep = path.includes('?') ? '&' : '?';
      const res = await rawGet(server.port, `${path}${sep}token=${server.token}`);
      expect({
        path,
        refused: res.status === 403 || res.status === 404,
        leaked: res.body.includes(SECRET),
      }).toEqual({ path, refused: true, leaked: false });
    }
    const encoded = await rawGet(server.port, `/assets/..%2f..%2fsecret.txt?token=${server.token}`);
    expect(encoded.status).toBe(403);
  });

  it('allows only GET and HEAD', async () => {
    const res = await new Promise<number>((resolve, reject) => {
      import('node:http')
        .then(({ request }) => {
          const req = request(
            {
              host: '127.0.0.1',
              port: server.port,
              path: `/?token=${server.token}`,
              method: 'POST',
            },
            (r) => {
              r.resume();
              resolve(r.statusCode ?? 0);
            },
          );
          req.on('error', reject);
          req.end('x');
        })
        .catch(reject);
    });
    expect(res).toBe(405);
  });
});

describe('parley serve over WebSocket', () => {
  it('refuses the upgrade without the token, with a wrong token, without or with another Origin (403)', async () => {
    const ws = `ws://127.0.0.1:${server.port}/ws`;
    expect(await upgradeStatus(ws, origin)).toBe(403);
    expect(await upgradeStatus(`${ws}?token=${'0'.repeat(64)}`, origin)).toBe(403);
    expect(await upgradeStatus(`${ws}?token=${server.token}`)).toBe(403);
    expect(await upgradeStatus(`${ws}?token=${server.token}`, 'http://evil.example')).toBe(403);
    expect(
      await upgradeStatus(`ws://127.0.0.1:${server.port}/other?token=${server.token}`, origin),
    ).toBe(403);
    expect(await upgradeStatus(`${ws}?token=${server.token}`, origin)).toBe(101);
  });

  it('accepts the cookie instead of the query token (a reloaded page)', async () => {
    const ws = await openSocket(`ws://127.0.0.1:${server.port}/ws`, origin, {
      Cookie: `parley_token_${server.port}=${server.token}`,
    });
    const client = new SocketClient(ws);
    expect(await client.call('sweeps:list', {})).toEqual({ id: 1, ok: true, result: [] });
    client.close();
  });

  it('round-trips contract requests on the fresh database and rejects channels outside the contract without effect', async () => {
    const client = new SocketClient(await openSocket(server.wsUrl, origin));
    expect(await client.call('sweeps:list', {})).toEqual({ id: 1, ok: true, result: [] });

    const demo = (await client.call('sweeps:demo', {})) as { ok: true; result: unknown };
    expect(demo.ok).toBe(true);
    // A name outside the contract, carrying a valid sweep: refused by name, nothing stored.
    for (const channel of [
      'sweeps:create:now',
      'store:exec',
      'constructor',
      '__proto__',
      'toString',
      'SWEEPS:CREATE',
    ]) {
      const reply = await client.call(channel, { doc: demo.result, start: false });
      expect(reply).toEqual({
        id: expect.any(Number),
        ok: false,
        error: { message: `unknown channel "${channel}"` },
      });
    }
    expect(await client.call('sweeps:list', {})).toEqual({ id: 9, ok: true, result: [] });
    expect(
      ((await client.call('app:info', {})) as { result: { sweepCount: number } }).result.sweepCount,
    ).toBe(0);

    const created = (await client.call('sweeps:create', { doc: demo.result, start: false })) as {
      ok: boolean;
      result: { sweepId: string; total: number; inserted: number };
    };
    expect(created.ok).toBe(true);
    expect(created.result.total).toBe(created.result.inserted);
    expect(created.result.total).toBeGreaterThan(0);
    const listed = (await client.call('sweeps:list', {})) as {
      result: { id: string; progress: { total: number } }[];
    };
    expect(listed.result.map((s) => [s.id, s.progress.total])).toEqual([
      [created.result.sweepId, created.result.total],
    ]);
    client.close();
  });

  it('answers bad envelopes and bad arguments with errors, never by dropping the socket', async () => {
    const client = new SocketClient(await openSocket(server.wsUrl, origin));
    const notJson = (await client.sendRaw('{nope', null)) as {
      id: null;
      ok: false;
      error: { message: string };
    };
    expect(notJson.ok).toBe(false);
    expect(notJson.error.message).toMatch(/^not JSON/);
    const noId = (await client.sendRaw(JSON.stringify({ channel: 'sweeps:list' }), null)) as {
      ok: boolean;
      error: { message: string };
    };
    expect(noId.ok).toBe(false);
    expect(noId.error.message).toMatch(/^a request is \{"id", "channel", "args"\}/);
    expect(await client.call('sweeps:get', {})).toEqual({
      id: 1,
      ok: false,
      error: {
        message:
          'invalid arguments for "sweeps:get": sweepId: Invalid input: expected string, received undefined',
        issues: [
          { path: 'sweepId', message: 'Invalid input: expected string, received undefined' },
        ],
      },
    });
    expect(await client.call('app:info', { extra: true })).toMatchObject({ id: 2, ok: false });
    expect(await client.call('sweeps:list', {})).toMatchObject({ id: 3, ok: true });
    client.close();
  });

  it('pushes contract events to connected sockets', async () => {
    const client = new SocketClient(await openSocket(server.wsUrl, origin));
    const demo = (await client.call('sweeps:demo', {})) as { result: Record<string, unknown> };
    const progress = client.nextEvent('jobs:progress');
    const created = (await client.call('sweeps:create', {
      doc: { ...demo.result, name: 'events' },
      start: true,
    })) as { result: { sweepId: string } };
    const event = (await progress) as { event: string; payload: { sweepId: string } };
    expect(event.event).toBe('jobs:progress');
    expect(event.payload.sweepId).toBe(created.result.sweepId);
    expect(await client.call('sweeps:pause', { sweepId: created.result.sweepId })).toMatchObject({
      ok: true,
    });
    client.close();
  });

  it('exports figures through results:exportFigure, a contract channel like the others, refusing bad fields by name', async () => {
    expect(REQUEST_CHANNELS).toContain('results:exportFigure');
    const client = new SocketClient(await openSocket(server.wsUrl, origin));
    const demo = (await client.call('sweeps:demo', {})) as { result: Record<string, unknown> };
    const doc = {
      ...demo.result,
      name: 'export over the socket',
      competition: { levels: [0, 1] },
      runs: { count: 1, baseSeed: 3 },
    };
    const created = (await client.call('sweeps:create', { doc, start: true })) as {
      result: { sweepId: string; total: number };
    };
    const { sweepId, total } = created.result;
    await vi.waitFor(
      async () => {
        const got = (await client.call('sweeps:get', { sweepId })) as {
          result: { progress: { counts: { finished: number } } };
        };
        expect(got.result.progress.counts.finished).toBe(total);
      },
      { timeout: 30_000, interval: 100 },
    );

    // Binary formats cross the socket as base64: a 3.25 in PNG at 300 dpi is 975 px wide.
    const png = (await client.call('results:exportFigure', {
      sweepId,
      figure: 'heatmap',
      metric: 'utility_focal',
      format: 'png',
      width: 'column',
    })) as {
      ok: true;
      result: {
        fileName: string;
        mime: string;
        encoding: string;
        content: string;
        provenance: { sweepIds: string[] };
      };
    };
    expect(png.ok).toBe(true);
    expect(png.result).toMatchObject({
      fileName: 'export-over-the-socket-heatmap-utility_focal.png',
      mime: 'image/png',
      encoding: 'base64',
      provenance: { sweepIds: [sweepId] },
    });
    expect(Buffer.from(png.result.content, 'base64').readUInt32BE(16)).toBe(975);
    const csv = (await client.call('results:exportFigure', {
      sweepId,
      figure: 'table',
      format: 'csv',
    })) as { ok: true; result: { encoding: string; content: string } };
    expect(csv.result.encoding).toBe('utf8');
    // One row per cell: five capabilities x two levels.
    expect(csv.result.content.trim().split('\n')).toHaveLength(1 + 10);

    const refused = (await client.call('results:exportFigure', {
      sweepId,
      figure: 'heatmap',
      metric: 'wealth',
      format: 'csv',
      width: 'column',
    })) as { ok: false; error: { issues: { path: string }[] } };
    expect(refused.ok).toBe(false);
    expect(refused.error.issues.map((i) => i.path)).toEqual(['metric']);
    expect(
      await client.call('results:exportFigure', {
        sweepId: 'nope',
        figure: 'curves',
        format: 'svg',
      }),
    ).toMatchObject({
      ok: false,
      error: {
        message: 'no sweep with id "nope"',
        issues: [{ path: 'sweepId', message: 'unknown sweep' }],
      },
    });
    client.close();
  });
});

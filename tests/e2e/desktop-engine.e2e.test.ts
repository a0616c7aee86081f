// The desktop app's engine as it is packaged: the electron-vite bundle out/main/engine-process.js
// (built by tests/run-e2e.sh), run under plain Node with a stand-in for Electron's parentPort.
// Proves the bundle opens a database with its copied migrations, runs a sweep, draws a figure
// with its fonts and PDF/PNG renderers, and shuts down cleanly: what the installer ships.
import { execFileSync, fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateResult, ExportFigureResult, RequestReply } from '../../src-shared/contract';
import type { FromEngine } from '../../src-main/electron/ipc-protocol';
import { ROOT } from './build-renderer';

const BUNDLE = join(ROOT, 'out', 'main', 'engine-process.js');
const SHIM = join(ROOT, 'tests', 'e2e', 'parent-port-shim.mjs');

let dir: string;
let child: ChildProcess;
const received: FromEngine[] = [];
const waiters: { match: (m: FromEngine) => boolean; resolve: (m: FromEngine) => void }[] = [];
let nextId = 1;

function next(match: (m: FromEngine) => boolean): Promise<FromEngine> {
  const seen = received.find(match);
  return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ match, resolve }));
}

async function request<T>(channel: string, args: unknown): Promise<T> {
  const id = nextId++;
  child.send({ type: 'request', id, channel, args });
  const reply = (await next((m) => m.type === 'reply' && m.id === id)) as { reply: RequestReply };
  if (!reply.reply.ok) throw new Error(`${channel}: ${JSON.stringify(reply.reply.error)}`);
  return reply.reply.result as T;
}

beforeAll(() => {
  expect(existsSync(BUNDLE), `${BUNDLE} is missing: run the suite through tests/run-e2e.sh`).toBe(
    true,
  );
  dir = mkdtempSync(join(tmpdir(), 'parley-desktop-engine-'));
  child = fork(BUNDLE, ['--db', join(dir, 'parley.db')], {
    cwd: dir,
    execArgv: ['--import', SHIM],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.on('message', (m: FromEngine) => {
    received.push(m);
    for (const w of waiters.slice()) {
      if (w.match(m)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  });
});

afterAll(() => {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('the packaged desktop engine (out/main/engine-process.js)', () => {
  it('opens the database, runs the demo, exports a PDF and shuts down', async () => {
    const ready = await next((m) => m.type === 'ready' || m.type === 'fatal');
    expect(ready).toEqual({ type: 'ready', dbPath: join(dir, 'parley.db'), recovered: 0 });

    const info = await request<{ mode: string }>('app:info', {});
    expect(info.mode).toBe('desktop');

    // As the first-run screen does it: the demo document, then create and start it.
    const doc = await request<unknown>('sweeps:demo', {});
    const created = await request<CreateResult>('sweeps:create', { doc });
    expect(created.total).toBe(250);
    const progress = (m: FromEngine) =>
      m.type === 'event' && m.event.event === 'jobs:progress' ? m.event.payload : null;
    await next((m) => {
      const p = progress(m);
      return p !== null && p.sweepId === created.sweepId && p.counts.finished === 250;
    });

    const pdf = await request<ExportFigureResult>('results:exportFigure', {
      sweepId: created.sweepId,
      figure: 'heatmap',
      metric: 'utility_focal',
      format: 'pdf',
      width: 'full',
    });
    expect(pdf.encoding).toBe('base64');
    const file = join(dir, pdf.fileName);
    writeFileSync(file, Buffer.from(pdf.content, 'base64'));
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(
      /^Page size:\s+486 x \d+ pts/m,
    );
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(
      /DejaVuSans\s+CID TrueType\s+Identity-H\s+yes yes yes/,
    );

    const png = await request<ExportFigureResult>('results:exportFigure', {
      sweepId: created.sweepId,
      figure: 'curves',
      metric: 'utility_focal',
      format: 'png',
      width: 'column',
    });
    // 3.25 in at 300 dpi: the width in the PNG header (bytes 16..19).
    expect(Buffer.from(png.content, 'base64').readUInt32BE(16)).toBe(975);

    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    child.send({ type: 'shutdown' });
    await next((m) => m.type === 'closed');
    expect(await exited).toBe(0);
    // The last connection closed: the write-ahead log is folded back into the database.
    expect(existsSync(join(dir, 'parley.db-wal'))).toBe(false);
  });
});

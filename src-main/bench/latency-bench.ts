// ui_latency_under_load_ms (issue 14): how fast `parley serve` answers the browser while a
// CPU-bound strategy sweep runs. A whole `parley serve` process runs a 2,500-game demo-sized
// sweep; a WebSocket client sends `app:info` every 25 ms and reports the p95 round trip.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { demoSweep } from '../sweeps/demo';
import type { BenchResult } from './types';

const BIN = fileURLToPath(new URL('../../bin/parley.js', import.meta.url));
const TARGET_MS = 100;
const SAMPLES = 200;
const INTERVAL_MS = 25;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}

export async function uiLatencyUnderLoadMs(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-latency-'));
  const child = spawn(process.execPath, [BIN, 'serve', '--host-only', '--db', join(dir, 'p.db')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const wsUrl = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += String(d);
        const m = /(ws:\/\/127\.0\.0\.1:\d+\/ws\?token=[0-9a-f]+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`parley serve exited (${code}): ${out}`)));
    });
    const origin = `http://${new URL(wsUrl).host}`;
    const ws = new WebSocket(wsUrl, { headers: { Origin: origin } });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const waiting = new Map<number, (v: { ok: boolean; result?: unknown }) => void>();
    ws.on('message', (raw: Buffer) => {
      const msg = JSON.parse(String(raw)) as { id?: number; ok: boolean; result?: unknown };
      if (typeof msg.id === 'number') waiting.get(msg.id)?.(msg);
    });
    let nextId = 1;
    const call = (channel: string, args: unknown) => {
      const id = nextId++;
      return new Promise<{ ok: boolean; result?: unknown }>((resolve) => {
        waiting.set(id, resolve);
        ws.send(JSON.stringify({ id, channel, args }));
      });
    };
    const doc = { ...demoSweep(), name: 'latency bench', runs: { count: 50, baseSeed: 1 } };
    const created = await call('sweeps:create', { doc });
    if (!created.ok) throw new Error(`sweeps:create failed: ${JSON.stringify(created)}`);
    const times: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const started = performance.now();
      await call('app:info', {});
      times.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, INTERVAL_MS));
    }
    const list = await call('sweeps:list', {});
    const progress = (list.result as { progress: { done: number; total: number } }[])[0]?.progress;
    ws.close();
    const value = Math.round(percentile(times, 0.95) * 10) / 10;
    return {
      name: 'ui_latency_under_load_ms',
      value,
      unit: 'ms',
      target: `< ${TARGET_MS} (p95)`,
      pass: value < TARGET_MS,
      detail: {
        samples: times.length,
        p50Ms: Math.round(percentile(times, 0.5) * 10) / 10,
        maxMs: Math.round(Math.max(...times) * 10) / 10,
        gamesDoneDuringSamples: progress?.done ?? null,
        gamesInSweep: progress?.total ?? null,
      },
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('close', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

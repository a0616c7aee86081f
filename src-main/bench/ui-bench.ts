// UI benchmarks of the served app in Debian's Chromium (playwright-core), against `parley serve`
// on a temporary database: ui_first_paint_ms (first contentful paint of a cold load),
// heatmap_render_ms (a 40 x 40 grid: data received -> painted) and transcript_open_ms (a game of
// 5,000 messages: request -> first frame painted) and ui_first_load_bytes (the compressed JS and
// CSS a cold load of the first screen transfers). Needs the built renderer (out/renderer).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, Response } from 'playwright-core';
import { openStore } from '../store/store';
import { startServer } from '../web/serve';
import { defaultStaticDir } from '../cli/serve-command';
import type { BenchResult } from './types';
import {
  GRID,
  RUNS_PER_CELL,
  TRANSCRIPT_TURNS,
  buildGridSweep,
  buildLongGame,
  round2,
} from './ui-bench-data';

const REPS = 5;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface BrowserGlobals {
  location: { hash: string };
  document: { querySelector(selector: string): { scrollTop: number; scrollHeight: number } | null };
  requestAnimationFrame(callback: (t: number) => void): number;
}

/** Waits for a User Timing mark set by the renderer (src-renderer/lib/perf.ts). */
async function waitMark(page: Page, name: string): Promise<number> {
  await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, {
    timeout: 60_000,
  });
  return page.evaluate((n) => performance.getEntriesByName(n)[0].startTime, name);
}

async function inApp(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    performance.clearMarks();
    performance.mark('parley:bench-navigate');
    (globalThis as unknown as BrowserGlobals).location.hash = h;
  }, hash);
}

/** One script or stylesheet of a cold first load: bytes on the wire and decoded. */
interface LoadedFile {
  url: string;
  type: 'script' | 'stylesheet';
  wireBytes: number;
  bodyBytes: number;
  encoding: string | null;
}

interface Figures {
  /** The JS and CSS of the first cold load (the first repetition). */
  firstLoad: LoadedFile[];
  firstPaint: number[];
  appReady: number[];
  heatmapRender: number[];
  heatmapTotal: number[];
  transcriptOpen: number[];
  transcriptData: number[];
  scrollFrameP95: number[];
}

async function measure(
  browser: Browser,
  url: string,
  gridId: string,
  gameId: string,
): Promise<Figures> {
  const f: Figures = {
    firstLoad: [],
    firstPaint: [],
    appReady: [],
    heatmapRender: [],
    heatmapTotal: [],
    transcriptOpen: [],
    transcriptData: [],
    scrollFrameP95: [],
  };
  for (let rep = 0; rep < REPS; rep++) {
    // A fresh context each time: a cold cache, as on first opening the printed URL.
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const loads: Promise<LoadedFile>[] = [];
    const onResponse = (r: Response) => {
      const type = r.request().resourceType();
      if (type !== 'script' && type !== 'stylesheet') return;
      loads.push(
        Promise.all([r.request().sizes(), r.body()]).then(([sizes, body]) => ({
          url: new URL(r.url()).pathname,
          type,
          wireBytes: sizes.responseBodySize,
          bodyBytes: body.length,
          encoding: r.headers()['content-encoding'] ?? null,
        })),
      );
    };
    if (rep === 0) page.on('response', onResponse);
    await page.goto(url);
    await page.waitForSelector('[data-testid="connection"][data-state="open"]');
    await page.waitForSelector('[data-testid^="sweep-"]');
    if (rep === 0) {
      page.off('response', onResponse);
      f.firstLoad = await Promise.all(loads);
    }
    const [fcp, ready] = await page.evaluate(() => [
      performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      performance.now(),
    ]);
    f.firstPaint.push(fcp);
    f.appReady.push(ready);

    await inApp(page, `#/results/${encodeURIComponent(gridId)}`);
    const t0 = await waitMark(page, 'parley:bench-navigate');
    const data = await waitMark(page, 'parley:heatmap-data');
    const painted = await waitMark(page, 'parley:chart-painted:heatmap');
    f.heatmapRender.push(painted - data);
    f.heatmapTotal.push(painted - t0);

    await inApp(page, `#/transcripts/${encodeURIComponent(gameId)}`);
    const request = await waitMark(page, 'parley:transcript-request');
    const tData = await waitMark(page, 'parley:transcript-data');
    const tPainted = await waitMark(page, 'parley:transcript-painted');
    f.transcriptOpen.push(tPainted - request);
    f.transcriptData.push(tData - request);
    const turns = await page.locator('[data-testid="turn"]').count();
    if (turns === 0 || turns > 200)
      throw new Error(
        `the timeline rendered ${turns} turn elements (expected a virtualised window)`,
      );

    // Scroll the whole timeline in 60 steps, one per frame; the 95th percentile frame time.
    f.scrollFrameP95.push(
      await page.evaluate(async () => {
        const win = globalThis as unknown as BrowserGlobals;
        const el = win.document.querySelector('[data-testid="timeline"]');
        if (!el) throw new Error('no timeline');
        const frames: number[] = [];
        let last = performance.now();
        for (let step = 1; step <= 60; step++) {
          el.scrollTop = (el.scrollHeight * step) / 60;
          await new Promise((r) => win.requestAnimationFrame(r));
          const now = performance.now();
          frames.push(now - last);
          last = now;
        }
        frames.sort((a, b) => a - b);
        return frames[Math.floor(frames.length * 0.95)];
      }),
    );
    await context.close();
  }
  return f;
}

async function runUiBench(): Promise<Figures & { turns: number; cells: number }> {
  const staticDir = defaultStaticDir();
  if (!existsSync(join(staticDir, 'index.html')))
    throw new Error(
      `the UI is not built (${staticDir}/index.html is missing): run \`npm run build:web\` first`,
    );
  const { chromium } = await import('playwright-core');
  const dir = mkdtempSync(join(tmpdir(), 'parley-ui-bench-'));
  const dbPath = join(dir, 'bench.db');
  const writer = openStore(dbPath);
  const gridId = buildGridSweep(writer);
  const gameId = buildLongGame(writer);
  const turns = writer.countTurns(gameId);
  writer.close();
  const server = await startServer({ dbPath, staticDir, resumeActive: false });
  const browser = await chromium.launch({
    executablePath: process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    return { ...(await measure(browser, server.url, gridId, gameId)), turns, cells: GRID * GRID };
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// The four figures share one setup (store, server, browser), run once per `parley bench`.
let shared: ReturnType<typeof runUiBench> | null = null;
const figures = () => (shared ??= runUiBench());

export async function uiFirstPaintMs(): Promise<BenchResult> {
  const f = await figures();
  const value = round2(median(f.firstPaint));
  return {
    name: 'ui_first_paint_ms',
    value,
    unit: 'ms',
    target: '< 1000',
    pass: value < 1000,
    detail: {
      runs_ms: f.firstPaint.map(round2),
      app_ready_ms: round2(median(f.appReady)),
      cold_cache: true,
      viewport: '1440x900',
    },
  };
}

/** Budget of the first screen's compressed JS + CSS (the 992 KB single chunk was ~300 KB gzip). */
const FIRST_LOAD_BUDGET = 250_000;

export async function uiFirstLoadBytes(): Promise<BenchResult> {
  const f = await figures();
  const sum = (type: LoadedFile['type'], key: 'wireBytes' | 'bodyBytes') =>
    f.firstLoad.filter((l) => l.type === type).reduce((s, l) => s + l[key], 0);
  const value = sum('script', 'wireBytes') + sum('stylesheet', 'wireBytes');
  return {
    name: 'ui_first_load_bytes',
    value,
    unit: 'bytes',
    target: `< ${FIRST_LOAD_BUDGET}`,
    pass: value > 0 && value < FIRST_LOAD_BUDGET,
    detail: {
      js_bytes: sum('script', 'wireBytes'),
      css_bytes: sum('stylesheet', 'wireBytes'),
      uncompressed_bytes: sum('script', 'bodyBytes') + sum('stylesheet', 'bodyBytes'),
      // As the browser asked for them (brotli or gzip; files under 1 KB go as they are).
      encodings: [...new Set(f.firstLoad.map((l) => l.encoding ?? 'identity'))],
      files: f.firstLoad.map((l) => `${l.url} ${l.wireBytes}`),
      screen: 'runs (the first screen)',
    },
  };
}

export async function heatmapRenderMs(): Promise<BenchResult> {
  const f = await figures();
  const value = round2(median(f.heatmapRender));
  return {
    name: 'heatmap_render_ms',
    value,
    unit: 'ms',
    target: '< 500',
    pass: value < 500,
    detail: {
      cells: f.cells,
      games: f.cells * RUNS_PER_CELL,
      runs_ms: f.heatmapRender.map(round2),
      with_query_and_transfer_ms: round2(median(f.heatmapTotal)),
    },
  };
}

export async function transcriptOpenMs(): Promise<BenchResult> {
  const f = await figures();
  const value = round2(median(f.transcriptOpen));
  const scroll = round2(median(f.scrollFrameP95));
  return {
    name: 'transcript_open_ms',
    value,
    unit: 'ms',
    target: '< 1000',
    pass: value < 1000 && f.turns === TRANSCRIPT_TURNS,
    detail: {
      messages: f.turns,
      runs_ms: f.transcriptOpen.map(round2),
      request_to_data_ms: round2(median(f.transcriptData)),
      scroll_frame_p95_ms: scroll,
    },
  };
}

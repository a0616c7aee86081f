// UI benchmarks of the served app in Debian's Chromium (playwright-core), against `parley serve`
// on a temporary database: ui_first_paint_ms (first contentful paint of a cold load),
// heatmap_render_ms (a 40 x 40 grid: data received -> painted) and transcript_open_ms (a game of
// 5,000 messages: request -> first frame painted) and ui_first_load_bytes (the compressed JS and
// CSS a cold load of the first screen transfers). Needs the built renderer (out/renderer).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, Response } from 'playwright-core';
import { getGame } from '../../games/index';
import type { TurnRecord, Vote } from '../../src-shared/game';
import type { PlannedGame } from '../../src-shared/planned-game';
import { openStore } from '../store/store';
import type { Store } from '../store/types';
import { startServer } from '../web/serve';
import { defaultStaticDir } from '../cli/serve-command';
import type { BenchResult } from './types';

const GRID = 40;
const RUNS_PER_CELL = 2;
const TRANSCRIPT_TURNS = 5000;
const REPS = 5;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
const PROTOCOL = {
  rounds: 10,
  gamma: 0.9,
  discussionTurns: 2,
  acceptance: 'unanimous' as const,
  vetoHolders: [0],
  maxProposalAttempts: 3,
};

const round2 = (x: number) => Math.round(x * 100) / 100;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const participant = (id: string, c: number) => ({
  id,
  kind: 'strategy' as const,
  strategy: 'bounded-rational' as const,
  capability: c,
  displayName: `c=${c}`,
  scores: { capability: c },
});

/** 40 capabilities x 40 competition levels x 2 runs of finished games. */
export function buildGridSweep(store: Store): string {
  const sweepId = 'bench-ui-grid';
  const reference = participant('reference', 0.5);
  const games: PlannedGame[] = [];
  let i = 0;
  for (let x = 0; x < GRID; x++) {
    const c = round2((x + 1) / GRID);
    const focal = participant(`br-${c}`, c);
    for (let y = 0; y < GRID; y++) {
      const level = round2(y / (GRID - 1));
      for (let run = 0; run < RUNS_PER_CELL; run++, i++) {
        games.push({
          id: `grid${String(i).padStart(6, '0')}`,
          kind: 'item-allocation',
          params: { items: 5, competition: level },
          protocol: PROTOCOL,
          nAgents: 2,
          participants: [focal, reference],
          seed: i,
          runIndex: run,
          order: 'weak_first',
          competitionLevel: level,
          rho: null,
          theta: null,
          alpha: null,
          sigma: null,
          focalId: focal.id,
          focalCapability: c,
          capabilities: [c, 0.5],
        });
      }
    }
  }
  store.transaction(() => {
    store.upsertSweep({
      id: sweepId,
      name: 'bench: 40 x 40 grid',
      spec: { capabilityMetric: 'capability', game: { kind: 'item-allocation' } },
    });
    store.insertPlannedGames(sweepId, games);
    for (const g of games) {
      const u = Math.round(
        100 *
          (0.3 + 0.5 * (g.focalCapability ?? 0) - 0.3 * g.competitionLevel + 0.1 * (g.seed % 3)),
      );
      store.finishGame(g.id, {
        deal: true,
        round: 1,
        proposal: null,
        proposer: 0,
        rawUtilities: [u, 100 - u],
        utilities: [u, 100 - u],
        invalidProposals: [0, 0],
        syntheticVotes: [0, 0],
        parseFailures: [0, 0],
      });
    }
  });
  return sweepId;
}

const WORDS =
  'apple jewel stone quill pencil offer value fair split concede insist propose accept reject round deal utility share keep give'.split(
    ' ',
  );

function text(seed: number): string {
  const n = 8 + ((seed * 7919) % 90);
  return Array.from({ length: n }, (_, k) => WORDS[(seed * 31 + k * 17) % WORDS.length]).join(' ');
}

/** One finished four-agent game with exactly 5,000 committed turns. */
export function buildLongGame(store: Store): string {
  const id = 'bench-ui-long-game';
  const sweepId = 'bench-ui-long';
  const nAgents = 4;
  const agents = Array.from({ length: nAgents }, (_, a) =>
    participant(`agent-${a}`, round2((a + 1) / 5)),
  );
  const game = getGame('item-allocation');
  const instance = game.create(game.paramsSchema.parse({ items: 5, competition: 0.5 }), nAgents, 1);
  const turns: TurnRecord[] = [];
  const push = (t: Omit<TurnRecord, 'pass' | 'attempt' | 'status'> & Partial<TurnRecord>) => {
    if (turns.length < TRANSCRIPT_TURNS) turns.push({ pass: 0, attempt: 0, status: 'ok', ...t });
  };
  for (let a = 0; a < nAgents; a++)
    push({
      round: 0,
      phase: 'setup',
      agent: a,
      visibility: 'private',
      text: instance.rules,
      action: null,
    });
  for (let round = 1; turns.length < TRANSCRIPT_TURNS; round++) {
    for (let pass = 0; pass < 10; pass++)
      for (let a = 0; a < nAgents; a++)
        push({
          round,
          phase: 'discussion',
          pass,
          agent: a,
          visibility: 'public',
          text: text(turns.length),
          action: null,
        });
    for (let a = 0; a < nAgents; a++)
      push({
        round,
        phase: 'thinking',
        agent: a,
        visibility: 'private',
        text: text(turns.length),
        action: null,
      });
    for (let a = 0; a < nAgents; a++)
      push({
        round,
        phase: 'proposal',
        agent: a,
        visibility: 'public',
        text: `{"allocation": [${a},${(a + 1) % nAgents},0,1,2]}`,
        action: { allocation: [a, (a + 1) % nAgents, 0, 1, 2] },
      });
    const listed = Array.from({ length: nAgents }, (_, a) => ({
      number: a + 1,
      proposer: a,
      proposal: { allocation: [a, (a + 1) % nAgents, 0, 1, 2] },
    }));
    push({
      round,
      phase: 'listing',
      agent: -1,
      visibility: 'public',
      text: `Round ${round} proposals:\n${listed.map((p) => `${p.number}. by Agent_${p.proposer + 1}: allocation ${JSON.stringify(p.proposal.allocation)}`).join('\n')}`,
      action: listed,
    });
    const votes: Vote[][] = Array.from({ length: nAgents }, (_, a) =>
      listed.map((p) => (p.proposer === a ? 'accept' : 'reject')),
    );
    for (let a = 0; a < nAgents; a++)
      push({
        round,
        phase: 'vote',
        agent: a,
        visibility: 'private',
        text: votes[a].join(', '),
        action: { votes: votes[a] },
      });
    push({
      round,
      phase: 'tally',
      agent: -1,
      visibility: 'public',
      text: 'No proposal passed.',
      action: { votes, accepted: null },
    });
    for (let a = 0; a < nAgents; a++)
      push({
        round,
        phase: 'reflection',
        agent: a,
        visibility: 'private',
        text: text(turns.length),
        action: null,
      });
  }
  const rounds = turns.at(-1)?.round ?? 1;
  store.transaction(() => {
    store.upsertSweep({
      id: sweepId,
      name: 'bench: 5,000-message game',
      spec: { capabilityMetric: 'capability', game: { kind: 'item-allocation' } },
    });
    store.insertPlannedGames(sweepId, [
      {
        id,
        kind: 'item-allocation',
        params: { items: 5, competition: 0.5 },
        protocol: { ...PROTOCOL, rounds, discussionTurns: 10 },
        nAgents,
        participants: agents,
        seed: 1,
        runIndex: 0,
        order: 'weak_first',
        competitionLevel: 0.5,
        rho: null,
        theta: null,
        alpha: null,
        sigma: null,
        focalId: agents[0].id,
        focalCapability: 0.2,
        capabilities: agents.map((a) => a.capability),
      },
    ]);
    store.markGameRunning(id, instance);
    for (const t of turns) store.appendTurn(id, t);
    store.finishGame(id, {
      deal: false,
      round: null,
      proposal: null,
      proposer: null,
      rawUtilities: [0, 0, 0, 0],
      utilities: [0, 0, 0, 0],
      invalidProposals: [0, 0, 0, 0],
      syntheticVotes: [0, 0, 0, 0],
      parseFailures: [0, 0, 0, 0],
    });
  });
  return id;
}

/** The few browser globals the page-side functions use (this file compiles without the DOM lib). */
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

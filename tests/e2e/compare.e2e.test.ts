// Run-vs-run comparison in Chromium: two demo sweeps of thousands of games (gamma 0.9 against
// gamma 0.8, same seeds) created through the contract, the difference heatmap and its table
// driven by keyboard alone, a cell's pairs, two transcripts side by side, and tags and notes that
// persist and filter the pairs. The host's comparison time is measured and printed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type {
  Annotation,
  ComparePair,
  CompareResult,
  CreateResult,
  SweepProgress,
} from '../../src-shared/contract';
import { openSocket, SocketClient } from '../integration/serve-helpers';
import { launchBrowser, openApp, pageErrors, screenshot, serve } from './harness';
import type { Served } from './harness';

let browser: Browser;
let served: Served | null = null;
let client: SocketClient | null = null;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  client?.close();
  await served?.stop();
  await browser?.close();
});

/** Runs per cell: 5 capabilities x 5 levels x 2 orders x RUNS games per sweep. */
const RUNS = 30;

async function call<T>(channel: string, args: unknown): Promise<T> {
  const reply = (await client!.call(channel, args)) as {
    ok: boolean;
    result?: T;
    error?: unknown;
  };
  if (!reply.ok) throw new Error(`${channel}: ${JSON.stringify(reply.error)}`);
  return reply.result as T;
}

async function waitDone(sweepId: string): Promise<void> {
  for (;;) {
    const p = await call<SweepProgress>('sweeps:get', { sweepId }).then(
      (d) => (d as unknown as { progress: SweepProgress }).progress,
    );
    if (p.done === p.total) return;
    await client!.nextEvent('jobs:progress');
  }
}

async function focused(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
}

describe('compare two runs', () => {
  it('pairs thousands of games, shows the difference grid and keeps tags and notes', async () => {
    served = await serve();
    const { port, searchParams } = new URL(served.url);
    const origin = `http://127.0.0.1:${port}`;
    client = new SocketClient(
      await openSocket(`ws://127.0.0.1:${port}/ws?token=${searchParams.get('token')}`, origin),
    );
    const demo = await call<Record<string, unknown>>('sweeps:demo', {});
    const runs = { count: RUNS, baseSeed: 1 };
    const a = await call<CreateResult>('sweeps:create', {
      doc: { ...demo, name: 'A: gamma 0.9', runs },
    });
    const b = await call<CreateResult>('sweeps:create', {
      doc: { ...demo, name: 'B: gamma 0.8', gamma: 0.8, runs },
    });
    expect([a.total, b.total]).toEqual([50 * RUNS, 50 * RUNS]);
    await waitDone(a.sweepId);
    await waitDone(b.sweepId);

    // The contract: every game pairs (same cells, seeds and orders), measured on the host.
    const args = { a: { sweepId: a.sweepId }, b: { sweepId: b.sweepId }, metric: 'utility_focal' };
    const started = performance.now();
    const grid = await call<CompareResult>('compare:grid', args);
    const roundTripMs = performance.now() - started;
    console.log(
      `compare:grid over ${a.total + b.total} games: host ${grid.elapsedMs} ms, round trip ${roundTripMs.toFixed(0)} ms`,
    );
    expect(grid).toMatchObject({
      pairs: 50 * RUNS,
      unpairedA: 0,
      unpairedB: 0,
      ambiguousA: 0,
      ambiguousB: 0,
      pairedBy: ['focal', 'level', 'seed', 'order'],
    });
    expect(grid.cells).toHaveLength(25);
    expect(grid.cells.every((c) => c.n === 2 * RUNS && c.pMethod === 'monte-carlo')).toBe(true);
    // A cell's mean difference is the mean of its pairs' B - A.
    const cell = grid.cells[0];
    const pairs = await call<{ total: number; rows: ComparePair[] }>('compare:pairs', {
      ...args,
      focalKey: cell.focalKey,
      level: cell.level,
    });
    expect(pairs.total).toBe(2 * RUNS);
    const mean = pairs.rows.reduce((s, p) => s + p.diff!, 0) / pairs.rows.length;
    expect(cell.meanDiff).toBeCloseTo(mean, 9);

    // The screen, by keyboard: Alt+6 opens Compare; the sides come from the deep link.
    const page = await openApp(browser, served.url);
    await page.keyboard.press('Alt+6');
    await page.locator('.screen[data-screen="compare"]').waitFor();
    await page.evaluate(
      ([sa, sb]) => (location.hash = `#/compare?a=${sa}&b=${sb}`),
      [a.sweepId, b.sweepId],
    );
    await page.locator('[data-testid="diff-heatmap"][data-rendered="true"]').waitFor();
    expect(await page.getByTestId('compare-summary').textContent()).toMatch(
      new RegExp(`^${50 * RUNS} pairs matched by focal, level, seed, order · unpaired A 0, B 0`),
    );
    await screenshot(page, 'compare-heatmap-1440');
    // Every pair of the comparison, a page at a time.
    const total = page.getByTestId('pairs-total');
    await total.filter({ hasText: `pairs 1-200 of ${50 * RUNS}` }).waitFor();
    await page.getByTestId('pairs-next').focus();
    await page.keyboard.press('Enter');
    await total.filter({ hasText: `pairs 201-400 of ${50 * RUNS}` }).waitFor();

    await page.getByTestId('view-table').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('diff-table').waitFor();
    await page.getByTestId('diff-cell-0-0').focus();
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('diff-cell-1-0');
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toBe('diff-cell-1-1');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('diff-cell-0-0');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="diff-cell-0-0"][aria-pressed="true"]').waitFor();
    await screenshot(page, 'compare-table-1440');
    await page
      .locator('[data-testid="pairs-total"]')
      .filter({ hasText: `${2 * RUNS} pairs` })
      .waitFor();

    // Open the first pair side by side with the keyboard and tag and annotate game A.
    await page.getByTestId('open-pair').first().focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('pair-a-outcome').waitFor();
    await page.getByTestId('pair-b-outcome').waitFor();
    // The setup prompts are folded away until asked for.
    const pairA = page.getByTestId('pair-a');
    await pairA.locator('[data-testid="turn"]').first().waitFor();
    expect(await pairA.locator('[data-phase="setup"]').count()).toBe(0);
    await page.getByTestId('toggle-setup').click();
    expect(await pairA.locator('[data-phase="setup"]').count()).toBe(2);
    await page.getByTestId('toggle-setup').click();
    await page.getByTestId('annot-a-tags').focus();
    await page.keyboard.type('Odd-Deal, check');
    await page.keyboard.press('Enter');
    await page.getByTestId('annot-a-status').filter({ hasText: 'Tags saved.' }).waitFor();
    await page.getByTestId('annot-a-note').focus();
    await page.keyboard.type('Agent 2 concedes early.');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('annot-a-status').filter({ hasText: 'Note saved.' }).waitFor();
    await page.getByTestId('annot-b-tags').fill('bad tag!');
    await page.getByTestId('annot-b-save-tags').click();
    expect(await page.getByTestId('annot-b-status').textContent()).toBe(
      '“tag!” is not a tag: use 1-40 lowercase letters, digits or - _ : .',
    );
    await screenshot(page, 'compare-side-by-side-1440');

    const gameA = pairs.rows[0].gameA;
    expect(await call<Annotation[]>('annotations:get', { gameIds: [gameA] })).toEqual([
      {
        gameId: gameA,
        tags: ['check', 'odd-deal'],
        note: 'Agent 2 concedes early.',
        noteUpdatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);

    // The tag filter narrows the pairs to the tagged one, and it survives a reload.
    await page.getByTestId('tag-filter').selectOption('odd-deal');
    await page
      .locator('[data-testid="pairs-total"]')
      .filter({ hasText: /^1 pairs$/ })
      .waitFor();
    await page.reload();
    await page
      .locator('[data-testid="pairs-total"]')
      .filter({ hasText: /^1 pairs$/ })
      .waitFor();
    await expect(page.getByTestId('annot-a-tags').inputValue()).resolves.toBe('check odd-deal');
    await expect(page.getByTestId('annot-a-note').inputValue()).resolves.toBe(
      'Agent 2 concedes early.',
    );

    // Two seat orders of one sweep: order pinned, so pairs are keyed without it.
    await page.getByTestId('side-a-sweep').selectOption(a.sweepId);
    await page.getByTestId('side-b-sweep').selectOption(a.sweepId);
    await page.getByTestId('side-a-order').selectOption('weak_first');
    await page.getByTestId('side-b-order').selectOption('strong_first');
    await page
      .getByTestId('compare-summary')
      .filter({ hasText: `${25 * RUNS} pairs matched by focal, level, seed ·` })
      .waitFor();
    await page.getByTestId('view-heatmap').click();
    await page.locator('[data-testid="diff-heatmap"][data-rendered="true"]').waitFor();

    const small = await openApp(browser, served.url, { width: 1024, height: 700 });
    const deepLink =
      `#/compare?a=${a.sweepId}&b=${b.sweepId}&cell=${cell.focalKey}@${cell.level}` +
      `&pair=${pairs.rows[0].gameA},${pairs.rows[0].gameB}`;
    await small.evaluate((hash) => (location.hash = hash), deepLink);
    await small.locator('[data-testid="diff-heatmap"][data-rendered="true"]').waitFor();
    await small.getByTestId('pair-a-outcome').waitFor();
    await screenshot(small, 'compare-heatmap-1024');
    await small.getByTestId('side-by-side').scrollIntoViewIfNeeded();
    await screenshot(small, 'compare-side-by-side-1024');
    expect(pageErrors(page)).toEqual([]);
    expect(pageErrors(small)).toEqual([]);
  });
});

// A capability x incentive deliberation sweep in Chromium against `parley serve`: the shipped
// example (resources/examples/deliberation-capability-incentive.json, 18 rule-based games of the
// base game) created through the contract; the Results heatmap and its table name the focal
// party's incentive per row; a cell's game opens in the deliberation reader, which shows the
// parties with their roles and incentives, private scratchpads marked private, and each deal
// with every party's score of it, as games:deliberation serves them. Screenshots at 1440x900
// and 1024x700.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type {
  CreateResult,
  DeliberationView,
  GridResult,
  SweepProgress,
} from '../../src-shared/contract';
import { openSocket, SocketClient } from '../integration/serve-helpers';
import { ROOT } from './build-renderer';
import { launchBrowser, openApp, pageErrors, screenshot, serve } from './harness';
import type { Served } from './harness';

const EXAMPLE = join(ROOT, 'resources', 'examples', 'deliberation-capability-incentive.json');

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

async function call<T>(channel: string, args: unknown): Promise<T> {
  const reply = (await client!.call(channel, args)) as {
    ok: boolean;
    result?: T;
    error?: unknown;
  };
  if (!reply.ok) throw new Error(`${channel}: ${JSON.stringify(reply.error)}`);
  return reply.result as T;
}

async function waitDone(sweepId: string): Promise<SweepProgress> {
  for (;;) {
    const p = await call<{ progress: SweepProgress }>('sweeps:get', { sweepId }).then(
      (d) => d.progress,
    );
    if (p.done === p.total) return p;
    await client!.nextEvent('jobs:progress');
  }
}

const texts = (page: Page, selector: string) =>
  page
    .locator(selector)
    .allTextContents()
    .then((all) => all.map((t) => t.trim()));

describe('a capability x incentive deliberation sweep in Chromium', () => {
  it('names the incentive rows of the heatmap and reads a game with parties, scratchpads and deal scores', async () => {
    served = await serve();
    const { port, searchParams } = new URL(served.url);
    client = new SocketClient(
      await openSocket(
        `ws://127.0.0.1:${port}/ws?token=${searchParams.get('token')}`,
        `http://127.0.0.1:${port}`,
      ),
    );
    const doc = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
    const created = await call<CreateResult>('sweeps:create', { doc });
    // 3 focal models x 3 incentives x 1 order x 2 runs.
    expect(created.total).toBe(18);
    const progress = await waitDone(created.sweepId);
    expect(progress.done).toBe(18);

    // Results: the heatmap's rows are the focal party's incentives, named by the host's grid.
    const page = await openApp(browser, served.url);
    await page.evaluate((id) => (location.hash = `#/results/${id}`), created.sweepId);
    const heatmap = page.locator('[data-testid="heatmap"][data-rendered="true"]');
    await heatmap.waitFor();
    expect(await heatmap.getAttribute('aria-label')).toBe(
      'Heatmap of Focal utility (discounted) by capability and incentive of Environmental League; the Table view lists the same cells',
    );
    await screenshot(page, 'deliberation-01-results-heatmap-1440');
    await page.setViewportSize({ width: 1024, height: 700 });
    await heatmap.waitFor();
    await screenshot(page, 'deliberation-02-results-heatmap-1024');
    await page.setViewportSize({ width: 1440, height: 900 });

    // The Table view: one row per incentive, highest level on top, as the heatmap draws them.
    await page.getByTestId('results-view-table').click();
    const table = page.getByTestId('grid-table');
    await table.waitFor();
    expect(await texts(page, '[data-testid="grid-table"] thead th')).toEqual([
      'incentive',
      'focal-small (0.20)',
      'focal-medium (0.50)',
      'focal-large (0.80)',
    ]);
    expect(await texts(page, '[data-testid="grid-table"] tbody th')).toEqual([
      'untargeted_adv',
      'greedy',
      'cooperative',
    ]);
    // No final deal passes among these rule-based parties: the adversary scores 150, others 0.
    const means = await texts(page, '[data-testid="grid-table"] tbody .grid-mean');
    expect(means).toEqual(['150.0', '150.0', '150.0', '0.0', '0.0', '0.0', '0.0', '0.0', '0.0']);

    // The greedy cell of the largest focal model, then one of its two games.
    const grid = await call<GridResult>('results:grid', {
      sweepId: created.sweepId,
      metric: 'utility_focal',
    });
    const greedy = grid.yLabels!.indexOf('greedy');
    expect(greedy).toBe(1);
    await page.getByTestId(`grid-cell-2-${greedy}`).click();
    const panel = page.getByTestId('cell-panel');
    await panel.getByTestId('cell-games').waitFor();
    expect((await panel.locator('h2').textContent())?.replace('clear', '').trim()).toBe(
      'focal-large (0.80) · greedy',
    );
    expect(await panel.getByTestId('open-transcript').count()).toBe(2);
    await screenshot(page, 'deliberation-03-results-cell-1440');
    const link = panel.getByTestId('open-transcript').first();
    const gameId = decodeURIComponent(
      (await link.getAttribute('href'))!.replace(/^#\/transcripts\//, ''),
    );
    await link.click();
    await page
      .locator(`[data-testid="transcript"][data-game="${gameId}"][data-view="deliberation"]`)
      .waitFor();
    const view = await call<DeliberationView>('games:deliberation', { gameId });
    // The header names the cell's level as the results rows do: the focal party's incentive.
    expect(await page.getByTestId('reader-level').textContent()).toBe(
      'incentive of Environmental League: greedy',
    );

    // The parties panel: six parties in config.txt order with their roles and incentives; the
    // focal party (Environmental League) plays the cell's incentive, SportCo and the Department
    // of Tourism are made cooperative by the sweep.
    const parties = page.getByTestId('parties-panel');
    await parties.waitFor();
    const cards = parties.locator('section.agent-card');
    expect(await cards.count()).toBe(6);
    const shown = [];
    for (let seat = 0; seat < 6; seat++) {
      const card = parties.getByTestId(`party-${seat}`);
      shown.push([
        (await card.locator('h3').textContent())?.trim(),
        ...(await card.locator('.delib-tags .pill').allTextContents()),
      ]);
    }
    expect(shown).toEqual([
      ['Mayor', 'player', 'cooperative'],
      ['Other cities', 'player', 'cooperative'],
      ['Local Labour Union', 'player', 'cooperative'],
      ['SportCo', 'p1', 'cooperative'],
      ['Department of Tourism', 'p2', 'cooperative'],
      ['Environmental Leaguefocal', 'player', 'greedy'],
    ]);
    expect(view.parties.map((p) => [p.name, p.role, p.incentive])).toEqual(
      shown.map(([name, role, incentive]) => [name!.replace(/focal$/, ''), role, incentive]),
    );
    // Each party's option scores are folded and marked private.
    expect(await parties.locator('[data-testid^="scores-"] summary').first().textContent()).toBe(
      'private option scores',
    );

    // Private scratchpads, shown by default and marked private; the public answer beside them.
    await expect(page.getByTestId('show-private').isChecked()).resolves.toBe(true);
    const turnWithNote = page
      .locator('[data-testid="delib-turn"]')
      .filter({ has: page.getByTestId('note-scratchpad') })
      .first();
    const note = turnWithNote.getByTestId('note-scratchpad').first();
    expect(await note.locator('.private-tag').textContent()).toBe('private');
    expect(await note.locator('.private-tag').getAttribute('title')).toBe(
      'Only this party saw this',
    );
    expect(await note.locator('.delib-note-label').textContent()).toBe('scratchpad');
    expect((await note.locator('.text').textContent())!.length).toBeGreaterThan(0);
    expect(
      await turnWithNote.getByTestId('answer').locator('.delib-public-tag').textContent(),
    ).toBe('public answer');

    // A deal's score table: every party's score of it against its minimum, as the host scored it.
    const turnNo = Number(await turnWithNote.getAttribute('data-turn'));
    const deal = view.deals.find((d) => d.turn === turnNo)!;
    const dealBox = turnWithNote.getByTestId('deal');
    expect(await dealBox.locator('.delib-deal-text').textContent()).toBe(deal.deal);
    expect(await dealBox.getByTestId('deal-verdict').textContent()).toBe(
      deal.passes ? 'passes' : 'does not pass',
    );
    expect(await texts(page, `#delib-turn-${turnNo} [data-testid="deal"] thead th`)).toEqual(
      view.parties.map((p) =>
        p.role === 'p1' || p.role === 'p2' ? `${p.name} (${p.role})` : p.name,
      ),
    );
    expect(await dealBox.getByTestId('deal-score').allTextContents()).toEqual(
      view.parties.map(
        (p) => `${deal.agrees[p.seat] ? '✓' : '✗'} ${deal.scores[p.seat]} / ${p.minimum}`,
      ),
    );
    await turnWithNote.scrollIntoViewIfNeeded();
    await screenshot(page, 'deliberation-04-transcript-1440');

    // Hiding private notes hides every scratchpad and plan.
    await page.getByTestId('show-private').uncheck();
    expect(await page.getByTestId('note-scratchpad').count()).toBe(0);
    expect(await page.getByTestId('note-plan').count()).toBe(0);
    await page.getByTestId('show-private').check();

    await page.setViewportSize({ width: 1024, height: 700 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'deliberation-05-transcript-top-1024');
    await turnWithNote.scrollIntoViewIfNeeded();
    await screenshot(page, 'deliberation-06-transcript-deal-1024');
    expect(pageErrors(page)).toEqual([]);
  });
});

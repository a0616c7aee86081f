// Issue 14's research workbench in Chromium: a sweep's game list paged, sorted and filtered on the
// host; design errors in plain words at their rows; results with every metric, visible CIs and
// a keyboard table; the Wilcoxon test in Compare. One server and two demo sweeps (150 games each,
// gamma 0.9 against 0.8, same seeds) for the file. Screenshots go to tests/artifacts/.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type {
  CompareResult,
  CreateResult,
  GamesPage,
  GridResult,
  SweepProgress,
} from '../../src-shared/contract';
import { openSocket, SocketClient } from '../integration/serve-helpers';
import { launchBrowser, openApp, pageErrors, screenshot, serve } from './harness';
import type { Served } from './harness';

let browser: Browser;
let served: Served;
let client: SocketClient;
let a: CreateResult;
let b: CreateResult;
const RUNS = 3;

async function call<T>(channel: string, args: unknown): Promise<T> {
  const reply = (await client.call(channel, args)) as { ok: boolean; result?: T; error?: unknown };
  if (!reply.ok) throw new Error(`${channel}: ${JSON.stringify(reply.error)}`);
  return reply.result as T;
}

async function waitDone(sweepId: string): Promise<void> {
  for (;;) {
    const d = await call<{ progress: SweepProgress }>('sweeps:get', { sweepId });
    if (d.progress.done === d.progress.total) return;
    await client.nextEvent('jobs:progress');
  }
}

async function focused(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
}

beforeAll(async () => {
  browser = await launchBrowser();
  served = await serve();
  const { port, searchParams } = new URL(served.url);
  client = new SocketClient(
    await openSocket(
      `ws://127.0.0.1:${port}/ws?token=${searchParams.get('token')}`,
      `http://127.0.0.1:${port}`,
    ),
  );
  const demo = await call<Record<string, unknown>>('sweeps:demo', {});
  const runs = { count: RUNS, baseSeed: 1 };
  a = await call<CreateResult>('sweeps:create', { doc: { ...demo, name: 'A: gamma 0.9', runs } });
  b = await call<CreateResult>('sweeps:create', {
    doc: { ...demo, name: 'B: gamma 0.8', gamma: 0.8, runs },
  });
  await waitDone(a.sweepId);
  await waitDone(b.sweepId);
});
afterAll(async () => {
  client?.close();
  await served?.stop();
  await browser?.close();
});

describe('game list of a sweep', () => {
  it('pages, sorts and filters every game on the host, with no cap', async () => {
    expect(a.total).toBe(50 * RUNS);
    const deals = await call<GamesPage>('games:list', { sweepId: a.sweepId, deal: true, limit: 1 });
    const strongFirst = await call<GamesPage>('games:list', {
      sweepId: a.sweepId,
      order: 'strong_first',
      deal: true,
      limit: 1,
    });
    const tagged = (await call<GamesPage>('games:list', { sweepId: a.sweepId, limit: 3 })).rows;
    for (const g of tagged) await call('annotations:setTags', { gameId: g.id, tags: ['look'] });

    const page = await openApp(browser, served.url, { width: 1440, height: 900 });
    const row = page.getByTestId(`sweep-${a.sweepId}`);
    await row.getByTestId('toggle-games').click();
    const total = row.getByTestId('game-list-total');
    await total.filter({ hasText: `1–50 of ${a.total} games` }).waitFor();
    expect(await row.getByTestId('game-list-row').count()).toBe(50);
    await row.getByTestId('game-list-next').click();
    await total.filter({ hasText: `51–100 of ${a.total} games` }).waitFor();
    await row.getByTestId('game-list-next').click();
    await total.filter({ hasText: `101–150 of ${a.total} games` }).waitFor();
    await expect(row.getByTestId('game-list-next').isDisabled()).resolves.toBe(true);

    // Sorted by focal utility, highest first, across the whole sweep (back on page 1).
    await row.getByTestId('game-sort-utility').click();
    await row.getByTestId('game-sort-utility').click();
    await total.filter({ hasText: `1–50 of ${a.total} games` }).waitFor();
    const best = await call<GamesPage>('games:list', {
      sweepId: a.sweepId,
      sort: { key: 'utility', dir: 'desc' },
      limit: 1,
    });
    await row
      .getByTestId('game-list-row')
      .first()
      .filter({ hasText: best.rows[0].focalUtility!.toFixed(1) })
      .waitFor();

    // Filters combine on the host: deals, then strong first.
    await row.getByTestId('game-filter-outcome').selectOption('deal');
    await total.filter({ hasText: `of ${deals.total} games` }).waitFor();
    await row.getByTestId('game-filter-order').selectOption('strong_first');
    await total.filter({ hasText: `of ${strongFirst.total} games` }).waitFor();
    await screenshot(page, 'research-game-list-1440');
    await row.getByTestId('game-filter-clear').click();
    await row.getByTestId('game-filter-tag').selectOption('look');
    await total.filter({ hasText: '1–3 of 3 games' }).waitFor();
    await page.setViewportSize({ width: 1024, height: 700 });
    await screenshot(page, 'research-game-list-1024');
    await row.getByTestId('game-list-open').first().click();
    await page.locator('main[data-screen="transcripts"]').waitFor();
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});

describe('design form', () => {
  it('says what to fix in plain words at the row, keeps rows still while typing, warns on budget', async () => {
    const page = await openApp(browser, served.url, { width: 1024, height: 700 });
    await page.getByRole('link', { name: 'Design' }).click();
    const section = page.getByTestId('participants');
    await section.getByTestId('participant-br-0.5').waitFor();
    const preview = page.getByTestId('grid-preview');
    await preview.and(page.locator('[data-state="valid"]')).waitFor();

    // No baseline: said in words, above the table, and the preview names it instead of a count.
    await section.getByLabel('Role of Bounded-rational c=0.5').selectOption('opponent');
    await section
      .getByText('choose a baseline: set one participant’s role to “baseline”')
      .waitFor();
    await preview.and(page.locator('[data-state="invalid"]')).waitFor();
    expect(await preview.textContent()).toBe(
      'No game count until the form is fixed. First: Capability axis: choose a baseline: set one participant’s role to “baseline”.',
    );
    expect(await page.locator('body').textContent()).not.toMatch(/Too small|expected string/);
    await section.getByLabel('Role of Bounded-rational c=0.5').selectOption('baseline');
    await preview.and(page.locator('[data-state="valid"]')).waitFor();

    // Rows keep their places while a capability is typed; they sort when the field is left.
    const first = section.getByTestId('capability-1');
    expect(await first.inputValue()).toBe('0.2');
    await first.selectText();
    await page.keyboard.type('0.9');
    expect(await section.getByTestId('participant-br-0.9').getAttribute('data-row')).toBe('1');
    await page.keyboard.type('5');
    // 0.95 is still valid; 2 is not: the issue is at the row, numbered as the table shows it.
    await first.selectText();
    await page.keyboard.type('2');
    const issue = section.getByTestId('row-issues-1');
    await issue.waitFor();
    expect(await issue.textContent()).toBe('Row 1 (Bounded-rational c=2): must be at most 1');
    await issue.scrollIntoViewIfNeeded();
    await screenshot(page, 'research-design-row-issue-1024');
    await first.selectText();
    await page.keyboard.type('0.9');
    await page.keyboard.press('Tab');
    await section.getByTestId('participant-br-0.9').and(page.locator('[data-row="3"]')).waitFor();
    await preview.and(page.locator('[data-state="valid"]')).waitFor();

    // An LLM participant with prices and a tiny budget: the estimate warns.
    const registry = section.getByLabel('Model from the registry');
    const options = await registry
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(options.length).toBeGreaterThan(0);
    await registry.selectOption(options[0]);
    await section.getByRole('button', { name: 'Add model' }).click();
    // Without a capability score the model cannot be seated weak or strong first: said at its row.
    await section
      .getByTestId('row-issues-1')
      .filter({ hasText: 'has no "capability" score' })
      .waitFor();
    await page.getByLabel('Who speaks first').selectOption('random');
    await page.getByLabel('Budget (USD, optional)').fill('0.05');
    const warning = page.getByTestId('budget-warning');
    await warning.waitFor({ timeout: 30_000 });
    expect(await warning.textContent()).toMatch(
      /^Over budget: the estimate with the prompt cache, ≤ \$[\d.,]+, is [\d.]+ times the budget of \$0\.05\./,
    );
    await warning.scrollIntoViewIfNeeded();
    await screenshot(page, 'research-design-budget-1024');
    await page.setViewportSize({ width: 1440, height: 900 });
    await screenshot(page, 'research-design-budget-1440');
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});

describe('results', () => {
  it('offers every metric of the game, prints CI and n, and works from the keyboard', async () => {
    const grid = await call<GridResult>('results:grid', {
      sweepId: a.sweepId,
      metric: 'welfare_ratio',
    });
    // Item allocation has more metrics than the five stored ones; this one is computed per game.
    expect(grid.metrics.length).toBeGreaterThan(5);
    expect(grid.metrics).toContain('welfare_ratio');
    expect(grid.games).toBe(a.total);

    const page = await openApp(browser, served.url, { width: 1440, height: 900 });
    await page.evaluate((id) => (location.hash = `#/results/${id}`), a.sweepId);
    await page.locator('[data-testid="heatmap"][data-rendered="true"]').waitFor();
    const options = await page
      .getByTestId('metric')
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toEqual(grid.metrics);
    await page.getByTestId('metric').selectOption('welfare_ratio');
    await page.locator('[data-testid="heatmap"][data-rendered="true"]').waitFor();
    await screenshot(page, 'research-results-heatmap-1440');

    // The table view by keyboard: Tab to a cell, arrows move, Enter lists the cell's games.
    await page.getByTestId('results-view-table').focus();
    await page.keyboard.press('Enter');
    const first = page.getByTestId('grid-cell-0-0');
    await first.waitFor();
    const c00 = grid.cells.find((c) => c.xi === 0 && c.yi === 0)!;
    const c10 = grid.cells.find((c) => c.xi === 1 && c.yi === 0)!;
    const d = 2;
    // The computed metric's cell, printed with its interval and n (the grid the host sent).
    await first
      .filter({
        hasText: `${c00.mean!.toFixed(d)} [${c00.ciLow!.toFixed(d)}, ${c00.ciHigh!.toFixed(d)}] n ${c00.n}`,
      })
      .waitFor();
    await first.focus();
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('grid-cell-1-0');
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toBe('grid-cell-1-1');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const summary = page.getByTestId('cell-summary');
    await summary.filter({ hasText: 'deal rate: ' }).filter({ hasNotText: '…' }).waitFor();
    const games = await call<GamesPage>('games:list', {
      sweepId: a.sweepId,
      focalId: c10.focalId,
      competitionLevel: c10.level,
    });
    const deals = games.rows.filter((g) => g.deal === true).length;
    expect(await summary.textContent()).toBe(
      `n = ${c10.n}Welfare / maximum welfare: ${c10.mean!.toFixed(d)} [${c10.ciLow!.toFixed(d)}, ${c10.ciHigh!.toFixed(d)}] (mean [95% bootstrap CI])deal rate: ${Math.round((100 * deals) / games.total)}% (${deals} of ${games.total})`,
    );
    await screenshot(page, 'research-results-table-1440');
    await page.setViewportSize({ width: 1024, height: 700 });
    await screenshot(page, 'research-results-table-1024');
    await page.getByTestId('results-view-heatmap').click();
    await page.locator('[data-testid="heatmap"][data-rendered="true"]').waitFor();
    await screenshot(page, 'research-results-heatmap-1024');
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});

describe('compare', () => {
  it('shows the Wilcoxon signed-rank p beside the sign-flip p', async () => {
    const page = await openApp(browser, served.url, { width: 1440, height: 900 });
    await page.evaluate(
      ([sa, sb]) => (location.hash = `#/compare?a=${sa}&b=${sb}`),
      [a.sweepId, b.sweepId],
    );
    await page.locator('[data-testid="diff-heatmap"][data-rendered="true"]').waitFor();
    expect(await page.getByTestId('compare-summary').textContent()).toContain(
      'Wilcoxon signed-rank test (zero differences dropped), exact up to 25 pairs, else normal with ties correction',
    );
    const result = await call<CompareResult>('compare:grid', {
      a: { sweepId: a.sweepId },
      b: { sweepId: b.sweepId },
      metric: 'utility_focal',
    });
    const c = result.cells.find((x) => x.xi === 0 && x.yi === 0)!;
    expect(c.wilcoxonP).not.toBeNull();
    await page.getByTestId('view-table').click();
    const cell = page.getByTestId('diff-cell-0-0');
    await cell.waitFor();
    const fmtP = (p: number | null) => (p === null ? '–' : p < 0.001 ? '< 0.001' : p.toFixed(3));
    expect(await cell.textContent()).toContain(
      `n ${c.n} · p ${fmtP(c.p)} · W p ${fmtP(c.wilcoxonP)}`,
    );
    await screenshot(page, 'research-compare-wilcoxon-1440');
    await page.setViewportSize({ width: 1024, height: 700 });
    await screenshot(page, 'research-compare-wilcoxon-1024');
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});

describe('exports from Results', () => {
  it('writes the LaTeX table as a capability x level matrix with a caption printed once', async () => {
    const page = await openApp(browser, served.url, { width: 1440, height: 900 });
    await page.evaluate((id) => (location.hash = `#/results/${id}`), a.sweepId);
    await page.locator('[data-testid="heatmap"][data-rendered="true"]').waitFor();
    const download = async (testId: string, format: string, width: string) => {
      const group = page.getByTestId(testId);
      await group.getByTestId(`${testId}-format`).selectOption(format);
      if (format !== 'tex') await group.getByTestId(`${testId}-width`).selectOption(width);
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        group.getByTestId(`${testId}-button`).click(),
      ]);
      const path = await file.path();
      await page.locator(`[data-testid="${testId}"][data-state="idle"]`).waitFor();
      return readFileSync(path, 'utf8');
    };
    const tex = await download('export-heatmap', 'tex', 'column');
    expect(tex).toContain('\\multicolumn{5}{c}{Competition level}');
    expect(tex).toMatch(
      /\\caption\{Focal utility \(discounted, points\): mean \$\\pm\$ half the 95\\% bootstrap CI; n = 6 games per cell\.\}/,
    );
    expect(tex).not.toContain('textbackslash');
    // Five capability rows between the rules.
    const body = tex.split('\n');
    expect(body.indexOf('    \\bottomrule') - body.indexOf('    \\midrule') - 1).toBe(5);
    const svg = await download('export-curves', 'svg', 'column');
    expect(svg).toContain('>Competition level (mean and 95% CI)<');
    expect(await page.getByTestId('export-curves-done').textContent()).not.toContain('Note');
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});

// The researcher's path through the served app, in Chromium: design a small strategy-agent sweep
// in the form, launch it, watch the monitor reach 100%, open the heatmap, click a cell, open a
// transcript, and find a private message and a vote. Screenshots go to tests/artifacts/.
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { heatmapMargins } from '../../src-renderer/lib/charts';
import { launchBrowser, openApp, pageErrors, screenshot, serve } from './harness';
import type { Served } from './harness';

let browser: Browser;
let served: Served | null = null;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await served?.stop();
  served = null;
});

/** Clicks the centre of heatmap cell (xi, yi); y categories run bottom-up, as ECharts draws them. */
async function clickCell(
  page: Page,
  xi: number,
  yi: number,
  nx: number,
  ny: number,
): Promise<void> {
  const box = await page.getByTestId('heatmap').boundingBox();
  if (!box) throw new Error('heatmap has no box');
  const m = heatmapMargins(nx);
  const w = box.width - m.left - m.right;
  const h = box.height - m.top - m.bottom;
  await page.mouse.click(
    box.x + m.left + (w * (xi + 0.5)) / nx,
    box.y + m.top + h * (1 - (yi + 0.5) / ny),
  );
}

async function setNumber(page: Page, testId: string, value: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.fill(value);
}

describe('served app in Chromium', () => {
  it('designs, launches, monitors and reads a strategy-agent sweep', async () => {
    served = await serve();
    const page = await openApp(browser, served.url);

    // First run teaches and offers the demo.
    await page.getByTestId('empty-state').waitFor();
    await expect(page.getByTestId('run-demo').isEnabled()).resolves.toBe(true);
    await screenshot(page, '01-first-run');

    // Design: a small grid, with a field error shown and fixed on the way.
    await page.getByRole('link', { name: 'Design' }).click();
    await page.getByTestId('field-name').fill('e2e: two capabilities x two levels');
    await setNumber(page, 'field-rounds', '0');
    await page.locator('[data-testid="field-rounds"][aria-invalid="true"]').waitFor();
    const roundsIssue = await page.locator('.field.invalid .field-issues').first().textContent();
    expect(roundsIssue).toMatch(/1/);
    await expect(page.getByTestId('design-summary').getAttribute('data-state')).resolves.toBe(
      'invalid',
    );
    await setNumber(page, 'field-rounds', '4');
    await setNumber(page, 'field-runs', '2');
    await page.getByTestId('level-0.5').click();
    await expect(page.getByTestId('level-0.5').getAttribute('aria-pressed')).resolves.toBe('false');
    await page.locator('[data-testid="design-summary"][data-state="valid"]').waitFor();
    expect(await page.getByTestId('grid-preview').textContent()).toBe(
      '2 capabilities × 2 levels × 2 runs = 8 games',
    );
    expect(await page.getByTestId('validation').textContent()).toBe('Ready: 4 cells, 8 games.');
    await screenshot(page, '02-design');

    // Launch and watch the monitor reach 100% from pushed events.
    await page.getByTestId('launch').click();
    const row = page.locator('[data-testid^="sweep-"][data-phase="complete"]');
    await row.waitFor({ timeout: 60_000 });
    await expect(row.getByRole('progressbar').getAttribute('aria-valuenow')).resolves.toBe('100');
    expect(await row.getByTestId('done-count').textContent()).toBe('8/8');
    await screenshot(page, '03-runs');

    // Heatmap: 2 capabilities x 2 levels; click the strongest agent at competition 1.
    await row.getByTestId('open-results').click();
    await page.locator('[data-testid="heatmap"][data-rendered="true"]').waitFor();
    await clickCell(page, 1, 1, 2, 2);
    await page.getByTestId('cell-panel').waitFor();
    expect(page.url()).toMatch(/cell=br-0\.8%401/);
    const games = page.getByTestId('cell-games').locator('tbody tr');
    await games.first().waitFor();
    expect(await games.count()).toBe(2);
    await page.getByTestId('curves').waitFor();
    await screenshot(page, '04-results');

    // Transcript: private reasoning and the round's votes.
    await page.getByTestId('open-transcript').first().click();
    await page.getByTestId('transcript').waitFor();
    await page.getByTestId('turn').first().waitFor();
    await screenshot(page, '05-transcript');
    await page.getByTestId('visibility-private').click();
    const privateTurns = page.getByTestId('turn');
    await privateTurns.first().waitFor();
    const visibilities = await privateTurns.evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-visibility')),
    );
    expect(visibilities.length).toBeGreaterThan(0);
    expect(new Set(visibilities)).toEqual(new Set(['private']));
    expect(
      await page.locator('[data-testid="turn"][data-phase="thinking"]').count(),
    ).toBeGreaterThan(0);
    await screenshot(page, '06-transcript-private');
    await page.getByTestId('visibility-all').click();
    await page.getByTestId('phase-vote').click();
    expect(
      new Set(
        await page
          .getByTestId('turn')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-phase'))),
      ),
    ).toEqual(new Set(['vote']));
    const voteCells = page.getByTestId('vote-table').first().getByTestId('vote');
    await voteCells.first().waitFor();
    expect(await voteCells.first().textContent()).toMatch(/^(✓ accept|✗ reject)$/);
    await screenshot(page, '07-transcript-votes');

    // Models & Keys: the registry and the key status, never a key.
    await page.getByRole('link', { name: 'Models & Keys' }).click();
    await page.getByTestId('registry').waitFor();
    expect(await page.getByTestId('registry').locator('tbody tr').count()).toBeGreaterThan(10);
    await page.getByTestId('keys').locator('tbody tr').first().waitFor();
    await screenshot(page, '08-models');
    expect(pageErrors(page)).toEqual([]);
  });

  it('runs the demo from the first-run screen and keeps deep links across a reload, in a small window', async () => {
    served = await serve();
    const page = await openApp(browser, served.url, { width: 1024, height: 700 });
    await page.getByTestId('run-demo').click();
    const row = page.locator('[data-testid^="sweep-"][data-phase="complete"]');
    await row.waitFor({ timeout: 90_000 });
    expect(await row.getByTestId('done-count').textContent()).toBe('250/250');
    await screenshot(page, 'small-01-runs');

    await row.getByTestId('open-results').click();
    await page.locator('[data-testid="heatmap"][data-rendered="true"]').waitFor();
    await clickCell(page, 0, 0, 5, 5);
    await page.getByTestId('cell-games').locator('tbody tr').first().waitFor();
    const deepLink = page.url();
    expect(deepLink).toMatch(/#\/results\/[^?]+\?cell=br-0\.1%400$/);
    await page.reload();
    await page.getByTestId('cell-games').locator('tbody tr').first().waitFor();
    expect(page.url()).toBe(deepLink);
    expect(await page.getByTestId('cell-games').locator('tbody tr').count()).toBe(10);
    await screenshot(page, 'small-02-results');

    await page.getByTestId('open-transcript').first().click();
    await page.getByTestId('turn').first().waitFor();
    // Keyboard: next game with ], search with /.
    const first = await page.getByTestId('transcript').getAttribute('data-game');
    await page.keyboard.press(']');
    await page.waitForFunction(
      (id) =>
        document.querySelector('[data-testid="transcript"]')?.getAttribute('data-game') !== id,
      first,
    );
    await page.keyboard.press('/');
    await page.keyboard.type('Agent_2');
    await page.locator('.turn mark').first().waitFor();
    await screenshot(page, 'small-03-transcript');

    await page.getByRole('link', { name: 'Design' }).click();
    await page.getByTestId('field-kind').selectOption('treaty');
    await page.getByTestId('mode-rho-theta').click();
    await page.getByTestId('rho-0.5').click();
    await page.locator('[data-testid="design-summary"][data-state="valid"]').waitFor();
    expect(await page.getByTestId('grid-preview').textContent()).toBe(
      '2 capabilities × 12 (ρ, θ) cells × 3 runs = 72 games',
    );
    await screenshot(page, 'small-04-design-treaty');
    await page.getByRole('link', { name: 'Models & Keys' }).click();
    await page.getByTestId('registry').waitFor();
    await screenshot(page, 'small-05-models');
    expect(pageErrors(page)).toEqual([]);
  });
});

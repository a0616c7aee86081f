// The Transcripts screen's game picker on a sweep of more than 5,000 games, in Chromium against
// `parley serve`: the demo's 250 games are played, then copied 23 times in SQL beside the server
// (new ids and seeds, no turns) so the sweep holds 6,000 games without playing them. The picker
// pages, filters and sorts on the host with no cap, and the keyboard alone opens game 55 (page 2),
// walks on to the next game, and drives the reader's private toggle and match buttons.
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

const COPIES = 23;

const text = async (page: Page, testId: string) =>
  (await page.getByTestId(testId).textContent())?.trim();

/** Copies every game of the sweep COPIES times (ids `<id>~k`, seeds + 1,000,000 k), no turns. */
function multiply(dbPath: string, sweepId: string): void {
  const db = new Database(dbPath);
  db.pragma('busy_timeout = 10000');
  try {
    const cols = (db.prepare('PRAGMA table_info(games)').all() as { name: string }[])
      .map((c) => c.name)
      .filter((c) => c !== 'id' && c !== 'seed');
    const list = cols.join(', ');
    const copy = db.prepare(
      `INSERT INTO games (id, seed, ${list})
         SELECT g.id || '~' || ?, g.seed + 1000000 * ?, ${cols.map((c) => `g.${c}`).join(', ')}
         FROM games g JOIN sweep_games sg ON sg.game_id = g.id AND sg.sweep_id = ?
         WHERE g.id NOT LIKE '%~%' ORDER BY g.rowid`,
    );
    const link = db.prepare(
      `INSERT INTO sweep_games (sweep_id, game_id) SELECT ?, id FROM games WHERE id LIKE ?`,
    );
    db.transaction(() => {
      for (let k = 1; k <= COPIES; k++) {
        copy.run(String(k), k, sweepId);
        link.run(sweepId, `%~${k}`);
      }
    })();
  } finally {
    db.close();
  }
}

function one<T>(dbPath: string, sql: string, ...args: unknown[]): T {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare(sql).get(...args) as T;
  } finally {
    db.close();
  }
}

/** Presses Tab until the focused element matches `selector` (at most 40 presses). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Waits until the list shows the page it last asked for. */
const settled = (page: Page) =>
  page.locator('[data-testid="game-list"][aria-busy="false"]').waitFor();

const focusedTestId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

describe('the transcript picker on a 6,000-game sweep', () => {
  it('pages, filters and sorts on the host and opens game 55 by keyboard', async () => {
    served = await serve();
    const page = await openApp(browser, served.url);
    await page.getByTestId('run-demo').click();
    const row = page.locator('[data-testid^="sweep-"][data-phase="complete"]');
    await row.waitFor({ timeout: 90_000 });
    const sweepId = (await row.getAttribute('data-testid'))!.replace(/^sweep-/, '');
    multiply(served.dbPath, sweepId);
    const n = (sql: string, ...args: unknown[]) =>
      one<{ n: number }>(served!.dbPath, sql, ...args).n;
    const inSweep = `FROM games g JOIN sweep_games sg ON sg.game_id = g.id WHERE sg.sweep_id = ?`;
    expect(n(`SELECT count(*) AS n ${inSweep}`, sweepId)).toBe(6000);

    await page.evaluate((h) => (location.hash = h), `#/transcripts?sweep=${sweepId}`);
    await page.getByTestId('game-list-total').getByText('1–50 of 6,000 games').waitFor();
    const table = page.getByTestId('game-list-table');
    expect(await table.locator('tbody tr').count()).toBe(50);
    expect(await table.getAttribute('aria-rowcount')).toBe('6001');
    await screenshot(page, 'transcript-picker-01-1440');

    // Filters run in SQL: every original's outcome is in its 23 copies, so counts are 24x.
    const deals = n(`SELECT count(*) AS n ${inSweep} AND g.deal = 1`, sweepId);
    expect(deals % 24).toBe(0);
    await page.getByTestId('game-filter-outcome').selectOption('deal');
    await page
      .getByTestId('game-list-total')
      .getByText(`1–50 of ${deals.toLocaleString('en-US')} games`)
      .waitFor();
    const round = one<{ r: number }>(
      served.dbPath,
      `SELECT min(g.agreement_round) AS r ${inSweep} AND g.deal = 1`,
      sweepId,
    ).r;
    const inRound = n(`SELECT count(*) AS n ${inSweep} AND g.agreement_round = ?`, sweepId, round);
    await page.getByTestId('game-filter-round').selectOption(String(round));
    await page
      .getByTestId('game-list-total')
      .getByText(`1–${Math.min(50, inRound)} of ${inRound.toLocaleString('en-US')} games`, {
        exact: true,
      })
      .waitFor();
    expect(new Set(await table.locator('tbody tr td:nth-child(7)').allTextContents())).toEqual(
      new Set([String(round)]),
    );
    await page.getByTestId('game-filter-clear').click();
    await page.getByTestId('game-list-total').getByText('1–50 of 6,000 games').waitFor();

    // Sorted on the host: seed descending puts the last copies (games 5,751-6,000) first.
    const maxSeed = one<{ s: number }>(
      served.dbPath,
      `SELECT max(g.seed) AS s ${inSweep}`,
      sweepId,
    ).s;
    expect(maxSeed).toBeGreaterThan(COPIES * 1_000_000);
    await page.getByTestId('game-sort-seed').click();
    await page.getByTestId('game-sort-seed').click();
    await page.locator('th[aria-sort="descending"]').getByTestId('game-sort-seed').waitFor();
    await table
      .locator('tbody tr')
      .first()
      .locator('td')
      .first()
      .getByText(String(maxSeed))
      .waitFor();
    // A third press goes back to the planned order.
    await page.getByTestId('game-sort-seed').click();
    await page.getByTestId('game-sort-seed').getByText('Seed', { exact: true }).waitFor();
    expect(await page.locator('th[aria-sort]').count()).toBe(0);

    // Keyboard only from here (in planned order).
    await settled(page);
    expect(await table.locator('tbody tr').first().getAttribute('data-game')).toBe(
      one<{ id: string }>(served.dbPath, `SELECT g.id ${inSweep} ORDER BY g.rowid LIMIT 1`, sweepId)
        .id,
    );
    await page.getByTestId('picker-sweep').focus();
    await tabTo(page, '[data-testid="game-list-next"]');
    await page.keyboard.press('Enter');
    await page.getByTestId('game-list-total').getByText('51–100 of 6,000 games').waitFor();
    await settled(page);
    await tabTo(page, '[data-testid="game-list-row"]');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    const fifty5 = one<{ id: string }>(
      served.dbPath,
      `SELECT g.id ${inSweep} ORDER BY g.rowid LIMIT 1 OFFSET 54`,
      sweepId,
    ).id;
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-game'))).toBe(
      fifty5,
    );
    await screenshot(page, 'transcript-picker-02-row-focus');
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="transcript"][data-game="${fifty5}"]`).waitFor();
    expect(await text(page, 'game-position')).toBe('game 55 of 6,000');
    await page.keyboard.press(']');
    const fifty6 = one<{ id: string }>(
      served.dbPath,
      `SELECT g.id ${inSweep} ORDER BY g.rowid LIMIT 1 OFFSET 55`,
      sweepId,
    ).id;
    await page.locator(`[data-testid="transcript"][data-game="${fifty6}"]`).waitFor();
    expect(await text(page, 'game-position')).toBe('game 56 of 6,000');

    // The reader's controls: p toggles private only; the match buttons are reached by Tab.
    await page.keyboard.press('p');
    expect(await page.getByTestId('visibility-private').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('p');
    expect(await page.getByTestId('visibility-all').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('/');
    await page.keyboard.type('Agent');
    await page.keyboard.press('Enter');
    await page
      .getByTestId('match-count')
      .getByText(/^1 of \d+$/)
      .waitFor();
    await tabTo(page, '[data-testid="match-next"]');
    await page.keyboard.press('Enter');
    await page
      .getByTestId('match-count')
      .getByText(/^2 of \d+$/)
      .waitFor();
    await screenshot(page, 'transcript-picker-04-reader-keyboard');
    await page.keyboard.press('Shift+Tab');
    expect(await focusedTestId(page)).toBe('match-prev');
    await page.keyboard.press('Enter');
    await page
      .getByTestId('match-count')
      .getByText(/^1 of \d+$/)
      .waitFor();
    // ← and → move among the toolbar's buttons.
    await page.getByTestId('visibility-all').focus();
    await page.keyboard.press('ArrowRight');
    expect(await focusedTestId(page)).toBe('visibility-public');

    // The way back returns to the page the game was opened from; PageDown turns it.
    await page.getByTestId('back-to-games').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('game-list-total').getByText('51–100 of 6,000 games').waitFor();
    await page.locator('[data-testid="game-list-row"][tabindex="0"]').focus();
    await page.keyboard.press('PageDown');
    await page.getByTestId('game-list-total').getByText('101–150 of 6,000 games').waitFor();
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('aria-rowindex') === '102',
    );
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))).toBe(
      '151',
    );

    await page.setViewportSize({ width: 1024, height: 700 });
    await screenshot(page, 'transcript-picker-03-1024');
    expect(pageErrors(page)).toEqual([]);
  });
});

// Issue 14, "every screen usable without a mouse": one session driven by page.keyboard only
// (Tab, Shift+Tab, Enter, Space, arrows, Escape). Every stop checks that the focused element
// shows a focus ring. Then: the Runs controls keep focus after a press, and every screen starts
// with a skip link. Screenshots of focused states go to tests/artifacts/.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openStore } from '../../src-main/store/store';
import { SweepService } from '../../src-main/sweeps/service';
import { boundedRational as br } from '../integration/cli-helpers';
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

/** The focused element's test id (or tag and text), and whether it shows a focus ring. */
async function active(page: Page): Promise<{ id: string; ring: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { id: 'body', ring: false };
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    return {
      id:
        el.dataset.testid ??
        (el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim()}`),
      ring: outline || s.boxShadow !== 'none',
    };
  });
}

/** Every focus stop passed on the way that showed no focus ring, by screen. */
const ringless = new Set<string>();

/**
 * Presses Tab (or Shift+Tab) until an element matching `selector` (and whose text is `text`, if
 * given) has focus; fails after `max` presses. Each stop on the way is checked for a ring.
 */
async function tabTo(
  page: Page,
  selector: string,
  { back = false, text, max = 150 }: { back?: boolean; text?: string; max?: number } = {},
): Promise<void> {
  // Tab only once the target is on the page and enabled, so the cycle does not wrap meanwhile.
  await page.locator(`${selector}:not([disabled])`).first().waitFor();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const a = await active(page);
    const hit = await page.evaluate(
      ([sel, t]) => {
        const el = document.activeElement;
        return !!el?.matches(sel) && (t === undefined || el.textContent?.trim() === t);
      },
      [selector, text] as const,
    );
    if (hit) {
      expect({ selector, ...a }).toEqual({ selector, id: a.id, ring: true });
      return;
    }
    // Body is where the focus cycle wraps (the browser's own controls come next).
    if (!a.ring && a.id !== 'body')
      ringless.add(`${new URL(page.url()).hash.split('?')[0]} ${a.id}`);
  }
  throw new Error(`${selector} never got focus in ${max} ${back ? 'Shift+Tab' : 'Tab'} presses`);
}

/** From anywhere on a screen, Shift+Tab back to the main navigation and Enter a screen. */
async function goTo(page: Page, label: string, screen: string): Promise<void> {
  await tabTo(page, `nav[aria-label="Main"] a[href="#/${screen}"]`, { back: true });
  await page.keyboard.press('Enter');
  await page.locator(`main[data-screen="${screen}"]`).waitFor();
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(label);
}

const value = (page: Page, testId: string, inner?: string) =>
  (inner ? page.getByTestId(testId).locator(inner) : page.getByTestId(testId)).evaluate(
    (e) => (e as HTMLSelectElement | HTMLInputElement).value,
  );

describe('keyboard only', () => {
  it('reaches and operates every screen from the navigation without a mouse', async () => {
    served = await serve();
    const page = await openApp(browser, served.url);

    // Runs: start the demo, pause and resume it, open its game list.
    await tabTo(page, '[data-testid="run-demo"]');
    await page.keyboard.press('Enter');
    const sweep = page.locator('[data-testid^="sweep-"]').first();
    await sweep.waitFor();
    const demoId = (await sweep.getAttribute('data-testid'))!.replace(/^sweep-/, '');
    await tabTo(page, 'article.sweep-row button', { text: 'Pause' });
    await page.keyboard.press('Enter');
    await page
      .locator('article.sweep-row[data-phase="paused"], article.sweep-row[data-phase="pausing"]')
      .waitFor();
    // The button under focus now resumes (the same element, so focus stays on it).
    await sweep.getByRole('button', { name: 'Resume' }).waitFor();
    expect((await active(page)).id).toBe('button:Resume');
    await page.keyboard.press('Space');
    await sweep.getByRole('button', { name: 'Pause' }).waitFor();
    await tabTo(page, '[data-testid="toggle-games"]');
    await page.keyboard.press('Enter');
    await sweep.getByTestId('game-list-row').first().waitFor();
    expect(await sweep.getByTestId('toggle-games').getAttribute('aria-expanded')).toBe('true');
    await page
      .locator('[data-testid^="sweep-"][data-phase="complete"]')
      .waitFor({ timeout: 110_000 });

    // Results: another metric by arrow key, the table view, a cell's games.
    await goTo(page, 'Results', 'results');
    await page.locator('[data-testid="heatmap"][data-rendered="true"]').waitFor();
    await tabTo(page, '[data-testid="metric"]');
    const before = await value(page, 'metric');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => value(page, 'metric')).not.toBe(before);
    expect(page.url()).toContain(`metric=${await value(page, 'metric')}`);
    await tabTo(page, '[data-testid="results-view-table"]');
    await page.keyboard.press('Enter');
    await page.getByTestId('grid-table').waitFor();
    await tabTo(page, '[data-testid^="grid-cell-"]');
    // The table is one tab stop; arrows move within it (the top row is the highest level).
    const [, x, y] = /^grid-cell-(\d+)-(\d+)$/.exec((await active(page)).id)!;
    await page.keyboard.press('ArrowRight');
    expect(await active(page)).toEqual({ id: `grid-cell-${Number(x) + 1}-${y}`, ring: true });
    await screenshot(page, 'keyboard-results-cell-focus-1440');
    await page.keyboard.press('Enter');
    await page.getByTestId('cell-panel').waitFor();
    expect(page.url()).toMatch(/cell=/);

    // Transcripts: the screen opens from the navigation; its picker's keys have their own test.
    await goTo(page, 'Transcripts', 'transcripts');

    // The shortcuts help: the ? button opens it with focus on Close, Escape closes it, and focus
    // is back on the button.
    await tabTo(page, 'button[aria-label="Keyboard shortcuts"]');
    await page.keyboard.press('Enter');
    await page.getByTestId('shortcuts').waitFor();
    expect(await active(page)).toEqual({ id: 'button:Close', ring: true });
    // A modal: Tab and Shift+Tab stay on its one control.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await active(page)).toEqual({ id: 'button:Close', ring: true });
    await page.keyboard.press('Escape');
    await page.getByTestId('shortcuts').waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Keyboard shortcuts',
    );

    // Models & Keys: the add-model form opens by Enter, closes by Escape, focus comes back.
    await goTo(page, 'Models & Keys', 'models');
    await tabTo(page, '[data-testid="add-model"]');
    await page.keyboard.press('Enter');
    await page.getByTestId('model-form').waitFor();
    // Focus moved into the form, onto its first field.
    expect(await active(page)).toEqual({ id: '#model-id', ring: true });
    await page.keyboard.type('kbd-model');
    expect(await value(page, 'model-form', '#model-id')).toBe('kbd-model');
    await page.keyboard.press('Escape');
    await page.getByTestId('model-form').waitFor({ state: 'detached' });
    expect(await active(page)).toEqual({ id: 'add-model', ring: true });

    // Design: one run per cell, typed over the default, then Launch by Enter.
    await goTo(page, 'Design', 'design');
    await tabTo(page, '[data-testid="field-runs"]');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('1');
    expect(await value(page, 'field-runs')).toBe('1');
    await page
      .getByTestId('validation')
      .filter({ hasText: /^Ready: 6 cells, 6 games\.$/ })
      .waitFor();
    await tabTo(page, '[data-testid="launch"]');
    await screenshot(page, 'keyboard-design-launch-focus-1440');
    await page.keyboard.press('Enter');
    await page.locator('main[data-screen="runs"]').waitFor();
    await expect.poll(() => page.locator('article.sweep-row').count()).toBe(2);
    // Newest first: the sweep just launched tops the list, and runs to the end.
    const launched = page.locator('article.sweep-row').first();
    const designId = (await launched.getAttribute('data-testid'))!.replace(/^sweep-/, '');
    expect(designId).not.toBe(demoId);
    await page
      .locator(`[data-testid="sweep-${designId}"][data-phase="complete"]`)
      .waitFor({ timeout: 60_000 });
    expect(await launched.getByTestId('done-count').textContent()).toBe('6/6');

    // Compare: A picks the sweep just launched (one down the list), B the demo.
    await goTo(page, 'Compare', 'compare');
    await tabTo(page, '[data-testid="side-a-sweep"]');
    expect(await value(page, 'side-a-sweep')).toBe(demoId);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => value(page, 'side-a-sweep')).toBe(designId);
    // B starts on the demo at one seat order; a new sweep choice drops the order.
    await tabTo(page, '[data-testid="side-b-sweep"]');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => value(page, 'side-b-sweep')).toBe(designId);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => value(page, 'side-b-sweep')).toBe(demoId);
    await expect.poll(() => new URL(page.url()).hash).toBe(`#/compare?a=${designId}&b=${demoId}`);
    // The two sweeps share no cell and seed: none of the 6 and 250 games pair.
    await page
      .getByTestId('compare-summary')
      .filter({ hasText: /^0 pairs matched by focal, level, seed, order · unpaired A 6, B 250 ·/ })
      .waitFor();
    expect([...ringless]).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
  });

  it('keeps focus on Cancel and Retry failed after a press', async () => {
    let ids = { failed: '', paused: '' };
    served = await serve({ prepare: (dbPath) => (ids = plantSweeps(dbPath)) });
    const page = await openApp(browser, served.url);
    const row = (id: string) => page.getByTestId(`sweep-${id}`);
    await row(ids.paused).waitFor();
    await row(ids.failed).waitFor();

    // Cancel: the sweep ends, and focus stays on the button, now marked unavailable...
    await tabTo(page, `[data-testid="sweep-${ids.paused}"] button`, { text: 'Cancel' });
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="sweep-${ids.paused}"][data-phase="cancelled"]`).waitFor();
    expect(await active(page)).toEqual({ id: 'button:Cancel', ring: true });
    expect(await focusedAttr(page, 'aria-disabled')).toBe('true');
    // ...and once focus moved on, it drops out of the Tab order with the other spent controls.
    await page.keyboard.press('Tab');
    expect((await active(page)).id).toBe('toggle-games');
    await page.keyboard.press('Shift+Tab');
    expect((await active(page)).id).toBe('button:New sweep…');

    // Retry failed: its 4 games play again, and focus stays on it (now for 0 failed games).
    await tabTo(page, `[data-testid="sweep-${ids.failed}"] button`, { text: 'Retry failed (4)' });
    await screenshot(page, 'keyboard-runs-retry-focus-1440');
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="sweep-${ids.failed}"][data-phase="complete"]`).waitFor();
    expect(await row(ids.failed).getByTestId('done-count').textContent()).toBe('4/4');
    expect(await active(page)).toEqual({ id: 'button:Retry failed (0)', ring: true });
    expect(await focusedAttr(page, 'aria-disabled')).toBe('true');
    await screenshot(page, 'keyboard-runs-retried-focus-1440');
    expect([...ringless]).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
  });

  it('starts every screen with a skip link to the screen itself', async () => {
    served = await serve({ prepare: (dbPath) => void plantSweeps(dbPath) });
    for (const screen of ['design', 'runs', 'results', 'transcripts', 'models', 'compare']) {
      const page = await openApp(browser, `${served.url}#/${screen}`);
      await page.locator(`main[data-screen="${screen}"] > :not(.loading)`).first().waitFor();
      // Hidden until focused: the first Tab stop, then in view at the top left.
      const link = page.getByTestId('skip-link');
      expect((await link.boundingBox())!.y).toBeLessThan(0);
      await page.keyboard.press('Tab');
      expect(await active(page)).toEqual({ id: 'skip-link', ring: true });
      const box = (await link.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(44);
      expect(await link.textContent()).toBe('Skip to content');
      if (screen === 'runs') await screenshot(page, 'keyboard-skip-link-1440');
      // Enter moves focus to the screen's main region, and the next Tab into the screen.
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
      // The screen did not change (the link's href is not a route).
      expect(await page.locator('main').getAttribute('data-screen')).toBe(screen);
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(
          () =>
            document.activeElement !== document.querySelector('main') &&
            !!document.querySelector('main')?.contains(document.activeElement),
        ),
        screen,
      ).toBe(true);
      expect(pageErrors(page)).toEqual([]);
      await page.close();
    }
  });
});

const focusedAttr = (page: Page, name: string) =>
  page.evaluate((n) => document.activeElement?.getAttribute(n) ?? null, name);

/**
 * Two sweeps planted before the server starts: one whose 4 games all failed (as a game that could
 * not be built fails), one paused before any game ran. Different seeds, so no game is shared.
 */
function plantSweeps(dbPath: string): { failed: string; paused: string } {
  const doc = (name: string, baseSeed: number) => ({
    name,
    game: { kind: 'item-allocation', params: { items: 4 } },
    participants: [br('a', 0.2), br('ref', 0.5)],
    lineup: { mode: 'baseline', baseline: 'ref', opponents: ['a'] },
    competition: { levels: [0.5] },
    orders: 'both',
    runs: { count: 2, baseSeed },
  });
  const store = openStore(dbPath);
  try {
    const service = new SweepService(store);
    const failed = service.create(doc('kbd: failed games', 3)).sweepId;
    for (const g of store.listGames({ sweepId: failed }))
      store.failGame(g.id, 'could not build the game: planted by the test');
    const paused = service.create(doc('kbd: paused', 50)).sweepId;
    store.setSweepStatus(paused, 'paused');
    return { failed, paused };
  } finally {
    store.close();
  }
}

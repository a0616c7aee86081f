// Issue 14's fixes in Chromium: an emptied number field keeps the app alive, Back from a
// completed Results link leaves the screen, and the first load fetches compressed chunks of the
// screen it opens on only. Screenshots go to tests/artifacts/.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
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

describe('workbench fixes', () => {
  it('keeps the app alive when a number field is emptied, and names the field', async () => {
    served = await serve();
    const page = await openApp(browser, served.url, { width: 1024, height: 700 });
    await page.getByRole('link', { name: 'Design' }).click();
    const rounds = page.getByTestId('field-rounds');
    await rounds.waitFor();
    await rounds.selectText();
    await page.keyboard.press('Backspace');
    await page.getByTestId('validation').and(page.locator('.check-invalid')).waitFor();
    expect(await rounds.getAttribute('aria-invalid')).toBe('true');
    await expect(page.getByRole('link', { name: 'Runs' }).isVisible()).resolves.toBe(true);
    await rounds.fill('7');
    await page.getByTestId('validation').and(page.locator('.check-valid')).waitFor();
    await screenshot(page, 'workbench-design-emptied-field-1024');
    expect(pageErrors(page)).toEqual([]);
  });

  it('adds a local model by its base URL from Models & Keys', async () => {
    served = await serve();
    const page = await openApp(browser, served.url, { width: 1024, height: 700 });
    await page.getByRole('link', { name: 'Models & Keys' }).click();
    await page.getByTestId('add-model').click();
    await page.locator('#model-id').fill('my-llama');
    await page.locator('#model-provider').selectOption('local');
    await page.locator('#model-model').fill('llama3.1:8b');
    await page.locator('#model-baseUrl').fill('not a url');
    await page.getByRole('button', { name: 'Save model' }).click();
    await page.locator('#model-baseUrl-issues').waitFor();
    await screenshot(page, 'workbench-models-base-url-error-1024');
    await page.locator('#model-baseUrl').fill('http://127.0.0.1:11434/v1');
    await page.getByRole('button', { name: 'Save model' }).click();
    const row = page.getByTestId('model-my-llama');
    await row.waitFor();
    expect(await row.textContent()).toContain('local');
    expect(pageErrors(page)).toEqual([]);
  });

  it('lets a key go to one more host from Models & Keys, and names a bad one', async () => {
    const config = mkdtempSync(join(tmpdir(), 'parley-e2e-config-'));
    served = await serve({ env: { PARLEY_CONFIG_DIR: config } });
    const page = await openApp(browser, served.url, { width: 1024, height: 700 });
    await page.getByRole('link', { name: 'Models & Keys' }).click();
    const row = page.getByTestId('allowed-hosts-anthropic');
    await row.waitFor();
    expect(await row.textContent()).toContain('sent only to the official host');
    const input = row.getByLabel('another host the anthropic key may go to');
    await input.fill('http://user:pw@gateway');
    await row.getByRole('button', { name: 'Allow' }).click();
    await row.getByRole('alert').waitFor();
    expect(await row.getByRole('alert').textContent()).toContain('is not a host name');
    await input.fill('127.0.0.1:8787');
    await row.getByRole('button', { name: 'Allow' }).click();
    await row.getByText('also sent to: 127.0.0.1:8787').waitFor();
    await screenshot(page, 'workbench-models-allowed-host-1024');
    expect(JSON.parse(readFileSync(join(config, 'allowed-hosts.json'), 'utf8'))).toEqual({
      anthropic: ['127.0.0.1:8787'],
    });
    rmSync(config, { recursive: true, force: true });
  });

  it('goes Back from Results to the screen before it, and loads compressed screen chunks', async () => {
    served = await serve();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const scripts: { url: string; encoding: string | undefined; bytes: number }[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() !== 'script') return;
      void r.body().then((b) =>
        scripts.push({
          url: r.url(),
          encoding: r.headers()['content-encoding'],
          bytes: b.length,
        }),
      );
    });
    await page.goto(served.url);
    await page.getByTestId('connection').and(page.locator('[data-state="open"]')).waitFor();
    await page.getByTestId('run-demo').click();
    await page
      .locator('[data-testid^="sweep-"][data-phase="complete"]')
      .waitFor({ timeout: 90_000 });
    // The runs screen came up without the results screen's charts.
    expect(scripts.some((s) => s.url.includes('ResultsScreen'))).toBe(false);
    // Chromium asks for brotli over HTTPS only; on 127.0.0.1 it gets gzip. Tiny chunks go as is.
    const large = scripts.filter((s) => s.bytes >= 1024);
    expect(large.length).toBeGreaterThan(3);
    expect(large.filter((s) => s.encoding !== 'gzip' && s.encoding !== 'br')).toEqual([]);

    await page.getByRole('link', { name: 'Results' }).click();
    await page.locator('[data-testid="heatmap"][data-rendered="true"]').waitFor();
    expect(page.url()).toMatch(/#\/results\/[^?/]+$/);
    await page.goBack();
    await page.locator('main[data-screen="runs"]').waitFor();
    expect(page.url()).not.toContain('#/results');
    await screenshot(page, 'workbench-back-from-results-1440');
  });
});

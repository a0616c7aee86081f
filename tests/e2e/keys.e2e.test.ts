// Models & Keys against a real OS keychain (gnome-keyring in the private D-Bus session that
// tests/run-e2e.sh starts): paste an Anthropic key, set it, test it against the local mock
// provider (reached through ANTHROPIC_BASE_URL), then a wrong key; and prove the key never
// reaches the page (HTML, storage, WebSocket frames), the server's output or the data folder.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { KeyStore } from '../../src-main/keys/key-store';
import { startMockLlm } from '../../src-main/mock-llm/server';
import type { MockLlm } from '../../src-main/mock-llm/server';
import { launchBrowser, openApp, pageErrors, screenshot, serve } from './harness';
import type { Served } from './harness';

// Random per run, so a match anywhere can only be a leak of this very key.
const KEY = `sk-ant-e2e-${randomBytes(16).toString('hex')}`;
const WRONG = `sk-ant-wrong-${randomBytes(16).toString('hex')}`;

let browser: Browser;
let mock: MockLlm;
let served: Served | null = null;
const keychain = new KeyStore({ env: {} });

beforeAll(async () => {
  mock = await startMockLlm({ host: '127.0.0.1', apiKey: KEY });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await mock?.close();
});
afterEach(async () => {
  await served?.stop();
  served = null;
  // The keyring is thrown away with its session, but leave it as this test found it.
  await keychain.clear('anthropic').catch(() => false);
});

/**
 * True inside tests/with-keyring.sh: a session bus and a throw-away HOME under the temp folder.
 * Anywhere else this test would write to the developer's own keychain, so it fails instead.
 */
function isPrivateKeyring(): boolean {
  return Boolean(process.env.DBUS_SESSION_BUS_ADDRESS) && homedir().startsWith(tmpdir());
}

/** Every file of the served data folder (the database and its -wal / -shm files), as bytes. */
function dataFolderBytes(dir: string): { name: string; bytes: Buffer }[] {
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
}

/** Names of the places (page HTML, storage) where `secret` shows up in the page right now. */
async function pageLeaks(page: Page, secret: string): Promise<string[]> {
  const places: string[] = [];
  if ((await page.content()).includes(secret)) places.push('page HTML');
  const storage = await page.evaluate(() =>
    JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }),
  );
  if (storage.includes(secret)) places.push('web storage');
  // Input values are properties, not always attributes: read them too.
  const values = await page
    .locator('input')
    .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  if (values.some((v) => v.includes(secret))) places.push('an input value');
  return places;
}

describe('Models & Keys with a real OS keychain, in Chromium', () => {
  it('sets and tests an Anthropic key through the page, which never gets the key back', async () => {
    expect(
      isPrivateKeyring(),
      'run this suite through tests/run-e2e.sh (a private gnome-keyring session), never against your own keychain',
    ).toBe(true);
    // The keychain must really work here: a fallback to env vars would not test it.
    await expect(keychain.isKeychainAvailable()).resolves.toEqual({ isAvailable: true });
    await expect(keychain.get('anthropic')).resolves.toBeNull();

    served = await serve({
      env: {
        ANTHROPIC_BASE_URL: mock.url,
        // A key in the environment would make the status "set" before the page sets one.
        ANTHROPIC_API_KEY: undefined,
        ANTHROPIC_AUTH_TOKEN: undefined,
      },
    });
    const received: string[] = [];
    const sent: string[] = [];
    const page = await openApp(browser, served.url, undefined, (p) =>
      p.on('websocket', (ws) => {
        ws.on('framereceived', (f) => received.push(String(f.payload)));
        ws.on('framesent', (f) => sent.push(String(f.payload)));
      }),
    );

    await page.getByRole('link', { name: 'Models & Keys' }).click();
    const row = page.getByTestId('key-anthropic');
    await row.waitFor();
    const status = (s: string) => page.locator(`[data-testid="key-anthropic"][data-status="${s}"]`);
    /** Clicks Test and waits for its verdict; fails fast with the row's text if it is not `expected`. */
    const testAndExpect = async (expected: 'works' | 'error') => {
      await row.getByRole('button', { name: 'Test', exact: true }).click();
      await page.locator('[data-testid="key-anthropic"]:not([data-status="set"])').waitFor();
      expect(await row.getAttribute('data-status'), (await row.textContent()) ?? '').toBe(expected);
    };

    // Missing, with a working keychain behind it (not the "OS keychain unavailable" fallback).
    await status('missing').waitFor();
    expect(await row.locator('.pill').textContent()).toBe('missing');
    const missingText = await row.textContent();
    expect(missingText).not.toContain('OS keychain unavailable');
    expect(missingText).toContain('or set ANTHROPIC_API_KEY');
    await expect(row.getByRole('button', { name: 'Test', exact: true }).isDisabled()).resolves.toBe(
      true,
    );

    // Paste the key and set it: the status comes back "set", from the keychain, and the field empties.
    const input = row.getByLabel('anthropic API key');
    await input.fill(KEY);
    // While typed, the key is in the page: this is what the leak checks below must not find later.
    expect(await pageLeaks(page, KEY)).toContain('an input value');
    await row.getByRole('button', { name: 'Set', exact: true }).click();
    await status('set').waitFor();
    expect(await row.textContent()).toContain('from keychain');
    await expect(input.inputValue()).resolves.toBe('');
    await expect(keychain.get('anthropic')).resolves.toEqual({ key: KEY, source: 'keychain' });
    await screenshot(page, '09-keys-set');

    // Test: one tiny completion with that key reaches the mock, and the status says "works".
    const before = {
      models: mock.stats.byRoute['POST /v1/messages'] ?? 0,
      auth: mock.stats.byFault.auth ?? 0,
    };
    await testAndExpect('works');
    expect(await row.locator('.pill').textContent()).toBe('works');
    expect(await row.textContent()).toMatch(
      /the key from the OS keychain works \(test request answered in \d+ ms\)/,
    );
    expect((mock.stats.byRoute['POST /v1/messages'] ?? 0) - before.models).toBe(1);
    expect((mock.stats.byFault.auth ?? 0) - before.auth).toBe(0);
    await screenshot(page, '10-keys-works');

    // The key went out once, in the keys:set request, and nothing sent to the page carries it.
    expect(sent.filter((f) => f.includes(KEY))).toHaveLength(1);
    expect(sent.find((f) => f.includes(KEY))).toContain('keys:set');
    expect(received.length).toBeGreaterThan(0);
    expect(received.filter((f) => f.includes(KEY))).toEqual([]);
    expect(await pageLeaks(page, KEY)).toEqual([]);

    // A wrong key: stored, then rejected by the provider; the message names the problem, not the key.
    await input.fill(WRONG);
    await row.getByRole('button', { name: 'Set', exact: true }).click();
    await status('set').waitFor();
    await expect(keychain.get('anthropic')).resolves.toEqual({ key: WRONG, source: 'keychain' });
    await testAndExpect('error');
    expect(await row.locator('.pill').textContent()).toBe('failed');
    const errorText = (await row.textContent()) ?? '';
    expect(errorText).toContain('the provider rejected the key from the OS keychain (HTTP 401)');
    expect(errorText).not.toContain(WRONG);
    expect(errorText).not.toContain(KEY);
    expect((mock.stats.byFault.auth ?? 0) - before.auth).toBe(1);
    expect(await row.getByRole('alert').count()).toBe(0);

    for (const secret of [KEY, WRONG]) {
      expect(received.filter((f) => f.includes(secret))).toEqual([]);
      expect(await pageLeaks(page, secret)).toEqual([]);
    }
    expect(pageErrors(page)).toEqual([]);
    await page.close();

    // The data folder while the server runs (recent writes sit in the -wal file)...
    for (const secret of [KEY, WRONG]) {
      expect(
        dataFolderBytes(served.dir)
          .filter((f) => f.bytes.includes(secret))
          .map((f) => f.name),
      ).toEqual([]);
    }

    // ...and after it stopped (the database checkpointed), with everything the server printed.
    await served.stop({ keepDir: true });
    const output = served.output();
    expect(output).toContain('Parley is serving');
    const files = dataFolderBytes(served.dir);
    expect(files.map((f) => f.name)).toContain('parley.db');
    expect(files.find((f) => f.name === 'parley.db')?.bytes.length).toBeGreaterThan(0);
    for (const secret of [KEY, WRONG]) {
      expect(output).not.toContain(secret);
      expect(files.filter((f) => f.bytes.includes(secret)).map((f) => f.name)).toEqual([]);
    }
    rmSync(served.dir, { recursive: true, force: true });
  });
});

// Browser-test harness: a fresh data folder, the real `parley serve` CLI on it, and Debian's
// Chromium driven by playwright-core. Everything waits on app signals, never on time.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from './build-renderer';

export const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
export const CHROMIUM = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export interface Served {
  url: string;
  dir: string;
  dbPath: string;
  /** Everything the server printed so far, stdout then stderr. */
  output(): string;
  /** Stops the server (SIGTERM, waits until it exited and its output is read); removes the data folder unless `keepDir`. */
  stop(options?: { keepDir?: boolean }): Promise<void>;
}

export interface ServeOptions {
  /** Changes to the server's environment (inherited from this process); undefined removes a variable. */
  env?: Record<string, string | undefined>;
  /** Runs on the new database's path before the server opens it (to plant sweeps in it). */
  prepare?: (dbPath: string) => void;
}

/** Starts `parley serve` on a new temporary database; resolves with the printed URL. */
export async function serve(options: ServeOptions = {}): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
  const dbPath = join(dir, 'parley.db');
  options.prepare?.(dbPath);
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'parley.js'), 'serve', '--db', dbPath],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (out += String(d)));
  child.stderr?.on('data', (d: Buffer) => (stderr += String(d)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) =>
      reject(
        new Error(`parley serve exited (${code}) before printing its URL:\n${out}\n${stderr}`),
      ),
    );
  });
  return {
    url,
    dir,
    dbPath,
    output: () => out + stderr,
    async stop({ keepDir = false } = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('close', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!keepDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Opens the app and waits until it is connected to the host. `beforeLoad` runs on the new page
 * before it navigates (to attach listeners, e.g. for its WebSocket frames).
 */
export async function openApp(
  browser: Browser,
  url: string,
  size = { width: 1440, height: 900 },
  beforeLoad?: (page: Page) => void,
): Promise<Page> {
  const page = await browser.newPage({ viewport: size });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  beforeLoad?.(page);
  (page as Page & { parleyErrors?: string[] }).parleyErrors = errors;
  await page.goto(url);
  await page.getByTestId('connection').and(page.locator('[data-state="open"]')).waitFor();
  return page;
}

export function pageErrors(page: Page): string[] {
  return (page as Page & { parleyErrors?: string[] }).parleyErrors ?? [];
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

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
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export interface Served {
  url: string;
  dir: string;
  dbPath: string;
  stop(): Promise<void>;
}

/** Starts `parley serve` on a new temporary database; resolves with the printed URL. */
export async function serve(): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
  const dbPath = join(dir, 'parley.db');
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin', 'parley.js'), 'serve', '--db', dbPath], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += String(d)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += String(d);
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`parley serve exited (${code}) before printing its URL:\n${out}\n${stderr}`)));
  });
  return {
    url,
    dir,
    dbPath,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** Opens the app and waits until it is connected to the host. */
export async function openApp(browser: Browser, url: string, size = { width: 1440, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport: size });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
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

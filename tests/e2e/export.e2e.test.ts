// Figure export from the Results screen, in Chromium against `parley serve`: run the demo, open
// its heatmap, export it as a full-width PDF (a browser download) and check the file with
// poppler's pdfinfo and pdffonts; export the curves as a one-column PNG and check its pixel width.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { locateFonts } from '../../src-main/figures/fonts';
import { launchBrowser, openApp, pageErrors, screenshot, serve } from './harness';
import type { Served } from './harness';

let browser: Browser;
let served: Served | null = null;
let downloads: string;

beforeAll(async () => {
  browser = await launchBrowser();
  downloads = mkdtempSync(join(tmpdir(), 'parley-e2e-downloads-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(downloads, { recursive: true, force: true });
});
afterEach(async () => {
  await served?.stop();
  served = null;
});

/** Picks format and width in the export row `testId`, clicks Export… and saves the download it starts. */
async function exportAndDownload(
  page: Page,
  testId: string,
  format: string,
  width: string | null,
): Promise<{ name: string; path: string; bytes: Buffer; ms: number }> {
  const group = page.getByTestId(testId);
  await group.getByTestId(`${testId}-format`).selectOption(format);
  if (width) await group.getByTestId(`${testId}-width`).selectOption(width);
  const started = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    group.getByTestId(`${testId}-button`).click(),
  ]);
  const path = join(downloads, download.suggestedFilename());
  await download.saveAs(path);
  const ms = Date.now() - started;
  // The row is idle again (not busy, no error) once the file has been handed over.
  await page.locator(`[data-testid="${testId}"][data-state="idle"]`).waitFor();
  return { name: download.suggestedFilename(), path, bytes: readFileSync(path), ms };
}

describe('figure export from the Results screen, in Chromium', () => {
  it('exports the demo heatmap as a full-width vector PDF and the curves as a 300 dpi PNG', async () => {
    // The server finds its fonts in a folder of this test's own (taken away at the end to make an export fail).
    const fonts = locateFonts();
    const fontDir = join(downloads, 'fonts');
    mkdirSync(fontDir);
    for (const file of [fonts.regular, fonts.bold])
      copyFileSync(file, join(fontDir, basename(file)));
    served = await serve({ env: { PARLEY_FONT_DIR: fontDir } });
    const page = await openApp(browser, served.url);
    await page.getByTestId('run-demo').click();
    const row = page.locator('[data-testid^="sweep-"][data-phase="complete"]');
    await row.waitFor({ timeout: 90_000 });
    await row.getByTestId('open-results').click();
    await page.locator('[data-testid="heatmap"][data-rendered="true"]').waitFor();
    await page.locator('[data-testid="curves"][data-rendered="true"]').waitFor();

    // The heatmap's export row: figure formats, the cell table, both widths.
    const formatOptions = await page
      .getByTestId('export-heatmap-format')
      .locator('option')
      .allTextContents();
    expect(formatOptions).toEqual([
      'PDF (vector)',
      'SVG',
      'PNG (300 dpi)',
      'Cell table (CSV)',
      'Cell table (LaTeX)',
    ]);
    expect(
      await page.getByTestId('export-heatmap-width').locator('option').allTextContents(),
    ).toEqual(['One column (3.25 in)', 'Full width (6.75 in)']);

    const pdf = await exportAndDownload(page, 'export-heatmap', 'pdf', 'full');
    console.log(
      `heatmap pdf/full from the browser (request, render, download): ${pdf.ms} ms, ${pdf.bytes.length} bytes`,
    );
    expect(pdf.name).toBe('demo-capability-x-competition-strategy-heatmap-utility_focal.pdf');
    // The browser chose where the download went; the row says what was saved.
    expect(await page.getByTestId('export-heatmap-done').textContent()).toBe(`Saved ${pdf.name}`);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const info = execFileSync('pdfinfo', [pdf.path], { encoding: 'utf8' });
    expect(Number(/Page size:\s+([\d.]+) x/.exec(info)?.[1])).toBe(486);
    const embedded = execFileSync('pdffonts', [pdf.path], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .slice(2);
    expect(embedded.length).toBeGreaterThan(0);
    for (const line of embedded) expect(line.split(/\s+/).slice(-5, -4)[0], line).toBe('yes');

    // The curves below: a one-column PNG at 300 dpi is 975 px wide.
    const png = await exportAndDownload(page, 'export-curves', 'png', 'column');
    expect(png.name).toBe('demo-capability-x-competition-strategy-curves-utility_focal.png');
    expect(png.bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(png.bytes.readUInt32BE(16)).toBe(975);

    // The cell table: the width does not apply to it.
    await page.getByTestId('export-heatmap-format').selectOption('csv');
    await expect(page.getByTestId('export-heatmap-width').isDisabled()).resolves.toBe(true);
    const csv = await exportAndDownload(page, 'export-heatmap', 'csv', null);
    expect(csv.name).toBe('demo-capability-x-competition-strategy-table-utility_focal.csv');
    // Five capabilities x five competition levels.
    expect(csv.bytes.toString('utf8').trim().split('\n')).toHaveLength(1 + 25);

    await page.getByTestId('export-heatmap-format').selectOption('pdf');
    await page.getByTestId('export-heatmap').scrollIntoViewIfNeeded();
    expect(await page.getByTestId('export-heatmap').getByRole('alert').count()).toBe(0);
    await screenshot(page, '11-results-export');

    // A failing export says why, inline under its chart, and the row can be used again.
    rmSync(fontDir, { recursive: true, force: true });
    await page.getByTestId('export-heatmap-button').click();
    const error = page.getByTestId('export-heatmap-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(
      /^Export failed: the heatmap could not be drawn: DejaVu Sans fonts .* not found in .*fonts/,
    );
    await expect(page.getByTestId('export-heatmap').getAttribute('data-state')).resolves.toBe(
      'error',
    );
    await expect(page.getByTestId('export-heatmap-button').isEnabled()).resolves.toBe(true);
    await screenshot(page, '12-results-export-error');
    // SVG needs no font files: it still exports, and the error goes away.
    const svg = await exportAndDownload(page, 'export-heatmap', 'svg', 'column');
    expect(svg.bytes.toString('utf8')).toMatch(/^<svg width="3.25in"/);
    expect(await error.count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });
});

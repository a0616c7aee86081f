import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledFontDir, locateFonts } from './fonts';

describe('locateFonts', () => {
  it("uses Parley's own copy of DejaVu (the dejavu-fonts-ttf package) by default", () => {
    const dir = resolve(import.meta.dirname, '..', '..', 'node_modules', 'dejavu-fonts-ttf', 'ttf');
    expect(bundledFontDir()).toBe(dir);
    expect(locateFonts({})).toEqual({
      dir,
      regular: join(dir, 'DejaVuSans.ttf'),
      bold: join(dir, 'DejaVuSans-Bold.ttf'),
    });
  });

  it('falls back to the files installed by fonts-dejavu-core', () => {
    expect(locateFonts({}, null)).toEqual({
      dir: '/usr/share/fonts/truetype/dejavu',
      regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
      bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
    });
  });

  it('looks only in PARLEY_FONT_DIR when it is set, and names the package when fonts are missing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'parley-fonts-'));
    try {
      expect(() => locateFonts({ PARLEY_FONT_DIR: empty })).toThrow(
        /not found in .*parley-fonts-.*fonts-dejavu-core/,
      );
    } finally {
      rmSync(empty, { recursive: true });
    }
  });
});

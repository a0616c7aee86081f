import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateFonts } from './fonts';

describe('locateFonts', () => {
  it('finds the DejaVu files installed by fonts-dejavu-core', () => {
    expect(locateFonts({})).toEqual({
      dir: '/usr/share/fonts/truetype/dejavu',
      regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
      bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
    });
  });

  it('looks only in PARLEY_FONT_DIR when it is set, and names the package when fonts are missing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'parley-fonts-'));
    try {
      expect(() => locateFonts({ PARLEY_FONT_DIR: empty })).toThrow(/not found in .*parley-fonts-.*fonts-dejavu-core/);
    } finally {
      rmSync(empty, { recursive: true });
    }
  });
});

// Locates the DejaVu fonts that every export path embeds, so SVG, PNG and PDF use the same metrics.
// Parley ships its own copy (the npm package dejavu-fonts-ttf), so figures export the same on
// Linux, macOS and Windows, with or without the fonts installed system-wide.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface FigureFonts {
  dir: string;
  regular: string;
  bold: string;
}

/** The family name written into SVG text and mapped to the embedded files. */
export const FONT_FAMILY = 'DejaVu Sans';

const REGULAR = 'DejaVuSans.ttf';
const BOLD = 'DejaVuSans-Bold.ttf';
const SYSTEM_DIRS = [
  '/usr/share/fonts/truetype/dejavu',
  '/usr/share/fonts/dejavu',
  '/usr/share/fonts/TTF',
  '/usr/local/share/fonts',
];

/**
 * The ttf folder of the bundled dejavu-fonts-ttf package, or null when it is not installed. In a
 * packaged desktop app the files sit unpacked beside the asar archive (build/electron-builder.yml),
 * where the PNG renderer's native code can open them.
 */
export function bundledFontDir(): string | null {
  try {
    const pkg = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json');
    return join(dirname(pkg), 'ttf').replace(/\.asar([\\/])/, '.asar.unpacked$1');
  } catch {
    return null;
  }
}

/**
 * Find DejaVuSans.ttf and DejaVuSans-Bold.ttf: PARLEY_FONT_DIR when set (the only place looked at,
 * so an override never silently falls back to other files), else Parley's bundled copy, else the
 * usual system folders.
 */
export function locateFonts(
  env: NodeJS.ProcessEnv = process.env,
  bundled: string | null = bundledFontDir(),
): FigureFonts {
  const override = env.PARLEY_FONT_DIR;
  const dirs = override ? [override] : [...(bundled ? [bundled] : []), ...SYSTEM_DIRS];
  for (const dir of dirs) {
    const regular = join(dir, REGULAR);
    const bold = join(dir, BOLD);
    if (existsSync(regular) && existsSync(bold)) return { dir, regular, bold };
  }
  throw new Error(
    `DejaVu Sans fonts (${REGULAR}, ${BOLD}) not found in ${dirs.join(', ')}. ` +
      `Reinstall Parley's dependencies (npm ci brings the dejavu-fonts-ttf package), install the ` +
      `system package fonts-dejavu-core (apt-get install -y fonts-dejavu-core), or set ` +
      `PARLEY_FONT_DIR to a folder that holds both files.`,
  );
}

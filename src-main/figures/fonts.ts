// Locates the DejaVu fonts that every export path embeds, so SVG, PNG and PDF use the same metrics.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface FigureFonts {
  dir: string;
  regular: string;
  bold: string;
}

/** The family name written into SVG text and mapped to the embedded files. */
export const FONT_FAMILY = 'DejaVu Sans';

const REGULAR = 'DejaVuSans.ttf';
const BOLD = 'DejaVuSans-Bold.ttf';
const SYSTEM_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/share/fonts/TTF', '/usr/local/share/fonts'];

/**
 * Find DejaVuSans.ttf and DejaVuSans-Bold.ttf. PARLEY_FONT_DIR, when set, is the only place looked
 * at, so an override never silently falls back to other files.
 */
export function locateFonts(env: NodeJS.ProcessEnv = process.env): FigureFonts {
  const override = env.PARLEY_FONT_DIR;
  const dirs = override ? [override] : SYSTEM_DIRS;
  for (const dir of dirs) {
    const regular = join(dir, REGULAR);
    const bold = join(dir, BOLD);
    if (existsSync(regular) && existsSync(bold)) return { dir, regular, bold };
  }
  throw new Error(
    `DejaVu Sans fonts (${REGULAR}, ${BOLD}) not found in ${dirs.join(', ')}. ` +
      `Install the system package fonts-dejavu-core (apt-get install -y fonts-dejavu-core) ` +
      `or set PARLEY_FONT_DIR to a folder that holds both files.`,
  );
}

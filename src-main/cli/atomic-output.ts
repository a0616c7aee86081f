// Exports that never leave half their files: everything is written into a temporary folder
// beside the target, checked, then moved in by rename (atomic per file on one filesystem).
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { CliError } from './common';

/**
 * Run `write` against a fresh temporary folder next to `outDir`, then move the files it wrote
 * into `outDir` (created if needed; other files there are left alone). When `write` throws, or a
 * file cannot take its place (a folder of that name is in the way), nothing reaches `outDir`.
 * Returns the final paths.
 */
export function writeAtomically(outDir: string, write: (dir: string) => string[]): string[] {
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const tmp = mkdtempSync(join(parent, `.${basename(outDir)}.parley-tmp-`));
  try {
    const names = write(tmp).map((f) => relative(tmp, f));
    const blocked = names.filter((n) => {
      const target = join(outDir, n);
      return existsSync(target) && statSync(target).isDirectory();
    });
    if (blocked.length > 0) {
      throw new CliError(
        `cannot write ${blocked.map((n) => join(outDir, n)).join(', ')}: a folder of that name is in the way; nothing was written`,
      );
    }
    if (!existsSync(outDir) || readdirSync(outDir).length === 0) {
      // A new (or empty) folder: the whole export appears at once.
      rmSync(outDir, { recursive: true, force: true });
      renameSync(tmp, outDir);
    } else {
      for (const n of names) renameSync(join(tmp, n), join(outDir, n));
    }
    return names.map((n) => join(outDir, n));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// DESIGN 1 and STYLE: only the desktop shell imports `electron`; the engine, store, CLI, web host,
// shared contract and renderer run without it. Scans every source file of the repository.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SKIP = new Set([
  'node_modules',
  'out',
  'dist',
  'release',
  'coverage',
  '.git',
  'test-results',
  'artifacts',
]);
const ALLOWED = (file: string) => file.startsWith('src-main/electron/');
/** import ... from 'electron', import 'electron/x', import('electron'), require('electron'), export ... from 'electron' */
const ELECTRON_IMPORT =
  /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]electron(?:\/[^'"]*)?['"]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/.test(entry.name)
      ? [relative(ROOT, path).split(sep).join('/')]
      : [];
  });
}

describe('electron imports', () => {
  const files = sourceFiles(ROOT);

  it('scans the whole tree (engine, store, CLI, web host, renderer, shared, games)', () => {
    for (const dir of [
      'src-main/engine/',
      'src-main/store/',
      'src-main/cli/',
      'src-main/web/',
      'src-main/host/',
      'src-renderer/',
      'src-shared/',
      'games/',
    ]) {
      expect(files.some((f) => f.startsWith(dir))).toBe(true);
    }
  });

  it('appear only in src-main/electron', () => {
    const offenders = files.filter(
      (f) => !ALLOWED(f) && ELECTRON_IMPORT.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('stay out of the shell modules that tests and the preload load under plain Node', () => {
    for (const file of [
      'src-main/electron/policy.ts',
      'src-main/electron/ipc-protocol.ts',
      'src-main/electron/engine-process.ts',
    ]) {
      expect({
        file,
        importsElectron: ELECTRON_IMPORT.test(readFileSync(join(ROOT, file), 'utf8')),
      }).toEqual({ file, importsElectron: false });
    }
  });

  it('the pattern catches every import form', () => {
    const forms = [
      "import { app } from 'electron';",
      'import type { App } from "electron";',
      "export { shell } from 'electron'",
      "const e = require('electron')",
      "await import('electron')",
      "import 'electron/main';",
    ];
    expect(forms.map((f) => ELECTRON_IMPORT.test(f))).toEqual([true, true, true, true, true, true]);
    expect(ELECTRON_IMPORT.test("import { build } from 'electron-vite';")).toBe(false);
  });
});

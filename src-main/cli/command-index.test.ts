import { readdirSync } from 'node:fs';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMAND_MODULES, moduleOf } from './command-index';

describe('command index', () => {
  it('lists every command module of src-main/cli', () => {
    const files = readdirSync(new URL('.', import.meta.url))
      .filter((f) => /-commands?\.ts$/.test(f))
      .sort();
    expect(COMMAND_MODULES.map((m) => m.file).sort()).toEqual(files);
  });

  it('names exactly the commands each module registers', async () => {
    for (const m of COMMAND_MODULES) {
      const program = new Command();
      (await m.load())(program);
      expect(program.commands.map((c) => c.name()).sort(), m.file).toEqual(
        Object.keys(m.commands).sort(),
      );
    }
  });

  it('finds the module of a command, and none for a typo', () => {
    expect(moduleOf('run')?.file).toBe('core-commands.ts');
    expect(moduleOf('mock-llm')?.file).toBe('llm-commands.ts');
    expect(moduleOf('rnu')).toBeUndefined();
    expect(moduleOf(undefined)).toBeUndefined();
  });
});

/** Packages reachable from `entry` through static imports only (what loading it loads). */
async function staticPackages(entry: string): Promise<Set<string>> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
    // Dynamic imports are loaded only when a command runs: not followed.
    plugins: [
      {
        name: 'no-dynamic',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) =>
            args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
          );
        },
      },
    ],
  });
  const packages = new Set<string>();
  for (const input of Object.values(result.metafile.inputs))
    for (const i of input.imports)
      if (i.external && i.kind === 'import-statement' && !i.path.startsWith('node:'))
        packages.add(i.path.split('/')[0]);
  return packages;
}

describe('what a command loads', () => {
  const heavy = ['echarts', 'pdfkit', 'svg-to-pdfkit', '@resvg', 'ws', 'hyparquet-writer'];

  it('`parley run` loads no chart, PDF, web-server or Parquet code', async () => {
    const loaded = await staticPackages('src-main/cli/core-commands.ts');
    expect(loaded.has('better-sqlite3')).toBe(true);
    expect(heavy.filter((p) => loaded.has(p))).toEqual([]);
  }, 30_000);

  it('`parley --help` loads no command module', async () => {
    const loaded = await staticPackages('src-main/cli/main.ts');
    expect([...loaded].sort()).toEqual(['commander']);
  }, 30_000);
});

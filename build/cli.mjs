// Compiles the `parley` CLI (and the web host it serves) to plain JavaScript in out/cli, so no
// TypeScript compiler runs when a command starts. Every dynamic import (one per command module,
// see src-main/cli/command-index.ts) becomes its own chunk: a command loads only its own code.
// Chunks sit directly in out/cli, two levels below the package like the sources in src-main/*,
// so paths the code resolves from import.meta.url (package.json, resources/, out/renderer) hold.
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = resolve(root, 'out/cli');
const started = Date.now();
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // The engine thread of `parley serve` (src-main/web/worker-engine.ts starts it by this name).
  entryPoints: { main: 'src-main/cli/main.ts', 'engine-worker': 'src-main/web/engine-worker.ts' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir,
  chunkNames: 'chunk-[hash]',
  // Dependencies stay in node_modules: native modules (better-sqlite3, keytar) load from disk.
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
// The store reads its SQL migrations from ./migrations beside the module that runs it.
cpSync(resolve(root, 'src-main/store/migrations'), resolve(outdir, 'migrations'), {
  recursive: true,
});
// bin/parley.js runs the bundle only while it is newer than every source file.
writeFileSync(resolve(outdir, 'built-at.json'), `${JSON.stringify({ builtAt: Date.now() })}\n`);
console.log(`parley: compiled the CLI to out/cli in ${Date.now() - started} ms`);

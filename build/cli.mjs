// Compiles the `parley` CLI (and the web host it serves) to plain JavaScript in out/cli, so no
// TypeScript compiler runs when a command starts. Every dynamic import (one per command module,
// see src-main/cli/command-index.ts) becomes its own chunk: a command loads only its own code.
// Chunks sit directly in out/cli, two levels below the package like the sources in src-main/*,
// so paths the code resolves from import.meta.url (package.json, resources/, out/renderer) hold.
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The dependencies compiled into the bundle: pure JavaScript, no files read beside their code.
 * Everything else stays external: native modules (better-sqlite3, keytar, resvg), packages that
 * read their own data files (pdfkit, the DejaVu fonts), ECharts (loaded only by figures), and
 * the development tools some commands start (tsx, vite, electron).
 */
const BUNDLED = new Set([
  'zod',
  'commander',
  'cli-progress',
  'csv-parse',
  'csv-stringify',
  'openai',
  '@anthropic-ai/sdk',
  'simple-statistics',
  'hyparquet-writer',
  '@stdlib/stats-base-dists-t-quantile',
]);

/** esbuild plugin: bare imports of our code stay external unless their package is in `names`. */
function bundleOnly(names) {
  return {
    name: 'bundle-only',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        // Inside a bundled package everything it needs is bundled with it.
        if (args.path.startsWith('node:') || args.importer.includes('/node_modules/')) return;
        const parts = args.path.split('/');
        const pkg = args.path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
        if (names.has(pkg)) return;
        return { path: args.path, external: true };
      });
    },
  };
}

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
  // Pure-JS dependencies are bundled: each would otherwise be resolved and read file by file
  // at start-up (zod alone is ~100 files). The rest stay in node_modules (see BUNDLED).
  plugins: [bundleOnly(BUNDLED)],
  // Bundled CommonJS packages call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __parleyRequire } from 'node:module'; const require = __parleyRequire(import.meta.url);",
  },
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

// Builds the desktop app into out/: main (the Electron main process and the engine's utility
// process), preload (sandboxed, so one self-contained CommonJS file) and the renderer. The layout
// is not electron-vite's default src/main, so every input is named here.
import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

const root = import.meta.dirname;
const shared = { '@shared': resolve(root, 'src-shared') };

/** The store reads its SQL migrations from ./migrations beside the bundle that runs it. */
function copyMigrations(): Plugin {
  return {
    name: 'parley:copy-migrations',
    apply: 'build',
    writeBundle(options) {
      cpSync(
        resolve(root, 'src-main/store/migrations'),
        resolve(options.dir ?? resolve(root, 'out/main'), 'migrations'),
        { recursive: true },
      );
    },
  };
}

/**
 * `npm run dev` only: Vite's dev server injects an inline React-refresh preamble and styles and
 * talks to its HMR socket, which the page's strict meta CSP forbids. Builds keep the strict one.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'parley:dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*");
    },
  };
}

export default defineConfig({
  main: {
    resolve: { alias: shared },
    plugins: [copyMigrations()],
    build: {
      outDir: resolve(root, 'out/main'),
      // Production dependencies stay in node_modules (electron-builder ships them): better-sqlite3
      // and keytar are native and must be loaded from disk, rebuilt for Electron's ABI.
      externalizeDeps: { include: ['better-sqlite3', 'keytar'] },
      rolldownOptions: {
        input: {
          index: resolve(root, 'src-main/electron/index.ts'),
          'engine-process': resolve(root, 'src-main/electron/engine-process.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias: shared },
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload cannot require() anything but 'electron': bundle zod and the contract.
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: resolve(root, 'src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    resolve: { alias: shared },
    plugins: [react(), relaxCspForDevServer()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves the renderer unminified by default; `parley serve` sends it over HTTP.
      minify: true,
      chunkSizeWarningLimit: 1500,
      rolldownOptions: { input: resolve(root, 'src-renderer/index.html') },
    },
  },
});

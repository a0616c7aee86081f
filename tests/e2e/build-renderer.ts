// Builds the renderer into out/renderer (what `parley serve` serves) with Vite, for the browser
// tests and the UI bench. The desktop build (electron-vite) writes the same folder; this script
// only exists so browser tests do not depend on the desktop build configuration.
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const RENDERER_OUT = join(ROOT, 'out', 'renderer');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when out/renderer is missing or older than a renderer or shared source file. */
export function isRendererStale(): boolean {
  const index = join(RENDERER_OUT, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return (
    newestMtime(join(ROOT, 'src-renderer')) > built || newestMtime(join(ROOT, 'src-shared')) > built
  );
}

export async function buildRenderer(): Promise<void> {
  // Under vitest NODE_ENV is "test", and Vite would then bundle React's development build
  // (twice the first screen's bytes): build what users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await buildProduction();
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

async function buildProduction(): Promise<void> {
  await build({
    root: join(ROOT, 'src-renderer'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir: RENDERER_OUT,
      emptyOutDir: true,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 1500,
    },
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildRenderer();
  console.log(`renderer built into ${RENDERER_OUT}`);
}

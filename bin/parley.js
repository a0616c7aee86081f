#!/usr/bin/env node
// Entry point of the `parley` CLI. Runs the compiled JavaScript in out/cli (built by `npm ci`'s
// prepare step, or `npm run build:cli`) while it is newer than every source file; otherwise (a
// source was edited since) it runs the TypeScript sources through tsx, so a developer never runs
// stale code. PARLEY_FROM_SOURCE=1 forces the sources.
import { readdirSync, readFileSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const SOURCE_DIRS = ['src-main', 'src-shared', 'games'];

function builtAt() {
  try {
    return JSON.parse(readFileSync(new URL('out/cli/built-at.json', root), 'utf8')).builtAt;
  } catch {
    return null;
  }
}

function newestSource() {
  let newest = 0;
  for (const dir of SOURCE_DIRS) {
    const base = new URL(`${dir}/`, root);
    for (const name of readdirSync(base, { recursive: true })) {
      const t = statSync(new URL(name, base)).mtimeMs;
      if (t > newest) newest = t;
    }
  }
  return newest;
}

const compiled = process.env.PARLEY_FROM_SOURCE ? null : builtAt();
if (compiled !== null && newestSource() < compiled) {
  await import('../out/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src-main/cli/main.ts');
}

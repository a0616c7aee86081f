// The folder rules of eslint.config.js (where each file may run) catch what they promise: a
// probe file of each kind, linted as if it lived in each folder.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from './cli-helpers';

const eslint = new ESLint({
  cwd: ROOT,
  // Only the boundary rule: the probes are not in a tsconfig, so type-aware rules cannot run.
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
});

async function refused(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: `${ROOT}/${file}` });
  return result.messages.map((m) => String(/'([^']+)' import/.exec(m.message)?.[1]));
}

// Spelled apart so that electron-imports.test.ts, which scans every source file, sees no import.
const ELECTRON = ['elec', 'tron'].join('');

const PROBE = [
  "import { readFileSync } from 'node:fs';",
  "import fs from 'fs';",
  `import { app } from '${ELECTRON}';`,
  "import { openStore } from '../src-main/store/store';",
  "import { App } from '../src-renderer/components/App';",
  "import React from 'react';",
  "import { z } from 'zod';",
  'export const used = [readFileSync, fs, app, openStore, App, React, z];',
].join('\n');

describe('import boundaries', () => {
  it('src-shared and games import no Node, Electron, app or UI code', async () => {
    const all = ['node:fs', 'fs', 'electron', '../src-main/store/store'];
    expect(await refused('src-shared/probe.ts', PROBE)).toEqual([
      ...all,
      '../src-renderer/components/App',
      'react',
    ]);
    expect(await refused('games/probe.ts', PROBE)).toEqual([
      ...all,
      '../src-renderer/components/App',
      'react',
    ]);
    expect(await refused('src-shared/probe.ts', "import { x } from '../games/rng';")).toEqual([
      '../games/rng',
    ]);
  });

  it('the renderer imports no src-main, Node or Electron', async () => {
    const probe = PROBE.replaceAll("'../src-", "'../../src-");
    expect(await refused('src-renderer/lib/probe.ts', probe)).toEqual([
      'node:fs',
      'fs',
      'electron',
      '../../src-main/store/store',
    ]);
  });

  it('only src-main/electron imports electron', async () => {
    const probe = `import { app } from '${ELECTRON}';\nimport { x } from './electron-helper';`;
    expect(await refused('src-main/host/probe.ts', probe)).toEqual(['electron']);
    expect(await refused('src-main/electron/probe.ts', probe)).toEqual([]);
    expect(await refused('src-main/host/probe.ts', "import '../electron/ipc-protocol';")).toEqual(
      [],
    );
  });
});

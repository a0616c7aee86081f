// `parley validate` as a process on hostile sweep files: nested 5,000 levels deep, a grid of 12
// million games, a file of 9 MB. Each gets a plain message and exit 2, with bounded time and a
// bounded heap (a 192 MB limit: the first formula took 3.7 GB and 150 s on the grid).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, tempDir } from './cli-helpers';

const t = tempDir('parley-validate-');
afterAll(() => t.cleanup());

const HEAP_MB = 192;
const TIMEOUT_MS = 60_000;

function validate(doc: string): {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
} {
  const file = join(t.dir, `sweep-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, doc);
  const started = Date.now();
  const r = spawnSync(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, BIN, 'validate', file],
    {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: TIMEOUT_MS,
    },
  );
  return {
    status: r.status,
    stdout: r.stdout.replaceAll(file, 'sweep.json'),
    stderr: r.stderr.replaceAll(file, 'sweep.json'),
    ms: Date.now() - started,
  };
}

const opponents = Array.from({ length: 10 }, (_, i) => `o${i}`);
const base = {
  name: 'hostile',
  game: { kind: 'item-allocation', params: { items: 5 } },
  participants: [...opponents, 'ref'].map((id, i) => ({
    id,
    kind: 'strategy',
    strategy: 'linear',
    scores: { capability: i / 10 },
  })),
  lineup: { mode: 'baseline', baseline: 'ref', opponents },
  competition: { levels: Array.from({ length: 100 }, (_, i) => i / 99) },
  orders: 'both',
  runs: { count: 2 },
};

describe('parley validate on hostile files', () => {
  it('nesting 5,000 levels deep in game.params: a message naming the path, exit 2', () => {
    const deep = '{"x":'.repeat(5_000) + '1' + '}'.repeat(5_000);
    const doc = JSON.stringify({
      ...base,
      game: { ...base.game, params: { items: 5, deep: 'D' } },
    });
    const r = validate(doc.replace('"D"', deep));
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'parley: sweep.json: the sweep has 1 problem; nothing was run:\n' +
        `  - game.params.deep${'.x'.repeat(29)}: nested more than 32 levels deep; a sweep document needs only a few levels\n`,
    );
    expect(r.status).toBe(2);
    expect(r.ms).toBeLessThan(TIMEOUT_MS);
  });

  it('a grid of 12 million games: counted, refused with the cap and how to raise it, exit 2', () => {
    const r = validate(JSON.stringify({ ...base, runs: { count: 6_000 } }));
    expect(r.stderr).toBe(
      'parley: sweep.json: the sweep has 1 problem; nothing was run:\n' +
        '  - (root): the sweep plans 12,000,000 games (10 line-ups x 100 cells x 2 orders x 6,000 runs), more than the cap of 200,000 games per sweep; split it into smaller sweeps, or raise the cap with "maxGames": 12000000 in the document\n',
    );
    expect(r.status).toBe(2);
  });

  it('a 9 MB file: refused before it is read, exit 2', () => {
    const r = validate(JSON.stringify({ ...base, description: 'x'.repeat(9 * 1024 * 1024) }));
    expect(r.stderr).toBe(
      'parley: sweep.json is 9.0 MB, more than the 8.0 MB a sweep document (it lists its axes, not its games) may be\n',
    );
    expect(r.status).toBe(2);
  });

  it('the same grid within the cap still validates', () => {
    const r = validate(JSON.stringify(base));
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(
      /^sweep\.json: valid\. 4000 games in 1000 cells \(sweep id [0-9a-f]{16}\)\.\n$/,
    );
    expect(r.status).toBe(0);
  });
});

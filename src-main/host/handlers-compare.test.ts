// The comparison and annotation channels through the host, on a store file: validation names
// the field, pairs filter by cell and tag, and annotations refuse unknown games.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GameOutcome } from '../../src-shared/game';
import { NO_DEAL, samplePlannedGame } from '../store/fixtures';
import { openStore } from '../store/store';
import type { Store } from '../store/types';
import { createHost } from './host';

let dir: string;
let store: Store;

const won = (focal: number): GameOutcome => ({
  ...NO_DEAL,
  deal: true,
  round: 1,
  rawUtilities: [10, focal],
  utilities: [10, focal],
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-compare-host-'));
  store = openStore(join(dir, 'parley.db'));
  // Sweep A and B hold games of the same cell and seeds 1-3 (B's differ in gamma, so their ids).
  for (const [sweep, gamma, values] of [
    ['A', 0.9, [10, 20, 30]],
    ['B', 0.8, [12, 25, 31]],
  ] as const) {
    store.upsertSweep({ id: sweep, name: sweep, spec: {} });
    const games = values.map((_, i) =>
      samplePlannedGame(`${sweep}${i + 1}`, {
        seed: i + 1,
        protocol: { ...samplePlannedGame('x').protocol, gamma },
      }),
    );
    store.insertPlannedGames(sweep, games);
    values.forEach((v, i) => store.finishGame(`${sweep}${i + 1}`, won(v)));
  }
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('host: compare and annotations', () => {
  it('computes the paired grid: B - A = 2, 5, 1 over three seeds', async () => {
    const host = createHost({ store });
    const grid = (await host.handle('compare:grid', {
      a: { sweepId: 'A' },
      b: { sweepId: 'B' },
    })) as { cells: unknown[]; pairs: number };
    expect(grid.pairs).toBe(3);
    expect(grid.cells).toEqual([
      expect.objectContaining({
        focalKey: 'strong',
        level: 0.5,
        n: 3,
        meanA: 20,
        meanB: 68 / 3,
        meanDiff: 8 / 3,
        // All three differences are positive: only all-plus and all-minus reach |8|: 2 / 8.
        p: 0.25,
        pMethod: 'exact',
        // Wilcoxon: W+ = 6, the maximum, in 1 of 8 assignments; two-sided 2/8.
        wilcoxonP: 0.25,
        wilcoxonMethod: 'exact',
      }),
    ]);
  });

  it('names the bad field of a comparison and of a tag', async () => {
    const host = createHost({ store });
    await expect(
      host.handle('compare:grid', { a: { sweepId: 'A', focalId: 'strong' }, b: { sweepId: 'B' } }),
    ).rejects.toMatchObject({
      issues: [
        { path: 'b.focalId', message: 'pin the focal participant on both sides or on neither' },
      ],
    });
    await expect(
      host.handle('compare:grid', { a: { sweepId: 'nope' }, b: { sweepId: 'B' } }),
    ).rejects.toMatchObject({ issues: [{ path: 'a.sweepId', message: 'unknown sweep' }] });
    await expect(
      host.handle('annotations:setTags', { gameId: 'A1', tags: ['Has Space'] }),
    ).rejects.toMatchObject({
      issues: [
        {
          path: 'tags[0]',
          message: 'a tag is 1-40 lowercase letters, digits or - _ : . (no spaces)',
        },
      ],
    });
    await expect(
      host.handle('annotations:setNote', { gameId: 'missing', text: 'x' }),
    ).rejects.toMatchObject({ message: 'no game with id "missing"' });
  });

  it('filters pairs by a tag on either game and returns the tags', async () => {
    const host = createHost({ store });
    await host.handle('annotations:setTags', { gameId: 'B2', tags: ['check'] });
    const page = await host.handle('compare:pairs', {
      a: { sweepId: 'A' },
      b: { sweepId: 'B' },
      tag: 'check',
    });
    expect(page).toEqual({
      total: 1,
      rows: [
        {
          gameA: 'A2',
          gameB: 'B2',
          focalKey: 'strong',
          level: 0.5,
          seed: 2,
          order: 'weak_first',
          valueA: 20,
          valueB: 25,
          diff: 5,
          tags: ['check'],
        },
      ],
    });
    expect(await host.handle('annotations:tags', {})).toEqual([{ tag: 'check', games: 1 }]);
  });
});

// A deliberation sweep: its folder is read when it is planned, seats follow the folder's parties,
// and folder or seating problems are reported with their field path before anything runs.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSweep, type SweepInput } from '../../src-shared/sweep';
import { expandSweep } from '../sweeps/expand';
import { SHIPPED_BASE_GAME } from './read-game-folder';

const dir = mkdtempSync(join(tmpdir(), 'parley-dsweep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rule = (id: string, c: number) => ({
  id,
  kind: 'strategy' as const,
  strategy: 'deliberation-rule' as const,
  scores: { capability: c },
});

function doc(over: Partial<SweepInput> = {}): SweepInput {
  return {
    name: 'deliberation',
    game: { kind: 'deliberation', params: { folder: 'base' } },
    agents: 6,
    participants: [rule('strong', 0.9), rule('weak', 0.1)],
    lineup: { mode: 'lineups', lineups: [['strong', 'weak', 'weak', 'weak', 'weak', 'weak']] },
    competition: { levels: [0] },
    runs: { seeds: [1, 2] },
    ...over,
  };
}

function expand(input: SweepInput) {
  const parsed = parseSweep(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return expandSweep(parsed.sweep);
}

describe('deliberation sweeps', () => {
  it("keep the line-up in the folder's party order and carry the folder's data", () => {
    const r = expand(doc());
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.expanded.games).toHaveLength(2);
    const g = r.expanded.games[0];
    // weak_first would have moved the strong participant last; the Mayor (seat 0) keeps it.
    expect(g.participants.map((p) => p.id)).toEqual([
      'strong',
      'weak',
      'weak',
      'weak',
      'weak',
      'weak',
    ]);
    const data = g.params.data as { parties: { name: string }[] };
    expect(data.parties.map((p) => p.name)[0]).toBe('Mayor');
  });

  it('report a broken folder, another seat order and the wrong number of agents', () => {
    const copy = join(dir, 'broken');
    cpSync(SHIPPED_BASE_GAME, copy, { recursive: true });
    writeFileSync(join(copy, 'config.txt'), 'Mayor,mayor,chair,cooperative,m\n');
    expect(expand(doc({ game: { kind: 'deliberation', params: { folder: copy } } }))).toEqual({
      ok: false,
      issues: [
        {
          path: 'game.params.folder',
          message: `folder ${JSON.stringify(copy)}: config.txt line 1: unknown role 'chair' (known: p1, p2, target, player)`,
        },
      ],
    });
    const r = expand(doc({ orders: 'both', agents: 5 }));
    expect(r.ok ? [] : r.issues).toEqual([
      { path: 'lineup.lineups[0]', message: 'has 6 participants but agents is 5' },
      {
        path: 'competition.levels[0]',
        message: 'the folder has 6 parties, so the game needs 6 agents, got 5',
      },
      {
        path: 'orders',
        message:
          'deliberation seats each line-up in the folder\'s party order (config.txt); leave orders at ["weak_first"]',
      },
    ]);
  });
});

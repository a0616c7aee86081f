import { describe, expect, it } from 'vitest';
import { parseSweep } from '../../src-shared/sweep';
import type { SweepInput } from '../../src-shared/sweep';
import { demoSweep } from './demo';
import { expandSweep } from './expand';
import { validateSweepDoc } from './service';

const br = (id: string, c: number) => ({
  id,
  kind: 'strategy' as const,
  strategy: 'bounded-rational' as const,
  capability: c,
  scores: { capability: c },
});

function small(overrides: Partial<SweepInput> = {}): SweepInput {
  return {
    name: 'small',
    game: { kind: 'item-allocation', params: { items: 4 } },
    participants: [br('weak', 0.2), br('strong', 0.8), br('ref', 0.5)],
    lineup: { mode: 'baseline', baseline: 'ref', opponents: ['weak', 'strong'] },
    competition: { levels: [0, 1] },
    orders: 'both',
    runs: { seeds: [7, 8, 9] },
    ...overrides,
  };
}

function expandOk(doc: SweepInput) {
  const parsed = parseSweep(doc);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const result = expandSweep(parsed.sweep);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.expanded;
}

describe('sweep expansion', () => {
  it('gives one game per line-up x level x order x run with stable content ids', () => {
    const a = expandOk(small());
    // 2 opponents x 2 levels x 2 orders x 3 seeds
    expect(a.games).toHaveLength(24);
    expect(new Set(a.games.map((g) => g.id)).size).toBe(24);
    const b = expandOk(small());
    expect(b.games.map((g) => g.id)).toEqual(a.games.map((g) => g.id));
    expect(b.id).toBe(a.id);
    // the same game content in a differently named sweep has the same id
    const renamed = expandOk(small({ name: 'other name' }));
    expect(renamed.games.map((g) => g.id)).toEqual(a.games.map((g) => g.id));
    expect(renamed.id).not.toBe(a.id);
  });

  it('seats weak_first by ascending and strong_first by descending capability', () => {
    const games = expandOk(small()).games.filter(
      (g) => g.focalId === 'strong' && g.seed === 7 && g.competitionLevel === 1,
    );
    const weakFirst = games.find((g) => g.order === 'weak_first')!;
    const strongFirst = games.find((g) => g.order === 'strong_first')!;
    expect(weakFirst.participants.map((p) => p.id)).toEqual(['ref', 'strong']);
    expect(strongFirst.participants.map((p) => p.id)).toEqual(['strong', 'ref']);
    expect(weakFirst.capabilities).toEqual([0.5, 0.8]);
    expect(weakFirst.focalCapability).toBe(0.8);
    expect(weakFirst.params).toEqual({ ...weakFirst.params, competition: 1, items: 4 });
    expect(weakFirst.protocol).toEqual({
      rounds: 10,
      gamma: 0.9,
      discussionTurns: 2,
      acceptance: 'unanimous',
      vetoHolders: [0],
      maxProposalAttempts: 3,
    });
  });

  it('expands crossplay to ordered pairs (each player focal) and count runs to consecutive seeds', () => {
    const doc = small({
      lineup: { mode: 'crossplay', players: ['weak', 'strong', 'ref'] },
      orders: ['random'],
      runs: { count: 2, baseSeed: 100 },
      competition: { levels: [0.5] },
    });
    const games = expandOk(doc).games;
    expect(games).toHaveLength(6 * 2);
    expect(new Set(games.map((g) => g.id)).size).toBe(12);
    expect([...new Set(games.map((g) => g.seed))]).toEqual([100, 101]);
    const pairs = (seed: number) =>
      games
        .filter((g) => g.seed === seed)
        .map((g) => {
          const other = g.participants.find((p) => p.id !== g.focalId)!;
          return `${g.focalId} vs ${other.id}`;
        });
    expect(pairs(100)).toEqual([
      'weak vs strong',
      'strong vs weak',
      'weak vs ref',
      'ref vs weak',
      'strong vs ref',
      'ref vs strong',
    ]);
  });

  it('maps the treaty rho x theta grid onto the competition index theta(1-rho)/2', () => {
    const games = expandOk(
      small({
        game: { kind: 'treaty', params: {} },
        competition: { rho: [-1, 1], theta: [0.5] },
        orders: ['weak_first'],
        runs: { seeds: [1] },
      }),
    ).games;
    expect(games.map((g) => [g.focalId, g.rho, g.theta, g.competitionLevel])).toEqual([
      ['weak', -1, 0.5, 0.5],
      ['weak', 1, 0.5, 0],
      ['strong', -1, 0.5, 0.5],
      ['strong', 1, 0.5, 0],
    ]);
  });

  it('expands the demo to 250 games', () => {
    expect(expandOk(demoSweep()).games).toHaveLength(5 * 5 * 2 * 5);
  });
});

describe('sweep validation', () => {
  it('lists every problem with its field path before anything runs', () => {
    const result = validateSweepDoc({
      ...small(),
      game: { kind: 'chess', params: {} },
      competition: { levels: [0.5, 1.5] },
      runs: { seeds: [1, 1] },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      {
        path: 'game.kind',
        message: 'must be one of "item-allocation", "treaty", "cofunding", "deliberation"',
      },
      { path: 'competition.levels[1]', message: 'must be between 0 and 1' },
    ]);
  });

  it('refuses unknown participants, duplicate seeds and impossible geometry together', () => {
    const result = validateSweepDoc(
      small({
        agents: 3,
        game: { kind: 'item-allocation', params: { items: 2 } },
        lineup: { mode: 'baseline', baseline: 'ref', opponents: ['weak', 'ghost'] },
        runs: { seeds: [3, 4, 3] },
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((i) => i.path);
    expect(paths).toContain('lineup.opponents[1]');
    expect(paths).toContain('runs.seeds[2]');
    expect(paths).toContain('competition.levels[0]');
    expect(result.issues.find((i) => i.path === 'lineup.opponents[1]')!.message).toBe(
      'unknown participant "ghost": define it in "participants" or add it to the model registry',
    );
    expect(result.issues.find((i) => i.path === 'runs.seeds[2]')!.message).toBe(
      'duplicate seed 3 (also at runs.seeds[0])',
    );
  });

  it('refuses an empty opponent list and unknown fields', () => {
    const result = validateSweepDoc({
      ...small(),
      lineup: { mode: 'baseline', baseline: 'ref', opponents: [] },
      rouns: 5,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { path: 'lineup.opponents', message: 'list at least one opponent' },
      { path: '(root)', message: 'unknown field "rouns"' },
    ]);
  });
});

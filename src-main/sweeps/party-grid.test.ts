// Capability x incentive grids of deliberation sweeps: lineup.mode "parties" (a model per party,
// by party, role or default, the focal party's varying) and competition.incentives (the focal
// party's incentive per cell), expanded over the shipped base game and refused with clear paths.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeliberationParams } from '../../games/deliberation/definition';
import { focalSeatOf } from '../../src-shared/planned-game';
import { expandOk, issuesOf } from './sweep-test-helpers';

const example = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../../resources/examples/deliberation-capability-incentive.json'),
    'utf8',
  ),
) as Record<string, unknown>;

const rule = (id: string, c: number) => ({
  id,
  kind: 'strategy' as const,
  strategy: 'deliberation-rule' as const,
  scores: { capability: c },
});

/** Base game parties in config.txt order, with their roles. */
const PARTIES = [
  'Mayor', // player
  'Other cities', // player
  'Local Labour Union', // player
  'SportCo', // p1
  'Department of Tourism', // p2
  'Environmental League', // player
];

const doc = (lineup: Record<string, unknown>, competition: unknown = { levels: [0] }) => ({
  name: 'grid',
  game: { kind: 'deliberation', params: { folder: 'base' } },
  agents: 6,
  participants: [rule('a', 0.1), rule('b', 0.5), rule('c', 0.9), rule('d', 0.3)],
  lineup: { mode: 'parties', focalParty: 'Environmental League', ...lineup },
  competition,
  runs: { seeds: [1] },
});

describe('capability x incentive grids', () => {
  it('expands the shipped example into 3 focal models x 3 incentives x 2 runs', () => {
    const games = expandOk(example).games;
    expect(games).toHaveLength(18);
    expect(new Set(games.map((g) => g.id)).size).toBe(18);
    const cells = games.map((g) => {
      const p = g.params as DeliberationParams;
      return [
        g.focalId,
        g.focalCapability,
        g.competitionLevel,
        p.incentives['Environmental League'],
        g.seed,
      ];
    });
    const grid: unknown[] = [];
    for (const [id, c] of [
      ['focal-small', 0.2],
      ['focal-medium', 0.5],
      ['focal-large', 0.8],
    ])
      for (const [level, incentive] of ['cooperative', 'greedy', 'untargeted_adv'].entries())
        for (const seed of [1, 2]) grid.push([id, c, level, incentive, seed]);
    expect(cells).toEqual(grid);
    for (const g of games) {
      expect(g.participants.map((p) => p.id)).toEqual([
        'rule-coop',
        'rule-coop',
        'rule-coop',
        'rule-coop',
        'rule-coop',
        g.focalId,
      ]);
      expect(focalSeatOf(g)).toBe(5);
      const p = g.params as DeliberationParams;
      expect(p.incentives).toEqual({
        SportCo: 'cooperative',
        'Department of Tourism': 'cooperative',
        'Environmental League': p.incentives['Environmental League'],
      });
      // Only the instructions in play are kept: the focal party's are the cell's incentive's.
      expect(Object.keys(p.data!.parties[5].instructions)).toEqual([
        p.incentives['Environmental League'],
      ]);
    }
  });

  it('gives each party its byParty model, else its role model, else the default', () => {
    const games = expandOk(
      doc({
        focalModels: ['c'],
        models: 'a',
        byRole: { p1: 'b', p2: 'b' },
        byParty: { Mayor: 'd', 'Department of Tourism': 'd' },
      }),
    ).games;
    expect(games).toHaveLength(1);
    expect(games[0].participants.map((p) => p.id)).toEqual(['d', 'a', 'a', 'b', 'd', 'c']);
    expect([games[0].focalId, games[0].competitionLevel]).toEqual(['c', 0]);
  });

  it('refuses unknown parties and roles, parties without a model and a focal model seated earlier', () => {
    expect(issuesOf(doc({ focalParty: 'Nobody', focalModels: ['a'], models: 'b' }))).toEqual([
      {
        path: 'lineup.focalParty',
        message: `no party named "Nobody" in the folder (parties: ${PARTIES.join(', ')})`,
      },
    ]);
    expect(
      issuesOf(
        doc({
          focalModels: ['a', 'a'],
          byRole: { judge: 'b' },
          byParty: { Mayer: 'b', 'Environmental League': 'b' },
        }),
      ),
    ).toEqual([
      {
        path: 'lineup.byParty.Mayer',
        message: `no party named "Mayer" in the folder (parties: ${PARTIES.join(', ')})`,
      },
      {
        path: 'lineup.byParty.Environmental League',
        message: "the focal party's model comes from lineup.focalModels; remove it here",
      },
      {
        path: 'lineup.byRole.judge',
        message: 'unknown role "judge"; one of p1, p2, target, player',
      },
      ...['Mayor', 'Other cities', 'Local Labour Union', 'SportCo', 'Department of Tourism'].map(
        (name, i) => ({
          path: 'lineup.models',
          message: `party "${name}" (role ${i === 3 ? 'p1' : i === 4 ? 'p2' : 'player'}) has no model: name one in lineup.byParty, lineup.byRole or lineup.models`,
        }),
      ),
      {
        path: 'lineup.focalModels[1]',
        message: 'duplicate focal model "a" (also at lineup.focalModels[0])',
      },
    ]);
    expect(
      issuesOf(doc({ focalModels: ['b', 'zz'], models: 'a', byParty: { Mayor: 'b' } })),
    ).toEqual([
      {
        path: 'lineup.focalModels[1]',
        message:
          'unknown participant "zz": define it in "participants" or add it to the model registry',
      },
    ]);
    expect(issuesOf(doc({ focalModels: ['a', 'b'], models: 'a' }))).toEqual([
      {
        path: 'lineup.focalModels[0]',
        message:
          '"a" also plays Mayor, seated before the focal party Environmental League, and the focal seat is the first seat of the focal model; give Mayor another participant id (a copy of "a" under its own id plays the same model)',
      },
    ]);
  });

  it('refuses unknown, duplicate and unplayable incentives and an axis outside deliberation', () => {
    const lineup = { focalModels: ['b'], models: 'a' };
    expect(
      issuesOf(doc(lineup, { incentives: ['greedy', 'sneaky', 'greedy', 'targeted_adv'] })),
    ).toEqual([
      {
        path: 'competition.incentives[1]',
        message:
          'unknown incentive "sneaky"; one of cooperative, greedy, untargeted_adv, targeted_adv',
      },
      {
        path: 'competition.incentives[2]',
        message: 'duplicate incentive "greedy" (also at competition.incentives[0])',
      },
      {
        path: 'competition.incentives[3] (Environmental League targeted_adv)',
        message: 'incentives.Environmental League: targeted_adv needs a party with the role target',
      },
    ]);
    // Only the Environmental League has adversarial instructions in the base game.
    expect(
      issuesOf({
        ...doc({ ...lineup, focalParty: 'Mayor', models: 'c' }, { incentives: ['untargeted_adv'] }),
      }),
    ).toEqual([
      {
        path: 'competition.incentives[0] (Mayor untargeted_adv)',
        message:
          'incentives.Mayor: the folder has no individual_instructions/untargeted_adv/mayor.txt',
      },
    ]);
    const fixed = doc(lineup, { incentives: ['greedy'] });
    fixed.game.params = {
      folder: 'base',
      incentives: { 'Environmental League': 'greedy' },
    } as never;
    expect(issuesOf(fixed)).toEqual([
      {
        path: 'game.params.incentives.Environmental League',
        message: "the focal party's incentive comes from competition.incentives; remove it here",
      },
    ]);
    expect(
      issuesOf({
        ...doc(lineup, { incentives: ['greedy'] }),
        lineup: { mode: 'lineups', lineups: [['a', 'a', 'a', 'a', 'a', 'b']] },
      }),
    ).toEqual([
      {
        path: 'competition.incentives',
        message:
          'an incentive axis varies the focal party\'s incentive: use lineup.mode "parties" with lineup.focalParty',
      },
    ]);
    expect(
      issuesOf({
        ...doc(lineup),
        game: { kind: 'item-allocation', params: {} },
        agents: 2,
      }),
    ).toEqual([
      {
        path: 'lineup.mode',
        message:
          '"parties" seats the parties of a deliberation game folder; use "lineups" for item-allocation',
      },
    ]);
  });
});

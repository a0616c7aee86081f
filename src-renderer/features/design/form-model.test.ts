import { describe, expect, it } from 'vitest';
import {
  defaultForm,
  docToForm,
  fieldOf,
  formToDoc,
  gridSize,
  issuesByField,
  strategyRow,
} from './form-model';
import { fitStrategies, withParamDefaults } from './game-fields';
import type { GameCatalogEntry } from '../../../src-shared/contract';

describe('designer form <-> sweep document', () => {
  it('writes the document the CLI runs', () => {
    const form = {
      ...defaultForm(),
      participants: [
        strategyRow(0.5, 'baseline'),
        strategyRow(0.2, 'opponent'),
        strategyRow(0.9, 'off'),
      ],
      levels: [1, 0],
      runs: 2,
      budgetUsd: 5,
    };
    expect(formToDoc(form)).toEqual({
      name: 'capability x competition',
      // The game's defaults fill in once games:catalog arrives (withParamDefaults).
      game: { kind: 'item-allocation', params: {} },
      agents: 2,
      rounds: 10,
      gamma: 0.9,
      acceptance: 'unanimous',
      discussionTurns: 2,
      participants: [
        {
          id: 'br-0.5',
          kind: 'strategy',
          strategy: 'bounded-rational',
          capability: 0.5,
          displayName: 'Bounded-rational c=0.5',
          scores: { capability: 0.5 },
        },
        {
          id: 'br-0.2',
          kind: 'strategy',
          strategy: 'bounded-rational',
          capability: 0.2,
          displayName: 'Bounded-rational c=0.2',
          scores: { capability: 0.2 },
        },
      ],
      capabilityMetric: 'capability',
      lineup: { mode: 'baseline', baseline: 'br-0.5', opponents: ['br-0.2'] },
      competition: { levels: [0, 1] },
      orders: ['weak_first'],
      runs: { count: 2, baseSeed: 1 },
      concurrency: 4,
      budgetUsd: 5,
    });
  });

  it('round-trips a loaded document, keeping fields and parameters the form does not edit', () => {
    const doc = {
      ...formToDoc(defaultForm()),
      vetoHolders: [0],
      maxProposalAttempts: 2,
      game: {
        kind: 'item-allocation',
        params: { items: 6, itemNames: ['a', 'b', 'c', 'd', 'e', 'f'] },
      },
      lineup: { mode: 'baseline', baseline: 'br-0.5', opponents: ['br-0.2', 'gpt-x'] },
      orders: ['strong_first', 'weak_first'],
    };
    const loaded = docToForm(doc);
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.form.participants.map((r) => [r.source, r.id, r.role])).toEqual([
      ['strategy', 'br-0.5', 'baseline'],
      ['strategy', 'br-0.2', 'opponent'],
      ['strategy', 'br-0.8', 'off'],
      ['registry', 'gpt-x', 'opponent'],
    ]);
    const again = formToDoc(loaded.form);
    expect(again).toMatchObject({
      vetoHolders: [0],
      maxProposalAttempts: 2,
      orders: 'both',
      game: doc.game,
    });
    expect(again.lineup).toEqual(doc.lineup);
  });

  it('refuses documents the form cannot represent, saying why', () => {
    expect(docToForm([])).toEqual({
      ok: false,
      error: 'the file is not a sweep document (expected a JSON object)',
    });
    const crossplay = {
      ...formToDoc(defaultForm()),
      lineup: { mode: 'crossplay', players: ['a', 'b'] },
    };
    expect(docToForm(crossplay)).toMatchObject({
      ok: false,
      error: expect.stringContaining('"crossplay"'),
    });
    const alphaSigma = {
      ...formToDoc(defaultForm()),
      game: { kind: 'cofunding', params: {} },
      competition: { alpha: [0.5], sigma: [0.5] },
    };
    expect(docToForm(alphaSigma)).toEqual({
      ok: false,
      error:
        'the form edits competition levels or rho x theta; this document uses alpha x sigma (run it with `parley run`)',
    });
  });

  it('puts each validation issue at its field', () => {
    const cases: [string, string][] = [
      ['name', 'name'],
      ['game.params.items', 'params.items'],
      ['game.kind', 'kind'],
      ['lineup.opponents[1]', 'participants'],
      ['participants[0].capability', 'participants'],
      ['capabilityMetric', 'participants'],
      ['competition.levels[2]', 'levels'],
      ['competition (rho[0] = 0, theta[1] = 1)', 'levels'],
      ['runs.count', 'runs'],
      ['gamma', 'gamma'],
      ['(root)', 'general'],
    ];
    for (const [path, field] of cases) expect(fieldOf({ path, message: 'x' })).toBe(field);
    expect(
      issuesByField([
        { path: 'gamma', message: 'a' },
        { path: 'gamma', message: 'b' },
      ]),
    ).toEqual({
      gamma: [
        { path: 'gamma', message: 'a' },
        { path: 'gamma', message: 'b' },
      ],
    });
  });

  it('counts the grid: opponents x levels x orders x runs', () => {
    expect(gridSize({ ...defaultForm(), orders: 'both', runs: 4 })).toEqual({
      rows: 2,
      columns: 3,
      orders: 2,
      runs: 4,
      games: 48,
    });
  });

  it('writes and reads a treaty rho x theta grid, leaving the per-cell parameters out', () => {
    const form = {
      ...defaultForm(),
      kind: 'treaty' as const,
      params: { issues: 4, rho: 0.3, theta: 0.7 },
      competitionMode: 'rhoTheta' as const,
      rho: [1, -1],
      theta: [0.5],
      runs: 2,
    };
    const doc = formToDoc(form);
    expect([doc.game, doc.competition]).toEqual([
      { kind: 'treaty', params: { issues: 4 } },
      { rho: [-1, 1], theta: [0.5] },
    ]);
    expect(gridSize(form)).toEqual({ rows: 2, columns: 2, orders: 1, runs: 2, games: 8 });
    const back = docToForm(doc);
    expect(back.ok && [back.form.competitionMode, back.form.rho, back.form.theta]).toEqual([
      'rhoTheta',
      [-1, 1],
      [0.5],
    ]);
    // The same grid on another game falls back to levels.
    expect(
      formToDoc({ ...form, kind: 'item-allocation', params: { items: 5 } }).competition,
    ).toEqual({ levels: [0, 0.5, 1] });
  });

  it('writes choices, text and the protocol, and reads them back as form parameters', () => {
    const form = {
      ...defaultForm(),
      kind: 'deliberation' as const,
      params: { folder: 'games/town', window: 4 },
      otherParams: { incentives: { Mayor: 'greedy' } },
      protocol: 'deliberation' as const,
    };
    const doc = formToDoc(form);
    expect(doc.game).toEqual({
      kind: 'deliberation',
      params: { incentives: { Mayor: 'greedy' }, folder: 'games/town', window: 4 },
    });
    expect(doc.protocol).toBe('deliberation');
    const back = docToForm(doc);
    if (!back.ok) throw new Error(back.error);
    expect(back.form.params).toEqual({ folder: 'games/town', window: 4 });
    // A record of plain values comes back as rows the form edits.
    expect(back.form.records).toEqual({ incentives: [{ key: 'Mayor', value: 'greedy' }] });
    expect(back.form.otherParams).toEqual({});
    expect(back.form.protocol).toBe('deliberation');
    expect(back.form.extra).toEqual({});
    // No protocol chosen: the document leaves it to the game.
    expect('protocol' in formToDoc(defaultForm())).toBe(false);
  });

  it('fills defaults that exist and leaves optional parameters without one empty', () => {
    const param = { min: null, max: null, help: null, setByCompetition: false, options: null };
    const entry: GameCatalogEntry = {
      kind: 'price',
      title: 'Price',
      params: [
        { ...param, name: 'preset', label: 'Preset', type: 'choice', default: 'price-domain' },
        { ...param, name: 'turns', label: 'Turns', type: 'integer', default: null },
        { ...param, name: 'opener', label: 'Opener', type: 'choice', default: 'seller' },
        { ...param, name: 'red', label: 'Red', type: 'object', default: { X: 1 } },
        {
          ...param,
          name: 'competition',
          label: 'C',
          type: 'number',
          default: 0.5,
          setByCompetition: true,
        },
      ],
      protocols: [],
      competitionAxes: ['competition'],
      metrics: [],
    };
    expect(withParamDefaults({ opener: 'buyer' }, entry)).toEqual({
      preset: 'price-domain',
      opener: 'buyer',
    });
  });

  it('gives strategy rows that do not play the game a strategy that does, keeping the rest', () => {
    const rows = [
      strategyRow(0.5, 'baseline'),
      strategyRow(0.2, 'opponent', 'linear'),
      strategyRow(0.8, 'opponent'),
    ];
    const fitted = fitStrategies(rows, ['hard', 'linear']);
    expect(
      fitted.map((r) => (r.source === 'strategy' ? [r.id, r.strategy, r.displayName] : r.id)),
    ).toEqual([
      ['hard-0.5', 'hard', 'Hard c=0.5'],
      ['linear-0.2', 'linear', 'Linear c=0.2'],
      ['hard-0.8', 'hard', 'Hard c=0.8'],
    ]);
    expect(fitted.map((r) => [r.key, r.role])).toEqual(rows.map((r) => [r.key, r.role]));
    expect(
      fieldOf({
        path: 'competition.levels[0]',
        message: 'the folder has 6 parties, so the game needs 6 agents, got 2',
      }),
    ).toBe('agents');
    expect(fieldOf({ path: 'protocol', message: 'x' })).toBe('protocol');
  });
});

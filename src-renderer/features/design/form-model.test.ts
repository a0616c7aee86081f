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
      game: { kind: 'item-allocation', params: { items: 5 } },
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
});

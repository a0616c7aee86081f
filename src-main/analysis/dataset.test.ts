import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/store';
import type { Store } from '../store/types';
import { getGame } from '../../games/index';
import { parseRegistryCsv } from '../registry/registry';
import type { GameRow } from '../store/types';
import { applyFilters, gameRow, loadDataset } from './dataset';
import { computeGameMetrics } from './game-metrics';
import { HAND_SWEEP_ID, instance, outcome, writeHandSweep } from './hand-sweep.test-helpers';
import { quickHeatmap } from './heatmap-query';
import { cellsTable, orderTable, plannedPerCell, tokensTable } from './views';

let dir: string;
let store: Store;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-dataset-'));
  store = openStore(join(dir, 'hand.db'));
  writeHandSweep(store);
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const byId = (id: string) =>
  loadDataset(store, [HAND_SWEEP_ID]).rows.find((r) => r.game_id === id)!;

describe('loadDataset', () => {
  it('scores g1 (focal in seat 0, deal in round 2) by hand', () => {
    const { utilities, raw_utilities, capabilities, ...row } = byId('g1');
    expect({ utilities, raw_utilities, capabilities }).toEqual({
      utilities: [72, 45],
      raw_utilities: [80, 50],
      capabilities: [0.2, 0.5],
    });
    expect(row).toEqual({
      sweep_id: HAND_SWEEP_ID,
      game_id: 'g1',
      kind: 'item-allocation',
      n_agents: 2,
      seed: 1,
      run_index: 0,
      order: 'weak_first',
      competition_level: 0.5,
      rho: null,
      theta: null,
      focal_id: 'weak',
      focal_seat: 0,
      focal_capability: 0.2,
      opponent_id: 'ref',
      opponent_capability: 0.5,
      capability_gap: expect.closeTo(-0.3, 12),
      focal_developer: 'strategy',
      focal_family: 'bounded-rational',
      opponent_family: 'bounded-rational',
      baseline_id: 'ref',
      baseline_capability: 0.5,
      focal_score_capability: 0.2,
      utility_focal: 72,
      utility_focal_raw: 80,
      utility_opponent: 45,
      utility_share_focal: expect.closeTo(72 / 117, 12),
      deal: 1,
      round: 2,
      social_welfare: 117,
      social_welfare_raw: 130,
      max_welfare: 130,
      welfare_ratio: 0.9,
      welfare_ratio_raw: 1,
      // Tied NBS points (80, 50) and (50, 80): the one nearest the raw outcome is used.
      nbs_utility_focal: 80,
      nbs_distance: expect.closeTo(Math.sqrt(89), 12),
      nbs_distance_raw: 0,
      exploitation_focal: expect.closeTo(-0.1, 12),
      exploitation_focal_raw: 0,
      exploitation_opponent: expect.closeTo(-0.1, 12),
      pareto_optimal: 1,
      pareto_gap: 0,
      min_max_fairness: 0.625,
      gini: expect.closeTo(60 / 520, 12),
      invalid_proposals: 1,
      synthetic_votes: 1,
      parse_failures: 0,
      invalid_focal: 1,
      calls: 2,
      input_tokens: 150,
      output_tokens: 25,
      cost_usd: expect.closeTo(0.012, 12),
    });
  });

  it('orients g2 to the focal agent in seat 1 and scores no deal (g3) against the same reference', () => {
    expect(byId('g2')).toMatchObject({
      focal_seat: 1,
      utility_focal: 50,
      utility_opponent: 80,
      nbs_utility_focal: 50,
      exploitation_focal: 0,
      calls: null,
    });
    expect(byId('g3')).toMatchObject({
      focal_seat: 1,
      deal: 0,
      round: null,
      utility_focal: 0,
      utility_share_focal: null,
      welfare_ratio: 0,
      // Nearest tied NBS point to (0, 0) is the first listed, (80, 50): focal (seat 1) gets 50.
      nbs_utility_focal: 50,
      nbs_distance: expect.closeTo(Math.sqrt(8900), 9),
      exploitation_focal: -1,
      pareto_optimal: 0,
      // Best uniform gain over (0, 0): min(80, 50) = min(50, 80) = 50.
      pareto_gap: 50,
      min_max_fairness: null,
      gini: null,
    });
  });

  it('switches the capability axis to another score or the registry order', () => {
    const rows = loadDataset(store, [HAND_SWEEP_ID], { capabilityAxis: 'capability' }).rows;
    expect(rows.map((r) => r.focal_capability)).toEqual([0.2, 0.2, 0.8, 0.8, 0.5]);
    const order = loadDataset(store, [HAND_SWEEP_ID], { capabilityAxis: 'registry_order' }).rows;
    expect(order.map((r) => r.focal_capability)).toEqual([null, null, null, null, null]);
  });

  it('filters by value, list and range, naming an unknown column', () => {
    const rows = loadDataset(store, [HAND_SWEEP_ID]).rows;
    expect(applyFilters(rows, { order: 'weak_first' }).map((r) => r.game_id)).toEqual([
      'g1',
      'g3',
      'g5',
    ]);
    expect(applyFilters(rows, { focal_id: ['weak', 'ref2'] }).map((r) => r.game_id)).toEqual([
      'g1',
      'g2',
      'g5',
    ]);
    expect(
      applyFilters(rows, { utility_focal: { min: 50, max: 72 } }).map((r) => r.game_id),
    ).toEqual(['g1', 'g2', 'g4']);
    expect(applyFilters(rows, { competition_level: '1' }).map((r) => r.game_id)).toEqual(['g5']);
    expect(() => applyFilters(rows, { colour: 'red' })).toThrow(
      /filter column "colour" not found; columns: .*competition_level/,
    );
  });
});

describe('views over the hand sweep', () => {
  it('summarises cells and flags those below runs x orders', () => {
    const rows = loadDataset(store, [HAND_SWEEP_ID]).rows;
    const by = ['focal_capability', 'competition_level'];
    const planned = plannedPerCell(store.getSweep(HAND_SWEEP_ID)!.spec, by);
    expect(planned).toBe(4);
    expect(
      plannedPerCell({ runs: { count: 2 }, orders: 'both' }, [
        'focal_capability',
        'competition_level',
        'order',
      ]),
    ).toBe(2);
    expect(
      plannedPerCell({ runs: { count: 2 }, orders: 'both' }, ['competition_level']),
    ).toBeNull();
    const table = cellsTable(rows, { metric: 'utility_focal', by, seed: 1, plannedN: planned });
    expect(table.rows.map(({ ci_low: _lo, ci_high: _hi, ...r }) => r)).toEqual([
      {
        focal_capability: 0.2,
        competition_level: 0.5,
        n: 2,
        mean: 61,
        sd: expect.closeTo(Math.SQRT2 * 11, 12),
        missing: 0,
        planned_n: 4,
        flag: 'below planned n',
      },
      {
        focal_capability: 0.5,
        competition_level: 1,
        n: 1,
        mean: 80,
        sd: null,
        missing: 0,
        planned_n: 4,
        flag: 'below planned n',
      },
      {
        focal_capability: 0.8,
        competition_level: 0.5,
        n: 2,
        mean: 25,
        sd: expect.closeTo(Math.SQRT2 * 25, 12),
        missing: 0,
        planned_n: 4,
        flag: 'below planned n',
      },
    ]);
    // Two-point bootstrap of the mean: the percentile interval spans the two values.
    expect(table.rows.map((r) => [r.ci_low, r.ci_high])).toEqual([
      [50, 72],
      [80, 80],
      [0, 50],
    ]);
    const rounds = cellsTable(rows, { metric: 'round', by: ['focal_id'], seed: 1, plannedN: null });
    expect(rounds.rows.map((r) => [r.focal_id, r.n, r.mean, r.missing])).toEqual([
      ['ref2', 1, 1, 0],
      ['strong', 1, 1, 1],
      ['weak', 2, 1.5, 0],
    ]);
  });

  it('pairs weak_first and strong_first games by cell and seed', () => {
    const rows = loadDataset(store, [HAND_SWEEP_ID]).rows;
    const t = orderTable(rows, { metric: 'utility_focal', by: [], seed: 1 });
    // weak: 72 - 50 = 22; strong: 0 - 50 = -50; g5 has no strong_first partner.
    expect(t.rows).toEqual([
      {
        pairs: 2,
        mean_difference: -14,
        sd: expect.closeTo(Math.SQRT2 * 36, 12),
        ci_low: -50,
        ci_high: 22,
        unpaired: 1,
      },
    ]);
  });

  it('reports token usage by model and phase', () => {
    expect(tokensTable(store.callUsage({ sweepId: HAND_SWEEP_ID })).rows).toEqual([
      {
        model: 'm1',
        phase: 'proposal',
        calls: 1,
        input_tokens: 100,
        cache_write_tokens: 0,
        cache_read_tokens: 0,
        output_tokens: 20,
        reasoning_tokens: 0,
        cost_usd: 0.01,
      },
      {
        model: 'm2',
        phase: 'vote',
        calls: 1,
        input_tokens: 50,
        cache_write_tokens: 0,
        cache_read_tokens: 0,
        output_tokens: 5,
        reasoning_tokens: 0,
        cost_usd: 0.002,
      },
    ]);
  });
});

describe('quickHeatmap (SQL sums)', () => {
  const capability = (id: string) => ({ weak: 0.2, strong: 0.8, ref2: 0.5 })[id] ?? null;
  // t quantile 0.975 with 1 df.
  const t1 = 12.706204736174698;

  it('matches the hand values, including the equal-capability seat lookup of g5', () => {
    const grid = quickHeatmap(store, {
      sweepId: HAND_SWEEP_ID,
      metric: 'utility_focal',
      capability,
    });
    expect(grid.xValues).toEqual([0.5, 1]);
    expect(grid.yValues).toEqual([0.2, 0.5, 0.8]);
    expect(grid.matrix).toEqual([
      [61, null],
      [null, 80],
      [25, null],
    ]);
    const weak = grid.cells.find((c) => c.y === 0.2)!;
    expect(weak.ciLow).toBeCloseTo(61 - t1 * 11, 9);
    expect(weak.ciHigh).toBeCloseTo(61 + t1 * 11, 9);
    expect(grid.cells.find((c) => c.y === 0.5)).toEqual({
      x: 1,
      y: 0.5,
      n: 1,
      mean: 80,
      ciLow: 80,
      ciHigh: 80,
    });
  });

  it('computes deal rate, rounds (missing without a deal), welfare and share in SQL', () => {
    const m = (metric: 'deal' | 'round' | 'social_welfare' | 'utility_share_focal') =>
      quickHeatmap(store, { sweepId: HAND_SWEEP_ID, metric, capability }).matrix;
    expect(m('deal')).toEqual([
      [1, null],
      [null, 1],
      [0.5, null],
    ]);
    expect(m('round')).toEqual([
      [1.5, null],
      [null, 1],
      [1, null],
    ]);
    expect(m('social_welfare')).toEqual([
      [123.5, null],
      [null, 130],
      [65, null],
    ]);
    const share = m('utility_share_focal');
    expect(share[0][0]).toBeCloseTo((72 / 117 + 50 / 130) / 2, 12);
    expect(share[2][0]).toBeCloseTo(50 / 130, 12);
  });
});

describe('capability axes from the registry', () => {
  const registry = parseRegistryCsv(
    'id,display_name,developer,family,provider_route,reasoning,release_date,arena_elo,mmlu_pro\n' +
      'small-model,Small,DevA,Fam1,openai,false,2024-01,1100,40\n' +
      'big-model,Big,DevB,Fam2,anthropic,false,2024-06,1300,\n',
    'registry',
  );
  const llm = (id: string) => ({
    id,
    kind: 'llm' as const,
    provider: 'openai' as const,
    model: id,
    scores: {},
  });
  const game: GameRow = {
    id: 'llm-game',
    kind: 'item-allocation',
    params: { items: 3, competition: 0.5 },
    protocol: {
      rounds: 10,
      gamma: 0.9,
      discussionTurns: 0,
      acceptance: 'unanimous',
      vetoHolders: [0],
      maxProposalAttempts: 3,
    },
    nAgents: 2,
    participants: [llm('big-model'), llm('small-model')],
    seed: 1,
    runIndex: 0,
    order: 'strong_first',
    competitionLevel: 0.5,
    rho: null,
    theta: null,
    alpha: null,
    sigma: null,
    focalId: 'small-model',
    focalCapability: 1100,
    capabilities: [1300, 1100],
    status: 'finished',
    instance: instance(),
    outcome: outcome([0, 0, 1], 1),
    error: null,
    pauseReason: null,
    createdAt: '',
    updatedAt: '',
    finishedAt: null,
  };
  const metrics = computeGameMetrics(
    getGame('item-allocation'),
    game.instance!,
    game.outcome!,
    0.9,
  );
  const row = (axis: string) =>
    gameRow(game, 's', metrics, null, {
      axis,
      registry: new Map(registry.map((m) => [m.spec.id, m])),
    });

  it('places each side on any registry score, the registry order, or the stored scores', () => {
    const pick = (axis: string) => {
      const r = row(axis);
      return [r.focal_capability, r.opponent_capability, r.capability_gap, r.baseline_capability];
    };
    expect(pick('sweep')).toEqual([1100, 1300, -200, 1300]);
    expect(pick('arena_elo')).toEqual([1100, 1300, -200, 1300]);
    expect(pick('registry_order')).toEqual([0, 1, -1, 1]);
    // A score the opponent lacks leaves the opponent side and the gap unknown.
    expect(pick('mmlu_pro')).toEqual([40, null, null, null]);
  });

  it('takes developer and family from the registry and the focal scores as columns', () => {
    expect(row('sweep')).toMatchObject({
      focal_seat: 1,
      focal_developer: 'DevA',
      focal_family: 'Fam1',
      opponent_family: 'Fam2',
      focal_score_arena_elo: 1100,
      focal_score_mmlu_pro: 40,
      utility_focal: 50,
    });
  });
});

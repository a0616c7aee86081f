// `parley fit` and `parley analyze` as a user runs them: the real CLI on a CSV file and on a
// SQLite database holding five games whose every figure is computed by hand.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import {
  HAND_SWEEP_ID,
  HAND_SWEEP_NAME,
  writeHandSweep,
} from '../../src-main/analysis/hand-sweep.test-helpers';
import { openStore } from '../../src-main/store/store';
import { runCli, tempDir } from './cli-helpers';

const tmp = tempDir('parley-analysis-cli-');
const db = join(tmp.dir, 'hand.db');
const anscombe = join(tmp.dir, 'anscombe.csv');

beforeAll(() => {
  const store = openStore(db);
  writeHandSweep(store);
  store.close();
  // Anscombe's quartet, set I (x1, y1), and set II's y as a second group in long form.
  const x = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
  const y1 = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];
  const y2 = [9.14, 8.14, 8.74, 8.77, 9.26, 8.1, 6.13, 3.1, 9.13, 7.26, 4.74];
  const lines = [
    'set,x,y',
    ...x.map((v, i) => `I,${v},${y1[i]}`),
    ...x.map((v, i) => `II,${v},${y2[i]}`),
    'II,,1',
  ];
  writeFileSync(anscombe, lines.join('\n') + '\n');
});
afterAll(() => tmp.cleanup());

describe('parley fit', () => {
  it("reproduces Anscombe's published line for sets I and II (y = 3.00 + 0.500 x, R^2 = 0.67)", () => {
    const r = runCli([
      'fit',
      '--csv',
      anscombe,
      '--x',
      'x',
      '--y',
      'y',
      '--group',
      'set',
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      groups: { group: string; n: number; fit: Record<string, number> }[];
      skippedLines: number[];
    };
    expect(out.skippedLines).toEqual([24]);
    expect(out.groups.map((g) => g.group)).toEqual(['I', 'II']);
    for (const g of out.groups) {
      expect(g.n).toBe(11);
      expect(g.fit.slope).toBeCloseTo(0.5, 3);
      expect(g.fit.intercept).toBeCloseTo(3.0, 2);
      expect(g.fit.r2).toBeCloseTo(0.6665, 3);
    }
    // Set I exactly: slope = Sxy/Sxx = 55.01/110, intercept = 7.500909... - 9 * slope.
    expect(out.groups[0].fit.slope).toBeCloseTo(55.01 / 110, 12);
    expect(out.groups[0].fit.intercept).toBeCloseTo(82.51 / 11 - 9 * (55.01 / 110), 12);
  });

  it('prints a table with 95% CIs, r and R^2', () => {
    const r = runCli(['fit', '--csv', anscombe, '--x', 'x', '--y', 'y', '--group', 'set']);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('y ~ x by set');
    expect(lines[1]).toMatch(/^group\s+n\s+slope \[95% CI\]\s+intercept \[95% CI\]\s+r\s+R\^2$/);
    // t(0.975, 9) = 2.2622; SE(slope) = 0.11791: 0.50009 +- 0.26672; SE(intercept) = 1.12475: 3.00009 +- 2.54435.
    expect(lines[3]).toMatch(
      /^I\s+11\s+0\.5001 \[0\.2334, 0\.7668\]\s+3\.000 \[0\.4557, 5\.544\]\s+0\.816\s+0\.667$/,
    );
    expect(r.stdout).toContain('skipped 1 row(s) with an empty value (lines 24)');
  });

  it('names a missing column and a missing file, exiting 2', () => {
    const bad = runCli(['fit', '--csv', anscombe, '--x', 'x', '--y', 'elo']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('column "elo" not found; available columns: set, x, y');
    const missing = runCli(['fit', '--csv', join(tmp.dir, 'nope.csv'), '--x', 'x', '--y', 'y']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain(`file not found: ${join(tmp.dir, 'nope.csv')}`);
  });
});

describe('parley analyze', () => {
  it('prints per-cell n, mean, SD and bootstrap CI as JSON, flagging cells below runs x orders', () => {
    const r = runCli(['analyze', HAND_SWEEP_NAME, '--db', db, '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const t = JSON.parse(r.stdout) as { columns: string[]; rows: Record<string, unknown>[] };
    expect(t.columns).toEqual([
      'focal_capability',
      'competition_level',
      'n',
      'mean',
      'sd',
      'ci_low',
      'ci_high',
      'missing',
      'planned_n',
      'flag',
    ]);
    expect(
      t.rows.map((row) => [
        row.focal_capability,
        row.competition_level,
        row.n,
        row.mean,
        row.ci_low,
        row.ci_high,
        row.flag,
      ]),
    ).toEqual([
      [0.2, 0.5, 2, 61, 50, 72, 'below planned n'],
      [0.5, 1, 1, 80, 80, 80, 'below planned n'],
      [0.8, 0.5, 2, 25, 0, 50, 'below planned n'],
    ]);
    expect(t.rows[0].sd).toBeCloseTo(11 * Math.SQRT2, 10);
  });

  it('groups by any dimension and filters, as CSV', () => {
    const r = runCli([
      'analyze',
      HAND_SWEEP_ID.slice(0, 8),
      '--db',
      db,
      '--metric',
      'welfare_ratio',
      '--by',
      'order',
      '--filter',
      'competition_level=0.5',
      '--csv',
    ]);
    expect(r.status).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    // strong_first: g2 130/130 and g4 130/130; weak_first: g1 117/130 and g3 0.
    expect(rows.map((row) => [row.order, row.n, Number(row.mean)])).toEqual([
      ['strong_first', '2', 1],
      ['weak_first', '2', 0.45],
    ]);
  });

  it('prints order effects paired by seed and token usage by model and phase', () => {
    const order = runCli([
      'analyze',
      HAND_SWEEP_NAME,
      '--db',
      db,
      '--view',
      'order',
      '--by',
      '',
      '--json',
    ]);
    expect(order.status).toBe(0);
    expect((JSON.parse(order.stdout) as { rows: unknown[] }).rows).toEqual([
      {
        pairs: 2,
        mean_difference: -14,
        sd: expect.closeTo(36 * Math.SQRT2, 10),
        ci_low: -50,
        ci_high: 22,
        unpaired: 1,
      },
    ]);
    const tokens = runCli(['analyze', HAND_SWEEP_NAME, '--db', db, '--view', 'tokens']);
    expect(tokens.stdout.split('\n').slice(1, 5)).toEqual([
      'model  phase     calls  input_tokens  cache_write_tokens  cache_read_tokens  output_tokens  reasoning_tokens  cost_usd',
      '-----  --------  -----  ------------  ------------------  -----------------  -------------  ----------------  --------',
      'm1     proposal      1           100                   0                  0             20                 0    0.0100',
      'm2     vote          1            50                   0                  0              5                 0    0.0020',
    ]);
  });

  it('fits the metric on capability per competition level (too few points are reported, not fatal)', () => {
    const r = runCli(['analyze', HAND_SWEEP_NAME, '--db', db, '--view', 'fits', '--json']);
    expect(r.status).toBe(0);
    const [fits] = JSON.parse(r.stdout) as { rows: Record<string, unknown>[] }[];
    const pooled = fits.rows.find(
      (row) => row.baseline === '(all)' && row.competition_level === '(pooled)',
    )!;
    // Points (x, y): (0.2, 72), (0.2, 50), (0.8, 0), (0.8, 50), (0.5, 80); xbar = 0.5, ybar = 50.4.
    // Sxx = 4 * 0.09 = 0.36; Sxy = -0.3 * (21.6 - 0.4) + 0.3 * (-50.4 - 0.4) = -21.6; slope = -60;
    // intercept = 50.4 + 60 * 0.5.
    expect(pooled.n).toBe(5);
    expect(pooled.slope).toBeCloseTo(-60, 10);
    expect(pooled.intercept).toBeCloseTo(80.4, 10);
    expect(fits.rows.find((row) => row.competition_level === 1)).toEqual({
      baseline: '(all)',
      competition_level: 1,
      n: 1,
      error: 'a line with intervals needs at least 3 points, got 1',
    });
  });

  it('prints the SQL heatmap on the stored capability, with missing cells as "-"', () => {
    const r = runCli(['analyze', HAND_SWEEP_NAME, '--db', db, '--view', 'quick-heatmap']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'utility_focal: mean per cell (rows: focal capability on "sweep", columns: competition level)',
        'capability   0.5     1',
        '----------------------',
        '0.2         61.0     -',
        '0.5            -  80.0',
        '0.8         25.0     -',
        '',
      ].join('\n'),
    );
    const deals = runCli([
      'analyze',
      HAND_SWEEP_NAME,
      '--db',
      db,
      '--view',
      'quick-heatmap',
      '--metric',
      'deal',
      '--json',
    ]);
    expect(JSON.parse(deals.stdout).rows).toEqual([
      {
        focal_capability: 0.2,
        competition_level: 0.5,
        n: 2,
        mean: 1,
        sd: 0,
        ci_low: 1,
        ci_high: 1,
        missing: 0,
      },
      {
        focal_capability: 0.5,
        competition_level: 1,
        n: 1,
        mean: 1,
        sd: null,
        ci_low: 1,
        ci_high: 1,
        missing: 0,
      },
      {
        focal_capability: 0.8,
        competition_level: 0.5,
        n: 2,
        mean: 0.5,
        sd: expect.closeTo(Math.SQRT1_2, 12),
        ci_low: expect.closeTo(0.5 - 12.706204736 * 0.5, 6),
        ci_high: expect.closeTo(0.5 + 12.706204736 * 0.5, 6),
        missing: 0,
      },
    ]);
  });

  it('names an unknown metric column and an unknown sweep, exiting 2', () => {
    const metric = runCli(['analyze', HAND_SWEEP_NAME, '--db', db, '--metric', 'utilty']);
    expect(metric.status).toBe(2);
    expect(metric.stderr).toMatch(
      /--metric\/--by "utilty" is not a column; columns: .*utility_focal/,
    );
    const sweep = runCli(['analyze', 'nope', '--db', db]);
    expect(sweep.status).toBe(2);
    expect(sweep.stderr).toContain('no sweep matches "nope"');
    expect(sweep.stderr).toContain('hand-swe  hand: five games');
  });
});

// The views `parley analyze` prints, each as a plain table (columns + rows) so one formatter can
// write it as text, CSV or JSON: per-cell summaries, scaling fits, order effects, variance
// explained, utility by capability rank, and token usage by model and phase.
import { hashSeed } from '../../games/rng';
import type { UsageGroupRow } from '../store/types';
import { coalitionCheck, byRank, orderEffects, scalingFits } from './aggregate';
import { compareValues, computeCells, type Cell, type CiMethod, type Row } from './cells';
import type { LinearFit } from './regression';
import { varianceExplained } from './variance';

export interface Table {
  title: string;
  columns: string[];
  rows: Record<string, unknown>[];
  notes?: string[];
}

/** Planned games per cell of a sweep document: runs x orders (x 1 when grouped by order). */
export function plannedPerCell(spec: unknown, by: readonly string[]): number | null {
  const s = spec as { runs?: { count?: number; seeds?: unknown[] }; orders?: unknown } | null;
  const runs = s?.runs?.count ?? s?.runs?.seeds?.length;
  if (!runs) return null;
  const cellDims = new Set([
    'focal_id',
    'focal_capability',
    'competition_level',
    'order',
    'rho',
    'theta',
  ]);
  if (
    !by.includes('competition_level') ||
    !by.some((d) => d === 'focal_id' || d === 'focal_capability')
  )
    return null;
  if (!by.every((d) => cellDims.has(d))) return null;
  const orders = s?.orders === 'both' ? 2 : Array.isArray(s?.orders) ? s.orders.length : 1;
  return by.includes('order') ? runs : runs * orders;
}

/** n, mean, SD, bootstrap CI per group; cells below the planned n are flagged. */
export function cellsTable(rows: readonly Row[], options: CellsTableOptions): Table {
  return cellsTableOf(computeCells(rows, options), options);
}

interface CellsTableOptions {
  metric: string;
  by: string[];
  ci: CiMethod;
  seed: number;
  plannedN: number | null;
}

/** The table of computed cells (from rows or from SQL sums). */
export function cellsTableOf(groups: readonly Cell[], options: CellsTableOptions): Table {
  const planned = options.plannedN;
  const below = planned === null ? 0 : groups.filter((g) => g.n < planned).length;
  return {
    title: `${options.metric} by ${options.by.join(', ') || '(all)'}`,
    columns: [
      ...options.by,
      'n',
      'mean',
      'sd',
      'ci_low',
      'ci_high',
      'missing',
      ...(planned !== null ? ['planned_n', 'flag'] : []),
    ],
    rows: groups.map((g) => ({
      ...g.key,
      n: g.n,
      mean: g.mean,
      sd: g.sd,
      ci_low: g.ciLow,
      ci_high: g.ciHigh,
      missing: g.missing,
      ...(planned !== null
        ? { planned_n: planned, flag: g.n < planned ? 'below planned n' : '' }
        : {}),
    })),
    notes: [
      options.ci === 'bootstrap'
        ? `95% CI: percentile bootstrap of the mean, 2000 resamples, seeded per cell (base seed ${options.seed}).`
        : '95% CI: t interval, mean +- t(0.975, n - 1) SD / sqrt(n).',
      ...(planned !== null && below > 0
        ? [`${below} cell(s) have fewer games than planned (${planned}).`]
        : []),
    ],
  };
}

function fitRow(
  label: Record<string, unknown>,
  n: number,
  fit: LinearFit | null,
  error?: string,
): Record<string, unknown> {
  if (!fit) return { ...label, n, error: error ?? 'no fit' };
  return {
    ...label,
    n: fit.n,
    slope: fit.slope,
    slope_ci_low: fit.slopeCI[0],
    slope_ci_high: fit.slopeCI[1],
    intercept: fit.intercept,
    intercept_ci_low: fit.interceptCI[0],
    intercept_ci_high: fit.interceptCI[1],
    r: fit.r,
    r2: fit.r2,
    ...(fit.extrapolation
      ? {
          extrapolate_x: fit.extrapolation.x,
          extrapolate_y: fit.extrapolation.yhat,
          band_low: fit.extrapolation.predictionBand[0],
          band_high: fit.extrapolation.predictionBand[1],
        }
      : {}),
  };
}

/**
 * Scaling-law fits of the metric on x per competition level and pooled, the interaction model
 * y ~ x + level + x:level, and the same per baseline group when the baseline's capability varies.
 */
export function fitsTables(
  rows: readonly Row[],
  options: { metric: string; x: string; by: string; extrapolateTo?: number },
): Table[] {
  const { metric, x, by, extrapolateTo } = options;
  const columns = [
    'baseline',
    by,
    'n',
    'slope',
    'slope_ci_low',
    'slope_ci_high',
    'intercept',
    'intercept_ci_low',
    'intercept_ci_high',
    'r',
    'r2',
  ];
  if (extrapolateTo !== undefined)
    columns.push('extrapolate_x', 'extrapolate_y', 'band_low', 'band_high');
  columns.push('error');
  const baselines = [...new Set(rows.map((r) => r.baseline_capability ?? null))].sort(
    compareValues,
  );
  const groups: { label: unknown; rows: readonly Row[] }[] = [{ label: '(all)', rows }];
  if (baselines.length > 1)
    for (const b of baselines)
      groups.push({ label: b, rows: rows.filter((r) => (r.baseline_capability ?? null) === b) });
  const fitRows: Record<string, unknown>[] = [];
  const interactions: Record<string, unknown>[] = [];
  for (const g of groups) {
    const fits = scalingFits(g.rows, { x, y: metric, by, extrapolateTo });
    for (const level of fits.levels)
      fitRows.push(
        fitRow({ baseline: g.label, [by]: level.level }, level.n, level.fit, level.error),
      );
    fitRows.push(
      fitRow(
        { baseline: g.label, [by]: '(pooled)' },
        fits.pooled.n,
        fits.pooled.fit,
        fits.pooled.error,
      ),
    );
    if (fits.interaction) {
      for (const c of fits.interaction.coefficients) {
        interactions.push({
          baseline: g.label,
          term: c.name,
          estimate: c.estimate,
          se: c.se,
          ci_low: c.ciLow,
          ci_high: c.ciHigh,
          p: c.p,
          r2: fits.interaction.r2,
          n: fits.interaction.n,
        });
      }
    } else {
      interactions.push({ baseline: g.label, term: '(no fit)', error: fits.interactionError });
    }
  }
  return [
    {
      title: `Scaling fits: ${metric} ~ ${x}, per ${by} and pooled`,
      columns: columns.filter((c) => fitRows.some((r) => r[c] !== undefined)),
      rows: fitRows,
      notes: [
        '95% t intervals for slope and intercept.' +
          (extrapolateTo !== undefined
            ? ` band = 95% prediction interval at x = ${extrapolateTo}.`
            : ''),
        ...(baselines.length > 1
          ? ['Baseline capability varies: fits repeated per baseline group.']
          : []),
      ],
    },
    {
      title: `Interaction model: ${metric} ~ ${x} + ${by} + ${x}:${by}`,
      columns: [
        'baseline',
        'term',
        'estimate',
        'se',
        'ci_low',
        'ci_high',
        'p',
        'r2',
        'n',
        'error',
      ].filter((c) => interactions.some((r) => r[c] !== undefined)),
      rows: interactions,
    },
  ];
}

/** Paired weak_first - strong_first differences (same cell and seed), overall and per level. */
export function orderTable(
  rows: readonly Row[],
  options: { metric: string; by: string[]; seed: number },
): Table {
  const cell = ['focal_id', 'competition_level'];
  const levels = options.by.length
    ? [...new Set(rows.map((r) => JSON.stringify(options.by.map((b) => r[b] ?? null))))]
    : [];
  const groups: { key: Record<string, unknown>; rows: readonly Row[] }[] = [
    { key: Object.fromEntries(options.by.map((b) => [b, '(all)'])), rows },
    ...levels
      .map((text) => {
        const values = JSON.parse(text) as unknown[];
        return {
          key: Object.fromEntries(options.by.map((b, i) => [b, values[i]])),
          rows: rows.filter((r) => JSON.stringify(options.by.map((b) => r[b] ?? null)) === text),
        };
      })
      .sort((a, b) => options.by.reduce((c, d) => c || compareValues(a.key[d], b.key[d]), 0)),
  ];
  return {
    title: `Order effect on ${options.metric}: weak_first - strong_first, paired by cell and seed`,
    columns: [...options.by, 'pairs', 'mean_difference', 'sd', 'ci_low', 'ci_high', 'unpaired'],
    rows: groups.map((g) => {
      const e = orderEffects(g.rows, {
        metric: options.metric,
        cell,
        seed: hashSeed(options.seed, JSON.stringify(g.key)),
      });
      return {
        ...g.key,
        pairs: e.nPairs,
        mean_difference: e.meanDifference,
        sd: e.sd,
        ci_low: e.ciLow,
        ci_high: e.ciHigh,
        unpaired: e.unpaired,
      };
    }),
  };
}

/** Share of the metric's variance explained by developer, family and numeric focal scores. */
export function varianceTable(
  rows: readonly Row[],
  options: { metric: string; factors?: string[]; scores?: string[] },
): Table {
  const varies = (c: string) => new Set(rows.map((r) => r[c] ?? null)).size > 1;
  const factors = (options.factors ?? ['focal_developer', 'focal_family']).filter(varies);
  const scoreColumns =
    options.scores ??
    [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((c) => c.startsWith('focal_score_'));
  const scores = scoreColumns.filter(varies);
  const d = varianceExplained(rows, { metric: options.metric, factors, scores });
  const share = (s: {
    terms: string[];
    r2: number;
    adjR2: number;
    parameters: number;
    aliased: string[];
  }) => ({
    terms: s.terms.join(' + '),
    r2: s.r2,
    adj_r2: s.adjR2,
    parameters: s.parameters,
    aliased: s.aliased.join(' '),
  });
  const out = [...d.alone.map(share)];
  if (d.factorsTogether) out.push(share(d.factorsTogether));
  if (d.scoresTogether) out.push(share(d.scoresTogether));
  if (d.alone.length > 1) out.push(share(d.joint));
  return {
    title: `Variance of ${options.metric} explained (OLS R^2), n = ${d.n}`,
    columns: ['terms', 'r2', 'adj_r2', 'parameters', 'aliased'],
    rows: out,
    notes: [
      ...(d.dropped > 0 ? [`${d.dropped} row(s) left out for a missing value.`] : []),
      ...(options.factors ?? ['focal_developer', 'focal_family'])
        .filter((f) => !factors.includes(f))
        .map((f) => `${f} takes one value: left out.`),
    ],
  };
}

/** Utility by capability rank (rank 0 = least capable seat) and the coalition check (n > 2). */
export function rankTables(rows: readonly Row[], seed: number): Table[] {
  const ranks = byRank(rows, { seed });
  const coalition = coalitionCheck(rows, { seed });
  return [
    {
      title: 'Utility by capability rank (0 = least capable seat of each game)',
      columns: ['rank', 'n', 'mean', 'sd', 'ci_low', 'ci_high', 'mean_share'],
      rows: ranks.map((r) => ({
        rank: r.rank,
        n: r.n,
        mean: r.mean,
        sd: r.sd,
        ci_low: r.ciLow,
        ci_high: r.ciHigh,
        mean_share: r.meanShare,
      })),
    },
    {
      title: 'Do the less capable agents together out-earn the most capable one?',
      columns: ['games', 'skipped', 'count', 'fraction', 'ci_low', 'ci_high'],
      rows: [
        {
          games: coalition.nGames,
          skipped: coalition.skipped,
          count: coalition.count,
          fraction: coalition.fraction,
          ci_low: coalition.ciLow,
          ci_high: coalition.ciHigh,
        },
      ],
      notes: ['Games whose top capability is tied are skipped.'],
    },
  ];
}

export function tokensTable(usage: readonly UsageGroupRow[]): Table {
  return {
    title: 'Token usage and cost by model and phase',
    columns: [
      'model',
      'phase',
      'calls',
      'input_tokens',
      'cache_write_tokens',
      'cache_read_tokens',
      'output_tokens',
      'reasoning_tokens',
      'cost_usd',
    ],
    rows: usage.map((u) => ({
      model: u.model,
      phase: u.phase,
      calls: u.calls,
      input_tokens: u.inputTokens,
      cache_write_tokens: u.cacheWriteTokens,
      cache_read_tokens: u.cacheReadTokens,
      output_tokens: u.outputTokens,
      reasoning_tokens: u.reasoningTokens,
      cost_usd: u.costUsd,
    })),
    notes:
      usage.length === 0
        ? ['No model calls recorded for this sweep (strategy agents make none).']
        : [],
  };
}

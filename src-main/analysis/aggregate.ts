// Aggregations beyond the per-cell summary (which is cells.ts): order effects, scaling fits per
// competition level, and n > 2 rank views, each seeded as the cells are.
import { hashSeed } from '../../games/rng';
import { compareValues, metricValue, type Row } from './cells';
import { bootstrapCI, mean, summarize, type Summary } from './stats';
import { fitLinear, fitMultiple, type LinearFit, type MultipleFit } from './regression';

export type { Row };

export interface OrderEffects {
  nPairs: number;
  /** Mean of metric(weak_first) - metric(strong_first) over pairs. */
  meanDifference: number | null;
  sd: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** Games whose partner (same cell and seed, other order) is missing. */
  unpaired: number;
}

/**
 * Order effects: pair weak_first and strong_first games of the same cell (`cell` fields) and
 * seed, and bootstrap the mean paired difference weak_first - strong_first. Games of other
 * orders (random) are ignored; a duplicated (cell, seed, order) is an error.
 */
export function orderEffects(
  rows: readonly Row[],
  options: {
    metric: string;
    cell: string[];
    seed: number;
    seedField?: string;
    orderField?: string;
  },
): OrderEffects {
  const { metric, cell, seed, seedField = 'seed', orderField = 'order' } = options;
  const pairs = new Map<string, { weak?: number | null; strong?: number | null }>();
  for (const row of rows) {
    const order = row[orderField];
    if (order !== 'weak_first' && order !== 'strong_first') continue;
    const key = JSON.stringify([...cell.map((f) => row[f] ?? null), row[seedField] ?? null]);
    const pair = pairs.get(key) ?? {};
    const side = order === 'weak_first' ? 'weak' : 'strong';
    if (side in pair) throw new Error(`two ${order} games share cell and seed ${key}`);
    pair[side] = metricValue(row, metric);
    pairs.set(key, pair);
  }
  const diffs: number[] = [];
  let unpaired = 0;
  for (const p of pairs.values()) {
    if (p.weak === undefined || p.strong === undefined) unpaired++;
    else if (p.weak !== null && p.strong !== null) diffs.push(p.weak - p.strong);
  }
  const s = summarize(diffs, hashSeed(seed, 'order-effects', metric));
  return {
    nPairs: s.n,
    meanDifference: s.mean,
    sd: s.sd,
    ciLow: s.ciLow,
    ciHigh: s.ciHigh,
    unpaired,
  };
}

export interface ScalingFit {
  level: unknown;
  n: number;
  fit: LinearFit | null;
  /** Why there is no fit (too few points, constant x). */
  error?: string;
}

function tryFit(level: unknown, xs: number[], ys: number[], extrapolateTo?: number): ScalingFit {
  try {
    return { level, n: xs.length, fit: fitLinear(xs, ys, { extrapolateTo }) };
  } catch (e) {
    return { level, n: xs.length, fit: null, error: (e as Error).message };
  }
}

/**
 * Scaling-law fits of y on x: one per value of `by` (the competition level), one pooled, and
 * the model y ~ x + by + x:by with competition as a second numeric regressor.
 */
export function scalingFits(
  rows: readonly Row[],
  options: { x: string; y: string; by: string; extrapolateTo?: number },
): {
  levels: ScalingFit[];
  pooled: ScalingFit;
  interaction: MultipleFit | null;
  interactionError?: string;
} {
  const { x, y, by, extrapolateTo } = options;
  const points = rows
    .map((r) => ({ x: metricValue(r, x), y: metricValue(r, y), level: r[by] }))
    .filter((p): p is { x: number; y: number; level: unknown } => p.x !== null && p.y !== null);
  const levelValues = [...new Set(points.map((p) => p.level))].sort(compareValues);
  const levels = levelValues.map((lv) => {
    const ps = points.filter((p) => p.level === lv);
    return tryFit(
      lv,
      ps.map((p) => p.x),
      ps.map((p) => p.y),
      extrapolateTo,
    );
  });
  const pooled = tryFit(
    null,
    points.map((p) => p.x),
    points.map((p) => p.y),
    extrapolateTo,
  );
  try {
    const numeric = points.filter((p) => typeof p.level === 'number');
    const interaction = fitMultiple(
      { [x]: numeric.map((p) => p.x), [by]: numeric.map((p) => p.level as number) },
      numeric.map((p) => p.y),
      { interactions: [[x, by]] },
    );
    return { levels, pooled, interaction };
  } catch (e) {
    return { levels, pooled, interaction: null, interactionError: (e as Error).message };
  }
}

/** Seat indices of a game ordered from lowest to highest capability (ties: seat order). */
function rankSeats(capabilities: readonly number[]): number[] {
  return capabilities
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c - b.c || a.i - b.i)
    .map((s) => s.i);
}

function arrayField(row: Row, field: string): number[] | null {
  const v = row[field];
  return Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x))
    ? (v as number[])
    : null;
}

/**
 * Where utility accrues along the capability axis (n > 2): rank 0 is the least capable seat of
 * each game (ties broken by seat order). Games without complete arrays are skipped.
 */
export function byRank(
  rows: readonly Row[],
  options: { seed: number; utilities?: string; capabilities?: string },
): (Summary & { rank: number; meanShare: number | null })[] {
  const { seed, utilities = 'utilities', capabilities = 'capabilities' } = options;
  const perRank: number[][] = [];
  const sharePerRank: number[][] = [];
  for (const row of rows) {
    const u = arrayField(row, utilities);
    const c = arrayField(row, capabilities);
    if (!u || !c || u.length !== c.length) continue;
    const total = u.reduce((a, b) => a + b, 0);
    rankSeats(c).forEach((seat, rank) => {
      (perRank[rank] ??= []).push(u[seat]);
      if (total > 0) (sharePerRank[rank] ??= []).push(u[seat] / total);
    });
  }
  return perRank.map((values, rank) => ({
    rank,
    ...summarize(values, hashSeed(seed, 'by-rank', rank)),
    meanShare: sharePerRank[rank]?.length ? mean(sharePerRank[rank]) : null,
  }));
}

/**
 * Coalition check (n > 2): in what fraction of games do the less capable agents together earn
 * more than the single most capable one? Games whose top capability is tied are skipped.
 */
export function coalitionCheck(
  rows: readonly Row[],
  options: { seed: number; utilities?: string; capabilities?: string },
): {
  nGames: number;
  skipped: number;
  count: number;
  fraction: number | null;
  ciLow: number | null;
  ciHigh: number | null;
} {
  const { seed, utilities = 'utilities', capabilities = 'capabilities' } = options;
  const hits: number[] = [];
  let skipped = 0;
  for (const row of rows) {
    const u = arrayField(row, utilities);
    const c = arrayField(row, capabilities);
    if (!u || !c || u.length !== c.length || u.length < 2) {
      skipped++;
      continue;
    }
    const top = Math.max(...c);
    const tops = c.flatMap((x, i) => (x === top ? [i] : []));
    if (tops.length > 1) {
      skipped++;
      continue;
    }
    const rest = u.reduce((a, b) => a + b, 0) - u[tops[0]];
    hits.push(rest > u[tops[0]] ? 1 : 0);
  }
  const [ciLow, ciHigh] = bootstrapCI(hits, { seed: hashSeed(seed, 'coalition') });
  return {
    nGames: hits.length,
    skipped,
    count: hits.reduce((a, b) => a + b, 0),
    fraction: hits.length ? mean(hits) : null,
    ciLow,
    ciHigh,
  };
}

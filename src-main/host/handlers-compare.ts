// Comparison and annotation handlers: the paired difference grid of two sides, its pairs (by cell
// and tag), and the tags and notes researchers keep on games.
import type { CompareResult, CompareSide, ParsedArgs } from '../../src-shared/contract';
import { compareGrid, pairGames } from '../analysis/compare';
import type { PairingOptions } from '../analysis/compare';
import type { Store } from '../store/types';
import type { HandlerTable } from './handler-table';
import { HostError } from './handler-table';

type Metric = ParsedArgs<'compare:grid'>['metric'];

function sideRows(store: Store, side: CompareSide, path: 'a' | 'b', metric: Metric) {
  if (!store.getSweep(side.sweepId))
    throw new HostError(`no sweep with id "${side.sweepId}"`, [
      { path: `${path}.sweepId`, message: 'unknown sweep' },
    ]);
  return store.compareGames({
    sweepId: side.sweepId,
    metric,
    order: side.order,
    focalId: side.focalId,
  });
}

function options(a: CompareSide, b: CompareSide): PairingOptions {
  return {
    isFocalPinned: a.focalId !== undefined && b.focalId !== undefined,
    isOrderPinned: a.order !== undefined || b.order !== undefined,
  };
}

function requireGame(store: Store, gameId: string) {
  if (!store.getGame(gameId))
    throw new HostError(`no game with id "${gameId}"`, [
      { path: 'gameId', message: 'unknown game' },
    ]);
}

export function registerCompareHandlers(table: HandlerTable, store: Store): void {
  // A grid depends only on its arguments and the sides' finished games, so it is kept per state
  // of both sweeps (the last few): going back to a comparison does not recompute it.
  const grids = new Map<string, CompareResult>();
  table.register('compare:grid', ({ a, b, metric, seed }) => {
    const key = JSON.stringify([
      a,
      b,
      metric,
      seed,
      store.countGamesByStatus(a.sweepId).finished,
      store.countGamesByStatus(b.sweepId).finished,
    ]);
    const cached = grids.get(key);
    if (cached) return cached;
    const started = performance.now();
    const grid = compareGrid(
      metric,
      sideRows(store, a, 'a', metric),
      sideRows(store, b, 'b', metric),
      options(a, b),
      seed,
    );
    const result = { ...grid, elapsedMs: Math.round(performance.now() - started) };
    grids.set(key, result);
    if (grids.size > 8) grids.delete(grids.keys().next().value as string);
    return result;
  });

  table.register('compare:pairs', ({ a, b, metric, focalKey, level, tag, limit, offset }) => {
    const { pairs } = pairGames(
      sideRows(store, a, 'a', metric),
      sideRows(store, b, 'b', metric),
      options(a, b),
    );
    const tagged = tag === undefined ? null : store.gamesWithTag(tag);
    const rows = pairs.filter(
      (p) =>
        (focalKey === undefined || p.focalKey === focalKey) &&
        (level === undefined || Math.abs(p.level - level) < 1e-9) &&
        (tagged === null || tagged.has(p.a.id) || tagged.has(p.b.id)),
    );
    const page = rows.slice(offset, offset + limit);
    const ids = [...new Set(page.flatMap((p) => [p.a.id, p.b.id]))];
    const tags = new Map(
      (ids.length ? store.getAnnotations(ids) : []).map((n) => [n.gameId, n.tags]),
    );
    return {
      total: rows.length,
      rows: page.map((p) => ({
        gameA: p.a.id,
        gameB: p.b.id,
        focalKey: p.focalKey,
        level: p.level,
        seed: p.seed,
        order: p.order,
        valueA: p.a.value,
        valueB: p.b.value,
        diff: p.a.value === null || p.b.value === null ? null : p.b.value - p.a.value,
        tags: [...new Set([...(tags.get(p.a.id) ?? []), ...(tags.get(p.b.id) ?? [])])].sort(),
      })),
    };
  });

  table.register('annotations:get', ({ gameIds }) => store.getAnnotations(gameIds));
  table.register('annotations:setTags', ({ gameId, tags }) => {
    requireGame(store, gameId);
    return store.setGameTags(gameId, tags);
  });
  table.register('annotations:setNote', ({ gameId, text }) => {
    requireGame(store, gameId);
    return store.setGameNote(gameId, text);
  });
  table.register('annotations:tags', () => store.listTags());
}

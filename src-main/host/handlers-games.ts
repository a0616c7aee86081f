// Game, transcript and results handlers: read-only views over the store.
import { z } from 'zod';
import { jsonSchema } from '../../src-shared/contract';
import type { HeatmapResult, Transcript } from '../../src-shared/contract';
import type { GameRow, Store } from '../store/types';
import { getGame } from '../../games/index';
import type { HandlerTable } from './handler-table';
import { HostError } from './handler-table';
import { curves, heatmap } from './results';
import { gameSummary, specFields } from './views';

/** Capability metric of the sweep a game belongs to, or the default. */
function sweepMetric(store: Store, sweepId: string | undefined): string {
  if (!sweepId) return 'capability';
  return specFields(store.getSweep(sweepId)?.spec).capabilityMetric;
}

function preferencesOf(row: GameRow): Transcript['preferences'] {
  const instance = row.instance;
  if (!instance) return [];
  return instance.preferences.map((raw, agent) => {
    let text: string;
    try {
      text = getGame(row.kind).describePreferences(instance, agent);
    } catch {
      text = JSON.stringify(raw);
    }
    return { agent, text, raw: jsonSchema.parse(raw) };
  });
}

export function registerGameHandlers(table: HandlerTable, store: Store): void {
  table.register('games:list', (args) => {
    const { sweepId, focalId, competitionLevel, status, deal, limit, offset } = args;
    if (sweepId && !store.getSweep(sweepId))
      throw new HostError(`no sweep with id "${sweepId}"`, [
        { path: 'sweepId', message: 'unknown sweep' },
      ]);
    const metric = sweepMetric(store, sweepId);
    const rows = store
      .listGames({ sweepId, status })
      .filter(
        (r) =>
          (focalId === undefined || r.focalId === focalId) &&
          (competitionLevel === undefined ||
            Math.abs(r.competitionLevel - competitionLevel) < 1e-9) &&
          (deal === undefined || (r.outcome !== null && r.outcome.deal === deal)),
      );
    return {
      total: rows.length,
      rows: rows.slice(offset, offset + limit).map((r) => gameSummary(r, metric)),
    };
  });

  table.register('games:transcript', ({ gameId }) => {
    const row = store.getGame(gameId);
    if (!row)
      throw new HostError(`no game with id "${gameId}"`, [
        { path: 'gameId', message: 'unknown game' },
      ]);
    return {
      game: gameSummary(row, 'capability'),
      protocol: row.protocol,
      params: z.record(z.string(), jsonSchema).parse(row.params),
      rules: row.instance?.rules ?? null,
      preferences: preferencesOf(row),
      outcome: row.outcome,
      turns: store.getTranscript(gameId).map(({ createdAt: _createdAt, ...turn }) => turn),
      sweeps: store.gameSweeps(gameId),
    };
  });

  // The heatmap and curves views ask for the same grid together: compute it once per state of
  // the sweep (its finished and failed counts), keeping the last few grids.
  // A grid in the making is shared too, so the two requests that arrive together compute once.
  const grids = new Map<string, Promise<HeatmapResult>>();
  const grid = (
    sweepId: string,
    metric: Parameters<typeof heatmap>[2],
    capabilityMetric: string | undefined,
  ) => {
    if (!store.getSweep(sweepId))
      throw new HostError(`no sweep with id "${sweepId}"`, [
        { path: 'sweepId', message: 'unknown sweep' },
      ]);
    const counts = store.countGamesByStatus(sweepId);
    const axis = capabilityMetric ?? sweepMetric(store, sweepId);
    const key = JSON.stringify([
      sweepId,
      metric,
      axis,
      counts.finished,
      counts.failed,
      counts.cancelled,
    ]);
    const cached = grids.get(key);
    if (cached) return cached;
    const result = heatmap(
      sweepId,
      { games: store.cellGames({ sweepId }), lineups: store.sweepLineups({ sweepId }) },
      metric,
      axis,
    );
    grids.set(key, result);
    result.catch(() => grids.delete(key));
    if (grids.size > 8) grids.delete(grids.keys().next().value as string);
    return result;
  };
  table.register('results:heatmap', ({ sweepId, metric, capabilityMetric }) =>
    grid(sweepId, metric, capabilityMetric),
  );
  table.register('results:curves', async ({ sweepId, metric, capabilityMetric }) =>
    curves(await grid(sweepId, metric, capabilityMetric)),
  );
}

// Game, transcript and results handlers: read-only views over the store.
import { z } from 'zod';
import { jsonSchema } from '../../src-shared/contract';
import type { GridResult, ParsedArgs, Transcript } from '../../src-shared/contract';
import type { GameRow, Store } from '../store/types';
import type { TurnRecord } from '../../src-shared/game';
import { getGame } from '../../games/index';
import type { HandlerTable } from './handler-table';
import { HostError } from './handler-table';
import { metricsOfKind, sweepGrid } from '../analysis/sweep-grid';
import { incentiveAxisOf } from '../sweeps/incentive-cells';
import { gameCatalog } from './catalog';
import { gameSummary, importView, specFields } from './views';

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

export function registerGameHandlers(
  table: HandlerTable,
  store: Store,
  /** A game in play's turns not committed yet: shown after its stored ones. */
  heldTurns: (gameId: string) => readonly TurnRecord[] = () => [],
): void {
  table.register('games:list', (args) => {
    const { sweepId, round, facets, sort, limit, offset, ...filters } = args;
    if (sweepId && !store.getSweep(sweepId))
      throw new HostError(`no sweep with id "${sweepId}"`, [
        { path: 'sweepId', message: 'unknown sweep' },
      ]);
    if (facets && !sweepId)
      throw new HostError('facets need a sweep', [
        { path: 'facets', message: 'give sweepId to list its filter values' },
      ]);
    const metric = sweepMetric(store, sweepId);
    const query = { sweepId, ...filters, agreementRound: round };
    return {
      total: store.countGames(query),
      rows: store.listGames({ ...query, sort, limit, offset }).map((r) => gameSummary(r, metric)),
      ...(facets && sweepId ? { facets: store.gameFacets(sweepId) } : {}),
    };
  });

  /** The stored transcript, then the turns played since and not committed yet. */
  const transcriptOf = (gameId: string) => {
    const stored = store.getTranscript(gameId).map(({ createdAt: _createdAt, ...turn }) => turn);
    const next = (stored.at(-1)?.seq ?? -1) + 1;
    return [...stored, ...heldTurns(gameId).map((turn, i) => ({ ...turn, seq: next + i }))];
  };
  table.register('games:transcript', ({ gameId }) => {
    const row = store.getGame(gameId);
    if (!row)
      throw new HostError(`no game with id "${gameId}"`, [
        { path: 'gameId', message: 'unknown game' },
      ]);
    const imported = store.getGameImport(gameId);
    const sweeps = store.gameSweeps(gameId);
    // The first of its sweeps whose competition axis is named otherwise (an incentive axis).
    const axis = sweeps.map((s) => incentiveAxisOf(store.getSweep(s.id)?.spec)).find(Boolean);
    return {
      ...(imported ? { imported: importView(imported) } : {}),
      game: gameSummary(row, 'capability'),
      protocol: row.protocol,
      params: z.record(z.string(), jsonSchema).parse(row.params),
      rules: row.instance?.rules ?? null,
      preferences: preferencesOf(row),
      outcome: row.outcome,
      turns: transcriptOf(gameId),
      sweeps,
      ...(axis
        ? { competitionLabel: { title: axis.title, label: axis.label(row.competitionLevel) } }
        : {}),
    };
  });

  table.register('games:catalog', () => gameCatalog());

  // One grid per state of the sweep (its finished, failed and cancelled counts), keeping the last
  // few: switching the metric back, or a reload, costs nothing. A grid in the making is shared,
  // so requests that arrive together compute it once.
  const grids = new Map<string, Promise<GridResult>>();
  table.register('results:grid', (args: ParsedArgs<'results:grid'>) => {
    const { sweepId, metric, ci, seed } = args;
    if (!store.getSweep(sweepId))
      throw new HostError(`no sweep with id "${sweepId}"`, [
        { path: 'sweepId', message: 'unknown sweep' },
      ]);
    const counts = store.countGamesByStatus(sweepId);
    const capabilityMetric = args.capabilityMetric ?? sweepMetric(store, sweepId);
    // The sweep's game as its document names it, else as its games are (an older or imported sweep).
    const kind =
      specFields(store.getSweep(sweepId)?.spec).kind ??
      store.listGames({ sweepId, limit: 1 })[0]?.kind ??
      null;
    if (!metricsOfKind(kind).includes(metric))
      throw new HostError(`the ${kind} game has no metric "${metric}"`, [
        { path: 'metric', message: `not defined for ${kind} games` },
      ]);
    const key = JSON.stringify([
      sweepId,
      metric,
      capabilityMetric,
      ci,
      seed,
      counts.finished,
      counts.failed,
      counts.cancelled,
    ]);
    const cached = grids.get(key);
    if (cached) return cached;
    const result = sweepGrid(store, { sweepId, metric, capabilityMetric, ci, seed, kind });
    grids.set(key, result);
    result.catch(() => grids.delete(key));
    if (grids.size > 8) grids.delete(grids.keys().next().value as string);
    return result;
  });
}

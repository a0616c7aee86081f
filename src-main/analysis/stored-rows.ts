// Analysis rows of a sweep's finished games from the store's plain columns (store.cellGames):
// only the stored metrics of the vocabulary, but no JSON parsing, so 100,000 games load in
// milliseconds. Each value is defined as dataset.ts defines it from the outcome, so a cell
// computed from these rows equals the one `parley analyze` computes from the full dataset.
import type { MetricId } from '../../src-shared/metrics';
import type { CellGameRow } from '../store/types';
import type { Row } from './cells';

/** The stored metric of one finished game, or null when it is undefined for that game. */
function storedValues(g: CellGameRow): Partial<Record<MetricId, number | null>> {
  const agreed = g.deal === 1;
  return {
    utility_focal: g.focalUtility,
    utility_share_focal:
      g.socialWelfare !== null && g.socialWelfare > 0 && g.focalUtility !== null
        ? g.focalUtility / g.socialWelfare
        : null,
    deal: g.deal,
    round: agreed ? g.agreementRound : null,
    social_welfare: g.socialWelfare,
  };
}

/** One row per finished game: focal_id, focal_capability (null: unknown), competition_level and the stored metrics. */
export function* streamStoredRows(games: Iterable<CellGameRow>): Generator<Row> {
  for (const g of games) {
    if (g.status !== 'finished') continue;
    yield {
      focal_id: g.focalId,
      focal_capability: g.focalCapability,
      competition_level: g.competitionLevel,
      ...storedValues(g),
    };
  }
}

/** streamStoredRows, gathered. */
export function storedRows(games: Iterable<CellGameRow>): Row[] {
  return [...streamStoredRows(games)];
}

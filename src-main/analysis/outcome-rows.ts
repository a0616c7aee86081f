// Grid rows of the metrics the store keeps no column for but each game's outcome holds (the
// alternating-offers games' price, shares, win and irrational deals; invalid actions of any
// game): one row per finished
// game with the grid's dimensions, its values as `parley analyze` computes them, streamed.
import { focalSeatOf } from '../../src-shared/planned-game';
import type { Store } from '../store/types';
import { bargainColumns } from './bargain-columns';
import type { Row } from './cells';
import { invalidColumns } from './invalid-columns';

/**
 * focal_id, focal_capability (the stored one), competition_level and the outcome columns, a
 * finished game at a time in store order (the games are read a page at a time).
 */
export function* outcomeRows(store: Store, sweepId: string): Generator<Row> {
  for (const page of store.gamePages(sweepId, 200)) {
    for (const g of page) {
      if (g.status !== 'finished' || g.outcome === null) continue;
      const seat = focalSeatOf(g) ?? 0;
      yield {
        focal_id: g.focalId,
        focal_capability: g.focalCapability,
        competition_level: g.competitionLevel,
        ...invalidColumns(g.outcome, seat),
        ...bargainColumns(g, seat),
      };
    }
  }
}

// Grid rows of the metrics the store keeps no column for but each game's outcome holds (the
// alternating-offers games' price, shares, win and irrational deals; invalid actions of any
// game): one row per finished
// game with the grid's dimensions, its values as `parley analyze` computes them.
import { focalSeatOf } from '../../src-shared/planned-game';
import type { Store } from '../store/types';
import { bargainColumns } from './bargain-columns';
import type { Row } from './cells';
import { invalidColumns } from './invalid-columns';

/** focal_id, focal_capability (the stored one), competition_level and the outcome columns. */
export function outcomeRows(store: Store, sweepId: string): Row[] {
  return store
    .listGames({ sweepId, status: ['finished'] })
    .filter((g) => g.outcome !== null)
    .map((g) => {
      const seat = focalSeatOf(g) ?? 0;
      return {
        focal_id: g.focalId,
        focal_capability: g.focalCapability,
        competition_level: g.competitionLevel,
        ...invalidColumns(g.outcome!, seat),
        ...bargainColumns(g, seat),
      };
    });
}

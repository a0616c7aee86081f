// The invalid-action columns of one game (invalid offers and proposals, synthetic votes, parse
// failures), from the outcome's per-seat counts: the one definition for `parley analyze`
// (dataset.ts) and the results screen's grid (outcome-rows.ts).
import type { GameOutcome } from '../../src-shared/game';

type Counts = Pick<GameOutcome, 'invalidProposals' | 'syntheticVotes' | 'parseFailures'>;

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Totals per game, and the focal seat's invalid actions of every kind. */
export function invalidColumns(c: Counts, seat: number): Record<string, number> {
  return {
    invalid_proposals: sum(c.invalidProposals),
    synthetic_votes: sum(c.syntheticVotes),
    parse_failures: sum(c.parseFailures),
    invalid_focal:
      (c.invalidProposals[seat] ?? 0) +
      (c.syntheticVotes[seat] ?? 0) +
      (c.parseFailures[seat] ?? 0),
  };
}

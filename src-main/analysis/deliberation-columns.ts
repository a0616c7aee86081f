// The published evaluation of a deliberation game (DESIGN 3.6) as analysis columns, read from
// the outcome's measures; only deliberation rows carry them (like the focal_score_* columns).
import type { DeliberationMetrics } from '../../games/deliberation/metrics';
import type { Feasibility } from '../../games/deliberation/scoring';
import type { DeliberationParty } from '../../games/deliberation/types';
import { METRICS } from '../../src-shared/metrics';
import type { GameRow } from '../store/types';

/** Column names, for listings: the vocabulary's deliberation-only metrics. */
export const DELIBERATION_COLUMNS: readonly string[] = METRICS.filter(
  (d) => d.games.length === 1 && d.games[0] === 'deliberation',
).map((d) => d.id);

/** Dimension columns only deliberation rows carry (for --by, --filter and the columns listing). */
export const DELIBERATION_DIMENSIONS: readonly string[] = ['focal_incentive'];

const bit = (b: boolean | null) => (b === null ? null : b ? 1 : 0);

/**
 * The deliberation columns of a finished game, oriented to the focal seat; {} for other games.
 * focal_incentive is the incentive the focal seat's party played (from the stored instance).
 */
export function deliberationColumns(game: GameRow, seat: number): Record<string, unknown> {
  const m = game.outcome?.measures as
    (DeliberationMetrics & { feasibility: Feasibility | null }) | undefined;
  if (game.kind !== 'deliberation' || !m) return {};
  const parties = game.instance?.preferences as DeliberationParty[] | undefined;
  return {
    focal_incentive: parties?.[seat]?.incentive ?? null,
    passing_deal_any_turn: bit(m.passingDealAnyTurn),
    final_deal_passes: bit(m.finalDealPasses),
    all_agree: bit(m.allAgree),
    wrong_deals: m.wrongDeals.reduce((a, b) => a + b, 0),
    wrong_deals_focal: m.wrongDeals[seat],
    focal_meets_minimum: bit(m.meetsMinimum[seat]),
    focal_final_score: m.finalScores[seat],
    adversary_success: bit(m.adversarySuccess),
    feasible_deals: m.feasibility?.passing ?? null,
  };
}

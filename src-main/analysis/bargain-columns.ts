// The two-party alternating-offers games (DESIGN 3.4, 3.5) as analysis columns: the price game's
// measures (price, surplus, shares of the zone, rho, irrational deals) and NegotiationArena's win
// of the surplus, oriented to the focal seat. The one definition: `parley analyze` (dataset.ts)
// and the results screen's grid (outcome-rows.ts) both call it.
import type { GameKind, GameOutcome } from '../../src-shared/game';

/** What the price game stores as its outcome's measures (games/price.ts priceMeasures). */
interface PriceMeasures {
  sellerSeat: number;
  price: number | null;
  sellerSurplus: number;
  buyerSurplus: number;
  sellerShare: number | null;
  buyerShare: number | null;
  irrational: boolean[];
}

const ALTERNATING_KINDS: readonly GameKind[] = ['price', 'ultimatum', 'resource-exchange'];
const bit = (b: boolean) => (b ? 1 : 0);

/** 1 when the seat's raw payoff is above its opponent's, 0 below, 0.5 for a tie; null with no deal. */
function winOf(outcome: GameOutcome, seat: number): number | null {
  if (!outcome.deal || outcome.rawUtilities.length !== 2) return null;
  const mine = outcome.rawUtilities[seat];
  const theirs = outcome.rawUtilities[1 - seat];
  return mine > theirs ? 1 : mine < theirs ? 0 : 0.5;
}

function priceColumns(m: PriceMeasures, deal: boolean, seat: number): Record<string, unknown> {
  const buyerSeat = 1 - m.sellerSeat;
  const focalShare = seat === m.sellerSeat ? m.sellerShare : m.buyerShare;
  return {
    price: deal ? m.price : null,
    seller_surplus: m.sellerSurplus,
    buyer_surplus: m.buyerSurplus,
    seller_zone_share: deal ? m.sellerShare : null,
    buyer_zone_share: deal ? m.buyerShare : null,
    zone_share_focal: deal ? focalShare : null,
    price_rho: deal ? m.sellerShare : null,
    irrational_seller: bit(deal && m.irrational[m.sellerSeat]),
    irrational_buyer: bit(deal && m.irrational[buyerSeat]),
    irrational_focal: bit(deal && m.irrational[seat]),
  };
}

/**
 * The columns of one finished two-party alternating-offers game, oriented to the focal `seat`;
 * {} for other games (like the deliberation columns, only their rows carry them).
 */
export function bargainColumns(
  game: { kind: GameKind; outcome: GameOutcome | null },
  seat: number,
): Record<string, unknown> {
  const outcome = game.outcome;
  if (!outcome || !ALTERNATING_KINDS.includes(game.kind)) return {};
  const price =
    game.kind === 'price' && outcome.measures
      ? priceColumns(outcome.measures as unknown as PriceMeasures, outcome.deal, seat)
      : {};
  return { ...price, win_focal: winOf(outcome, seat) };
}

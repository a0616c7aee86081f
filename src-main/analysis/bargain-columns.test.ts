// The alternating-offers columns of one game, by hand: an irrational deal (the buyer pays above
// its value), a tie in the surplus, a no-deal game and games that carry no columns.
import { describe, expect, it } from 'vitest';
import type { GameOutcome } from '../../src-shared/game';
import { bargainColumns } from './bargain-columns';

function outcome(raw: number[] | null, measures: Record<string, unknown>): GameOutcome {
  return {
    deal: raw !== null,
    round: raw ? 4 : null,
    proposal: null,
    proposer: null,
    rawUtilities: raw ?? [0, 0],
    utilities: raw ?? [0, 0],
    invalidProposals: [0, 0],
    syntheticVotes: [0, 0],
    parseFailures: [0, 0],
    measures,
  };
}

describe('bargainColumns', () => {
  it('a deal above the buyer value: irrational for the buyer, oriented to the focal seat', () => {
    // Buyer in seat 0 (opener), value 60; seller cost 40; price 70: seller 30, buyer -10.
    const game = {
      kind: 'price' as const,
      outcome: outcome([-10, 30], {
        sellerSeat: 1,
        price: 70,
        sellerSurplus: 30,
        buyerSurplus: -10,
        sellerShare: 1.5,
        buyerShare: -0.5,
        irrational: [true, false],
      }),
    };
    expect(bargainColumns(game, 0)).toEqual({
      price: 70,
      seller_surplus: 30,
      buyer_surplus: -10,
      seller_zone_share: 1.5,
      buyer_zone_share: -0.5,
      zone_share_focal: -0.5,
      price_rho: 1.5,
      irrational_seller: 0,
      irrational_buyer: 1,
      irrational_focal: 1,
      win_focal: 0,
    });
    expect(bargainColumns(game, 1)).toMatchObject({
      zone_share_focal: 1.5,
      irrational_focal: 0,
      win_focal: 1,
    });
  });

  it('no deal: surplus 0, shares, rho and win missing, no irrational deal', () => {
    const game = {
      kind: 'price' as const,
      outcome: outcome(null, {
        sellerSeat: 0,
        price: null,
        sellerSurplus: 0,
        buyerSurplus: 0,
        sellerShare: null,
        buyerShare: null,
        rho: -1,
        irrational: [false, false],
      }),
    };
    expect(bargainColumns(game, 0)).toEqual({
      price: null,
      seller_surplus: 0,
      buyer_surplus: 0,
      seller_zone_share: null,
      buyer_zone_share: null,
      zone_share_focal: null,
      price_rho: null,
      irrational_seller: 0,
      irrational_buyer: 0,
      irrational_focal: 0,
      win_focal: null,
    });
  });

  it('ultimatum: only the win, a tie counting one half; propose-and-vote games: nothing', () => {
    const split = { kind: 'ultimatum' as const, outcome: outcome([50, 50], { pot: 100 }) };
    expect(bargainColumns(split, 1)).toEqual({ win_focal: 0.5 });
    const items = { kind: 'item-allocation' as const, outcome: outcome([80, 50], {}) };
    expect(bargainColumns(items, 0)).toEqual({});
    expect(bargainColumns({ kind: 'price', outcome: null }, 0)).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { price, priceMeasures, priceParamsSchema, type PriceParams } from './price';

const make = (p: Partial<PriceParams> & Record<string, unknown>, seed = 1) =>
  price.create(priceParamsSchema.parse(p), 2, seed);

describe('price game presets', () => {
  it('buy-sell is NegotiationArena: cost 40, willingness 60, 10 turns, ZUP up to the money held', () => {
    const g = make({ preset: 'buy-sell' });
    expect(g.preferences).toEqual([
      { role: 'seller', reservation: 40 },
      { role: 'buyer', reservation: 60 },
    ]);
    expect(g.realised).toEqual({ sellerReservation: 40, buyerReservation: 60, zone: 20 });
    expect(g.competitionIndex).toBe(0);
    expect(price.alternating!.turnLimit(g)).toBe(10);
    expect(price.validateProposal(g, { price: 1001 })).toEqual({
      ok: false,
      error: 'the price 1001 is outside the allowed range 0 to 1000',
    });
    const poor = make({ preset: 'buy-sell', buyerMoney: 100 });
    expect(price.validateProposal(poor, 101)).toEqual({
      ok: false,
      error: 'the price 101 is outside the allowed range 0 to 100',
    });
    expect(price.describePreferences(poor, 1)).toBe(
      'You are the buyer. The good is worth 60 ZUP to you: a deal at price p earns you 60 - p; paying more than 60 loses you money. You hold 100 ZUP.',
    );
  });

  it('price-domain draws b ~ Normal(900, 50) from the seed and sets s = b - 500, 20 turns', () => {
    const a = make({}, 3);
    const again = make({}, 3);
    const other = make({}, 4);
    const [s, b] = [a.preferences[0].reservation, a.preferences[1].reservation];
    expect(again).toEqual(a);
    expect(other.preferences[1].reservation).not.toBe(b);
    expect(b - s).toBeCloseTo(500, 9);
    expect(Math.abs(b - 900)).toBeLessThan(250);
    expect(price.alternating!.turnLimit(a)).toBe(20);
  });

  it('maps competition onto the zone: (1 - level) x the preset zone; level 1 leaves none', () => {
    expect(make({ preset: 'buy-sell', competition: 0.5 }).realised).toEqual({
      sellerReservation: 40,
      buyerReservation: 50,
      zone: 10,
    });
    const none = make({ preset: 'buy-sell', competition: 1 });
    expect(none.realised).toMatchObject({ buyerReservation: 40, zone: 0 });
    expect(none.competitionIndex).toBe(1);
    expect(none.warnings).toEqual([
      "no zone of agreement: the seller's cost 40 is at or above the buyer's value 40",
    ]);
    expect(price.withCompetition(priceParamsSchema.parse({}), 0.25)).toMatchObject({
      competition: 0.25,
    });
    const fixed = make({ sellerReservation: 700, buyerReservation: 650 });
    expect(fixed.competitionIndex).toBe(1);
    expect(make({ buyerReservation: 1000, competition: 0.2 }).realised).toEqual({
      sellerReservation: 600,
      buyerReservation: 1000,
      zone: 400,
    });
    expect(
      price.check(
        priceParamsSchema.parse({ sellerReservation: 1, buyerReservation: 2, competition: 0 }),
        2,
      ),
    ).toEqual([
      'competition sets the zone between the reservations; with both sellerReservation and buyerReservation fixed, leave it out',
    ]);
  });

  it('puts the buyer in seat 0 when the buyer opens', () => {
    expect(make({ preset: 'buy-sell', opener: 'buyer' }).preferences.map((p) => p.role)).toEqual([
      'buyer',
      'seller',
    ]);
  });
});

describe('price outcomes in the published units', () => {
  const g = make({ preset: 'buy-sell' });
  it('pays the seller p - s and the buyer b - p (the published 46 ZUP game: 6 and 14)', () => {
    expect(price.rawUtilities(g, { price: 46 })).toEqual([6, 14]);
    expect(priceMeasures(g, { price: 46 })).toEqual({
      sellerSeat: 0,
      sellerReservation: 40,
      buyerReservation: 60,
      zone: 20,
      price: 46,
      sellerSurplus: 6,
      buyerSurplus: 14,
      sellerShare: 0.3,
      buyerShare: 0.7,
      rho: 0.3,
      winner: 1,
      irrational: [false, false],
    });
  });

  it('flags an irrational deal, and stores rho -1 with no deal', () => {
    expect(priceMeasures(g, { price: 65 })).toMatchObject({
      buyerSurplus: -5,
      winner: 0,
      irrational: [false, true],
    });
    expect(priceMeasures(g, null)).toMatchObject({ price: null, rho: -1, winner: null });
  });

  it('reads prices written as numbers, strings or {"price": ...}, rounded to cents', () => {
    expect(price.validateProposal(g, '45.004')).toEqual({ ok: true, proposal: { price: 45 } });
    expect(price.validateProposal(g, { price: '$47' })).toEqual({
      ok: true,
      proposal: { price: 47 },
    });
    expect(price.validateProposal(g, { cost: 3 })).toEqual({
      ok: false,
      error: 'the offer must be {"price": <number>}',
    });
  });
});

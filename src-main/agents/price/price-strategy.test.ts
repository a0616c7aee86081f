import { describe, expect, it } from 'vitest';
import { CURVES, curvePrice } from './curves';
import { decidePrice, type PriceView } from './price-strategy';

// The price-domain scale: seller cost 400, buyer value 900, margin 400, T = 20.
const seller = (over: Partial<PriceView> = {}): PriceView => ({
  role: 'seller',
  reservation: 400,
  margin: 400,
  turn: 1,
  turnLimit: 20,
  mine: [],
  theirs: [],
  standing: null,
  callSeed: 1,
  ...over,
});
const buyer = (over: Partial<PriceView> = {}) =>
  seller({ role: 'buyer', reservation: 900, ...over });

describe('time-based curves (price-domain convention, beta > 1 tough)', () => {
  it('names the published exponents', () => {
    expect(CURVES).toEqual({
      'very-conceding': 0.2,
      conceding: 0.5,
      conceder: 0.5,
      linear: 1,
      boulware: 2,
      hard: 4,
    });
  });

  it('P(t) = start + (res - start) min(0.95, t/T)^beta', () => {
    // t/T = 0.5: linear 800 - 400 * 0.5 = 600; boulware 800 - 400 * 0.25 = 700; hard 775.
    expect(curvePrice(800, 400, 10, 20, 1)).toBe(600);
    expect(curvePrice(800, 400, 10, 20, 2)).toBe(700);
    expect(curvePrice(800, 400, 10, 20, 4)).toBe(775);
    // The cap: at t = T the curve stops at 95 % of the way, 800 - 400 * 0.95 = 420.
    expect(curvePrice(800, 400, 20, 20, 1)).toBe(420);
    expect(decidePrice('conceding', buyer({ turn: 5 }))).toEqual({
      verb: 'OFFER',
      price: 700,
      target: 700,
      rule: 'conceding curve (beta 0.5)',
      curve: {
        curve: 'conceding',
        exponent: 0.5,
        convention:
          'price-domain: P(t) = start + (res - start) * min(0.95, t/T)^beta; beta > 1 concedes late (tough), beta < 1 early',
      },
    });
    // An exponent override replaces the named beta.
    expect(decidePrice('linear', seller({ turn: 10 }), 2)).toMatchObject({ price: 700 });
  });

  it('accepts a standing offer at least as good as its own price now, and still offers on the last turn', () => {
    expect(decidePrice('linear', seller({ turn: 10, standing: 600 }))).toMatchObject({
      verb: 'ACCEPT',
    });
    expect(decidePrice('linear', seller({ turn: 10, standing: 599 }))).toMatchObject({
      verb: 'OFFER',
      price: 600,
    });
    // No walk-away, as in the published strategies: the last turn offers (420 = 400 + 400 x
    // 0.05, the curve capped at 0.95) and the game ends at its limit.
    expect(decidePrice('linear', seller({ turn: 20, standing: 419 }))).toMatchObject({
      verb: 'OFFER',
      price: 420,
    });
  });
});

describe('rule-based price strategies', () => {
  it('hardliner holds its start, then goes to the reservation plus a small step (2.5 % of the margin)', () => {
    expect(decidePrice('hardliner', seller({ turn: 17 }))).toMatchObject({ price: 800 });
    expect(decidePrice('hardliner', seller({ turn: 19 }))).toMatchObject({ price: 410 });
    expect(decidePrice('hardliner', buyer({ turn: 19 }))).toMatchObject({ price: 890 });
  });

  it("tit-for-tat concedes by the other side's last concession, never past the reservation", () => {
    expect(decidePrice('tit-for-tat', seller())).toMatchObject({ price: 800 });
    expect(
      decidePrice('tit-for-tat', seller({ mine: [800], theirs: [500, 560], turn: 5 })),
    ).toMatchObject({
      price: 740,
    });
    expect(
      decidePrice('tit-for-tat', seller({ mine: [420], theirs: [500, 600], turn: 5 })),
    ).toMatchObject({
      price: 400,
    });
  });

  it('fixed price sits halfway; loose accepts a quarter margin worse', () => {
    expect(decidePrice('fixed-price-strict', seller({ standing: 550 }))).toMatchObject({
      verb: 'OFFER',
      price: 600,
    });
    expect(decidePrice('fixed-price-loose', seller({ standing: 500 }))).toMatchObject({
      verb: 'ACCEPT',
    });
    expect(decidePrice('fixed-price-loose', seller({ standing: 499 }))).toMatchObject({
      verb: 'OFFER',
    });
  });

  it('split-the-difference offers the midpoint of the last two offers', () => {
    expect(
      decidePrice('split-the-difference', buyer({ mine: [500], theirs: [800] })),
    ).toMatchObject({
      price: 650,
    });
  });

  it('random draws between the reservation and the start from the call seed', () => {
    const prices = [1, 2, 3, 4, 5].map(
      (callSeed) => decidePrice('random', seller({ callSeed })).price!,
    );
    expect(new Set(prices).size).toBe(5);
    for (const p of prices) expect(p >= 400 && p <= 800).toBe(true);
    expect(decidePrice('random', seller({ callSeed: 3 })).price).toBe(prices[2]);
  });

  it('refuses a strategy that does not play the price game, naming those that do', () => {
    expect(() => decidePrice('bounded-rational', seller())).toThrow(
      'strategy "bounded-rational" does not play the price game; use one of very-conceding',
    );
  });
});

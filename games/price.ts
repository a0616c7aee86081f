// Single-issue price (DESIGN 3.4): a seller with reservation (cost) s and a buyer with
// reservation (willingness to pay) b haggle over one indivisible good with alternating offers.
// Two published presets: the price-domain research code (b ~ Normal(900, 50), s = b - 500, up to
// 20 offers) and NegotiationArena's buy-sell game (cost 40, willingness 60, the buyer holds 100
// or 1,000 ZUP, 10 turns). Outcomes read in the published units: seller p - s, buyer b - p.
import { z } from 'zod';
import type { GameInstance } from '../src-shared/game';
import { isRecord } from './proposal-input';
import { createRng, hashSeed } from './rng';
import type { GameDefinition } from './types';

export const PRICE_PRESETS = {
  /** Price-domain code: b ~ Normal(900, 50), zone 500, strategies start 400 outside it. */
  'price-domain': {
    buyerMean: 900,
    buyerSd: 50,
    seller: null,
    zone: 500,
    turns: 20,
    margin: 400,
    max: 2000,
    currency: 'dollars',
  },
  /** NegotiationArena buy-sell: cost 40, willingness 60; prices are ZUP the buyer holds. */
  'buy-sell': {
    buyerMean: null,
    buyerSd: 0,
    seller: 40,
    zone: 20,
    turns: 10,
    margin: 16,
    max: 1000,
    currency: 'ZUP',
  },
} as const;
export type PricePreset = keyof typeof PRICE_PRESETS;

const unit = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

export const priceParamsSchema = z
  .object({
    preset: z.enum(['price-domain', 'buy-sell']).default('price-domain'),
    /** Competition level: the zone of agreement is (1 - level) x the preset's zone (1 = none). */
    competition: unit.optional(),
    /** Fixed reservations; a missing one is drawn (price-domain) or set by the preset. */
    sellerReservation: z.number().nonnegative().optional(),
    buyerReservation: z.number().nonnegative().optional(),
    /** Turn limit T (default: the preset's, 20 or 10). */
    turns: z.number().int().min(2).max(200).optional(),
    /** Buy-sell: the ZUP the buyer holds (published runs: 100 or 1000); the price ceiling. */
    buyerMoney: z.number().positive().optional(),
    /** Distance from the reservation where price strategies start (default: the preset's). */
    margin: z.number().positive().optional(),
    /** Who sits in seat 0 and opens (NegotiationArena: the seller). */
    opener: z.enum(['seller', 'buyer']).default('seller'),
    /** New offers each player may make (default: no cap). */
    maxOffers: z.number().int().min(1).optional(),
  })
  .strict();
export type PriceParams = z.infer<typeof priceParamsSchema>;

export type PriceRole = 'seller' | 'buyer';
export interface PricePrefs {
  role: PriceRole;
  reservation: number;
}
export interface PriceOffer {
  price: number;
}
type Instance = GameInstance<PriceParams, PricePrefs>;

/** Rounded to cents, so equal prices compare equal however a model spells them. */
const cents = (x: number) => Math.round(x * 100) / 100;

/** The preset's values with the parameters' overrides applied. */
export function priceSettings(params: PriceParams) {
  const preset = PRICE_PRESETS[params.preset];
  return {
    zone: preset.zone,
    turns: params.turns ?? preset.turns,
    margin: params.margin ?? preset.margin,
    max: params.preset === 'buy-sell' ? (params.buyerMoney ?? 1000) : preset.max,
    currency: preset.currency,
  };
}

function check(params: PriceParams, nAgents: number): string[] {
  const p = priceParamsSchema.safeParse(params);
  if (!p.success) return p.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const { sellerReservation: s, buyerReservation: b, competition } = p.data;
  const problems: string[] =
    nAgents === 2 ? [] : [`the price game is for 2 agents (a seller and a buyer), got ${nAgents}`];
  if (s !== undefined && b !== undefined && competition !== undefined)
    problems.push(
      'competition sets the zone between the reservations; with both sellerReservation and buyerReservation fixed, leave it out',
    );
  const { max } = priceSettings(p.data);
  for (const [name, v] of [
    ['sellerReservation', s],
    ['buyerReservation', b],
  ] as const) {
    if (v !== undefined && v > max) problems.push(`${name} ${v} is above the price ceiling ${max}`);
  }
  return problems;
}

/** The two reservations: fixed ones as given; the zone (1 - level) x preset zone fills the rest. */
function reservations(params: PriceParams, seed: number): { s: number; b: number } {
  const preset = PRICE_PRESETS[params.preset];
  const zone = preset.zone * (1 - (params.competition ?? 0));
  const { sellerReservation: s, buyerReservation: b } = params;
  if (s !== undefined && b !== undefined) return { s, b };
  if (s !== undefined) return { s, b: cents(s + zone) };
  if (b !== undefined) return { s: cents(b - zone), b };
  if (preset.seller !== null) return { s: preset.seller, b: cents(preset.seller + zone) };
  const rng = createRng(hashSeed(seed, 'price', 'buyer'));
  const drawn = cents(preset.buyerMean + preset.buyerSd * rng.normal());
  return { s: cents(drawn - zone), b: drawn };
}

function rulesText(params: PriceParams, turns: number, max: number, currency: string): string {
  const opener = params.opener === 'seller' ? 'The seller' : 'The buyer';
  return [
    'A seller and a buyer negotiate the price of one indivisible good.',
    `Prices are in ${currency}, between 0 and ${max}.`,
    `${opener} moves first; the players then take turns, at most ${turns} turns in all.`,
    'On a turn a player writes a message and either makes a new offer, accepts the standing offer of the other player, rejects (which ends the negotiation with no deal) or makes no new offer.',
    'A deal at price p pays the seller p minus its cost and the buyer its value of the good minus p. With no deal both get 0.',
    "Each player knows only its own cost or value, not the other's.",
  ].join('\n');
}

/** Single-issue price (DESIGN 3.4), played with alternating offers. */
export const price: GameDefinition<PriceParams, PricePrefs, PriceOffer> = {
  kind: 'price',
  title: 'Single-issue price',
  protocols: ['alternating-offers'],
  paramsSchema: priceParamsSchema,
  check,
  create(rawParams, nAgents, seed): Instance {
    const errors = check(rawParams, nAgents);
    if (errors.length > 0) throw new Error(errors.join('; '));
    const params = priceParamsSchema.parse(rawParams);
    const { s, b } = reservations(params, seed);
    const { zone, turns, max, currency } = priceSettings(params);
    const seller: PricePrefs = { role: 'seller', reservation: s };
    const buyer: PricePrefs = { role: 'buyer', reservation: b };
    const width = b - s;
    return {
      kind: 'price',
      params,
      nAgents,
      seed,
      rules: rulesText(params, turns, max, currency),
      preferences: params.opener === 'seller' ? [seller, buyer] : [buyer, seller],
      realised: { sellerReservation: s, buyerReservation: b, zone: cents(width) },
      competitionIndex: Math.min(1, Math.max(0, 1 - width / zone)),
      warnings:
        width <= 0
          ? [`no zone of agreement: the seller's cost ${s} is at or above the buyer's value ${b}`]
          : [],
    };
  },
  /**
   * The zone of agreement b - s is (1 - level) x the preset's zone (500 price-domain, 20
   * buy-sell): level 0 is the published zone, level 1 leaves none (b = s). The instance's
   * competitionIndex is 1 - (b - s) / zone, clipped to [0, 1].
   */
  withCompetition: (params, level) => ({ ...params, competition: level }),
  validateProposal(instance, proposal) {
    const raw = isRecord(proposal) ? proposal.price : proposal;
    const value = typeof raw === 'string' ? Number(raw.replace(/[$,\s]|zup|dollars?/gi, '')) : raw;
    const { max } = priceSettings(instance.params);
    if (typeof value !== 'number' || !Number.isFinite(value))
      return { ok: false, error: 'the offer must be {"price": <number>}' };
    if (value < 0 || value > max)
      return { ok: false, error: `the price ${value} is outside the allowed range 0 to ${max}` };
    return { ok: true, proposal: { price: cents(value) } };
  },
  rawUtilities: (instance, offer) =>
    instance.preferences.map((p) =>
      cents(p.role === 'seller' ? offer.price - p.reservation : p.reservation - offer.price),
    ),
  describeProposal: (instance, offer) =>
    `price ${offer.price} ${priceSettings(instance.params).currency}`,
  describePreferences(instance, agent) {
    const { role, reservation } = instance.preferences[agent];
    const { currency, max } = priceSettings(instance.params);
    if (role === 'seller')
      return `You are the seller. The good cost you ${reservation} ${currency}: a deal at price p earns you p - ${reservation}; selling below ${reservation} loses you money.`;
    const money = instance.params.preset === 'buy-sell' ? ` You hold ${max} ${currency}.` : '';
    return `You are the buyer. The good is worth ${reservation} ${currency} to you: a deal at price p earns you ${reservation} - p; paying more than ${reservation} loses you money.${money}`;
  },
  proposalFormat: (instance) =>
    `{"price": <number between 0 and ${priceSettings(instance.params).max}>}, e.g. {"price": 50}`,
  outcomeSpace(instance) {
    const [lo, hi] = [0, priceSettings(instance.params).max];
    return {
      exact: false,
      outcomes: Array.from({ length: 101 }, (_, i) => ({
        price: cents(lo + ((hi - lo) * i) / 100),
      })),
    };
  },
  alternating: {
    turnLimit: (instance) => priceSettings(instance.params).turns,
    offerCap: (instance) => instance.params.maxOffers ?? Infinity,
    lastTurnRespondsOnly: () => false,
    rejectEnds: () => true,
    noDealUtilities: () => [0, 0],
    measures: (instance, deal) => priceMeasures(instance, deal?.proposal ?? null),
  },
};

/**
 * The stored measures of a price game: reservations, zone, price, each side's surplus and share
 * of the zone, rho = (p - s) / (b - s) (0 = the seller's floor, 1 = the buyer's ceiling, -1 with
 * no deal; null with no zone), the winner (the seat with more surplus) and irrational deals
 * (a deal outside a seat's own reservation).
 */
export function priceMeasures(
  instance: Instance,
  offer: PriceOffer | null,
): Record<string, unknown> {
  const seat = (role: PriceRole) => instance.preferences.findIndex((p) => p.role === role);
  const s = instance.preferences[seat('seller')].reservation;
  const b = instance.preferences[seat('buyer')].reservation;
  const zone = cents(b - s);
  const base = { sellerSeat: seat('seller'), sellerReservation: s, buyerReservation: b, zone };
  if (offer === null)
    return {
      ...base,
      price: null,
      sellerSurplus: 0,
      buyerSurplus: 0,
      sellerShare: null,
      buyerShare: null,
      rho: -1,
      winner: null,
      irrational: [false, false],
    };
  const p = offer.price;
  const sellerSurplus = cents(p - s);
  const buyerSurplus = cents(b - p);
  // Rounded to 1e-10 so float noise (0.12997999999999998) does not reach the tables.
  const share = (x: number) => (zone > 0 ? Math.round((x / zone) * 1e10) / 1e10 : null);
  const irrational = instance.preferences.map((pr) => (pr.role === 'seller' ? p < s : p > b));
  const winner =
    sellerSurplus === buyerSurplus
      ? null
      : sellerSurplus > buyerSurplus
        ? seat('seller')
        : seat('buyer');
  return {
    ...base,
    price: p,
    sellerSurplus,
    buyerSurplus,
    sellerShare: share(sellerSurplus),
    buyerShare: share(buyerSurplus),
    rho: share(sellerSurplus),
    winner,
    irrational,
  };
}

// How each NegotiationArena class maps onto a Parley game: the parameters read from the START
// settings, a published trade in the game's proposal form, and the published outcome per seat
// in the game's units. BuySellGame -> price (buy-sell preset), TradingGame -> resource exchange,
// MultiTurnUltimatumGame -> ultimatum. Seat 0 is RED (the first player), seat 1 BLUE, as the
// published code orders every trade.
import { price, type PriceParams } from '../../games/price';
import { resourceExchange, type ResourceExchangeParams } from '../../games/resource-exchange';
import { ultimatum, type UltimatumParams } from '../../games/ultimatum';
import type { GameDefinition } from '../../games/types';
import type { GameKind } from '../../src-shared/game';
import type { ArenaGame, Resources, Trade } from './arena-parse';
import { ImportError } from './types';

export interface ArenaKind {
  kind: GameKind;
  game: GameDefinition;
  params: Record<string, unknown>;
  /** The published trade as the game's proposal (unvalidated), or an error. */
  proposalOf(trade: Trade): unknown;
  /** The published outcome per seat in the game's units (null where it gives none). */
  published(outcome: readonly unknown[]): (number | null)[];
  /** Notes for the instance's warnings (what Parley sets differently from the published code). */
  notes: string[];
}

const COLORS = ['RED', 'BLUE'] as const;

const total = (r: Resources | undefined) =>
  Object.values(r ?? {}).reduce((s, v) => s + (typeof v === 'number' ? v : 0), 0);

/** What seat `seat` gives in a trade; keys are the colours ("RED") or player names. */
export function givenBy(trade: Trade, seat: number): Resources {
  const color = COLORS[seat];
  const key = Object.keys(trade).find((k) => k.trim().toUpperCase().endsWith(color));
  return key === undefined ? {} : (trade[key] ?? {});
}

function numeric(v: unknown, values?: Resources): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v !== null && typeof v === 'object' && !Array.isArray(v))
    return Object.entries(v as Resources).reduce(
      (s, [k, x]) => s + (typeof x === 'number' ? x : 0) * (values?.[k] ?? 1),
      0,
    );
  return null;
}

function iterationsOf(g: ArenaGame): number {
  if (g.iterations !== null) return g.iterations;
  throw new ImportError('field iterations: missing (the turn limit of the game)');
}

function goalKinds(g: ArenaGame): string[] {
  return g.settings.goals.map((x) => x.kind);
}

function buySell(g: ArenaGame): ArenaKind {
  const kinds = goalKinds(g);
  const sellerSeat = kinds.indexOf('seller_goal');
  const buyerSeat = kinds.indexOf('buyer_goal');
  if (sellerSeat < 0 || buyerSeat < 0 || sellerSeat === buyerSeat)
    throw new ImportError(
      `settings.player_goals: expected a seller_goal and a buyer_goal, got ${kinds.join(', ') || 'none'}`,
    );
  const good = Object.keys(g.settings.initialResources[sellerSeat] ?? {})[0];
  const money = Object.keys(g.settings.initialResources[buyerSeat] ?? {})[0];
  if (!good || !money)
    throw new ImportError(
      'settings.player_initial_resources: expected the good (seller) and the money (buyer)',
    );
  const reservation = (seat: number) => {
    const v = g.settings.goals[seat].value as Resources | null;
    const x = v && typeof v === 'object' ? v[good] : undefined;
    if (typeof x !== 'number')
      throw new ImportError(`settings.player_goals.${seat}: no valuation of ${good}`);
    return x;
  };
  const iterations = iterationsOf(g);
  const params: PriceParams = {
    preset: 'buy-sell',
    sellerReservation: reservation(sellerSeat),
    buyerReservation: reservation(buyerSeat),
    buyerMoney: g.settings.initialResources[buyerSeat][money],
    turns: iterations,
    opener: sellerSeat === 0 ? 'seller' : 'buyer',
    // The published prompt allows iterations/2 - 1 proposals per player.
    maxOffers: Math.max(1, Math.floor(iterations / 2) - 1),
  };
  return {
    kind: 'price',
    game: price,
    params,
    proposalOf: (trade) => ({ price: givenBy(trade, buyerSeat)[money] }),
    // The published outcome is each player's valuation of its change in holdings: the same units.
    published: (outcome) => outcome.map((v) => numeric(v)),
    notes: [],
  };
}

function trading(g: ArenaGame): ArenaKind {
  const kinds = goalKinds(g);
  const [red, blue] = g.settings.initialResources;
  if (!red || !blue)
    throw new ImportError('settings.player_initial_resources: expected one entry per player');
  const target = kinds.every((k) => k === 'resource_goal');
  if (!target && !kinds.every((k) => k === 'maximisation_goal'))
    throw new ImportError(
      `settings.player_goals: expected maximisation_goal or resource_goal for both players, got ${kinds.join(', ') || 'none'}`,
    );
  const names = [...new Set([...Object.keys(red), ...Object.keys(blue)])];
  const odd = names.filter((r) => !/^[A-Z]$/.test(r));
  if (odd.length > 0)
    throw new ImportError(
      `settings.player_initial_resources: Parley's resource exchange names resources by one capital letter (X, Y), got ${odd.join(', ')}`,
    );
  const values = g.settings.valuations;
  const params: ResourceExchangeParams = {
    goal: target ? 'target' : 'maximise',
    iterations: iterationsOf(g),
    red,
    blue,
    ...(values.length === 2 ? { redValues: values[0], blueValues: values[1] } : {}),
    ...(target
      ? {
          redTarget: g.settings.goals[0].value as Resources,
          blueTarget: g.settings.goals[1].value as Resources,
        }
      : {}),
  };
  const check = resourceExchange.paramsSchema.safeParse(params);
  if (!check.success)
    throw new ImportError(
      `settings: Parley's resource exchange cannot hold these settings (${check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`,
    );
  return {
    kind: 'resource-exchange',
    game: resourceExchange,
    params,
    proposalOf: (trade) => ({ redGives: givenBy(trade, 0), blueGives: givenBy(trade, 1) }),
    published: (outcome) => outcome.map((v, i) => numeric(v, values[i])),
    notes: [],
  };
}

function ultimatumKind(g: ArenaGame): ArenaKind {
  const pot = total(g.settings.initialResources[0]);
  if (!(pot >= 2))
    throw new ImportError('settings.player_initial_resources.0: RED holds no pot to split');
  const params: UltimatumParams = { pot, iterations: iterationsOf(g), onReject: 'nothing' };
  return {
    kind: 'ultimatum',
    game: ultimatum,
    params,
    // "RED Gives Dollars: 40 | BLUE Gives Dollars: 0": RED keeps what it does not give.
    proposalOf: (trade) => {
      const [r, b] = [total(givenBy(trade, 0)), total(givenBy(trade, 1))];
      return { red: pot - r + b, blue: r - b };
    },
    // The published code reports RED's final holdings and BLUE's gain: both are units kept.
    published: (outcome) => outcome.map((v) => numeric(v)),
    notes: [
      'Played as onReject "nothing", as the published prompt states; the published code kept the initial holdings on rejection.',
    ],
  };
}

export function arenaKind(g: ArenaGame): ArenaKind {
  if (g.players.length !== 2)
    throw new ImportError(`field players: expected 2 players, got ${g.players.length}`);
  switch (g.className) {
    case 'BuySellGame':
      return buySell(g);
    case 'TradingGame':
      return trading(g);
    case 'MultiTurnUltimatumGame':
      return ultimatumKind(g);
  }
}

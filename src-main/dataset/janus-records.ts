// One finished price game as Janus decision records (DESIGN 11). Everything is read from the
// game as the engine recorded it: the public moves of the transcript, the instance's
// reservations, and the outcome's stored measures (price, zone, rho), so no price arithmetic is
// repeated here. Janus knows two actions, OFFER and ACCEPT: a REJECT or a passed turn (NONE) has
// no place in its action space, so such decisions are left out and counted, never rewritten.
import {
  priceSettings,
  type PriceOffer,
  type PriceParams,
  type PricePrefs,
} from '../../games/price';
import type { GameInstance, GameOutcome, TurnRecord } from '../../src-shared/game';
import type { ParticipantSpec, StrategySpec } from '../../src-shared/participant';
import { CURVES, EXPONENT_CONVENTION, isCurve } from '../agents/price/curves';
import { moveOf } from '../engine/alternating/state';
import type { JanusRecord } from './janus-schema';

/** A finished price game: what the store (or an in-memory run) holds of it. */
export interface PlayedPriceGame {
  trajectoryId: string;
  instance: GameInstance;
  /** In seat order. */
  participants: readonly ParticipantSpec[];
  turns: readonly TurnRecord[];
  outcome: GameOutcome;
}

/** Decisions left out of the JSONL because Janus has no such action. */
export interface LeftOut {
  REJECT: number;
  NONE: number;
}

interface PriceMeasures {
  turns: number;
  sellerReservation: number;
  buyerReservation: number;
  zone: number;
  price: number | null;
  rho: number | null;
}

type StrategyPart = Omit<StrategySpec, 'id' | 'scores' | 'kind' | 'displayName'>;

function strategyParams(spec: StrategyPart, margin: number): Record<string, unknown> {
  const curve = isCurve(spec.strategy)
    ? {
        curve: spec.strategy,
        exponent: spec.exponent ?? CURVES[spec.strategy],
        convention: EXPONENT_CONVENTION,
      }
    : {};
  return { ...curve, margin };
}

/** The agent block of a seat: the deciding strategy (or "llm") and its parameters. */
export function janusAgent(spec: ParticipantSpec, margin: number): JanusRecord['agent'] {
  if (spec.kind === 'strategy')
    return {
      strategy: spec.strategy,
      strategy_params: { participant: spec.id, kind: 'strategy', ...strategyParams(spec, margin) },
    };
  const model = { participant: spec.id, provider: spec.provider, model: spec.model };
  if (spec.wrapStrategy)
    return {
      strategy: spec.wrapStrategy.strategy,
      strategy_params: {
        ...model,
        kind: 'strategy-wrapped-llm',
        ...strategyParams(spec.wrapStrategy, margin),
      },
    };
  return { strategy: 'llm', strategy_params: { ...model, kind: 'llm' } };
}

/**
 * The decision records of `game` (OFFER and ACCEPT moves, in turn order) and the decisions left
 * out. Throws when the game is not a finished price game with its measures.
 */
export function janusRecords(game: PlayedPriceGame): { records: JanusRecord[]; leftOut: LeftOut } {
  const instance = game.instance as GameInstance<PriceParams, PricePrefs>;
  if (instance.kind !== 'price')
    throw new Error(`game ${game.trajectoryId} is a ${instance.kind} game, not a price game`);
  const m = game.outcome.measures as unknown as PriceMeasures;
  const { turns: maxTurns, max, margin } = priceSettings(instance.params);
  const agents = game.participants.map((p) => janusAgent(p, margin));
  const accepted = game.outcome.deal ? (game.outcome.proposal as PriceOffer).price : null;
  const meta: JanusRecord['meta'] = {
    buyer_max: m.buyerReservation,
    seller_min: m.sellerReservation,
    zopa_low: m.sellerReservation,
    zopa_high: m.buyerReservation,
    zopa_width: m.zone,
    accepted_price: accepted,
    episode_outcome: { agreement_bool: game.outcome.deal, price: accepted, num_turns: m.turns },
  };
  const rho = game.outcome.deal ? m.rho : -1;
  const history: [PricePrefs['role'], number][] = [];
  const records: JanusRecord[] = [];
  const leftOut: LeftOut = { REJECT: 0, NONE: 0 };
  for (const t of game.turns) {
    const move = moveOf(t);
    if (!move) continue;
    const me = instance.preferences[t.agent];
    if (move.verb === 'REJECT' || move.verb === 'NONE') {
      leftOut[move.verb]++;
      continue;
    }
    const offered = move.verb === 'OFFER' ? (move.offer as PriceOffer).price : null;
    records.push({
      trajectory_id: game.trajectoryId,
      turn: t.round,
      agent: agents[t.agent],
      state: {
        timestep: t.round,
        max_turns: maxTurns,
        role: me.role,
        last_offer_price: history.at(-1)?.[1] ?? null,
        offer_history: history.map(([r, p]) => [r, p]),
        reservation_price: me.reservation,
        price_range: [0, max],
      },
      action: { type: move.verb, price: offered },
      is_terminal: false,
      meta,
      rho,
    });
    if (offered !== null) history.push([me.role, offered]);
  }
  if (records.length > 0) records[records.length - 1].is_terminal = true;
  return { records, leftOut };
}

// The price strategies as an alternating-offers move: reads the mover's view from the context
// (its role and reservation from the instance, offers from the public moves) and writes a short
// templated message, so transcripts read like the real thing.
import {
  priceSettings,
  type PriceOffer,
  type PriceParams,
  type PricePrefs,
} from '../../../games/price';
import type { GameInstance } from '../../../src-shared/game';
import type { StrategySpec } from '../../../src-shared/participant';
import type { AgentContext } from '../../engine/agent';
import type { OfferReply } from '../../engine/alternating/actions';
import { turnView } from '../../engine/alternating/state';
import { decidePrice, type PriceView } from './price-strategy';

/** The price view of the mover in `ctx`. */
export function priceView(ctx: AgentContext): PriceView {
  const instance = ctx.instance as GameInstance<PriceParams, PricePrefs>;
  const me = instance.preferences[ctx.index];
  const view = turnView(ctx);
  const offers = (agent: number) =>
    view.state.moves
      .filter((m) => m.agent === agent && m.move.verb === 'OFFER')
      .map((m) => (m.move.offer as PriceOffer).price);
  return {
    role: me.role,
    reservation: me.reservation,
    margin: priceSettings(instance.params).margin,
    turn: view.turn,
    turnLimit: view.turnLimit,
    mine: offers(ctx.index),
    theirs: offers(1 - ctx.index),
    standing: view.acceptable ? (view.acceptable.offer as PriceOffer).price : null,
    callSeed: ctx.callSeed,
  };
}

/** The move of strategy `spec` in the price game. */
export function priceMove(spec: StrategySpec, ctx: AgentContext): OfferReply {
  const view = priceView(ctx);
  const d = decidePrice(spec.strategy, view, spec.exponent);
  const reason = `${d.rule}: my price now is ${d.target} (reservation ${view.reservation}).`;
  const strategy = { name: spec.strategy, ...(d.curve ?? {}) };
  switch (d.verb) {
    case 'ACCEPT':
      return { message: `Agreed at ${view.standing}.`, action: 'ACCEPT', reason, strategy };
    case 'OFFER':
      return {
        message:
          view.mine.length === 0
            ? `I propose ${d.price}.`
            : `I can do ${d.price}; that is my offer.`,
        action: 'OFFER',
        offer: { price: d.price },
        reason,
        strategy,
      };
  }
}

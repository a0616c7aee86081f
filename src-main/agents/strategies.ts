// The strategy agent of a participant spec, for whichever protocol its game is played with:
// propose-and-vote actions go to the bounded-rational family (agents/strategy), offer actions
// to the alternating-offers strategies of the game being played, and deliberation turns to the
// rule-based party.
import type { GameKind } from '../../src-shared/game';
import { PROPOSE_VOTE_STRATEGIES, type StrategySpec } from '../../src-shared/participant';
import {
  toAgent,
  type Action,
  type Agent,
  type AgentContext,
  type AgentReply,
} from '../engine/agent';
import type { OfferReply } from '../engine/alternating/actions';
import { exchangeMove } from './bargain/exchange-agent';
import { ultimatumMove } from './bargain/ultimatum-agent';
import { createDeliberationRuleAgent } from './deliberation/rule-agent';
import { priceMove } from './price/price-agent';
import { createStrategyAgent } from './strategy/strategy-agent';

type Mover = (spec: StrategySpec, ctx: AgentContext) => OfferReply;

/** The alternating-offers strategies per game. */
const MOVERS: Partial<Record<GameKind, Mover>> = {
  price: priceMove,
  ultimatum: ultimatumMove,
  'resource-exchange': exchangeMove,
};

function isProposeVote(spec: StrategySpec): boolean {
  return (PROPOSE_VOTE_STRATEGIES as readonly string[]).includes(spec.strategy);
}

/** The strategy agent `spec` describes. */
export function createParticipantStrategyAgent(spec: StrategySpec): Agent {
  if (spec.strategy === 'deliberation-rule') return createDeliberationRuleAgent(spec);
  const phases = isProposeVote(spec) ? toAgent(createStrategyAgent(spec)) : null;
  return {
    id: spec.id,
    act<T>(ctx: AgentContext, action: Action<T>): Promise<AgentReply<T>> {
      if (action.kind !== 'offer') {
        if (!phases)
          throw new Error(
            `strategy "${spec.strategy}" plays only alternating-offers games, not ${ctx.game.title}`,
          );
        return phases.act(ctx, action);
      }
      const mover = MOVERS[ctx.instance.kind];
      if (!mover)
        throw new Error(`no strategy agents play ${ctx.game.title} with alternating offers`);
      const value = mover(spec, ctx);
      return Promise.resolve({ ok: true, value: value as T, text: value.message });
    },
  };
}

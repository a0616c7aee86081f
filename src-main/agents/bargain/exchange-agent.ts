// Resource-exchange strategies (DESIGN 3.5): fair split (equal amounts of what each side has
// plenty of), greedy (gives 3 for 7), and the named curves conceding from 3-for-7 to 5-for-5.
// With target goals every strategy trades its surplus over the target for its deficit. A
// standing trade is accepted when it does not lower the mover's payoff (greedy: raises it).
import {
  afterTrade,
  exchangePayoff,
  type ExchangePrefs,
  type Holdings,
  type ResourceExchangeParams,
  type Trade,
} from '../../../games/resource-exchange';
import type { GameInstance } from '../../../src-shared/game';
import type { StrategySpec } from '../../../src-shared/participant';
import type { AgentContext } from '../../engine/agent';
import type { OfferReply } from '../../engine/alternating/actions';
import { turnView } from '../../engine/alternating/state';
import { CURVES, curvePrice, isCurve } from '../price/curves';

/** The resource the seat holds most of and the one it holds least of. */
function plentyAndLack(h: Holdings): [string, string] {
  const names = Object.keys(h).sort();
  const plenty = names.reduce((a, b) => ((h[a] ?? 0) >= (h[b] ?? 0) ? a : b));
  const lack = names.reduce((a, b) => ((h[a] ?? 0) <= (h[b] ?? 0) ? a : b));
  return [plenty, lack];
}

/** Units given and asked this turn under `spec` (maximise goal). */
export function exchangeAsk(
  spec: Pick<StrategySpec, 'strategy' | 'exponent'>,
  turn: number,
  turnLimit: number,
): { give: number; get: number } {
  if (spec.strategy === 'fair-split') return { give: 5, get: 5 };
  if (spec.strategy === 'greedy') return { give: 3, get: 7 };
  if (isCurve(spec.strategy)) {
    const give = Math.round(
      curvePrice(3, 5, turn, turnLimit, spec.exponent ?? CURVES[spec.strategy]),
    );
    return { give, get: 10 - give };
  }
  throw new Error(
    `strategy "${spec.strategy}" does not play resource exchange; use fair-split, greedy or a curve (${Object.keys(CURVES).join(', ')})`,
  );
}

function tradeFor(seat: number, gives: Holdings, gets: Holdings): Trade {
  return seat === 0 ? { redGives: gives, blueGives: gets } : { redGives: gets, blueGives: gives };
}

export function exchangeMove(spec: StrategySpec, ctx: AgentContext): OfferReply {
  const instance = ctx.instance as GameInstance<ResourceExchangeParams, ExchangePrefs>;
  const me = instance.preferences[ctx.index];
  const other = instance.preferences[1 - ctx.index];
  const view = turnView(ctx);
  const strategy = { name: spec.strategy };
  const now = exchangePayoff(me, me.holdings);
  if (view.acceptable) {
    const gain =
      exchangePayoff(me, afterTrade(me.holdings, view.acceptable.offer as Trade, ctx.index)) - now;
    if (spec.strategy === 'greedy' ? gain > 0 : gain >= 0)
      return {
        message: 'That trade works for me. Accepted.',
        action: 'ACCEPT',
        reason: `gain ${gain}`,
        strategy,
      };
  }
  if (view.offersLeft <= 0 || view.isLastTurn)
    return {
      message: 'I will not trade on those terms.',
      action: 'NONE',
      reason: 'no proposals left',
      strategy,
    };
  let gives: Holdings;
  let gets: Holdings;
  if (me.target) {
    gives = {};
    gets = {};
    for (const [r, want] of Object.entries(me.target)) {
      const have = me.holdings[r] ?? 0;
      if (have > want) gives[r] = have - want;
      if (have < want) gets[r] = Math.min(want - have, other.holdings[r] ?? 0);
    }
  } else {
    const [plenty, lack] = plentyAndLack(me.holdings);
    const { give, get } = exchangeAsk(spec, view.turn, view.turnLimit);
    gives = { [plenty]: Math.min(give, me.holdings[plenty] ?? 0) };
    gets = { [lack]: Math.min(get, other.holdings[lack] ?? 0) };
  }
  const offer = tradeFor(ctx.index, gives, gets);
  return {
    message: 'Here is a trade I can live with.',
    action: 'OFFER',
    offer,
    reason: `${spec.strategy}: give ${JSON.stringify(gives)} for ${JSON.stringify(gets)}`,
    strategy,
  };
}

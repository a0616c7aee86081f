// Ultimatum strategies (DESIGN 3.5): fair split, greedy, and the named concession curves as a
// schedule of the share a player asks for (90 % of the pot down to 50 %, same formula and
// convention as the price curves). Moves read the mover's view from the public turns.
import type { UltimatumParams, UltimatumPrefs, UltimatumSplit } from '../../../games/ultimatum';
import type { GameInstance } from '../../../src-shared/game';
import type { StrategySpec } from '../../../src-shared/participant';
import type { AgentContext } from '../../engine/agent';
import type { OfferReply } from '../../engine/alternating/actions';
import { turnView } from '../../engine/alternating/state';
import { CURVES, EXPONENT_CONVENTION, curvePrice, isCurve } from '../price/curves';

/** Units a strategy asks to keep this turn and the least it accepts. */
export function ultimatumTargets(
  spec: Pick<StrategySpec, 'strategy' | 'exponent'>,
  pot: number,
  turn: number,
  turnLimit: number,
): { ask: number; accept: number; rule: string } {
  if (spec.strategy === 'fair-split')
    return {
      ask: Math.round(pot / 2),
      accept: Math.ceil(0.4 * pot),
      rule: 'fair-split (asks half, accepts 40 %)',
    };
  if (spec.strategy === 'greedy')
    return {
      ask: Math.round(0.9 * pot),
      accept: 1,
      rule: 'greedy (asks 90 %, accepts anything above nothing)',
    };
  if (isCurve(spec.strategy)) {
    const beta = spec.exponent ?? CURVES[spec.strategy];
    const ask = Math.round(curvePrice(0.9 * pot, 0.5 * pot, turn, turnLimit, beta));
    return {
      ask,
      accept: ask,
      rule: `${spec.strategy} curve (beta ${beta}; ${EXPONENT_CONVENTION})`,
    };
  }
  throw new Error(
    `strategy "${spec.strategy}" does not play the ultimatum game; use fair-split, greedy or a curve (${Object.keys(CURVES).join(', ')})`,
  );
}

export function ultimatumMove(spec: StrategySpec, ctx: AgentContext): OfferReply {
  const instance = ctx.instance as GameInstance<UltimatumParams, UltimatumPrefs>;
  const { pot, onReject } = instance.params;
  const view = turnView(ctx);
  const me = instance.preferences[ctx.index];
  const mine = (s: UltimatumSplit) => (me.color === 'RED' ? s.red : s.blue);
  const t = ultimatumTargets(spec, pot, view.turn, view.turnLimit);
  const fallback = onReject === 'keep' ? me.holdings : 0;
  const accept = Math.max(t.accept, fallback + 1);
  const offered = view.acceptable ? mine(view.acceptable.offer as UltimatumSplit) : null;
  const reason = `${t.rule}: I ask ${t.ask} of ${pot} and accept ${accept} or more.`;
  const strategy = { name: spec.strategy };
  if (offered !== null && offered >= accept)
    return { message: `I accept: I keep ${offered}.`, action: 'ACCEPT', reason, strategy };
  if (view.respondsOnly || (view.isLastTurn && offered !== null))
    return { message: 'That is not enough for me. I reject.', action: 'REJECT', reason, strategy };
  if (view.offersLeft <= 0)
    return { message: 'I have nothing new to offer.', action: 'NONE', reason, strategy };
  const offer: UltimatumSplit =
    me.color === 'RED' ? { red: t.ask, blue: pot - t.ask } : { red: pot - t.ask, blue: t.ask };
  return {
    message: `I propose that I keep ${t.ask} and you keep ${pot - t.ask}.`,
    action: 'OFFER',
    offer,
    reason,
    strategy,
  };
}

// The rule-based party as an engine agent: it answers the deliberation protocol's action with a
// reply in the protocol's own tagged format, built from its context alone (stateless, seeded by
// the call), and refuses any other protocol's action.
import type { DeliberationInstance } from '../../../games/deliberation/definition';
import type { StrategySpec } from '../../../src-shared/participant';
import type { Action, Agent, AgentContext, AgentReply } from '../../engine/agent';
import { DELIBERATION_ACTION } from '../../engine/protocols/deliberation/actions';
import type { DeliberationReply } from '../../engine/protocols/deliberation/reply';
import { publicDeals, turnFacts } from '../../engine/protocols/deliberation/turns';
import { ruleMove } from './rule-party';

/** The reply text of a move, as an LLM would write it. */
function replyText(value: DeliberationReply, wantsPlan: boolean): string {
  const parts = [
    `<SCRATCHPAD>${value.scratchpad}</SCRATCHPAD>`,
    `<ANSWER>${value.answer}</ANSWER>`,
  ];
  if (wantsPlan) parts.push(`<PLAN>${value.plan}</PLAN>`);
  return parts.join('\n');
}

export function createDeliberationRuleAgent(spec: StrategySpec): Agent {
  return {
    id: spec.id,
    act<T>(ctx: AgentContext, action: Action<T>): Promise<AgentReply<T>> {
      if (action.kind !== DELIBERATION_ACTION) {
        throw new Error(
          `strategy "deliberation-rule" plays only deliberation games, not ${ctx.game.title}`,
        );
      }
      const facts = turnFacts(ctx.instance as DeliberationInstance, ctx.round - 1);
      const move = ruleMove({
        game: facts.game,
        party: ctx.index,
        incentive: facts.game.parties[ctx.index].incentive,
        turn: facts.turn,
        turns: facts.schedule.length,
        history: publicDeals(ctx.publicHistory),
        seed: ctx.callSeed,
      });
      const value: DeliberationReply = { ...move, plan: facts.wantsPlan ? move.plan : '' };
      return Promise.resolve({
        ok: true,
        value: value as T,
        text: replyText(value, facts.wantsPlan),
      });
    },
  };
}

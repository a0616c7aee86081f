// The strategy agent of a participant spec, for whichever protocol its game is played with:
// propose-and-vote actions go to the bounded-rational family (agents/strategy), the
// alternating-offers actions to the game's own strategies.
import type { StrategySpec } from '../../src-shared/participant';
import { toAgent, type Agent } from '../engine/agent';
import { createDeliberationRuleAgent } from './deliberation/rule-agent';
import { createStrategyAgent } from './strategy/strategy-agent';

/** The strategy agent `spec` describes. */
export function createParticipantStrategyAgent(spec: StrategySpec): Agent {
  if (spec.strategy === 'deliberation-rule') return createDeliberationRuleAgent(spec);
  return toAgent(createStrategyAgent(spec));
}

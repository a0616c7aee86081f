// Strategy-wrapped LLM agent (DESIGN 5): a strategy agent decides the offer, the model phrases
// it and must return exactly that offer (re-asked otherwise). Other phases are the model's own.
import type { Agent } from '../../engine/agent';
import { createStrategyAgent } from '../strategy/strategy-agent';
import { createLlmAgent, type LlmAgentOptions } from './llm-agent';

export interface StrategyWrappedOptions extends Omit<LlmAgentOptions, 'decideProposal'> {
  /** The deciding agent; defaults to createStrategyAgent(spec.wrapStrategy). */
  strategy?: Agent;
}

export function createStrategyWrappedLlmAgent(options: StrategyWrappedOptions): Agent {
  const { strategy: given, ...rest } = options;
  const wrap = rest.spec.wrapStrategy;
  const strategy =
    given ??
    (wrap
      ? createStrategyAgent({ ...wrap, id: `${rest.spec.id}#strategy`, scores: {} })
      : undefined);
  if (!strategy)
    throw new Error(`model ${rest.spec.id}: a strategy-wrapped agent needs wrapStrategy`);
  return createLlmAgent({
    ...rest,
    decideProposal: async (ctx) => {
      const decided = await strategy.propose(ctx);
      if (!decided.ok)
        throw new Error(`strategy ${strategy.id} failed to propose: ${decided.error}`);
      return decided.value.proposal;
    },
  });
}

/** The agent for an LLM participant: strategy-wrapped when the spec names a strategy. */
export function createLlmParticipantAgent(options: LlmAgentOptions): Agent {
  return options.spec.wrapStrategy
    ? createStrategyWrappedLlmAgent(options)
    : createLlmAgent(options);
}

// Strategy-wrapped LLM agent (DESIGN 5): a strategy agent decides the offer, the model phrases
// it and must return exactly that offer (re-asked otherwise). Actions without a wrap rule
// (discussion, plans, votes) are the model's own.
import { toAgent, type AnyAgent } from '../../engine/agent';
import { createParticipantStrategyAgent } from '../strategies';
import { createLlmAgent, type LlmAgent, type LlmAgentOptions } from './llm-agent';

export interface StrategyWrappedOptions extends Omit<LlmAgentOptions, 'decide'> {
  /** The deciding agent; defaults to the strategy agent of spec.wrapStrategy. */
  strategy?: AnyAgent;
}

export function createStrategyWrappedLlmAgent(options: StrategyWrappedOptions): LlmAgent {
  const { strategy: given, ...rest } = options;
  const wrap = rest.spec.wrapStrategy;
  const strategy =
    given ??
    (wrap
      ? createParticipantStrategyAgent({ ...wrap, id: `${rest.spec.id}#strategy`, scores: {} })
      : undefined);
  if (!strategy)
    throw new Error(`model ${rest.spec.id}: a strategy-wrapped agent needs wrapStrategy`);
  const decider = toAgent(strategy);
  return createLlmAgent({
    ...rest,
    decide: async (ctx, action) => {
      const decided = await decider.act(ctx, action);
      if (!decided.ok)
        throw new Error(
          `strategy ${strategy.id} failed to decide ${action.kind}: ${decided.error}`,
        );
      return decided.value;
    },
  });
}

/** The agent for an LLM participant: strategy-wrapped when the spec names a strategy. */
export function createLlmParticipantAgent(options: LlmAgentOptions): LlmAgent {
  return options.spec.wrapStrategy
    ? createStrategyWrappedLlmAgent(options)
    : createLlmAgent(options);
}

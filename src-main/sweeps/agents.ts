// The default agent factory: strategy agents run offline; LLM agents need a provider runtime,
// which `LlmRuntime` (src-main/providers/runtime.ts) supplies through ServiceOptions.createAgent.
import type { ParticipantSpec } from '../../src-shared/participant';
import type { Agent } from '../engine/agent';
import { createParticipantStrategyAgent } from '../agents/strategies';

/** Build a strategy agent, or explain how to run an LLM participant. */
export function createDefaultAgent(spec: ParticipantSpec): Agent {
  if (spec.kind === 'strategy') return createParticipantStrategyAgent(spec);
  throw new Error(
    `participant "${spec.id}" is an LLM agent (${spec.provider}); this runner was started without a provider runtime (run it with "parley run", which builds one)`,
  );
}

// Seats for tests of how a run commits: two bounded-rational strategies, and the same two
// declared as LLM seats (a game with an LLM seat commits phase by phase) but played by the
// strategies, so both kinds of game play the same turns.
import type { ParticipantSpec } from '../../src-shared/participant';
import { toAgent, type Agent } from '../engine/agent';
import { createDefaultAgent } from './agents';

export const STRATEGY_SEATS: ParticipantSpec[] = [
  { id: 'weak', kind: 'strategy', strategy: 'bounded-rational', capability: 0.2, scores: {} },
  { id: 'strong', kind: 'strategy', strategy: 'bounded-rational', capability: 0.9, scores: {} },
];

export const LLM_SEATS = STRATEGY_SEATS.map(
  (s) =>
    ({
      id: s.id,
      kind: 'llm',
      provider: 'anthropic',
      model: 'claude-x',
      scores: {},
    }) as ParticipantSpec,
);

/** The strategy agent that plays the seat `id` (of either list). */
export function strategyOf(id: string): Agent {
  const spec = STRATEGY_SEATS.find((s) => s.id === id);
  if (!spec) throw new Error(`no seat ${id}`);
  return toAgent(createDefaultAgent(spec));
}

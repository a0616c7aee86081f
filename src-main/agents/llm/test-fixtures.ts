// Test helpers: a real item-allocation instance and AgentContexts for the LLM agent's tests.
import { itemAllocation, itemAllocationParamsSchema } from '../../../games/item-allocation';
import type { GameInstance, Phase, ProtocolParams, TurnRecord } from '../../../src-shared/game';
import type { AgentContext, ListedProposal } from '../../engine/agent';

export const protocol: ProtocolParams = {
  rounds: 10,
  gamma: 0.9,
  discussionTurns: 2,
  acceptance: 'unanimous',
  vetoHolders: [],
  maxProposalAttempts: 3,
};

export function itemInstance(seed = 7): GameInstance {
  return itemAllocation.create(
    itemAllocationParamsSchema.parse({ items: 5, competition: 0.5 }),
    2,
    seed,
  ) as GameInstance;
}

export function context(over: Partial<AgentContext> & { phase: Phase }): AgentContext {
  return {
    game: itemAllocation,
    instance: itemInstance(),
    protocol,
    index: 0,
    round: 1,
    pass: 0,
    attempt: 0,
    publicHistory: [],
    privateHistory: [],
    listedProposals: [] as ListedProposal[],
    callSeed: 123,
    gameId: 'game-1',
    ...over,
  };
}

export function turn(
  round: number,
  phase: Phase,
  agent: number,
  text: string,
  visibility: 'public' | 'private' = 'public',
): TurnRecord {
  return { round, phase, pass: 0, agent, attempt: 0, visibility, text, action: null, status: 'ok' };
}

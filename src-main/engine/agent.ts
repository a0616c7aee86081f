// The interface the engine calls, once per agent per phase. Strategy agents (deterministic,
// offline) and LLM agents (asynchronous, slow, failing) both implement it.
//
// Determinism rule: an agent's reply must be a function of its AgentContext only (plus the
// replies of the model it calls). Agents hold no state between calls; anything they "remember"
// is reconstructed from `publicHistory` and `privateHistory`. This is what makes resume-after-
// crash exact: the engine replays committed turns and only calls agents for missing ones.
import type { GameDefinition } from '../../games/types';
import type { GameInstance, Phase, ProtocolParams, TurnRecord, Vote } from '../../src-shared/game';

export interface AgentContext {
  game: GameDefinition;
  instance: GameInstance;
  protocol: ProtocolParams;
  /** This agent's index (0-based); its public name is agentName(index). */
  index: number;
  /** Current round, 1-based; 0 during setup. */
  round: number;
  phase: Phase;
  /** Discussion pass (0-based) in the discussion phase, else 0. */
  pass: number;
  /** Attempt (0-based) when a proposal or reply is re-asked. */
  attempt: number;
  /** Every public turn so far, in commit order (same snapshot for all agents in a simultaneous phase). */
  publicHistory: readonly TurnRecord[];
  /** This agent's own private turns so far (thinking, votes, reflection). */
  privateHistory: readonly TurnRecord[];
  /** Proposals listed this round (valid ones only, in listing order) — set in the vote phase. */
  listedProposals: readonly ListedProposal[];
  /** Validation error of the previous attempt, when re-asking. */
  feedback?: string;
  /** A stable seed for this exact call: hash of (game seed, agent, round, phase, pass, attempt). */
  callSeed: number;
  /** Identifies the game, for call logging and response caching. */
  gameId: string;
  signal?: AbortSignal;
}

export interface ListedProposal {
  /** 1-based number shown publicly. */
  number: number;
  proposer: number;
  proposal: unknown;
}

/** Token usage of one agent reply (summed over its model calls); zeros for strategy agents. */
export interface Usage {
  inputTokens: number;
  cacheWriteTokens: number;
  cacheReadTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  costUsd: number;
}

/**
 * What an agent returns. `ok: false` means the reply could not be parsed (after the agent's
 * own bounded re-asks); the engine records it as a parse failure with the raw text.
 */
export type AgentReply<T> =
  | { ok: true; value: T; text: string; usage?: Usage }
  | { ok: false; error: string; text: string; usage?: Usage };

export interface Agent {
  /** The participant id (registry model id or strategy spec id). */
  readonly id: string;
  /** A public message in the discussion phase. */
  discuss(ctx: AgentContext): Promise<AgentReply<{ message: string }>>;
  /** A private plan (thinking phase). */
  think(ctx: AgentContext): Promise<AgentReply<{ plan: string }>>;
  /** A proposal (game-specific shape, validated by the engine) with an optional public note. */
  propose(ctx: AgentContext): Promise<AgentReply<{ proposal: unknown; message?: string }>>;
  /** One vote per listed proposal, in listing order. */
  vote(ctx: AgentContext): Promise<AgentReply<{ votes: Vote[]; reason?: string }>>;
  /** A private reflection after a round without a deal. */
  reflect(ctx: AgentContext): Promise<AgentReply<{ reflection: string }>>;
}

/**
 * Thrown by an agent when its provider is unavailable (offline, auth error, budget). The engine
 * stops the game without recording the turn, so the game pauses and resumes later.
 */
export class AgentPausedError extends Error {
  constructor(
    message: string,
    readonly reason: 'offline' | 'auth' | 'budget' | 'cancelled',
  ) {
    super(message);
    this.name = 'AgentPausedError';
  }
}

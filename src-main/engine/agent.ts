// The interface the engine calls: one method, `act`, asked for one typed action at a time (a
// discussion message, a proposal, votes, an offer, a deliberation answer...). Strategy agents
// (deterministic, offline) and LLM agents (asynchronous, slow, failing) both implement it.
//
// Determinism rule: an agent's reply must be a function of its AgentContext and the action only
// (plus the replies of the model it calls). Agents hold no state between calls; anything they
// "remember" is reconstructed from `publicHistory` and `privateHistory`. This is what makes
// resume-after-crash exact: the engine replays committed turns and only calls agents for
// missing ones.
import type { z } from 'zod';
import type { GameDefinition } from '../../games/types';
import type { GameInstance, Phase, ProtocolParams, TurnRecord, Vote } from '../../src-shared/game';

export interface AgentContext {
  game: GameDefinition;
  instance: GameInstance;
  protocol: ProtocolParams;
  /** This agent's index (0-based); its public name is agentName(index). */
  index: number;
  /** Current round (propose-and-vote) or turn (alternating offers, deliberation), 1-based; 0 during setup. */
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
  /**
   * Model replies this turn may still take: the agent's re-ask budget less what earlier attempts
   * of the same turn used (set by the session for agents with `maxReasks`). Absent: the whole budget.
   */
  callsLeft?: number;
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

/** The output-limit class of an action (the keys of an LLM spec's per-phase `maxTokens`). */
export type TokenClass = 'discussion' | 'thinking' | 'proposal' | 'vote' | 'reflection';

/**
 * One typed request a protocol makes of an agent. The protocol owns everything about it: the
 * reply's zod schema, the prompt an LLM is sent, and (for strategy-wrapped agents) which part of
 * the reply a strategy decides. Strategy agents dispatch on `kind` and read the context.
 */
export interface Action<T = unknown> {
  /** What is asked, e.g. 'discussion', 'proposal', 'vote', 'offer'. Unique within a protocol. */
  readonly kind: string;
  /** The phase the answer is recorded under (transcript and call ledger). */
  readonly phase: Phase;
  /** The reply object's schema; its error messages are shown to a model when it is re-asked. */
  readonly schema: z.ZodType<T>;
  /** Output-limit class of the reply. */
  readonly tokens: TokenClass;
  /** The stable system prefix for this agent (rules, its private information, reply formats). */
  system(persona?: string): string;
  /** The final user message; `required` is the decision a wrapped strategy made, if any. */
  prompt(required?: unknown): string;
  /** For strategy-wrapped agents: the part of a reply a strategy decides. Absent: never wrapped. */
  readonly wrap?: WrapRule<T>;
  /**
   * Read a reply that is not JSON (e.g. deliberation's tagged sections); absent, the reply's
   * JSON object is checked against `schema`. The error is shown to a model when it is re-asked.
   */
  parse?(text: string): { ok: true; value: T } | { ok: false; error: string };
  /**
   * 'log' (default): an LLM is sent the agent's whole log (public turns and own private notes)
   * before the prompt; 'none': the prompt carries what the agent sees (deliberation's window).
   */
  readonly history?: 'log' | 'none';
}

/** How a strategy-wrapped agent reproduces a strategy's decision (DESIGN 5). */
export interface WrapRule<T> {
  /** The decided part of a reply (e.g. the proposal object), shown to the model as required. */
  decided(value: T): unknown;
  /** A normal form of a decided part, so equivalent spellings compare equal. */
  key(decided: unknown): string;
  /** The error a model is re-asked with when its reply differs from `required`. */
  mismatch(required: unknown): string;
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
  | ({ ok: true; value: T; text: string; usage?: Usage } & ReplyMeta)
  | ({ ok: false; error: string; text: string; usage?: Usage } & ReplyMeta);

/** How an LLM reply was obtained; the session stores both with the turn. */
export interface ReplyMeta {
  mode?: 'tool' | 'json_schema' | 'none';
  /** Model replies taken (first ask plus re-asks). */
  calls?: number;
}

export interface Agent {
  /** The participant id (registry model id or strategy spec id). */
  readonly id: string;
  /**
   * Re-asks one turn may take in all (parse and validation re-asks share it); the session stops
   * re-asking an invalid turn once its replies reach 1 + maxReasks. Absent: no such limit.
   */
  readonly maxReasks?: number;
  /** Answer one action. Throw AgentPausedError when the provider is unavailable. */
  act<T>(ctx: AgentContext, action: Action<T>): Promise<AgentReply<T>>;
}

/**
 * An agent written for propose-and-vote only, one method per phase (DESIGN 4.1). The engine
 * adapts it with `toAgent`; asked for another protocol's action, it fails the game clearly.
 */
export interface PhaseAgent {
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

/** Either form; the engine accepts both. */
export type AnyAgent = Agent | PhaseAgent;

const PHASE_METHODS = {
  discussion: 'discuss',
  thinking: 'think',
  proposal: 'propose',
  vote: 'vote',
  reflection: 'reflect',
} as const satisfies Record<string, keyof PhaseAgent>;

/** The acting form of an agent: itself, or a PhaseAgent answering propose-and-vote actions. */
export function toAgent(agent: AnyAgent): Agent {
  if ('act' in agent) return agent;
  return {
    id: agent.id,
    act<T>(ctx: AgentContext, action: Action<T>): Promise<AgentReply<T>> {
      const methods: Partial<Record<string, (typeof PHASE_METHODS)[keyof typeof PHASE_METHODS]>> =
        PHASE_METHODS;
      const method = methods[action.kind];
      if (method === undefined) {
        throw new Error(
          `agent ${agent.id} plays only propose-and-vote and cannot answer a '${action.kind}' action`,
        );
      }
      return agent[method](ctx) as Promise<AgentReply<T>>;
    },
  };
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

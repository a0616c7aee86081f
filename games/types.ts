// The interface every game implements. Games are pure and deterministic: the same
// (params, nAgents, seed) always gives the same instance on every machine.
import type { z } from 'zod';
import type { GameInstance, GameKind, ProtocolName } from '../src-shared/game';

/** Result of validating a proposal: the normalised proposal, or an error an LLM can act on. */
export type ProposalCheck<Prop> = { ok: true; proposal: Prop } | { ok: false; error: string };

export interface GameDefinition<Params = any, Pref = any, Prop = any> {
  kind: GameKind;
  /** Display name, e.g. "Item allocation". */
  title: string;
  /** The protocols this game can be played with, default first; absent = ['propose-and-vote']. */
  protocols?: readonly ProtocolName[];
  /** Rules of the alternating-offers protocol (DESIGN 4.2); required when it is listed. */
  alternating?: AlternatingRules<Params, Pref, Prop>;
  /** zod schema of the game's own parameters, with defaults filled in by `parse`. */
  paramsSchema: z.ZodType<Params>;
  /**
   * Build an instance. Throws an Error naming the parameter when the parameters are impossible
   * (e.g. item allocation with competition 0 and nAgents > items).
   */
  create(params: Params, nAgents: number, seed: number): GameInstance<Params, Pref>;
  /**
   * Map a single competition level in [0, 1] (0 = fully cooperative, 1 = fully competitive)
   * onto this game's parameters; `competitionIndex` of the resulting instance equals `level`
   * where the game can express it. Documented per game.
   */
  withCompetition(params: Params, level: number): Params;
  /** Problems with (params, nAgents) found without building, e.g. geometry; empty when fine. */
  check(params: Params, nAgents: number): string[];
  /** Validate and normalise an untrusted proposal (from an LLM or a strategy). */
  validateProposal(instance: GameInstance<Params, Pref>, proposal: unknown): ProposalCheck<Prop>;
  /** Undiscounted utility of each agent if `proposal` is accepted. */
  rawUtilities(instance: GameInstance<Params, Pref>, proposal: Prop): number[];
  /**
   * Optional fast path: exactly `rawUtilities(instance, proposal)[agent]`, without building the
   * other agents' utilities (strategy agents score every outcome under every hypothesis).
   */
  rawUtility?(instance: GameInstance<Params, Pref>, proposal: Prop, agent: number): number;
  /** Human text of a proposal, e.g. "Agent_1: Apple, Pear | Agent_2: Stone". */
  describeProposal(instance: GameInstance<Params, Pref>, proposal: Prop): string;
  /** The private preference text agent `agent` receives at setup. */
  describePreferences(instance: GameInstance<Params, Pref>, agent: number): string;
  /** JSON shape of a proposal, as a sentence for prompts, e.g. '{"allocation": [0,1,...]}'. */
  proposalFormat(instance: GameInstance<Params, Pref>): string;
  /**
   * The outcome space, for strategy agents and exact analysis (Nash bargaining point, Pareto
   * frontier). `exact: true` lists every feasible proposal (item allocation with a small space);
   * otherwise a deterministic representative set (a grid or seeded sample, same every call) and
   * the analysis refines numerically.
   */
  outcomeSpace(instance: GameInstance<Params, Pref>): { exact: boolean; outcomes: Prop[] };
  /**
   * Closed-form analysis references (DESIGN 9) where the game has a small exact formulation
   * (treaty and co-funding with two agents); null where it has none, and the analysis falls back
   * to searching `outcomeSpace`.
   */
  exactReference?(instance: GameInstance<Params, Pref>): ExactReference | null;
  /**
   * Where the instance is played with proposals made of one part per agent (co-funding's pledge
   * protocol, DESIGN 3.3), how parts are asked for, checked and combined; null (or absent) where
   * each agent proposes a whole proposal.
   */
  jointProposal?(instance: GameInstance<Params, Pref>): JointProposal<Prop> | null;
}

/**
 * Proposals built from one part per agent: each agent proposes only its own part, the engine
 * combines the parts of all agents (in seat order) into the one joint proposal that is voted on,
 * and that joint proposal is what validateProposal, rawUtilities and the analysis see.
 */
export interface JointProposal<Prop, Part = unknown> {
  /** JSON shape of an agent's own part, as a sentence for prompts. */
  partFormat: string;
  /** Validate and normalise agent `agent`'s untrusted part, with an error an LLM can act on. */
  validatePart(agent: number, part: unknown): ProposalCheck<Part>;
  /** Human text of a valid part, e.g. "Agent_1 pledges Park 15, Library 10". */
  describePart(agent: number, part: Part): string;
  /** The joint proposal from every agent's part, in seat order. Pure. */
  combine(parts: readonly Part[]): Prop;
  /** Agent `agent`'s part of a joint proposal (for agents that choose among joint outcomes). */
  partOf(proposal: Prop, agent: number): Part;
}

/** Exact reference points of an instance's utility space, in undiscounted (round-1) utilities. */
export interface ExactReference {
  /** Largest social welfare and one utility vector attaining it. */
  maxWelfare: { value: number; utilities: number[] };
  /**
   * Nash bargaining solution with disagreement point 0: the largest product and every distinct
   * utility vector attaining it; null when no outcome gives every agent u > 0.
   */
  nbs: { product: number; points: number[][] } | null;
  /** max over feasible outcomes o of min_i (u_i(o) - u_i), clipped at 0. */
  paretoGap(utilities: readonly number[]): number;
  /** True when no feasible outcome weakly improves every agent and strictly improves one. */
  isParetoOptimal(utilities: readonly number[]): boolean;
}

/** A game's rules for alternating offers: limits, the end and how it scores (DESIGN 4.2). */
export interface AlternatingRules<Params = any, Pref = any, Prop = any> {
  /** T: the game ends with no deal after this many turns. */
  turnLimit(instance: GameInstance<Params, Pref>): number;
  /** New offers each player may make (Infinity = no cap). */
  offerCap(instance: GameInstance<Params, Pref>): number;
  /** True when the last turn may only accept or reject the standing offer. */
  lastTurnRespondsOnly(instance: GameInstance<Params, Pref>): boolean;
  /** True when REJECT ends the game with no deal (else it only declines the standing offer). */
  rejectEnds(instance: GameInstance<Params, Pref>): boolean;
  /** Payoff per seat with no deal (e.g. kept holdings); zeros for most games. */
  noDealUtilities(instance: GameInstance<Params, Pref>): number[];
  /**
   * The game's own measures of a finished game, stored as GameOutcome.measures. `deal` is the
   * accepted offer and its proposer, or null.
   */
  measures(
    instance: GameInstance<Params, Pref>,
    deal: { proposal: Prop; proposer: number; turn: number } | null,
  ): Record<string, unknown>;
}

/** The protocols `game` can be played with, default first. */
export function gameProtocols(game: Pick<GameDefinition, 'protocols'>): readonly ProtocolName[] {
  return game.protocols ?? ['propose-and-vote'];
}

/** The format an agent proposes in: its own part where proposals are joint, else a whole one. */
export function proposalFormatOf(game: GameDefinition, instance: GameInstance): string {
  return game.jointProposal?.(instance)?.partFormat ?? game.proposalFormat(instance);
}

/** Agent display names are anonymous and 1-based: Agent_1, Agent_2, ... */
export function agentName(index: number): string {
  return `Agent_${index + 1}`;
}

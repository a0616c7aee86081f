// Data types for games, turns and outcomes. Pure types: this is what crosses the contract, what
// the store persists and what the engine produces. No Node, DOM or Electron imports here.

/** The games Parley ships (DESIGN 3.1-3.6). */
export const GAME_KINDS = [
  'item-allocation',
  'treaty',
  'cofunding',
  'price',
  'ultimatum',
  'resource-exchange',
  'deliberation',
] as const;
export type GameKind = (typeof GAME_KINDS)[number];

/**
 * The protocols the engine runs (DESIGN 4): who is asked what, in which order, and when the game
 * ends. A game lists the ones it can be played with (the first is its default).
 */
export const PROTOCOLS = ['propose-and-vote', 'alternating-offers', 'deliberation'] as const;
export type ProtocolName = (typeof PROTOCOLS)[number];

/**
 * Transcript phases, in the order they happen inside a round (propose-and-vote) or a turn
 * (alternating offers: 'offer'; deliberation: a private 'scratchpad' with the whole reply, then
 * the public 'answer'). New protocols append theirs: the position is stored with
 * every turn (turns.phase_ord), so existing entries never move.
 */
export const PHASES = [
  'setup',
  'discussion',
  'thinking',
  'proposal',
  'listing',
  'vote',
  'tally',
  'reflection',
  'offer',
  'scratchpad',
  'answer',
  /** A score-leakage judge's call on a public answer (call ledger only; no turn has it). */
  'judge',
] as const;
export type Phase = (typeof PHASES)[number];

/** Acceptance rules for the vote (DESIGN 4, step 6). */
export const ACCEPTANCE_RULES = ['unanimous', 'supermajority', 'veto'] as const;
export type AcceptanceRule = (typeof ACCEPTANCE_RULES)[number];

/**
 * Protocol settings of a game. `name` picks the protocol; absent, the game's default (so games
 * planned before protocols were named keep their content ids). The other fields are
 * propose-and-vote's; alternating offers reads `maxProposalAttempts` and takes its turn limit
 * from the game's parameters.
 */
export interface ProtocolParams {
  name?: ProtocolName;
  /** T: number of rounds (>= 1). */
  rounds: number;
  /** Discount factor gamma in (0, 1]; utility is multiplied by gamma^(r-1). */
  gamma: number;
  /** Sequential discussion passes per round (0 disables discussion). */
  discussionTurns: number;
  acceptance: AcceptanceRule;
  /** Agent indices (0-based) holding a veto when acceptance = 'veto'. */
  vetoHolders: number[];
  /** Attempts an agent gets to produce a valid proposal before it is recorded as invalid. */
  maxProposalAttempts: number;
}

/**
 * A built game: everything the agents and the analysis need, derived only from
 * (kind, params, nAgents, seed). `preferences[i]` is agent i's private information.
 */
export interface GameInstance<Params = Record<string, unknown>, Pref = unknown> {
  kind: GameKind;
  params: Params;
  nAgents: number;
  seed: number;
  /** Public rules text every agent receives at setup. */
  rules: string;
  /** Private preferences per agent (the ground truth of the analysis). */
  preferences: Pref[];
  /** Realised statistics of the instance, e.g. { cosines: [0.49], targetCosine: 0.5 }. */
  realised: Record<string, unknown>;
  /** The competition index this instance represents, in [0, 1] (for plots). */
  competitionIndex: number;
  /** Human-readable warnings, e.g. when geometry forbids the target cosine. */
  warnings: string[];
}

/** Status of one recorded turn. */
export type TurnStatus = 'ok' | 'invalid' | 'parse_failure' | 'synthetic';

/**
 * One committed transcript entry. The tuple (round, phase, pass, agent, attempt) identifies
 * it within a game; `agent` is -1 for entries the moderator writes (listing, tally).
 */
export interface TurnRecord {
  round: number;
  phase: Phase;
  /** Discussion pass (0-based); 0 in other phases. */
  pass: number;
  /** Agent index (0-based) or -1 for the moderator. */
  agent: number;
  /** Attempt number (0-based) for re-asked proposals / parse failures; 0 otherwise. */
  attempt: number;
  visibility: 'public' | 'private';
  /** The text as shown in the transcript. */
  text: string;
  /** The parsed action (proposal, votes) or null. */
  action: unknown;
  status: TurnStatus;
  /** Validation or parse error that made the turn invalid, if any. */
  error?: string;
  /**
   * LLM turns: how the reply was asked for ('tool': a forced Anthropic tool, 'json_schema': an
   * OpenAI strict schema, 'none': plain text, parsed). Absent for strategy and moderator turns.
   */
  mode?: 'tool' | 'json_schema' | 'none';
  /** LLM turns: model replies this turn took (first ask plus re-asks, cache replays included). */
  calls?: number;
}

/** A vote on each listed proposal, in listing order. */
export type Vote = 'accept' | 'reject';

/** Outcome of a finished game. */
export interface GameOutcome {
  deal: boolean;
  /** Round of agreement (1-based) or null with no deal. */
  round: number | null;
  /** The accepted proposal (game-specific shape) or null. */
  proposal: unknown;
  /** Index of the proposing agent of the accepted proposal, or null. */
  proposer: number | null;
  /** Undiscounted utility per agent. */
  rawUtilities: number[];
  /** Discounted utility per agent (gamma^(r-1) applied); zeros with no deal. */
  utilities: number[];
  /** Counts of non-ok turns per agent. */
  invalidProposals: number[];
  syntheticVotes: number[];
  parseFailures: number[];
  /**
   * Game-specific measures of the outcome (e.g. price, rho, each side's share of the zone for
   * the price game), as the game's `measures` defines them; absent for games without any.
   */
  measures?: Record<string, unknown>;
}

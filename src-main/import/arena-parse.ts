// NegotiationArena's game_state.json (DESIGN 11) read into plain structures: tagged
// {"_type", "_value"} objects unwrapped, the START settings, every turn's public answer, parsed
// trade and private reasoning, and the END summary. Pure: no Parley game is built here.
import { ImportError } from './types';

/** The classes Parley has a game for (buy-sell, resource exchange, multi-turn ultimatum). */
export const ARENA_CLASSES = ['BuySellGame', 'TradingGame', 'MultiTurnUltimatumGame'] as const;
export type ArenaClass = (typeof ARENA_CLASSES)[number];

/** Amounts per resource, e.g. {X: 1} or {ZUP: 1000}. */
export type Resources = Record<string, number>;
/** A trade: what each player (RED, BLUE) gives. */
export type Trade = Record<string, Resources>;

export interface ArenaGoal {
  /** The goal's own tag, e.g. 'seller_goal', 'buyer_goal'. */
  kind: string;
  value: unknown;
}

export interface ArenaTurn {
  iteration: number;
  /** Index of the player who moved (0 = RED, the first player). */
  player: number;
  publicAnswer: string;
  message: string | null;
  /** 'PROPOSAL', 'ACCEPT', 'REJECT' or what the player wrote. */
  answer: string | null;
  /** The newly proposed trade, null with NONE. */
  trade: Trade | null;
  reason: string | null;
  /** Everything else the player wrote privately (my resources, my goals, proposal count...). */
  privateInfo: Record<string, unknown>;
  completeAnswer: string;
}

export interface ArenaSummary {
  finalResponse: string | null;
  finalResources: Resources[];
  proposedTrade: Trade | null;
  playerOutcome: unknown[];
  raw: Record<string, unknown>;
}

export interface ArenaGame {
  className: ArenaClass;
  runEpochMs: string | null;
  iterations: number | null;
  /** Each player's model, name and the system prompt it was given (null when not saved). */
  players: { model: string; agentName: string; systemPrompt: string | null }[];
  settings: {
    goals: ArenaGoal[];
    initialResources: Resources[];
    socialBehaviours: string[];
    roles: string[];
    valuations: Resources[];
    raw: Record<string, unknown>;
  };
  turns: ArenaTurn[];
  /** Null when the log has no END record (the game did not finish). */
  end: ArenaSummary | null;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const isTagged = (v: unknown): v is { _type: string; _value: unknown } =>
  isObject(v) && '_type' in v && '_value' in v && Object.keys(v).length === 2;

/** Replaces every tagged object by its (recursively unwrapped) value. */
export function untag(v: unknown): unknown {
  if (isTagged(v)) return untag(v._value);
  if (Array.isArray(v)) return v.map(untag);
  if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, untag(x)]));
  return v;
}

function goalOf(v: unknown): ArenaGoal {
  const inner = isTagged(v) ? v._value : v;
  return isTagged(inner)
    ? { kind: inner._type, value: untag(inner._value) }
    : { kind: 'goal', value: untag(inner) };
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : null);

function tradeOf(v: unknown): Trade | null {
  const t = untag(v);
  return isObject(t) ? (t as Trade) : null;
}

function turnOf(r: Record<string, unknown>, i: number): ArenaTurn {
  const where = `game_state[${i}]`;
  if (typeof r.current_iteration !== 'number')
    throw new ImportError(`${where}.current_iteration: expected a turn number, START or END`);
  if (typeof r.turn !== 'number') throw new ImportError(`${where}.turn: missing`);
  const pub = isObject(r.player_public_info_dict) ? r.player_public_info_dict : {};
  const priv = untag(r.player_private_info_dict ?? {}) as Record<string, unknown>;
  const { reason, ...rest } = priv;
  return {
    iteration: r.current_iteration,
    player: r.turn,
    publicAnswer: str(r.player_public_answer_string) ?? '',
    message: str(pub.message),
    answer: str(pub['player answer']),
    trade: tradeOf(pub['newly proposed trade']),
    reason: str(reason),
    privateInfo: rest,
    completeAnswer: str(r.player_complete_answer) ?? '',
  };
}

/** Parses a game_state.json; an ImportError names the missing field or the unknown class. */
export function parseArenaGame(data: unknown): ArenaGame {
  if (!isObject(data)) throw new ImportError('a game_state.json must be a JSON object');
  const className = data.class;
  if (typeof className !== 'string') throw new ImportError('field class: missing');
  if (!(ARENA_CLASSES as readonly string[]).includes(className))
    throw new ImportError(
      `unknown game class "${className}"; Parley imports ${ARENA_CLASSES.join(', ')}`,
    );
  if (!Array.isArray(data.players)) throw new ImportError('field players: missing');
  if (!Array.isArray(data.game_state)) throw new ImportError('field game_state: missing');
  const players = data.players.map((p, i) => {
    const model = isObject(p) ? str(p.model) : null;
    if (!model) throw new ImportError(`field players.${i}.model: missing`);
    return {
      model,
      agentName: (isObject(p) && str(p.agent_name)) || `Player ${i + 1}`,
      systemPrompt: isObject(p) ? systemPromptOf(p.conversation) : null,
    };
  });
  const records = data.game_state.filter(isObject);
  const start = records.find((r) => r.current_iteration === 'START');
  if (!start || !isObject(start.settings))
    throw new ImportError('game_state has no START record with its settings');
  const s = start.settings;
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  const endRecord = records.find((r) => r.current_iteration === 'END');
  return {
    className: className as ArenaClass,
    runEpochMs: str(data.run_epoch_time_ms),
    iterations: typeof data.iterations === 'number' ? data.iterations : null,
    players,
    settings: {
      goals: list(s.player_goals).map(goalOf),
      initialResources: list(s.player_initial_resources).map((r) => untag(r) as Resources),
      socialBehaviours: list(s.player_social_behaviour).map((b) => String(b)),
      roles: list(s.player_roles).map((b) => String(b)),
      valuations: list(s.player_valuation).map((r) => untag(r) as Resources),
      raw: untag(s) as Record<string, unknown>,
    },
    turns: data.game_state.flatMap((r, i) =>
      isObject(r) && r.current_iteration !== 'START' && r.current_iteration !== 'END'
        ? [turnOf(r, i)]
        : [],
    ),
    end: endRecord ? summaryOf(endRecord) : null,
  };
}

function systemPromptOf(conversation: unknown): string | null {
  if (!Array.isArray(conversation)) return null;
  const first = conversation.find((m) => isObject(m) && m.role === 'system') as
    Record<string, unknown> | undefined;
  return first && typeof first.content === 'string' ? first.content : null;
}

function summaryOf(r: Record<string, unknown>): ArenaSummary {
  const raw = (untag(r.summary ?? {}) ?? {}) as Record<string, unknown>;
  return {
    finalResponse: str(raw.final_response),
    finalResources: Array.isArray(raw.final_resources) ? (raw.final_resources as Resources[]) : [],
    proposedTrade: tradeOf(raw.proposed_trade),
    playerOutcome: Array.isArray(raw.player_outcome) ? raw.player_outcome : [],
    raw,
  };
}

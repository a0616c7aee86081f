// The store's row types: what its methods take and return, with parsed JSON and camelCase
// fields (the raw SQLite row shapes live in rows.ts). The Store interface is in types.ts.
import type { GameInstance, GameOutcome, Phase, TurnRecord } from '../../src-shared/game';
import type { ParticipantSpec } from '../../src-shared/participant';
import type { GameStatus, Order, PlannedGame } from '../../src-shared/planned-game';
import type { GameSortKey } from './game-query';

export const SWEEP_STATUSES = ['active', 'paused', 'cancelled'] as const;
export type SweepStatus = (typeof SWEEP_STATUSES)[number];

export const MODEL_SOURCES = ['registry', 'user', 'sweep'] as const;
export type ModelSource = (typeof MODEL_SOURCES)[number];

export const CALL_STATUSES = ['sent', 'ok', 'error'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export interface SweepRow {
  id: string;
  name: string;
  /** The sweep document as submitted (validated by the caller). */
  spec: unknown;
  status: SweepStatus;
  createdAt: string;
}

export interface ModelRow {
  id: string;
  /** A ParticipantSpec or a registry entry. */
  spec: unknown;
  source: ModelSource;
  updatedAt: string;
}

/** A stored game: the plan plus where it is in its life. */
export interface GameRow extends PlannedGame {
  status: GameStatus;
  /** The realised instance, written once when the game first starts. */
  instance: GameInstance | null;
  outcome: GameOutcome | null;
  error: string | null;
  pauseReason: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  /** The runner playing the game and until when (ms since 1970); null when none holds it. */
  leaseOwner?: string | null;
  leaseUntil?: number | null;
}

/** A runner's claim on a game: its id and how long the claim lasts without a renewal. */
export interface Lease {
  owner: string;
  ttlMs: number;
}

/** A transcript entry as stored: the turn plus its commit order and time. */
export interface TurnRow extends TurnRecord {
  seq: number;
  createdAt: string;
}

/** What results are sorted by (export/results.ts), with the game's store position. */
export interface GameOrderKey {
  row: number;
  focalCapability: number | null;
  focalId: string;
  competitionLevel: number;
  order: string;
  runIndex: number;
}

/**
 * What a sweep's result row is made of (store.resultGamesAt): a game's plan columns and outcome,
 * and of its instance only the realised cosines, so an export parses no instance or rules text.
 */
export interface ResultGameRow extends Pick<
  GameRow,
  | 'id'
  | 'kind'
  | 'status'
  | 'participants'
  | 'focalId'
  | 'focalCapability'
  | 'capabilities'
  | 'competitionLevel'
  | 'rho'
  | 'theta'
  | 'order'
  | 'seed'
  | 'runIndex'
  | 'outcome'
> {
  /** The instance's `realised.cosines` when it is an array; null otherwise. */
  cosines: number[] | null;
}

/** A game as the runner's queue sees it (store.queuePage). */
export interface QueueEntry {
  /** Its position in the store (the rowid), for the next page. */
  row: number;
  id: string;
  status: GameStatus;
  leaseOwner: string | null;
  leaseUntil: number | null;
}

export interface GameQuery {
  sweepId?: string;
  status?: readonly GameStatus[];
  focalId?: string;
  /** Matched within 1e-9 (levels are stored as REAL). */
  competitionLevel?: number;
  /** Finished games with (true) or without (false) a deal. */
  deal?: boolean;
  order?: Order;
  /** Games whose deal was reached in this round. */
  agreementRound?: number;
  /** Games with this participant in any seat. */
  participantId?: string;
  /** Games with (true) or without (false) a turn that failed to parse. */
  parseFailures?: boolean;
  /** Games carrying this tag. */
  tag?: string;
  /** Default: insertion order. */
  sort?: { key: GameSortKey; dir: 'asc' | 'desc' };
  limit?: number;
  offset?: number;
}

export interface CallSent {
  gameId: string;
  round: number;
  phase: Phase;
  agent: number;
  attempt: number;
  provider: string;
  model: string;
  requestHash: string;
  /**
   * Upper-bound cost of the call (input measured from the request, output at its limit): the
   * ledger counts it until the answer is recorded, and for good if it never is.
   */
  estimatedCostUsd?: number;
}

/** Token usage and cost of one call (same fields as the engine's Usage). */
export interface CallUsage {
  inputTokens: number;
  cacheWriteTokens: number;
  cacheReadTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  costUsd: number;
}

export interface CallAnswer {
  status: 'ok' | 'error';
  httpStatus?: number;
  /** Classification from the provider layer, e.g. 'network', 'rate_limit', 'auth'. */
  errorKind?: string;
  error?: string;
  usage: CallUsage;
  latencyMs: number;
  /** Answered through a provider batch (billed at the batch price); online when absent. */
  batched?: boolean;
}

export interface CallRow extends Omit<CallSent, 'estimatedCostUsd'>, CallUsage {
  id: number;
  estimatedCostUsd: number;
  status: CallStatus;
  httpStatus: number | null;
  errorKind: string | null;
  error: string | null;
  latencyMs: number | null;
  sentAt: string;
  answeredAt: string | null;
  /** Answered through a provider batch (migration 0012); false for online calls. */
  batched: boolean;
}

export interface CallTotals extends CallUsage {
  calls: number;
  byStatus: Record<CallStatus, number>;
  /** Calls answered through a provider batch, and their cost (included in `costUsd`). */
  batchedCalls: number;
  batchedCostUsd: number;
  /**
   * The part of `costUsd` that is estimated: calls sent without a recorded answer (in flight,
   * or their runner stopped) count at their estimate, so spend is never under-reported.
   */
  estimatedUsd: number;
}

export interface EventRow {
  id: number;
  ts: string;
  kind: string;
  sweepId: string | null;
  gameId: string | null;
  payload: unknown;
}

/** Metrics `cellAggregates` computes inside SQL, per finished game. */
export type CellMetric =
  'deal' | 'round' | 'utility_focal' | 'social_welfare' | 'utility_share_focal';

/** Sums of one metric over a (focal participant, competition level) cell of a sweep. */
export interface CellAggregateRow {
  focalId: string;
  /** The focal capability stored with the games (the sweep's metric); constant per focal id. */
  focalCapability: number | null;
  competitionLevel: number;
  /** Finished games in the cell. */
  games: number;
  /** Games with a value of the metric (e.g. round is missing without a deal). */
  n: number;
  sum: number;
  sumSquares: number;
}

/** One game of a sweep as the results grid needs it: plain columns, no JSON (migration 0002). */
export interface CellGameRow {
  focalId: string;
  /** The focal capability stored with the game (the sweep's metric); null when unknown. */
  focalCapability: number | null;
  competitionLevel: number;
  status: GameStatus;
  /** 1 / 0 once finished, else null. */
  deal: number | null;
  agreementRound: number | null;
  focalUtility: number | null;
  socialWelfare: number | null;
}

/** A distinct seating of a sweep (participants in seat order) and the focal participant's id. */
export interface LineupRow {
  focalId: string;
  participants: ParticipantSpec[];
}

/** Token usage and cost of a sweep's calls for one model in one protocol phase. */
export interface UsageGroupRow extends CallUsage {
  model: string;
  phase: string;
  calls: number;
}

/** How many of a sweep's games are in one state for one stored reason (see `gameReasons`). */
export interface GameReasonRow {
  status: 'paused' | 'failed';
  /** The pause reason of a paused game, the error of a failed one (null if none was stored). */
  reason: string | null;
  count: number;
}

/** What `requeue` acts on: explicit ids, or a sweep's games in the given states. */
export type RequeueTarget = readonly string[] | { sweepId: string; status: readonly GameStatus[] };

// The store's interface, and (re-exported from row-types.ts) its domain types. Callers see parsed
// JSON and camelCase fields; the raw row shapes live in rows.ts.
import type { GameInstance, GameOutcome, TurnRecord } from '../../src-shared/game';
import type { GameStatus, PlannedGame } from '../../src-shared/planned-game';
import type { ImportStore } from './imports';
import type { TurnSearchPage, TurnSearchQuery } from './search';

export type { TurnSearchHit, TurnSearchPage, TurnSearchQuery } from './search';
import type { AnnotationMethods } from './annotations';
import type { CompareQueryMethods } from './compare-queries';
import type { BatchStore } from './batches';
import type { JudgementStore } from './judgements';
import type { GameQueryMethods } from './game-query';

export { GAME_STATUSES } from '../../src-shared/planned-game';

export * from './row-types';
import type {
  SweepStatus,
  ModelSource,
  SweepRow,
  ModelRow,
  GameRow,
  Lease,
  TurnRow,
  GameOrderKey,
  ResultGameRow,
  QueueEntry,
  GameQuery,
  CallSent,
  CallAnswer,
  CallRow,
  CallTotals,
  EventRow,
  CellMetric,
  CellAggregateRow,
  CellGameRow,
  LineupRow,
  UsageGroupRow,
  GameReasonRow,
  RequeueTarget,
} from './row-types';

/** The durable store. Every method is synchronous and commits before it returns. */
export interface Store
  extends
    ImportStore,
    AnnotationMethods,
    CompareQueryMethods,
    JudgementStore,
    BatchStore,
    GameQueryMethods {
  /** The database file. */
  readonly path: string;

  /** Creates a sweep, or updates its name and spec (status and creation time are kept). */
  upsertSweep(sweep: { id: string; name: string; spec: unknown }): void;
  getSweep(id: string): SweepRow | null;
  /** All sweeps, oldest first. */
  listSweeps(): SweepRow[];
  setSweepStatus(id: string, status: SweepStatus): void;
  /** A sweep by exact id, exact name, or unique id prefix; null if none; throws if ambiguous. */
  findSweep(idOrName: string): SweepRow | null;

  /** Adds games (content-addressed, so existing ones are kept) and links them to the sweep. */
  insertPlannedGames(
    sweepId: string,
    games: readonly PlannedGame[],
  ): { inserted: number; existing: number };
  getGame(id: string): GameRow | null;
  /** A game by id or unique id prefix; null when none matches, throws when several do. */
  findGame(idOrPrefix: string): GameRow | null;
  /** Games in insertion order, optionally filtered; limit and offset page in SQL. */
  listGames(query?: GameQuery): GameRow[];
  /**
   * The next `limit` games of the sweep after store position `afterRow` that a runner might
   * play (queued, paused or running), in store order: the runner's queue, read a page at a time.
   */
  queuePage(sweepId: string, afterRow: number, limit: number): QueueEntry[];
  /** The runners holding running games (of the sweep, or of any), through the status index. */
  leaseOwners(sweepId?: string): string[];
  /**
   * The sweep's games in store order (as listGames), read `pageSize` at a time: memory stays
   * bounded at any sweep size, and the connection is free between pages for other queries.
   */
  gamePages(sweepId: string, pageSize?: number): Generator<GameRow[]>;
  /** The sweep's games with the given store positions (rowids), in that order. */
  gamesAt(rows: readonly number[]): GameRow[];
  /** What result rows need of the games at those store positions (rowids), in that order. */
  resultGamesAt(rows: readonly number[]): ResultGameRow[];
  /** Store position and the result-order keys of every game of the sweep, in store order. */
  gameOrderKeys(sweepId: string): GameOrderKey[];
  /** How many games match the query's filters (its limit and offset are ignored). */
  countGames(query?: GameQuery): number;
  countGamesByStatus(sweepId?: string): Record<GameStatus, number>;
  /**
   * Why a sweep's games are paused or failed: per state, the distinct pause reasons (paused) or
   * errors (failed) with their game counts, most frequent first and at most `limit` (default 5)
   * per state; paused rows come before failed ones. Read-only, one GROUP BY.
   */
  gameReasons(query: { sweepId: string; limit?: number }): GameReasonRow[];
  /**
   * queued/paused/running -> running, saving `instance` if none is stored yet. Returns false
   * (and changes nothing) when the game is finished, failed or cancelled. With a `lease` it is
   * a claim: a running game is taken only when its lease ran out (or is the caller's own), so
   * runners sharing the database play disjoint games.
   */
  markGameRunning(id: string, instance?: GameInstance, lease?: Lease): boolean;
  /** Ends the leases of these runners now (they stopped): their games can be claimed. */
  expireLeases(owners: readonly string[]): number;
  /** Extends the leases `owner` holds on running games by `ttlMs` from now; returns how many. */
  renewLeases(lease: Lease): number;
  /**
   * The sweep's running games another runner holds a live lease on: how many, and when the
   * first of those leases runs out (ms since 1970), null if none.
   */
  othersLeases(sweepId: string, owner: string): { games: number; firstExpiry: number | null };
  /** Records the outcome; throws if the game is already finished (a game finishes once). */
  finishGame(id: string, outcome: GameOutcome): void;
  /** queued/running -> paused (e.g. provider offline); false if the game was in another state. */
  pauseGame(id: string, reason: string): boolean;
  /** Any unfinished state -> failed; false if the game was finished or cancelled. */
  failGame(id: string, error: string): boolean;
  /** The sweep's queued and paused games -> cancelled; returns how many. */
  cancelGames(sweepId: string): number;
  /** One unfinished game -> cancelled (e.g. a running game the engine aborted). */
  cancelGame(id: string): boolean;
  /** Unfinished games -> queued (error and pause reason cleared); finished ones are never touched. */
  requeue(target: RequeueTarget): number;
  /**
   * At start-up: every 'running' game whose runner stopped (no lease, or its lease ran out) was
   * interrupted -> queued. Games another live runner holds are left alone. Returns how many.
   */
  recoverInterrupted(): number;

  /** Commits one turn (its own transaction unless inside `transaction`); returns its seq. */
  appendTurn(gameId: string, turn: TurnRecord): number;
  /**
   * Commits several turns of one game in one transaction (a phase's turns), in order; all or
   * none. Returns their seqs.
   */
  appendTurns(gameId: string, turns: readonly TurnRecord[]): number[];
  /** The game's turns in commit order, exactly as appended. */
  getTurns(gameId: string): TurnRecord[];
  /** The game's turns with seq and commit time. */
  getTranscript(gameId: string): TurnRow[];
  countTurns(gameId: string): number;

  recordCallSent(call: CallSent): number;
  recordCallAnswered(id: number, answer: CallAnswer): void;
  callTotals(filter?: { sweepId?: string; gameId?: string }): CallTotals;
  listCalls(gameId: string): CallRow[];

  /** The cached response, or undefined. */
  cacheGet(key: string): unknown;
  /** Stores a response; the first answer for a key wins (returns false if one existed). */
  cachePut(key: string, value: unknown): boolean;

  appendEvent(kind: string, payload: unknown, refs?: { sweepId?: string; gameId?: string }): number;
  /** Events with id > `id`, oldest first. */
  eventsSince(id: number, limit?: number): EventRow[];

  upsertModel(id: string, spec: unknown, source: ModelSource): void;
  listModels(): ModelRow[];
  getModel(id: string): ModelRow | null;

  /** Per-cell sums of `metric` over a sweep's finished games, computed in SQL (read-only). */
  cellAggregates(query: { sweepId: string; metric: CellMetric }): CellAggregateRow[];
  /** Every game of a sweep in store order, reduced to the results grid's columns (read-only). */
  cellGames(query: { sweepId: string }): CellGameRow[];
  /** cellGames a row at a time, read from SQLite as they are consumed (bounded memory). */
  iterateCellGames(query: { sweepId: string }): IterableIterator<CellGameRow>;
  /**
   * A sweep's game rowids in result order, sorted by SQLite and read as they are consumed:
   * focal capability (unknown last), then focal id and order name by their ranks (a JSON object
   * {value: rank}; equal ranks tie), competition level, run index, store order.
   */
  iterateResultOrder(query: {
    sweepId: string;
    focalRanks: string;
    orderRanks: string;
  }): IterableIterator<number>;
  /**
   * Runs `read` with SQLite's page cache cut to `kib` KiB (then restored): for one pass over a
   * whole sweep, where the OS already caches the file and a large cache would only add memory.
   */
  withReadCache<T>(kib: number, read: () => T): T;
  /** The distinct focal ids and order names of a sweep's games (read-only). */
  resultOrderValues(sweepId: string): { focalIds: string[]; orders: string[] };
  /** The distinct seatings of a sweep's games, in order of first appearance (read-only). */
  sweepLineups(query: { sweepId: string; finishedOnly?: boolean }): LineupRow[];
  /** A sweep's token usage and cost grouped by model and phase (read-only). */
  callUsage(query: { sweepId: string }): UsageGroupRow[];

  /**
   * Turns whose text has every word of the query (FTS5, migration 0006), paged. Indexes the
   * turns committed since the last search first (indexPendingTurns).
   */
  searchTurns(query: TurnSearchQuery): TurnSearchPage;
  /** Adds the turns committed since the last call to the search index; returns how many. */
  indexPendingTurns(): number;
  /** The distinct participant ids of a sweep's games (or of every game), sorted (read-only). */
  searchParticipants(query: { sweepId?: string }): string[];
  /** The sweeps that hold a game, oldest first (read-only). */
  gameSweeps(gameId: string): { id: string; name: string }[];

  /**
   * Runs `fn` in one transaction (nested calls become savepoints). `fn` must be synchronous:
   * no transaction is held open across a model call.
   */
  transaction<T>(fn: () => T): T;
  /**
   * Copies another Parley database into this one (e.g. the shards of a SLURM array run): sweeps,
   * models, games with their turns and calls, cached responses. A game present in both keeps the
   * copy that got further (finished > failed > in progress > queued), transcript and all.
   */
  mergeFrom(file: string): MergeReport;
  /** Closes the connection; the store is unusable afterwards. */
  close(): void;
}

/** What one `mergeFrom` brought in. */
export interface MergeReport {
  file: string;
  /** Sweeps new to this database. */
  sweeps: number;
  /** Games new to this database. */
  added: number;
  /** Games this database had, replaced by a copy that got further. */
  advanced: number;
  /** Games finished in both with different outcomes (ours kept). */
  conflicts: number;
  turns: number;
  calls: number;
  cached: number;
  /** Judge verdicts (0008), tags and notes (0007) new to this database. */
  judgements: number;
  tags: number;
  notes: number;
}

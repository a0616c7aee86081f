// The transcript: one row per committed turn, appended in commit order. A setup turn that opens
// with its game's rules text keeps only what follows it; the text is put back on reading
// (migration 0009), so every reader sees the turn exactly as appended.
import type { Phase, TurnRecord, TurnStatus } from '../../src-shared/game';
import type { DbTurn } from './rows';
import type { Sql } from './sql';
import type { Store, TurnRow } from './types';
import { PHASES } from '../../src-shared/game';
import { StoreError } from './errors';
import { jsonOrNull, now } from './sql';

type TurnMethods = Pick<
  Store,
  'appendTurn' | 'appendTurns' | 'getTurns' | 'getTranscript' | 'countTurns'
>;

const PHASE_ORD = new Map<string, number>(PHASES.map((p, i) => [p, i]));

/** A turn's columns with its whole text, for a FROM naming the turn `t`. */
export const TURN_SELECT = `t.game_id, t.round, t.phase, t.phase_ord, t.pass, t.agent, t.attempt,
  t.seq, t.visibility, t.action_json, t.status, t.error, t.output_mode, t.calls, t.created_at,
  CASE WHEN t.rules_hash IS NULL THEN t.text
    ELSE (SELECT text FROM rules WHERE hash = t.rules_hash) || t.text END AS text`;

function toTurn(r: DbTurn): TurnRecord {
  const turn: TurnRecord = {
    round: r.round,
    phase: r.phase as Phase,
    pass: r.pass,
    agent: r.agent,
    attempt: r.attempt,
    visibility: r.visibility as TurnRecord['visibility'],
    text: r.text,
    action: r.action_json === null ? null : (JSON.parse(r.action_json) as unknown),
    status: r.status as TurnStatus,
  };
  if (r.error !== null) turn.error = r.error;
  if (r.output_mode !== null) turn.mode = r.output_mode as NonNullable<TurnRecord['mode']>;
  if (r.calls !== null) turn.calls = r.calls;
  return turn;
}

function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function turnMethods({ db, stmt }: Sql): TurnMethods {
  // One statement, so the seq it assigns and the row are committed together.
  const insertSql = `INSERT INTO turns (game_id, round, phase, phase_ord, pass, agent, attempt, seq,
      visibility, text, rules_hash, action_json, status, error, output_mode, calls, created_at)
    SELECT @gameId, @round, @phase, @ord, @pass, @agent, @attempt, coalesce(max(seq) + 1, 0),
      @visibility, @text, @rulesHash, @action, @status, @error, @mode, @calls, @createdAt
    FROM turns WHERE game_id = @gameId
    RETURNING seq`;
  const selectSql = `SELECT ${TURN_SELECT} FROM turns t WHERE t.game_id = ? ORDER BY t.seq`;
  const rulesOf = (gameId: string) =>
    stmt(
      'SELECT r.hash, r.text FROM games g JOIN rules r ON r.hash = g.rules_hash WHERE g.id = ?',
    ).get(gameId) as { hash: string; text: string } | undefined;

  // A batch's turns take consecutive seqs after the game's last: one max(seq) per batch.
  const insertAtSql = `INSERT INTO turns (game_id, round, phase, phase_ord, pass, agent, attempt, seq,
      visibility, text, rules_hash, action_json, status, error, output_mode, calls, created_at)
    VALUES (@gameId, @round, @phase, @ord, @pass, @agent, @attempt, @seq,
      @visibility, @text, @rulesHash, @action, @status, @error, @mode, @calls, @createdAt)`;
  const nextSeqSql = 'SELECT coalesce(max(seq) + 1, 0) AS seq FROM turns WHERE game_id = ?';

  /** Appends `t` as the game's next turn, or at `seq` when the caller numbers a batch. */
  const append = (gameId: string, t: TurnRecord, seq?: number): number => {
    const ord = PHASE_ORD.get(t.phase);
    if (ord === undefined)
      throw new StoreError(`Unknown phase "${t.phase}" in a turn of ${gameId}.`);
    const rules = t.phase === 'setup' ? rulesOf(gameId) : undefined;
    const isShared = rules !== undefined && t.text.startsWith(rules.text);
    try {
      const values = {
        gameId,
        round: t.round,
        phase: t.phase,
        ord,
        pass: t.pass,
        agent: t.agent,
        attempt: t.attempt,
        visibility: t.visibility,
        text: isShared ? t.text.slice(rules.text.length) : t.text,
        rulesHash: isShared ? rules.hash : null,
        action: jsonOrNull(t.action),
        status: t.status,
        error: t.error ?? null,
        mode: t.mode ?? null,
        calls: t.calls ?? null,
        createdAt: now(),
      };
      if (seq !== undefined) {
        stmt(insertAtSql).run({ ...values, seq });
        return seq;
      }
      return (stmt(insertSql).get(values) as { seq: number }).seq;
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      const key = `round ${t.round}, ${t.phase}, pass ${t.pass}, agent ${t.agent}, attempt ${t.attempt}`;
      throw new StoreError(
        `Game ${gameId} already has a turn at ${key}: a turn is committed once.`,
        {
          cause: e,
        },
      );
    }
  };
  const appendAll = db.transaction((gameId: string, turns: readonly TurnRecord[]) => {
    const first = (stmt(nextSeqSql).get(gameId) as { seq: number }).seq;
    return turns.map((t, i) => append(gameId, t, first + i));
  });

  return {
    appendTurn: (gameId, t) => append(gameId, t),
    appendTurns: (gameId, turns) => (turns.length === 0 ? [] : appendAll(gameId, turns)),
    getTurns(gameId) {
      return (stmt(selectSql).all(gameId) as DbTurn[]).map(toTurn);
    },
    getTranscript(gameId) {
      return (stmt(selectSql).all(gameId) as DbTurn[]).map((r): TurnRow => ({
        ...toTurn(r),
        seq: r.seq,
        createdAt: r.created_at,
      }));
    },
    countTurns(gameId) {
      return (
        stmt('SELECT count(*) AS n FROM turns WHERE game_id = ?').get(gameId) as { n: number }
      ).n;
    },
  };
}

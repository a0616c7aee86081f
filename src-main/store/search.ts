// Full-text search over every turn of the database (migration 0006's FTS5 index), filtered by
// sweep, speaker's participant, phase and visibility. Read-only.
import type { Phase } from '../../src-shared/game';
import type { Sql } from './sql';
import type { Store } from './types';

export interface TurnSearchQuery {
  /** Words to find, all of them (case and accents ignored); a word ending in * is a prefix. */
  text: string;
  sweepId?: string;
  /** The speaking seat's participant id (moderator turns never match a participant). */
  participantId?: string;
  phases?: readonly Phase[];
  visibility?: 'public' | 'private';
  limit: number;
  offset: number;
}

export interface TurnSearchHit {
  gameId: string;
  seq: number;
  round: number;
  phase: Phase;
  agent: number;
  visibility: 'public' | 'private';
  text: string;
  /** The speaking seat's participant id; null for the moderator. */
  participantId: string | null;
}

export interface TurnSearchPage {
  /** Matching turns, and the number of games they are in. */
  total: number;
  games: number;
  /** Ordered by game (store order), then commit order. */
  hits: TurnSearchHit[];
}

type SearchMethods = Pick<
  Store,
  'searchTurns' | 'searchParticipants' | 'gameSweeps' | 'indexPendingTurns'
>;

/** The words of `text` as an FTS5 query: each one quoted (so no FTS syntax leaks through). */
export function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}_]+\*?/gu) ?? [];
  if (words.length === 0) return null;
  return words.map((w) => (w.endsWith('*') ? `"${w.slice(0, -1)}"*` : `"${w}"`)).join(' ');
}

const WHERE = `turns_fts MATCH @match
  AND (@sweepId IS NULL OR EXISTS (
    SELECT 1 FROM sweep_games sg WHERE sg.sweep_id = @sweepId AND sg.game_id = k.game_id))
  AND (@visibility IS NULL OR t.visibility = @visibility)
  AND (@phases IS NULL OR t.phase IN (SELECT value FROM json_each(@phases)))
  AND (@participantId IS NULL OR (t.agent >= 0
    AND g.participants_json ->> ('$[' || t.agent || '].id') = @participantId))`;

/** A turn's whole text: a setup turn keeps its game's rules text once, in `rules` (0009). */
const TEXT = "coalesce((SELECT text FROM rules WHERE hash = t.rules_hash), '') || t.text";

const FROM = `FROM turns_fts f
  JOIN turn_search_keys k ON k.id = f.rowid
  JOIN turns t ON t.game_id = k.game_id AND t.seq = k.seq
  JOIN games g ON g.id = k.game_id`;

interface DbHit {
  game_id: string;
  seq: number;
  round: number;
  phase: string;
  agent: number;
  visibility: string;
  text: string;
  participant_id: string | null;
}

export function searchMethods({ db, stmt }: Sql): SearchMethods {
  const indexPending = db.transaction((): number => {
    const upto = (stmt('SELECT indexed_upto AS n FROM turn_search_state').get() as { n: number }).n;
    const added = stmt(
      `INSERT INTO turns_fts (rowid, text)
       SELECT k.id, ${TEXT} FROM turn_search_keys k
       JOIN turns t ON t.game_id = k.game_id AND t.seq = k.seq
       WHERE k.id > ? ORDER BY k.id`,
    ).run(upto).changes;
    stmt(
      'UPDATE turn_search_state SET indexed_upto = (SELECT coalesce(max(id), 0) FROM turn_search_keys)',
    ).run();
    return added;
  });
  const methods: SearchMethods = {
    indexPendingTurns: () => (db.readonly ? 0 : indexPending()),
    searchTurns(q) {
      methods.indexPendingTurns();
      const match = ftsQuery(q.text);
      if (match === null) return { total: 0, games: 0, hits: [] };
      const params = {
        match,
        sweepId: q.sweepId ?? null,
        visibility: q.visibility ?? null,
        phases: q.phases && q.phases.length > 0 ? JSON.stringify(q.phases) : null,
        participantId: q.participantId ?? null,
      };
      const counts = stmt(
        `SELECT count(*) AS total, count(DISTINCT k.game_id) AS games ${FROM} WHERE ${WHERE}`,
      ).get(params) as { total: number; games: number };
      const rows = stmt(
        `SELECT k.game_id, k.seq, t.round, t.phase, t.agent, t.visibility, ${TEXT} AS text,
           CASE WHEN t.agent >= 0 THEN g.participants_json ->> ('$[' || t.agent || '].id') END
             AS participant_id
         ${FROM} WHERE ${WHERE}
         ORDER BY g.rowid, k.seq LIMIT @limit OFFSET @offset`,
      ).all({ ...params, limit: q.limit, offset: q.offset }) as DbHit[];
      return {
        ...counts,
        hits: rows.map((r) => ({
          gameId: r.game_id,
          seq: r.seq,
          round: r.round,
          phase: r.phase as Phase,
          agent: r.agent,
          visibility: r.visibility as TurnSearchHit['visibility'],
          text: r.text,
          participantId: r.participant_id,
        })),
      };
    },
    searchParticipants({ sweepId }) {
      const rows = stmt(
        `SELECT DISTINCT p.value ->> 'id' AS id FROM games g, json_each(g.participants_json) p
         WHERE @sweepId IS NULL OR EXISTS (
           SELECT 1 FROM sweep_games sg WHERE sg.sweep_id = @sweepId AND sg.game_id = g.id)
         ORDER BY id`,
      ).all({ sweepId: sweepId ?? null }) as { id: string }[];
      return rows.map((r) => r.id);
    },
    gameSweeps(gameId) {
      return stmt(
        `SELECT s.id, s.name FROM sweep_games sg JOIN sweeps s ON s.id = sg.sweep_id
         WHERE sg.game_id = ? ORDER BY s.created_at, s.id`,
      ).all(gameId) as { id: string; name: string }[];
    },
  };
  return methods;
}

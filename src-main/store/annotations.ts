// Tags and notes on games (migration 0007): what a researcher marks while reading transcripts.
// Tags are replaced as a set, a note as a whole; an empty note is deleted rather than kept blank.
import type { Sql } from './sql';
import { StoreError } from './errors';
import { now } from './sql';

/** A game's tags (sorted) and note; a game without any has no tags and an empty note. */
export interface GameAnnotation {
  gameId: string;
  tags: string[];
  note: string;
  noteUpdatedAt: string | null;
}

export interface AnnotationMethods {
  /** Annotations of the given games, in the order asked. */
  getAnnotations(gameIds: readonly string[]): GameAnnotation[];
  /** Replaces a game's tags; throws StoreError for an unknown game. */
  setGameTags(gameId: string, tags: readonly string[]): GameAnnotation;
  /** Replaces a game's note (an empty text deletes it); throws StoreError for an unknown game. */
  setGameNote(gameId: string, text: string): GameAnnotation;
  /** Every tag in use with its number of games, most used first, then by name. */
  listTags(): { tag: string; games: number }[];
  /** Ids of the games carrying `tag`. */
  gamesWithTag(tag: string): Set<string>;
}

/** Raw rows of migration 0007's tables. */
interface DbGameTag {
  game_id: string;
  tag: string;
}
interface DbGameNote {
  game_id: string;
  text: string;
  updated_at: string;
}

/** SQLite's limit on bound parameters is 32766; stay well below it per query. */
const CHUNK = 500;

export function annotationMethods({ stmt, db }: Sql): AnnotationMethods {
  const requireGame = (gameId: string) => {
    if (!stmt('SELECT 1 FROM games WHERE id = ?').get(gameId))
      throw new StoreError(`No game with id "${gameId}".`);
  };
  const getAnnotations = (gameIds: readonly string[]): GameAnnotation[] => {
    const tags = new Map<string, string[]>();
    const notes = new Map<string, DbGameNote>();
    for (let i = 0; i < gameIds.length; i += CHUNK) {
      const ids = gameIds.slice(i, i + CHUNK);
      const marks = ids.map(() => '?').join(',');
      const tagRows = db
        .prepare(`SELECT game_id, tag FROM game_tags WHERE game_id IN (${marks}) ORDER BY tag`)
        .all(...ids) as DbGameTag[];
      for (const r of tagRows) tags.set(r.game_id, [...(tags.get(r.game_id) ?? []), r.tag]);
      const noteRows = db
        .prepare(`SELECT game_id, text, updated_at FROM game_notes WHERE game_id IN (${marks})`)
        .all(...ids) as DbGameNote[];
      for (const r of noteRows) notes.set(r.game_id, r);
    }
    return gameIds.map((gameId) => ({
      gameId,
      tags: tags.get(gameId) ?? [],
      note: notes.get(gameId)?.text ?? '',
      noteUpdatedAt: notes.get(gameId)?.updated_at ?? null,
    }));
  };
  return {
    getAnnotations,
    setGameTags(gameId, tags) {
      requireGame(gameId);
      db.transaction(() => {
        stmt('DELETE FROM game_tags WHERE game_id = ?').run(gameId);
        const insert = stmt('INSERT OR IGNORE INTO game_tags (game_id, tag) VALUES (?, ?)');
        for (const tag of tags) insert.run(gameId, tag);
      }).immediate();
      return getAnnotations([gameId])[0];
    },
    setGameNote(gameId, text) {
      requireGame(gameId);
      if (text.trim() === '') stmt('DELETE FROM game_notes WHERE game_id = ?').run(gameId);
      else
        stmt(
          `INSERT INTO game_notes (game_id, text, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (game_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
        ).run(gameId, text, now());
      return getAnnotations([gameId])[0];
    },
    listTags() {
      return stmt(
        `SELECT tag, count(*) AS games FROM game_tags GROUP BY tag ORDER BY games DESC, tag`,
      ).all() as { tag: string; games: number }[];
    },
    gamesWithTag(tag) {
      const rows = stmt('SELECT game_id FROM game_tags WHERE tag = ?').all(tag) as Pick<
        DbGameTag,
        'game_id'
      >[];
      return new Set(rows.map((r) => r.game_id));
    },
  };
}

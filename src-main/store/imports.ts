// Provenance of imported games (migration 0005): the source file, the outcome the source
// published, and the flags raised where it and Parley's recomputation differ.
import type { Phase } from '../../src-shared/game';
import type { Sql } from './sql';
import { now } from './sql';

/** One difference between a source file and Parley's reading of it. */
export interface ImportFlag {
  /** Stable code, e.g. 'utilities_differ', 'tally_text'. */
  code: string;
  message: string;
}

/** The outcome as the source file states it, per seat. */
export interface PublishedOutcome {
  deal: boolean;
  round: number | null;
  /** Per seat, as published (null where the file gives none). */
  utilities: (number | null)[];
  /** Anything else the source states about the outcome (allocation, final resources, ...). */
  detail?: Record<string, unknown>;
}

export interface GameImportRow {
  gameId: string;
  format: string;
  sourceFile: string;
  sourceSha256: string;
  published: PublishedOutcome;
  flags: ImportFlag[];
  isTruncated: boolean;
  importedAt: string;
}

interface DbGameImport {
  game_id: string;
  format: string;
  source_file: string;
  source_sha256: string;
  published_json: string;
  flags_json: string;
  truncated: number;
  imported_at: string;
}

/** A model call a source file reports (its token usage); latency and cost are not published. */
export interface ImportedCall {
  round: number;
  phase: Phase;
  agent: number;
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  /** When the source logged the reply (ISO), if it did. */
  answeredAt: string | null;
}

/** Store methods for import provenance. */
export interface ImportStore {
  /**
   * Records the calls a source file reports for a game, so token usage reads as for a played
   * game; latency stays unknown (NULL) and cost 0, since the files state neither.
   */
  recordImportedCalls(gameId: string, calls: readonly ImportedCall[]): void;
  /** Records where a game came from; the first record for a game wins (returns false if one existed). */
  recordGameImport(row: Omit<GameImportRow, 'importedAt'>): boolean;
  getGameImport(gameId: string): GameImportRow | null;
  /** Import records of a sweep's games, by game id (empty for a sweep of played games). */
  sweepImports(sweepId: string): Map<string, GameImportRow>;
}

function toRow(r: DbGameImport): GameImportRow {
  return {
    gameId: r.game_id,
    format: r.format,
    sourceFile: r.source_file,
    sourceSha256: r.source_sha256,
    published: JSON.parse(r.published_json) as PublishedOutcome,
    flags: JSON.parse(r.flags_json) as ImportFlag[],
    isTruncated: r.truncated === 1,
    importedAt: r.imported_at,
  };
}

export function importMethods({ stmt }: Sql): ImportStore {
  return {
    recordGameImport(row) {
      const { changes } = stmt(
        `INSERT INTO game_imports (game_id, format, source_file, source_sha256, published_json,
           flags_json, truncated, imported_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (game_id) DO NOTHING`,
      ).run(
        row.gameId,
        row.format,
        row.sourceFile,
        row.sourceSha256,
        JSON.stringify(row.published),
        JSON.stringify(row.flags),
        row.isTruncated ? 1 : 0,
        now(),
      );
      return changes > 0;
    },

    recordImportedCalls(gameId, calls) {
      const insert = stmt(
        `INSERT INTO calls (game_id, round, phase, agent, attempt, provider, model, request_hash,
           status, input_tokens, output_tokens, reasoning_tokens, sent_at, answered_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ok', ?, ?, ?, ?, ?)`,
      );
      const ts = now();
      calls.forEach((c, i) =>
        insert.run(
          gameId,
          c.round,
          c.phase,
          c.agent,
          0,
          c.provider,
          c.model,
          `imported:${gameId}:${i}`,
          c.inputTokens,
          c.outputTokens,
          c.reasoningTokens,
          c.answeredAt ?? ts,
          c.answeredAt ?? ts,
        ),
      );
    },

    getGameImport(gameId) {
      const r = stmt('SELECT * FROM game_imports WHERE game_id = ?').get(gameId) as
        DbGameImport | undefined;
      return r ? toRow(r) : null;
    },

    sweepImports(sweepId) {
      const rows = stmt(
        `SELECT i.* FROM game_imports i JOIN sweep_games sg ON sg.game_id = i.game_id
         WHERE sg.sweep_id = ?`,
      ).all(sweepId) as DbGameImport[];
      return new Map(rows.map((r) => [r.game_id, toRow(r)]));
    },
  };
}

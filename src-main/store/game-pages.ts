// Games read a page at a time, for runs and exports at any sweep size: the runner's queue, the
// sweep's games in store order, and the sort keys of its results. Each page is a range scan by
// rowid from where the last one ended, so a whole pass reads each game once.
import type { GameKind, GameOutcome } from '../../src-shared/game';
import type { ParticipantSpec } from '../../src-shared/participant';
import type { GameStatus, Order } from '../../src-shared/planned-game';
import { parseOrNull, type Sql } from './sql';
import type { GameOrderKey, QueueEntry, ResultGameRow, Store } from './types';
import { GAME_SELECT, toGameRow, type DbGameWithRules } from './games';

type GamePageMethods = Pick<
  Store,
  'queuePage' | 'leaseOwners' | 'gamePages' | 'gamesAt' | 'resultGamesAt' | 'gameOrderKeys'
>;

/** The columns of a result row (store.resultGamesAt): no instance, no rules text. */
interface DbResultGame {
  row_position: number;
  id: string;
  kind: string;
  status: string;
  participants_json: string;
  focal_id: string;
  focal_capability: number | null;
  capabilities_json: string;
  competition_level: number;
  rho: number | null;
  theta: number | null;
  order_name: string;
  seed: number;
  run_index: number;
  outcome_json: string | null;
  cosines_json: string | null;
}

const toResultGame = (r: DbResultGame): ResultGameRow => ({
  id: r.id,
  kind: r.kind as GameKind,
  status: r.status as GameStatus,
  participants: JSON.parse(r.participants_json) as ParticipantSpec[],
  focalId: r.focal_id,
  focalCapability: r.focal_capability,
  capabilities: JSON.parse(r.capabilities_json) as (number | null)[],
  competitionLevel: r.competition_level,
  rho: r.rho,
  theta: r.theta,
  order: r.order_name as Order,
  seed: r.seed,
  runIndex: r.run_index,
  outcome: parseOrNull<GameOutcome>(r.outcome_json),
  cosines: parseOrNull<number[]>(r.cosines_json),
});

/** Rows in the order asked for (a rowid IN list comes back in store order). */
function inOrder<R extends { row_position: number }, T>(
  rows: readonly number[],
  found: R[],
  to: (r: R) => T,
): T[] {
  const byRow = new Map(found.map((r) => [r.row_position, r]));
  return rows.flatMap((row) => {
    const r = byRow.get(row);
    return r ? [to(r)] : [];
  });
}

export function gamePageMethods({ stmt }: Sql): GamePageMethods {
  return {
    queuePage(sweepId, afterRow, limit) {
      // A range scan of games by rowid from where the last page ended (not the status index):
      // the pages of a whole pass read each game once, at any sweep size.
      return stmt(
        `SELECT g.rowid AS row, g.id AS id, g.status AS status, g.lease_owner AS leaseOwner,
           g.lease_until AS leaseUntil
         FROM games g
         WHERE g.rowid > ? AND +g.status IN ('queued', 'paused', 'running')
           AND EXISTS (SELECT 1 FROM sweep_games sg WHERE sg.sweep_id = ? AND sg.game_id = g.id)
         ORDER BY g.rowid LIMIT ?`,
      ).all(afterRow, sweepId, limit) as QueueEntry[];
    },

    leaseOwners(sweepId) {
      // Through games_cells (status first): the few running games, not every game of the sweep.
      const rows = stmt(
        `SELECT DISTINCT g.lease_owner AS owner FROM games g
         WHERE g.status = 'running' AND g.lease_owner IS NOT NULL
           AND (@sweepId IS NULL OR EXISTS (
             SELECT 1 FROM sweep_games sg WHERE sg.sweep_id = @sweepId AND sg.game_id = g.id))
         ORDER BY owner`,
      ).all({ sweepId: sweepId ?? null }) as { owner: string }[];
      return rows.map((r) => r.owner);
    },

    *gamePages(sweepId, pageSize = 500) {
      const page = stmt(
        `SELECT ${GAME_SELECT}, g.rowid AS row_position FROM games g
         WHERE g.rowid > ?
           AND EXISTS (SELECT 1 FROM sweep_games sg WHERE sg.sweep_id = ? AND sg.game_id = g.id)
         ORDER BY g.rowid LIMIT ?`,
      );
      let after = 0;
      for (;;) {
        const rows = page.all(after, sweepId, pageSize) as (DbGameWithRules & {
          row_position: number;
        })[];
        if (rows.length === 0) return;
        after = rows[rows.length - 1].row_position;
        yield rows.map(toGameRow);
        if (rows.length < pageSize) return;
      }
    },

    gamesAt(rows) {
      if (rows.length === 0) return [];
      const found = stmt(
        `SELECT g.rowid AS row_position, ${GAME_SELECT} FROM games g
         WHERE g.rowid IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(rows)) as (DbGameWithRules & { row_position: number })[];
      return inOrder(rows, found, toGameRow);
    },

    resultGamesAt(rows) {
      if (rows.length === 0) return [];
      // Of the instance only its realised cosines, extracted by SQLite (numbers keep their text).
      const found = stmt(
        `SELECT g.rowid AS row_position, g.id, g.kind, g.status, g.participants_json, g.focal_id,
           g.focal_capability, g.capabilities_json, g.competition_level, g.rho, g.theta,
           g.order_name, g.seed, g.run_index, g.outcome_json,
           CASE json_type(g.instance_json, '$.realised.cosines')
             WHEN 'array' THEN json_extract(g.instance_json, '$.realised.cosines') END
             AS cosines_json
         FROM games g WHERE g.rowid IN (SELECT value FROM json_each(?))`,
      ).all(JSON.stringify(rows)) as DbResultGame[];
      return inOrder(rows, found, toResultGame);
    },

    gameOrderKeys(sweepId) {
      return stmt(
        `SELECT g.rowid AS row, g.focal_capability AS focalCapability, g.focal_id AS focalId,
           g.competition_level AS competitionLevel, g.order_name AS "order",
           g.run_index AS runIndex
         FROM sweep_games sg JOIN games g ON g.id = sg.game_id
         WHERE sg.sweep_id = ? ORDER BY g.rowid`,
      ).all(sweepId) as GameOrderKey[];
    },
  };
}

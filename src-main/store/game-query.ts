// The filters and sort orders of a game query (the paged game list of a sweep), and the values a
// sweep's list can be filtered by. Every filter is SQL: a list of thousands of games is paged by
// SQLite, never cut short in memory.
import type { GameSortKey } from '../../src-shared/contract/games';
import type { Order } from '../../src-shared/planned-game';

export type { GameSortKey };
import type { Sql } from './sql';
import type { GameQuery } from './types';

/** Sort keys of the game list and their SQL. */
export const GAME_SORT_SQL: Record<GameSortKey, string> = {
  seed: 'g.seed',
  run: 'g.run_index',
  level: 'g.competition_level',
  capability: 'g.focal_capability',
  round: 'g.agreement_round',
  utility: 'g.focal_utility',
  status: 'g.status',
  updated: 'g.updated_at',
};

/** FROM and WHERE of a game query (the filters only; paging is the caller's). */
export function gamesWhere(q: GameQuery): { sql: string; args: unknown[] } {
  const args: unknown[] = [];
  const where: string[] = [];
  let sql = 'FROM games g';
  if (q.sweepId !== undefined) {
    sql += ' JOIN sweep_games sg ON sg.game_id = g.id AND sg.sweep_id = ?';
    args.push(q.sweepId);
  }
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    args.push(...values);
  };
  if (q.status) add(`g.status IN (${q.status.map(() => '?').join(', ')})`, ...q.status);
  if (q.focalId !== undefined) add('g.focal_id = ?', q.focalId);
  if (q.competitionLevel !== undefined)
    add('abs(g.competition_level - ?) < 1e-9', q.competitionLevel);
  if (q.deal !== undefined) add('g.deal = ?', q.deal ? 1 : 0);
  if (q.order !== undefined) add('g.order_name = ?', q.order);
  if (q.agreementRound !== undefined) add('g.agreement_round = ?', q.agreementRound);
  if (q.participantId !== undefined)
    add(
      "EXISTS (SELECT 1 FROM json_each(g.participants_json) p WHERE json_extract(p.value, '$.id') = ?)",
      q.participantId,
    );
  if (q.parseFailures !== undefined)
    where.push(
      `${q.parseFailures ? '' : 'NOT '}EXISTS (SELECT 1 FROM turns t WHERE t.game_id = g.id AND t.status = 'parse_failure')`,
    );
  if (q.tag !== undefined)
    add('EXISTS (SELECT 1 FROM game_tags gt WHERE gt.game_id = g.id AND gt.tag = ?)', q.tag);
  return { sql: where.length ? `${sql} WHERE ${where.join(' AND ')}` : sql, args };
}

/** ORDER BY of a game query: the key (missing values last either way), then insertion order. */
export function gamesOrderBy(q: GameQuery): string {
  if (!q.sort) return 'ORDER BY g.rowid';
  const expr = GAME_SORT_SQL[q.sort.key];
  const dir = q.sort.dir === 'desc' ? 'DESC' : 'ASC';
  return `ORDER BY ${expr} IS NULL, ${expr} ${dir}, g.rowid ${dir}`;
}

/** What a sweep's game list can be filtered by: the values its games have. */
export interface GameFacets {
  focalIds: string[];
  levels: number[];
  /** Every participant id seated in the sweep's games. */
  participantIds: string[];
  orders: Order[];
  /** Rounds in which a deal was reached. */
  rounds: number[];
  /** Tags on the sweep's games. */
  tags: string[];
}

export interface GameQueryMethods {
  gameFacets(sweepId: string): GameFacets;
}

export function gameQueryMethods({ stmt }: Sql): GameQueryMethods {
  const column = <T>(sql: string, sweepId: string, key: string): T[] =>
    (stmt(sql).all(sweepId) as Record<string, T>[]).map((r) => r[key]);
  const sweepGames = 'FROM games g JOIN sweep_games sg ON sg.game_id = g.id AND sg.sweep_id = ?';
  return {
    gameFacets(sweepId) {
      return {
        focalIds: column<string>(
          `SELECT g.focal_id AS v, min(g.focal_capability) AS c ${sweepGames}
           GROUP BY g.focal_id ORDER BY c IS NULL, c, g.focal_id`,
          sweepId,
          'v',
        ),
        levels: column<number>(
          `SELECT DISTINCT g.competition_level AS v ${sweepGames} ORDER BY v`,
          sweepId,
          'v',
        ),
        participantIds: column<string>(
          `SELECT DISTINCT json_extract(p.value, '$.id') AS v ${sweepGames},
             json_each(g.participants_json) p ORDER BY v`,
          sweepId,
          'v',
        ),
        orders: column<Order>(
          `SELECT DISTINCT g.order_name AS v ${sweepGames} ORDER BY v`,
          sweepId,
          'v',
        ),
        rounds: column<number>(
          `SELECT DISTINCT g.agreement_round AS v ${sweepGames}
           WHERE g.agreement_round IS NOT NULL ORDER BY v`,
          sweepId,
          'v',
        ),
        tags: column<string>(
          `SELECT DISTINCT gt.tag AS v ${sweepGames} JOIN game_tags gt ON gt.game_id = g.id
           ORDER BY v`,
          sweepId,
          'v',
        ),
      };
    },
  };
}

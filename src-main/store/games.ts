// Games: the content-addressed plan rows and their status transitions. A finished game is never
// requeued or changed again, so re-running a sweep never repeats it.
import { focalSeatOf, type GameStatus, type PlannedGame } from '../../src-shared/planned-game';
import type { DbGame } from './rows';
import type { Sql } from './sql';
import type { GameReasonRow, Store } from './types';
import { StoreError } from './errors';
import { GAME_STATUSES } from './types';
import { now } from './sql';
import { gamesOrderBy, gamesWhere } from './game-query';
import { GAME_SELECT, rulesKeeper, toGameRow, type DbGameWithRules } from './game-rows';

type GameMethods = Pick<
  Store,
  | 'insertPlannedGames'
  | 'getGame'
  | 'findGame'
  | 'listGames'
  | 'countGames'
  | 'countGamesByStatus'
  | 'gameReasons'
  | 'markGameRunning'
  | 'renewLeases'
  | 'expireLeases'
  | 'othersLeases'
  | 'finishGame'
  | 'pauseGame'
  | 'failGame'
  | 'cancelGames'
  | 'cancelGame'
  | 'requeue'
  | 'recoverInterrupted'
>;

const UNFINISHED = "('queued', 'running', 'paused')";
/** What a game says about its state: the pause reason of a paused game, the error of a failed one. */
const REASON_SQL = "CASE g.status WHEN 'paused' THEN g.pause_reason ELSE g.error END";
const REQUEUEABLE: readonly GameStatus[] = ['running', 'paused', 'failed', 'cancelled'];
/** Every transition out of 'running' drops the lease: no runner holds the game any more. */
const NO_LEASE = 'lease_owner = NULL, lease_until = NULL';

export { GAME_SELECT, toGameRow, type DbGameWithRules } from './game-rows';

const plannedParams = (g: PlannedGame, ts: string): unknown[] => [
  g.id,
  g.kind,
  JSON.stringify(g.params),
  JSON.stringify(g.protocol),
  JSON.stringify(g.participants),
  g.nAgents,
  g.seed,
  g.runIndex,
  g.order,
  g.competitionLevel,
  g.rho,
  g.theta,
  g.focalId,
  g.focalCapability,
  JSON.stringify(g.capabilities),
  focalSeatOf(g),
  g.alpha,
  g.sigma,
  ts,
  ts,
];

export function gameMethods({ db, stmt }: Sql): GameMethods {
  const storeInstance = rulesKeeper(stmt);
  const requireGame = (id: string): void => {
    if (!stmt('SELECT 1 FROM games WHERE id = ?').get(id)) {
      throw new StoreError(`No game with id ${id}.`);
    }
  };
  /** Runs a one-game transition; false if the game is not in a state it applies to. */
  const transition = (sql: string, id: string, ...args: unknown[]): boolean => {
    const { changes } = stmt(sql).run(...args, now(), id);
    if (changes === 0) requireGame(id);
    return changes > 0;
  };
  const requeueOne = (id: string): number =>
    stmt(
      `UPDATE games SET status = 'queued', error = NULL, pause_reason = NULL, ${NO_LEASE},
         updated_at = ?
       WHERE id = ? AND status IN ('running', 'paused', 'failed', 'cancelled')`,
    ).run(now(), id).changes;

  return {
    insertPlannedGames(sweepId, games) {
      if (!stmt('SELECT 1 FROM sweeps WHERE id = ?').get(sweepId)) {
        throw new StoreError(`No sweep with id ${sweepId}; upsert the sweep before its games.`);
      }
      const insert = stmt(
        `INSERT INTO games (id, kind, params_json, protocol_json, participants_json, n_agents,
           seed, run_index, order_name, competition_level, rho, theta, focal_id, focal_capability,
           capabilities_json, focal_seat, alpha, sigma, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO NOTHING`,
      );
      // A game's id leaves out transport (base URL, prices): a stored game that has not finished
      // takes the participants as planned now, so it is played through the gateway given now.
      const retarget = stmt(
        `UPDATE games SET participants_json = ?, updated_at = ?
         WHERE id = ? AND status IN ('queued', 'paused', 'failed', 'cancelled')
           AND participants_json <> ?`,
      );
      const link = stmt(
        'INSERT INTO sweep_games (sweep_id, game_id) VALUES (?, ?) ON CONFLICT DO NOTHING',
      );
      return db.transaction(() => {
        const ts = now();
        let inserted = 0;
        for (const g of games) {
          const row = plannedParams(g, ts);
          const isNew = insert.run(...row).changes > 0;
          if (isNew) inserted += 1;
          else retarget.run(row[4], ts, g.id, row[4]);
          link.run(sweepId, g.id);
        }
        return { inserted, existing: games.length - inserted };
      })();
    },

    getGame(id) {
      const row = stmt(`SELECT ${GAME_SELECT} FROM games g WHERE id = ?`).get(id) as
        DbGameWithRules | undefined;
      return row ? toGameRow(row) : null;
    },

    findGame(idOrPrefix) {
      const exact = stmt(`SELECT ${GAME_SELECT} FROM games g WHERE id = ?`).get(idOrPrefix) as
        DbGameWithRules | undefined;
      if (exact) return toGameRow(exact);
      if (idOrPrefix === '') return null;
      const rows = stmt(
        `SELECT ${GAME_SELECT} FROM games g WHERE substr(id, 1, ?) = ? ORDER BY id LIMIT 5`,
      ).all(idOrPrefix.length, idOrPrefix) as DbGame[];
      if (rows.length > 1) {
        const ids = rows.map((r) => r.id).join(', ');
        throw new StoreError(`"${idOrPrefix}" matches several games: ${ids}. Give more of the id.`);
      }
      return rows.length === 1 ? toGameRow(rows[0]) : null;
    },

    listGames(query = {}) {
      if (query.status && query.status.length === 0) return [];
      const { sql, args } = gamesWhere(query);
      return (
        stmt(`SELECT ${GAME_SELECT} ${sql} ${gamesOrderBy(query)} LIMIT ? OFFSET ?`).all(
          ...args,
          query.limit ?? -1,
          query.offset ?? 0,
        ) as DbGame[]
      ).map(toGameRow);
    },

    countGames(query = {}) {
      if (query.status && query.status.length === 0) return 0;
      const { sql, args } = gamesWhere(query);
      return (stmt(`SELECT count(*) AS n ${sql}`).get(...args) as { n: number }).n;
    },

    countGamesByStatus(sweepId) {
      // A sweep's counts are kept by triggers (migration 0009): a few rows at any sweep size.
      const rows = (
        sweepId === undefined
          ? stmt('SELECT status, count(*) AS n FROM games GROUP BY status').all()
          : stmt('SELECT status, n FROM sweep_counts WHERE sweep_id = ?').all(sweepId)
      ) as { status: GameStatus; n: number }[];
      const counts = Object.fromEntries(GAME_STATUSES.map((s) => [s, 0])) as Record<
        GameStatus,
        number
      >;
      for (const r of rows) counts[r.status] = r.n;
      return counts;
    },

    gameReasons({ sweepId, limit = 5 }) {
      // The sweep's games through sweep_games' primary key (as countGamesByStatus reads them),
      // grouped by state and reason and ranked per state inside SQLite.
      return stmt(
        `SELECT status, reason, count FROM (
           SELECT g.status AS status, ${REASON_SQL} AS reason, count(*) AS count,
             row_number() OVER (
               PARTITION BY g.status ORDER BY count(*) DESC, ${REASON_SQL} IS NULL, ${REASON_SQL}
             ) AS rank
           FROM games g JOIN sweep_games sg ON sg.game_id = g.id AND sg.sweep_id = ?
           WHERE g.status IN ('paused', 'failed')
           GROUP BY g.status, ${REASON_SQL})
         WHERE rank <= ?
         ORDER BY status = 'failed', rank`,
      ).all(sweepId, Math.max(0, Math.floor(limit))) as GameReasonRow[];
    },

    markGameRunning(id, instance, lease) {
      const stored = storeInstance(instance);
      if (!lease) {
        return transition(
          `UPDATE games SET status = 'running', instance_json = coalesce(instance_json, ?),
             rules_hash = CASE WHEN instance_json IS NULL THEN ? ELSE rules_hash END,
             pause_reason = NULL, updated_at = ?
           WHERE id = ? AND status IN ${UNFINISHED}`,
          id,
          stored.json,
          stored.rulesHash,
        );
      }
      const at = Date.now();
      // One statement, so two runners cannot both win the claim.
      const { changes } = stmt(
        `UPDATE games SET status = 'running', instance_json = coalesce(instance_json, ?),
           rules_hash = CASE WHEN instance_json IS NULL THEN ? ELSE rules_hash END,
           pause_reason = NULL, lease_owner = ?, lease_until = ?, updated_at = ?
         WHERE id = ? AND (status IN ('queued', 'paused') OR (status = 'running'
           AND (lease_owner IS NULL OR lease_owner = ? OR lease_until <= ?)))`,
      ).run(
        stored.json,
        stored.rulesHash,
        lease.owner,
        at + lease.ttlMs,
        now(),
        id,
        lease.owner,
        at,
      );
      if (changes === 0) requireGame(id);
      return changes > 0;
    },

    renewLeases({ owner, ttlMs }) {
      return stmt(
        `UPDATE games SET lease_until = ? WHERE lease_owner = ? AND status = 'running'`,
      ).run(Date.now() + ttlMs, owner).changes;
    },

    expireLeases(owners) {
      const expire = stmt(
        "UPDATE games SET lease_until = 0 WHERE lease_owner = ? AND status = 'running'",
      );
      return db.transaction(() => owners.reduce((n, o) => n + expire.run(o).changes, 0))();
    },

    othersLeases(sweepId, owner) {
      const r = stmt(
        `SELECT count(*) AS games, min(g.lease_until) AS first FROM games g
         JOIN sweep_games sg ON sg.game_id = g.id AND sg.sweep_id = ?
         WHERE g.status = 'running' AND g.lease_owner IS NOT NULL AND g.lease_owner != ?
           AND g.lease_until > ?`,
      ).get(sweepId, owner, Date.now()) as { games: number; first: number | null };
      return { games: r.games, firstExpiry: r.first };
    },

    finishGame(id, outcome) {
      const ts = now();
      const { changes } = stmt(
        `UPDATE games SET status = 'finished', outcome_json = ?, deal = ?, agreement_round = ?,
           utilities_json = ?, focal_utility = (? ->> focal_seat), social_welfare = ?,
           error = NULL, pause_reason = NULL, ${NO_LEASE}, updated_at = ?, finished_at = ?
         WHERE id = ? AND status != 'finished'`,
      ).run(
        JSON.stringify(outcome),
        outcome.deal ? 1 : 0,
        outcome.round,
        JSON.stringify(outcome.utilities),
        JSON.stringify(outcome.utilities),
        outcome.utilities.reduce((a, b) => a + b, 0),
        ts,
        ts,
        id,
      );
      if (changes === 0) {
        requireGame(id);
        throw new StoreError(`Game ${id} is already finished; a game finishes once.`);
      }
    },

    pauseGame(id, reason) {
      return transition(
        `UPDATE games SET status = 'paused', pause_reason = ?, ${NO_LEASE}, updated_at = ?
         WHERE id = ? AND status IN ${UNFINISHED}`,
        id,
        reason,
      );
    },

    failGame(id, error) {
      return transition(
        `UPDATE games SET status = 'failed', error = ?, ${NO_LEASE}, updated_at = ?
         WHERE id = ? AND status IN ${UNFINISHED}`,
        id,
        error,
      );
    },

    cancelGames(sweepId) {
      // A game shared with another sweep that is still wanted keeps its place in that sweep.
      return stmt(
        `UPDATE games SET status = 'cancelled', ${NO_LEASE}, updated_at = ?
         WHERE status IN ('queued', 'paused')
           AND id IN (SELECT game_id FROM sweep_games WHERE sweep_id = ?)
           AND NOT EXISTS (
             SELECT 1 FROM sweep_games o JOIN sweeps s ON s.id = o.sweep_id
             WHERE o.game_id = games.id AND o.sweep_id != ? AND s.status != 'cancelled')`,
      ).run(now(), sweepId, sweepId).changes;
    },

    cancelGame(id) {
      return transition(
        `UPDATE games SET status = 'cancelled', ${NO_LEASE}, updated_at = ?
         WHERE id = ? AND status IN ${UNFINISHED}`,
        id,
      );
    },

    requeue(target) {
      if ('sweepId' in target) {
        const states = target.status.filter((s) => REQUEUEABLE.includes(s));
        if (states.length === 0) return 0;
        return stmt(
          `UPDATE games SET status = 'queued', error = NULL, pause_reason = NULL, ${NO_LEASE},
             updated_at = ?
           WHERE status IN (${states.map(() => '?').join(', ')})
             AND id IN (SELECT game_id FROM sweep_games WHERE sweep_id = ?)`,
        ).run(now(), ...states, target.sweepId).changes;
      }
      const ids = target as readonly string[];
      return db.transaction(() => ids.reduce((n, id) => n + requeueOne(id), 0))();
    },

    recoverInterrupted() {
      return stmt(
        `UPDATE games SET status = 'queued', ${NO_LEASE}, updated_at = ?
         WHERE status = 'running' AND (lease_owner IS NULL OR lease_until <= ?)`,
      ).run(now(), Date.now()).changes;
    },
  };
}

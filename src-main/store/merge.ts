// Merging databases: the shards of a sweep run as SLURM array tasks (each into its own file)
// come back into one store. Games are content-addressed, so the same game in two files is the
// same game; the more advanced copy wins (finished > failed > in progress > queued) and brings
// its whole transcript and calls with it, never a mix of two copies. Judgements, tags and notes
// (migrations 0007, 0008) come along; merging the same file twice adds nothing the second time.
import type { Sql } from './sql';
import type { MergeReport, Store } from './types';
import { StoreError } from './errors';
import { now } from './sql';
import { openStore } from './store';

type MergeMethods = Pick<Store, 'mergeFrom'>;

/** How far a game got; a copy replaces another only when it got strictly further. */
const RANK_SQL = `CASE status WHEN 'finished' THEN 4 WHEN 'failed' THEN 3
  WHEN 'running' THEN 2 WHEN 'paused' THEN 2 WHEN 'cancelled' THEN 1 ELSE 0 END`;

const GAME_COLUMNS = `id, kind, params_json, protocol_json, participants_json, n_agents, seed,
  run_index, order_name, competition_level, rho, theta, focal_id, focal_capability,
  capabilities_json, status, instance_json, outcome_json, deal, agreement_round, utilities_json,
  error, pause_reason, created_at, updated_at, finished_at, focal_seat, focal_utility,
  social_welfare, alpha, sigma, rules_hash`;

const TURN_COLUMNS = `game_id, round, phase, phase_ord, pass, agent, attempt, seq, visibility, text,
  rules_hash, action_json, status, error, output_mode, calls, created_at`;

const CALL_COLUMNS = `game_id, round, phase, agent, attempt, provider, model, request_hash, status,
  http_status, error_kind, error, input_tokens, cache_write_tokens, cache_read_tokens,
  output_tokens, reasoning_tokens, cost_usd, estimated_cost_usd, latency_ms, sent_at, answered_at`;

export function mergeMethods({ db }: Sql, selfPath: string): MergeMethods {
  return {
    mergeFrom(file) {
      // Opening it as a store first checks its migration history (refusing an edited or newer
      // schema) before any of its rows are read.
      const source = openStore(file, { readonly: true });
      const sourcePath = source.path;
      source.close();
      if (sourcePath === selfPath) throw new StoreError(`Cannot merge ${sourcePath} into itself.`);

      // A merge's statements rewrite pages all over a big file, and SQLite journals each
      // statement's changes in a temporary file: on disk here, not in memory (store.ts).
      db.pragma('temp_store = FILE');
      db.prepare('ATTACH DATABASE ? AS src').run(sourcePath);
      try {
        return db.transaction((): MergeReport => {
          const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
          const sweeps = db
            .prepare('INSERT OR IGNORE INTO main.sweeps SELECT * FROM src.sweeps')
            .run().changes;
          db.prepare('INSERT OR IGNORE INTO main.models SELECT * FROM src.models').run();

          db.exec('DROP TABLE IF EXISTS temp.merge_take');
          db.exec(`CREATE TEMP TABLE merge_take AS
            SELECT s.id AS id, (m.id IS NULL) AS is_new FROM src.games s
            LEFT JOIN main.games m ON m.id = s.id
            WHERE m.id IS NULL OR (${RANK_SQL.replaceAll('status', 's.status')})
              > (${RANK_SQL.replaceAll('status', 'm.status')})`);
          const added = count('SELECT count(*) AS n FROM temp.merge_take WHERE is_new = 1');
          const advanced = count('SELECT count(*) AS n FROM temp.merge_take WHERE is_new = 0');
          // Both copies finished but with different outcomes: strategy agents and cached LLM
          // answers replay exactly, so this means the runs were not the same; keep ours, report it.
          const conflicts =
            count(`SELECT count(*) AS n FROM src.games s JOIN main.games m ON m.id = s.id
            WHERE s.status = 'finished' AND m.status = 'finished' AND s.outcome_json IS NOT m.outcome_json`);

          db.exec('INSERT OR IGNORE INTO main.rules SELECT * FROM src.rules');
          db.exec(`DELETE FROM main.turns WHERE game_id IN (SELECT id FROM temp.merge_take)`);
          db.exec(`DELETE FROM main.calls WHERE game_id IN (SELECT id FROM temp.merge_take)`);
          db.exec(`INSERT OR REPLACE INTO main.games (${GAME_COLUMNS})
            SELECT ${GAME_COLUMNS} FROM src.games WHERE id IN (SELECT id FROM temp.merge_take)`);
          const turns = db
            .prepare(
              `INSERT INTO main.turns (${TURN_COLUMNS})
            SELECT ${TURN_COLUMNS} FROM src.turns WHERE game_id IN (SELECT id FROM temp.merge_take)`,
            )
            .run().changes;
          const calls = db
            .prepare(
              `INSERT INTO main.calls (${CALL_COLUMNS})
            SELECT ${CALL_COLUMNS} FROM src.calls WHERE game_id IN (SELECT id FROM temp.merge_take)
            ORDER BY id`,
            )
            .run().changes;
          db.exec('INSERT OR IGNORE INTO main.sweep_games SELECT * FROM src.sweep_games');
          db.exec('INSERT OR IGNORE INTO main.game_imports SELECT * FROM src.game_imports');
          const cached = db
            .prepare('INSERT OR IGNORE INTO main.response_cache SELECT * FROM src.response_cache')
            .run().changes;
          const { judgements, tags, notes } = mergeAnnotations(db);
          db.exec('DROP TABLE temp.merge_take');

          const report: MergeReport = {
            file: sourcePath,
            sweeps,
            added,
            advanced,
            conflicts,
            turns,
            calls,
            cached,
            judgements,
            tags,
            notes,
          };
          db.prepare('INSERT INTO main.events (ts, kind, payload_json) VALUES (?, ?, ?)').run(
            now(),
            'merge',
            JSON.stringify(report),
          );
          return report;
        })();
      } finally {
        db.prepare('DETACH DATABASE src').run();
        db.pragma('temp_store = MEMORY');
      }
    },
  };
}

/**
 * A judgement names a turn by its seq, so it is copied only where the game's turns are the
 * source's: games just taken from it, or finished in both with the same outcome (the same
 * replayed transcript). Tags are a union; of two notes on a game the later edit wins.
 */
function mergeAnnotations(db: Sql['db']): { judgements: number; tags: number; notes: number } {
  const judgements = db
    .prepare(
      `INSERT OR IGNORE INTO main.judgements SELECT j.* FROM src.judgements j
       WHERE j.game_id IN (SELECT id FROM temp.merge_take)
          OR j.game_id IN (SELECT s.id FROM src.games s JOIN main.games m ON m.id = s.id
               WHERE s.status = 'finished' AND m.status = 'finished'
                 AND s.outcome_json IS m.outcome_json)`,
    )
    .run().changes;
  const tags = db
    .prepare(
      `INSERT OR IGNORE INTO main.game_tags (game_id, tag)
       SELECT game_id, tag FROM src.game_tags WHERE game_id IN (SELECT id FROM main.games)`,
    )
    .run().changes;
  const notes = db
    .prepare(
      `INSERT INTO main.game_notes (game_id, text, updated_at)
       SELECT game_id, text, updated_at FROM src.game_notes
       WHERE game_id IN (SELECT id FROM main.games)
       ON CONFLICT (game_id) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at
       WHERE excluded.updated_at > game_notes.updated_at`,
    )
    .run().changes;
  return { judgements, tags, notes };
}

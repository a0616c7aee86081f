// SQL functions that migrations call, registered on the connection before migrating: a
// migration that must compute what the application computes (a content hash) calls the
// application's own code instead of a copy of it in SQL.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { createStoredGameIdHasher, sweepIdFromStored } from '../sweeps/game-id';

/** Registers the functions; the returned call drops what they cached (after migrating). */
export function registerMigrationFunctions(db: Database.Database): () => void {
  let gameIdOf = createStoredGameIdHasher();
  // parley_game_id(kind, params_json, protocol_json, participants_json, seed, order_name,
  // focal_id): the current game id formula (0003_game_ids_v2.sql).
  db.function(
    'parley_game_id',
    { deterministic: true },
    (kind, paramsJson, protocolJson, participantsJson, seed, order, focalId) =>
      gameIdOf({
        kind: String(kind),
        paramsJson: String(paramsJson),
        protocolJson: String(protocolJson),
        participantsJson: String(participantsJson),
        seed: Number(seed),
        order: String(order),
        focalId: String(focalId),
      }),
  );
  // parley_sweep_id(spec_json): the current sweep id formula, from the stored (parsed) document.
  db.function('parley_sweep_id', { deterministic: true }, (specJson) =>
    sweepIdFromStored(String(specJson)),
  );
  // parley_sha256(text): hex sha256 of the text's UTF-8 bytes, the key of `rules` (0009_scale.sql).
  db.function('parley_sha256', { deterministic: true }, (text) =>
    createHash('sha256').update(String(text)).digest('hex'),
  );
  return () => {
    gameIdOf = createStoredGameIdHasher();
  };
}

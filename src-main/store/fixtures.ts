// Sample records for the store's tests and benchmark.
import type { GameOutcome, TurnRecord } from '../../src-shared/game';
import type { PlannedGame } from '../../src-shared/planned-game';

/** A plausible planned game for benchmarks and tests. */
export function samplePlannedGame(id: string, overrides: Partial<PlannedGame> = {}): PlannedGame {
  return {
    id,
    kind: 'item-allocation',
    params: { items: 5, competition: 0.5 },
    protocol: {
      rounds: 10,
      gamma: 0.9,
      discussionTurns: 2,
      acceptance: 'unanimous',
      vetoHolders: [],
      maxProposalAttempts: 3,
    },
    nAgents: 2,
    participants: [
      { id: 'weak', kind: 'strategy', strategy: 'bounded-rational', capability: 0.2, scores: {} },
      { id: 'strong', kind: 'strategy', strategy: 'bounded-rational', capability: 0.9, scores: {} },
    ],
    seed: 7,
    runIndex: 0,
    order: 'weak_first',
    competitionLevel: 0.5,
    rho: null,
    theta: null,
    alpha: null,
    sigma: null,
    focalId: 'strong',
    focalCapability: 0.9,
    capabilities: [0.2, 0.9],
    ...overrides,
  };
}

/** A turn with the given identity; the rest is plausible filler. */
export function sampleTurn(overrides: Partial<TurnRecord> = {}): TurnRecord {
  return {
    round: 1,
    phase: 'discussion',
    pass: 0,
    agent: 0,
    attempt: 0,
    visibility: 'public',
    text: 'I would like the apples.',
    action: null,
    status: 'ok',
    ...overrides,
  };
}

export const NO_DEAL: GameOutcome = {
  deal: false,
  round: null,
  proposal: null,
  proposer: null,
  rawUtilities: [0, 0],
  utilities: [0, 0],
  invalidProposals: [0, 0],
  syntheticVotes: [0, 0],
  parseFailures: [0, 0],
};

/**
 * SQL that takes a database back to before migration 0009 (the rules text copied into every
 * instance and setup turn again, no per-sweep counts), for the tests that rebuild an older schema.
 */
/**
 * Undoes 0010 (provider batches), 0011 (turn output mode) and 0012 (the ledger's batched column;
 * its rebuilt batch tables go with 0010's), the migrations after 0009.
 */
export const UNDO_AFTER_0009_SQL = `
  DROP TABLE provider_batch_requests; DROP TABLE provider_batches;
  ALTER TABLE turns DROP COLUMN output_mode; ALTER TABLE turns DROP COLUMN calls;
  ALTER TABLE calls DROP COLUMN batched;
  DELETE FROM schema_migrations WHERE id > 9;`;

export const UNDO_0009_SQL = `
  DROP TRIGGER sweep_counts_link; DROP TRIGGER sweep_counts_unlink; DROP TRIGGER sweep_counts_game_in;
  DROP TRIGGER sweep_counts_game_out; DROP TRIGGER sweep_counts_game_change; DROP TABLE sweep_counts;
  DROP TRIGGER turns_search_text;
  UPDATE turns SET text = (SELECT text FROM rules WHERE hash = turns.rules_hash) || text
    WHERE rules_hash IS NOT NULL;
  UPDATE games SET instance_json = json_set(instance_json, '$.rules',
      (SELECT text FROM rules WHERE hash = games.rules_hash))
    WHERE rules_hash IS NOT NULL;
  ALTER TABLE turns DROP COLUMN rules_hash; ALTER TABLE games DROP COLUMN rules_hash;
  DROP TABLE rules;
  CREATE TRIGGER turns_search_text AFTER UPDATE OF text ON turns BEGIN
    DELETE FROM turns_fts WHERE rowid =
      (SELECT id FROM turn_search_keys WHERE game_id = new.game_id AND seq = new.seq);
    INSERT INTO turns_fts (rowid, text)
      SELECT id, new.text FROM turn_search_keys
      WHERE game_id = new.game_id AND seq = new.seq
        AND id <= (SELECT indexed_upto FROM turn_search_state);
  END;
  DELETE FROM schema_migrations WHERE id = 9;`;

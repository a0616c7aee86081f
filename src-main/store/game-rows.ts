// A game row as the store reads and writes it: the row's columns to a GameRow (with the rules
// text kept once in `rules`, migration 0009, put back in its place), and the rules text's keeper.
import { createHash } from 'node:crypto';
import type { GameInstance, GameKind, GameOutcome, ProtocolParams } from '../../src-shared/game';
import type { ParticipantSpec } from '../../src-shared/participant';
import type { GameStatus, Order } from '../../src-shared/planned-game';
import type { DbGame } from './rows';
import type { Sql } from './sql';
import type { GameRow } from './types';
import { parseOrNull } from './sql';

/** A game row as the store reads it: with its rules text (migration 0009) beside it. */
export type DbGameWithRules = DbGame & { rules_text?: string | null };

/** SELECT list of a game with its rules text, for a FROM naming the game `g`. */
export const GAME_SELECT = 'g.*, (SELECT text FROM rules WHERE hash = g.rules_hash) AS rules_text';

/** The stored instance, with the rules text kept once in `rules` put back in its place. */
function instanceOf(r: DbGameWithRules): GameInstance | null {
  const instance = parseOrNull<GameInstance>(r.instance_json);
  if (instance && r.rules_text !== undefined && r.rules_text !== null)
    instance.rules = r.rules_text;
  return instance;
}

export function toGameRow(r: DbGameWithRules): GameRow {
  return {
    id: r.id,
    kind: r.kind as GameKind,
    params: JSON.parse(r.params_json) as Record<string, unknown>,
    protocol: JSON.parse(r.protocol_json) as ProtocolParams,
    nAgents: r.n_agents,
    participants: JSON.parse(r.participants_json) as ParticipantSpec[],
    seed: r.seed,
    runIndex: r.run_index,
    order: r.order_name as Order,
    competitionLevel: r.competition_level,
    rho: r.rho,
    theta: r.theta,
    alpha: r.alpha,
    sigma: r.sigma,
    focalId: r.focal_id,
    focalCapability: r.focal_capability,
    capabilities: JSON.parse(r.capabilities_json) as (number | null)[],
    status: r.status as GameStatus,
    instance: instanceOf(r),
    outcome: parseOrNull<GameOutcome>(r.outcome_json),
    error: r.error,
    pauseReason: r.pause_reason,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    finishedAt: r.finished_at,
    leaseOwner: r.lease_owner ?? null,
    leaseUntil: r.lease_until ?? null,
  };
}

/**
 * Keeps an instance's rules text once in `rules` (migration 0009): returns the instance JSON with
 * `rules` null and the hash its row references.
 */
export function rulesKeeper(
  stmt: Sql['stmt'],
): (instance: GameInstance | undefined) => { json: string | null; rulesHash: string | null } {
  const known = new Map<string, string>();
  return (instance) => {
    if (instance === undefined || instance === null) return { json: null, rulesHash: null };
    if (typeof instance.rules !== 'string')
      return { json: JSON.stringify(instance), rulesHash: null };
    let hash = known.get(instance.rules);
    if (hash === undefined) {
      hash = createHash('sha256').update(instance.rules).digest('hex');
      if (known.size > 64) known.clear();
      known.set(instance.rules, hash);
    }
    // Always: a rolled-back transaction may have taken an earlier insert with it.
    stmt('INSERT INTO rules (hash, text) VALUES (?, ?) ON CONFLICT DO NOTHING').run(
      hash,
      instance.rules,
    );
    return { json: JSON.stringify({ ...instance, rules: null }), rulesHash: hash };
  };
}

// Raw row shapes, exactly as better-sqlite3 returns them (snake_case columns, JSON as text,
// booleans as 0/1). Only the store sees these; everything else gets the domain types.

export interface DbMigration {
  id: number;
  name: string;
  sha256: string;
  applied_at: string;
}

export interface DbModel {
  id: string;
  spec_json: string;
  source: string;
  updated_at: string;
}

export interface DbSweep {
  id: string;
  name: string;
  spec_json: string;
  created_at: string;
  status: string;
}

export interface DbGame {
  id: string;
  kind: string;
  params_json: string;
  protocol_json: string;
  participants_json: string;
  n_agents: number;
  seed: number;
  run_index: number;
  order_name: string;
  competition_level: number;
  rho: number | null;
  theta: number | null;
  focal_id: string;
  focal_capability: number | null;
  capabilities_json: string;
  /** Added by migration 0002. */
  focal_seat: number | null;
  focal_utility: number | null;
  social_welfare: number | null;
  /** Added by migration 0003. */
  alpha: number | null;
  sigma: number | null;
  status: string;
  instance_json: string | null;
  outcome_json: string | null;
  deal: 0 | 1 | null;
  agreement_round: number | null;
  utilities_json: string | null;
  error: string | null;
  pause_reason: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  lease_owner: string | null;
  lease_until: number | null;
}

export interface DbSweepGame {
  sweep_id: string;
  game_id: string;
}

export interface DbTurn {
  game_id: string;
  round: number;
  phase: string;
  phase_ord: number;
  pass: number;
  agent: number;
  attempt: number;
  seq: number;
  visibility: string;
  text: string;
  action_json: string | null;
  status: string;
  error: string | null;
  output_mode: string | null;
  calls: number | null;
  created_at: string;
}

export interface DbCall {
  id: number;
  game_id: string;
  round: number;
  phase: string;
  agent: number;
  attempt: number;
  provider: string;
  model: string;
  request_hash: string;
  status: string;
  http_status: number | null;
  error_kind: string | null;
  error: string | null;
  input_tokens: number;
  cache_write_tokens: number;
  cache_read_tokens: number;
  output_tokens: number;
  reasoning_tokens: number;
  cost_usd: number;
  estimated_cost_usd: number;
  latency_ms: number | null;
  sent_at: string;
  answered_at: string | null;
  batched: number;
}

export interface DbCacheEntry {
  key: string;
  response_json: string;
  created_at: string;
}

export interface DbEvent {
  id: number;
  ts: string;
  kind: string;
  sweep_id: string | null;
  game_id: string | null;
  payload_json: string;
}

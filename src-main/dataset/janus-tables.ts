// The derived tables of the Janus pipeline (DESIGN 11), built from one trajectory's decision
// records exactly as its data preparation builds them: decision_steps keeps the last k = 8 earlier
// offers per decision and trains on rho (-1 on failure); trajectory_outcomes has one row per game.
import {
  HISTORY_K,
  type DecisionStepRow,
  type JanusRecord,
  type TrajectoryOutcomeRow,
} from './janus-schema';

/** The rows of one trajectory's records (in turn order, all of one trajectory_id). */
export function trajectoryRows(records: readonly JanusRecord[]): {
  outcome: TrajectoryOutcomeRow;
  steps: DecisionStepRow[];
} {
  const first = records[0];
  const success = records.some((r) => r.action.type === 'ACCEPT');
  const maxTurns = first.state.max_turns;
  const rhoOutcome = success ? first.rho : null;
  const rhoTrain = success ? (rhoOutcome ?? -1) : -1;
  const outcome: TrajectoryOutcomeRow = {
    trajectory_id: first.trajectory_id,
    max_turns: maxTurns,
    num_turns_observed: records.length,
    success,
    accepted_price: success ? first.meta.accepted_price : null,
    rho_outcome: rhoOutcome,
    rho_logged: first.rho,
  };
  const running: [string, number][] = [];
  const steps = records.map((r): DecisionStepRow => {
    const recent = running.slice(-HISTORY_K);
    const step: DecisionStepRow = {
      trajectory_id: r.trajectory_id,
      turn: r.turn,
      role: r.state.role,
      max_turns: maxTurns,
      turns_remaining: maxTurns - r.turn,
      reservation_price: r.state.reservation_price,
      price_low: r.state.price_range[0],
      price_high: r.state.price_range[1],
      last_offer_price: r.state.last_offer_price,
      history_roles: recent.map(([role]) => role),
      history_prices: recent.map(([, p]) => p),
      target_action: r.action.type,
      target_price: r.action.type === 'OFFER' ? r.action.price : null,
      success,
      rho_train: rhoTrain,
    };
    if (r.action.type === 'OFFER' && r.action.price !== null)
      running.push([r.state.role, r.action.price]);
    return step;
  });
  return { outcome, steps };
}

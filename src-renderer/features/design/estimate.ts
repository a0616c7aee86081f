// What the designer shows next to the form: each participant's place on the capability axis and
// an upper-bound estimate of model calls, tokens and cost for sweeps with LLM participants.
import type { ModelView } from '../../../src-shared/contract';
import type { DesignForm, ParticipantRow } from './form-model';
import { gridSize } from './form-model';

/** Assumed per call for the estimate: a prompt with rules and history, and a short reply. */
export const ASSUMED_INPUT_TOKENS = 2000;
export const ASSUMED_OUTPUT_TOKENS = 300;

export interface RowInfo {
  label: string;
  kind: 'strategy' | 'llm' | 'unknown';
  detail: string;
  /** Score under the chosen capability metric; null when the participant has none. */
  score: number | null;
  prices: { inputUsdPerMtok: number; outputUsdPerMtok: number } | null;
}

export function rowInfo(
  row: ParticipantRow,
  metric: string,
  models: readonly ModelView[],
): RowInfo {
  if (row.source === 'strategy') {
    const score = metric === 'capability' || metric === 'c' ? row.capability : null;
    return {
      label: row.displayName || row.id,
      kind: 'strategy',
      detail: `${row.strategy} c=${row.capability}`,
      score,
      prices: null,
    };
  }
  if (row.source === 'inline') {
    const spec = row.spec;
    const fallback =
      spec.kind === 'strategy' && (metric === 'capability' || metric === 'c')
        ? (spec.capability ?? null)
        : null;
    const detail = spec.kind === 'strategy' ? spec.strategy : `${spec.provider}/${spec.model}`;
    const prices = spec.kind === 'llm' && spec.prices ? spec.prices : null;
    return {
      label: spec.displayName ?? spec.id,
      kind: spec.kind,
      detail,
      score: spec.scores[metric] ?? fallback,
      prices,
    };
  }
  const model = models.find((m) => m.id === row.id);
  if (!model)
    return {
      label: row.id,
      kind: 'unknown',
      detail: 'not in the registry',
      score: null,
      prices: null,
    };
  return {
    label: model.displayName,
    kind: model.kind,
    detail: `${model.provider ?? '?'}/${model.model ?? '?'}`,
    score: model.scores[metric] ?? null,
    prices: model.prices,
  };
}

/** Score names the capability axis can use: strategy agents' c plus every registry score. */
export function metricChoices(models: readonly ModelView[], current: string): string[] {
  const names = new Set(['capability', current]);
  for (const m of models) for (const k of Object.keys(m.scores)) names.add(k);
  return [...names].sort((a, b) =>
    a === 'capability' ? -1 : b === 'capability' ? 1 : a.localeCompare(b),
  );
}

export interface CostEstimate {
  llmSeats: number;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  /** Null when an LLM participant has no price in the registry. */
  costUsd: number | null;
}

/**
 * Upper bound for the LLM part of the sweep: every game runs all rounds, and each LLM seat makes
 * (discussion passes + thinking + proposal + vote + reflection) calls per round. Null without LLMs.
 */
export function estimateCost(form: DesignForm, models: readonly ModelView[]): CostEstimate | null {
  const baseline = form.participants.find((r) => r.role === 'baseline');
  const opponents = form.participants.filter((r) => r.role === 'opponent');
  if (!baseline || opponents.length === 0) return null;
  const orders = form.orders === 'both' ? 2 : 1;
  const gamesPerOpponent = gridSize(form).columns * orders * form.runs;
  const callsPerSeat = form.rounds * (form.discussionTurns + 4);
  const base = rowInfo(baseline, form.capabilityMetric, models);
  let seats = 0;
  let calls = 0;
  let cost: number | null = 0;
  const add = (info: RowInfo, n: number) => {
    if (info.kind !== 'llm') return;
    seats += 1;
    calls += n * callsPerSeat;
    if (!info.prices || cost === null) cost = null;
    else
      cost +=
        (n *
          callsPerSeat *
          (ASSUMED_INPUT_TOKENS * info.prices.inputUsdPerMtok +
            ASSUMED_OUTPUT_TOKENS * info.prices.outputUsdPerMtok)) /
        1e6;
  };
  for (const row of opponents) {
    add(rowInfo(row, form.capabilityMetric, models), gamesPerOpponent);
    // The baseline takes the other seats of every game.
    for (let s = 1; s < form.agents; s++) add(base, gamesPerOpponent);
  }
  if (seats === 0) return null;
  return {
    llmSeats: seats,
    calls,
    inputTokens: calls * ASSUMED_INPUT_TOKENS,
    outputTokens: calls * ASSUMED_OUTPUT_TOKENS,
    costUsd: cost,
  };
}

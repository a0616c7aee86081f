// What the designer shows beside each participant: its place on the capability axis, its kind
// and prices. (The cost estimate is the host's: sweeps:validate.)
import type { ModelView } from '../../../src-shared/contract';
import type { ParticipantRow } from './form-model';

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

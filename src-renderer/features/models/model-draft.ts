// The add/edit model form's draft (plain strings as typed) and the participant spec it becomes.
import type { ModelView } from '../../../src-shared/contract';
import type { SweepIssue } from '../../../src-shared/sweep';

export interface Draft {
  id: string;
  displayName: string;
  provider: string;
  model: string;
  /** The server's address for a local or self-hosted model (Ollama, vLLM, LM Studio); '' = the provider's own. */
  baseUrl: string;
  /** "name = value" per line. */
  scores: string;
  priceIn: string;
  priceOut: string;
}

export function draftOf(m: ModelView | null): Draft {
  if (!m)
    return {
      id: '',
      displayName: '',
      provider: 'openai',
      model: '',
      baseUrl: '',
      scores: '',
      priceIn: '',
      priceOut: '',
    };
  return {
    id: m.id,
    displayName: m.displayName,
    provider: m.provider ?? 'openai',
    model: m.model ?? '',
    baseUrl: m.spec.kind === 'llm' ? (m.spec.baseUrl ?? '') : '',
    scores: Object.entries(m.scores)
      .map(([k, v]) => `${k} = ${v}`)
      .join('\n'),
    priceIn: m.prices ? String(m.prices.inputUsdPerMtok) : '',
    priceOut: m.prices ? String(m.prices.outputUsdPerMtok) : '',
  };
}

/** The spec the host validates; malformed score lines become issues here. */
export function draftToSpec(
  d: Draft,
  base: unknown,
): { spec: Record<string, unknown>; issues: SweepIssue[] } {
  const issues: SweepIssue[] = [];
  const scores: Record<string, number> = {};
  d.scores
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .forEach((line, i) => {
      const m = /^([A-Za-z0-9_.-]+)\s*[=:]\s*(-?[\d.]+(?:e-?\d+)?)$/.exec(line);
      if (m && Number.isFinite(Number(m[2]))) scores[m[1]] = Number(m[2]);
      else
        issues.push({
          path: `spec.scores (line ${i + 1})`,
          message: `write "name = number", e.g. "arena_elo = 1250"; got "${line}"`,
        });
    });
  if ((d.priceIn.trim() === '') !== (d.priceOut.trim() === ''))
    issues.push({
      path: 'spec.prices',
      message: 'give both the input and the output price, or neither',
    });
  const prev = (base && typeof base === 'object' ? base : {}) as Record<string, unknown>;
  const hasPrices = d.priceIn.trim() !== '' || d.priceOut.trim() !== '';
  const { prices: _prices, baseUrl: _baseUrl, ...rest } = prev;
  const spec: Record<string, unknown> = {
    ...rest,
    id: d.id.trim(),
    kind: 'llm',
    provider: d.provider,
    model: d.model.trim(),
    scores,
    ...(d.baseUrl.trim() ? { baseUrl: d.baseUrl.trim() } : {}),
    ...(d.displayName.trim() ? { displayName: d.displayName.trim() } : {}),
    ...(hasPrices
      ? { prices: { inputUsdPerMtok: Number(d.priceIn), outputUsdPerMtok: Number(d.priceOut) } }
      : {}),
  };
  if (!d.displayName.trim()) delete spec.displayName;
  return { spec, issues };
}

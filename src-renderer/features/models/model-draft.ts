// The add/edit model form's draft (plain strings as typed) and the participant spec it becomes.
import type { ModelView } from '../../../src-shared/contract';
import {
  OUTPUT_MODES,
  PROVIDERS,
  defaultOutputMode,
  outputModesOf,
  type ProviderName,
} from '../../../src-shared/participant';
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
  /** 'tool', 'json_schema' or 'none'; '' = the provider's default. */
  structuredOutput: string;
  /** Re-asks per turn as typed; '' = the default (2). */
  maxReasks: string;
  /** Minimum cacheable prompt tokens as typed; '' = the registry's value. */
  minCacheTokens: string;
}

/** Highest re-ask budget a spec may set (llmSpecSchema.maxReasks). */
export const MAX_REASKS_LIMIT = 10;

/** What the provider-default choice of the output-mode control says. */
export function defaultModeLabel(provider: string): string {
  const known = (PROVIDERS as readonly string[]).includes(provider);
  return known
    ? `Provider default (${defaultOutputMode(provider as ProviderName)})`
    : 'Provider default';
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
      structuredOutput: '',
      maxReasks: '',
      minCacheTokens: '',
    };
  const llm = m.spec.kind === 'llm' ? m.spec : null;
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
    structuredOutput: llm?.structuredOutput ?? '',
    maxReasks: llm?.maxReasks !== undefined ? String(llm.maxReasks) : '',
    minCacheTokens: llm?.minCacheTokens !== undefined ? String(llm.minCacheTokens) : '',
  };
}

/** A typed whole number, or null when the text is not one. */
function wholeNumber(text: string): number | null {
  return /^\d+$/.test(text) ? Number(text) : null;
}

/** The structured-output, re-ask and cache fields: their spec values and plain-word issues. */
function callSettings(d: Draft, issues: SweepIssue[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const mode = d.structuredOutput;
  if (mode !== '') {
    const offered = (PROVIDERS as readonly string[]).includes(d.provider)
      ? outputModesOf(d.provider as ProviderName)
      : OUTPUT_MODES;
    if (!(offered as readonly string[]).includes(mode))
      issues.push({
        path: 'spec.structuredOutput',
        message: `${d.provider} models cannot use "${mode}"; choose ${offered.map((o) => `"${o}"`).join(' or ')}, or the provider default`,
      });
    else out.structuredOutput = mode;
  }
  const reasks = d.maxReasks.trim();
  if (reasks !== '') {
    const n = wholeNumber(reasks);
    if (n === null || n > MAX_REASKS_LIMIT)
      issues.push({
        path: 'spec.maxReasks',
        message: `max re-asks must be a whole number from 0 to ${MAX_REASKS_LIMIT}; got "${reasks}"`,
      });
    else out.maxReasks = n;
  }
  const cache = d.minCacheTokens.trim();
  if (cache !== '') {
    const n = wholeNumber(cache);
    if (n === null || n === 0)
      issues.push({
        path: 'spec.minCacheTokens',
        message: `minimum cacheable tokens must be a whole number above 0, e.g. 1024; got "${cache}"`,
      });
    else out.minCacheTokens = n;
  }
  return out;
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
  const {
    prices: _prices,
    baseUrl: _baseUrl,
    structuredOutput: _structuredOutput,
    maxReasks: _maxReasks,
    minCacheTokens: _minCacheTokens,
    ...rest
  } = prev;
  const settings = callSettings(d, issues);
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
    ...settings,
  };
  if (!d.displayName.trim()) delete spec.displayName;
  return { spec, issues };
}

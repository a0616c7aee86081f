// Minimum cacheable prompt length per model: a prompt prefix shorter than this is never cached by
// the provider, whatever the request marks. Values as the providers publish them (sources below);
// a spec's own `minCacheTokens` wins, then the model id's rule, then the provider's default.
import type { LlmSpec, ProviderName } from '../../src-shared/participant';

/** Where the figures below come from. */
export const CACHE_LIMIT_SOURCES = [
  'https://docs.anthropic.com/en/docs/build-with-claude/prompt-caching#cache-limitations',
  'https://platform.openai.com/docs/guides/prompt-caching',
];

/** Anthropic's table by model id (first match wins); other Claude models cache from 1024. */
const ANTHROPIC_RULES: readonly [RegExp, number][] = [
  [/claude-opus-4-5|claude-haiku-4-5/, 4096],
  [/claude-3-5-haiku|claude-3-haiku/, 2048],
];

/** OpenAI caches from 1024 tokens on gpt-4o and later; these older models do not cache at all. */
const OPENAI_UNCACHED = /^(gpt-3\.5|gpt-4-0613|gpt-4-turbo)/;

/** Provider defaults where no rule names the model (OpenAI-compatible hosts: OpenAI's 1024). */
const PROVIDER_DEFAULT: Record<ProviderName, number> = {
  anthropic: 1024,
  openai: 1024,
  openrouter: 1024,
  google: 1024,
  xai: 1024,
  local: 1024,
};

/**
 * The shortest prefix `spec`'s provider caches, in tokens; null where the model has no prompt
 * caching (then nothing is ever read from a cache).
 */
export function cacheLimitOf(
  spec: Pick<LlmSpec, 'provider' | 'model' | 'minCacheTokens'>,
): number | null {
  if (spec.minCacheTokens !== undefined) return spec.minCacheTokens;
  if (spec.provider === 'anthropic') {
    const rule = ANTHROPIC_RULES.find(([re]) => re.test(spec.model));
    return rule ? rule[1] : PROVIDER_DEFAULT.anthropic;
  }
  if (spec.provider === 'openai' && OPENAI_UNCACHED.test(spec.model)) return null;
  return PROVIDER_DEFAULT[spec.provider];
}

/** The minimum for breakpoint placement: a model without caching gets no breakpoints. */
export function minCacheTokensOf(
  spec: Pick<LlmSpec, 'provider' | 'model' | 'minCacheTokens'>,
): number {
  return cacheLimitOf(spec) ?? Number.POSITIVE_INFINITY;
}

// Cost of one call from token usage and the model's prices (USD per million tokens).
import type { LlmSpec, ProviderName } from '../../src-shared/participant';
import type { Usage } from '../engine/agent';

export type TokenCounts = Omit<Usage, 'costUsd'>;

/**
 * Default multipliers of the input price when a spec gives no cache prices: Anthropic bills
 * cache reads at 0.1x and 5-minute cache writes at 1.25x input; OpenAI-compatible providers bill
 * cached input at 0.5x (OpenAI's historical discount; newer models are cheaper, so set
 * `cachedInputUsdPerMtok` from the registry) and have no cache writes.
 */
export const CACHE_PRICE_DEFAULTS: Record<
  'anthropic' | 'openai-compatible',
  { read: number; write: number }
> = {
  anthropic: { read: 0.1, write: 1.25 },
  'openai-compatible': { read: 0.5, write: 1 },
};

/** Cost in USD; 0 when the spec has no prices (the budget guard then cannot bind). */
export function costUsd(
  provider: ProviderName,
  prices: LlmSpec['prices'],
  tokens: TokenCounts,
): number {
  if (!prices) return 0;
  const defaults =
    CACHE_PRICE_DEFAULTS[provider === 'anthropic' ? 'anthropic' : 'openai-compatible'];
  const input = prices.inputUsdPerMtok;
  const read = prices.cachedInputUsdPerMtok ?? input * defaults.read;
  const write = prices.cacheWriteUsdPerMtok ?? input * defaults.write;
  const total =
    tokens.inputTokens * input +
    tokens.cacheReadTokens * read +
    tokens.cacheWriteTokens * write +
    tokens.outputTokens * prices.outputUsdPerMtok;
  return total / 1_000_000;
}

export function withCost(
  provider: ProviderName,
  prices: LlmSpec['prices'],
  tokens: TokenCounts,
): Usage {
  return { ...tokens, costUsd: costUsd(provider, prices, tokens) };
}

export const ZERO_USAGE: Usage = {
  inputTokens: 0,
  cacheWriteTokens: 0,
  cacheReadTokens: 0,
  outputTokens: 0,
  reasoningTokens: 0,
  costUsd: 0,
};

export function addUsage(a: Usage, b: Usage): Usage {
  return {
    inputTokens: a.inputTokens + b.inputTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    reasoningTokens: a.reasoningTokens + b.reasoningTokens,
    costUsd: a.costUsd + b.costUsd,
  };
}

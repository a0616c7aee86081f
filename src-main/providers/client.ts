// Entry point of the provider layer: one client per LLM participant, over the official SDKs.
import type { LlmSpec } from '../../src-shared/participant';
import { createAnthropicClient } from './anthropic-client';
import { createOpenAiCompatibleClient } from './openai-client';
import type { ProviderClient, ProviderClientOptions } from './types';

/**
 * A client for `spec`'s provider: Anthropic through `@anthropic-ai/sdk`, every other provider
 * through `openai` with the provider's base URL. SDK retries are off (the scheduler retries).
 */
export function createProviderClient(
  spec: LlmSpec,
  apiKey: string,
  options: ProviderClientOptions = {},
): ProviderClient {
  return spec.provider === 'anthropic'
    ? createAnthropicClient(spec, apiKey, options)
    : createOpenAiCompatibleClient(spec, apiKey, options);
}

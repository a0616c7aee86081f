// Settings both SDK clients (Anthropic and OpenAI-compatible) share.
import type { LlmSpec } from '../../src-shared/participant';
import type { ProviderClientOptions } from './types';

/**
 * SDK constructor options: no SDK retries (Parley's scheduler retries), a per-request timeout,
 * and the caller's fetch if any.
 */
export function sdkRequestOptions(options: ProviderClientOptions): {
  maxRetries: 0;
  timeout: number;
  fetch?: typeof fetch;
} {
  return {
    maxRetries: 0,
    timeout: options.timeoutMs ?? 120_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
}

/**
 * The output limit of a request that names none: the spec's single maxTokens, else the client's
 * default, else 1024. Per-phase limits arrive with each request (llm-agent.ts phaseMaxTokens).
 */
export function defaultMaxTokens(spec: LlmSpec, options: ProviderClientOptions): number {
  return (
    (typeof spec.maxTokens === 'number' ? spec.maxTokens : undefined) ??
    options.defaultMaxTokens ??
    1024
  );
}

/**
 * The offline probe and `parley keys test`: one completion of at most this many tokens on the
 * endpoint the games use (a few millionths of a dollar), not a model listing a gateway may lack.
 */
export const PROBE_MAX_TOKENS = 8;
export const PROBE_TEXT = 'Reply with OK.';

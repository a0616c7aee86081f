// What the provider layer takes and returns, independent of the wire format.
import type { OutputMode, ProviderName } from '../../src-shared/participant';
import type { Usage } from '../engine/agent';

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
  /**
   * Put a prompt-cache breakpoint after this message (Anthropic `cache_control`). The system
   * prompt always carries one. Ignored by OpenAI-compatible providers, whose caching is automatic.
   */
  isCacheBreakpoint?: boolean;
}

export interface ChatRequest {
  /** The stable prefix: role, rules, preferences. */
  system: string;
  messages: ChatMessage[];
  /** Output token limit of this call (per phase); the client's default when absent. */
  maxTokens?: number;
  /** A structured reply (forced tool or strict JSON schema); plain text when absent. */
  output?: StructuredOutput;
  /** OpenAI `prompt_cache_key`: routes calls sharing a prefix (one game seat) to one cache. */
  promptCacheKey?: string;
  signal?: AbortSignal;
}

/** The reply shape a request asks for, as JSON Schema generated from the action's zod schema. */
export interface StructuredOutput {
  mode: Exclude<OutputMode, 'none'>;
  /** Tool or schema name, e.g. "proposal_reply". */
  name: string;
  /** JSON Schema of the reply object ('tool': input_schema; 'json_schema': strict schema). */
  schema: Record<string, unknown>;
}

export interface ChatResult {
  text: string;
  /**
   * Token usage and cost. `inputTokens` counts uncached input only: cache reads and cache
   * writes are separate, so input + cacheWrite + cacheRead is the whole prompt. `outputTokens`
   * includes `reasoningTokens`.
   */
  usage: Usage;
  httpStatus: number;
  latencyMs: number;
  requestId: string | null;
  /** Provider stop reason, e.g. 'end_turn', 'max_tokens', 'stop', 'length'. */
  stopReason: string | null;
  /**
   * The reply object of a structured request (the forced tool's input, or the parsed JSON
   * content); `text` then holds its JSON. Absent for plain-text replies.
   */
  structured?: unknown;
  /** True when the result was replayed from Parley's response cache (no network, cost 0). */
  isCached?: boolean;
  /** True when a provider batch answered the call (its cost is at the batch price). */
  isBatched?: boolean;
}

export interface ProviderClient {
  readonly provider: ProviderName;
  readonly model: string;
  complete(request: ChatRequest): Promise<ChatResult>;
  /**
   * A minimal completion on the endpoint the games use (at most PROBE_MAX_TOKENS), to see whether
   * an offline provider is back and for `parley keys test`. Resolves when the API answered
   * (a 4xx about the request counts); rejects on auth errors and transport faults.
   */
  probe(signal?: AbortSignal): Promise<void>;
}

export interface ProviderClientOptions {
  /** Per-request timeout (default 120 s). The SDKs' own retries are off: Parley's scheduler retries. */
  timeoutMs?: number;
  /** Output token limit when the spec sets none (default 1024). */
  defaultMaxTokens?: number;
  /** The SDK's fetch (default: global fetch); the runtime reads rate-limit headers through it. */
  fetch?: typeof fetch;
}

/**
 * Tokens of a text, approximated as ceil(chars / 4) (the mock LLM counts the same way); used to
 * decide where a cached prefix reaches a model's minimum cacheable length, and for estimates.
 */
export function approxTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

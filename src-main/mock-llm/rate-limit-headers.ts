// Rate-limit headers the mock can send (injectable): a fixed window of requests and tokens per
// API key, reported as Anthropic's anthropic-ratelimit-* and OpenAI's x-ratelimit-* headers.

export interface MockRateLimit {
  /** Requests allowed per window. */
  requests: number;
  /** Tokens allowed per window; each answered request counts `tokensPerRequest`. */
  tokens: number;
  windowMs: number;
  /** Default 1000. */
  tokensPerRequest?: number;
}

export interface RateLimitHeaders {
  /** Count one request and return the headers to send with its answer ({} when off). */
  next(format: 'anthropic' | 'openai'): Record<string, string>;
  set(limit: MockRateLimit | null): void;
}

/** OpenAI's reset format: "20ms", "1.5s", "6m0s". */
export function openAiDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(3))}s`;
  const m = Math.floor(ms / 60_000);
  return `${m}m${Math.round((ms - m * 60_000) / 1000)}s`;
}

export function createRateLimitHeaders(initial: MockRateLimit | null = null): RateLimitHeaders {
  let limit = initial;
  let windowStart = Date.now();
  let used = 0;
  return {
    set(value) {
      limit = value;
      windowStart = Date.now();
      used = 0;
    },
    next(format): Record<string, string> {
      if (!limit) return {};
      const now = Date.now();
      if (now - windowStart >= limit.windowMs) {
        windowStart = now;
        used = 0;
      }
      used++;
      const requests = Math.max(0, limit.requests - used);
      const tokens = Math.max(0, limit.tokens - used * (limit.tokensPerRequest ?? 1000));
      const resetMs = windowStart + limit.windowMs - now;
      if (format === 'anthropic') {
        const reset = new Date(now + resetMs).toISOString();
        return {
          'anthropic-ratelimit-requests-limit': String(limit.requests),
          'anthropic-ratelimit-requests-remaining': String(requests),
          'anthropic-ratelimit-requests-reset': reset,
          'anthropic-ratelimit-tokens-limit': String(limit.tokens),
          'anthropic-ratelimit-tokens-remaining': String(tokens),
          'anthropic-ratelimit-tokens-reset': reset,
        };
      }
      return {
        'x-ratelimit-limit-requests': String(limit.requests),
        'x-ratelimit-remaining-requests': String(requests),
        'x-ratelimit-reset-requests': openAiDuration(resetMs),
        'x-ratelimit-limit-tokens': String(limit.tokens),
        'x-ratelimit-remaining-tokens': String(tokens),
        'x-ratelimit-reset-tokens': openAiDuration(resetMs),
      };
    },
  };
}

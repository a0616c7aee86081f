// The providers' rate-limit headers (Anthropic anthropic-ratelimit-*, OpenAI x-ratelimit-*),
// read from every response so the scheduler can raise and lower concurrency to what the
// account allows, not only cut it on a 429.

export interface RateLimitInfo {
  /** Requests left in the current window. */
  requestsRemaining?: number;
  /** Tokens left (the smallest of the token limits sent). */
  tokensRemaining?: number;
  /** Milliseconds until the request window (else the token window) resets. */
  resetMs?: number;
}

/** OpenAI's durations: "20ms", "1.5s", "6m0s", "1h2m3s". */
export function parseDuration(text: string): number | undefined {
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
  let total = 0;
  let matched = '';
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const n = Number(m[1]);
    total +=
      m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : m[2] === 'm' ? n * 60_000 : n * 3_600_000;
    matched += m[0];
  }
  return matched === text.trim() && matched !== '' ? total : undefined;
}

function count(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function minOf(values: (number | undefined)[]): number | undefined {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length > 0 ? Math.min(...known) : undefined;
}

/** The rate-limit state a response reports; null when it sends no such headers. */
export function readRateLimit(headers: Headers, now = Date.now()): RateLimitInfo | null {
  const a = 'anthropic-ratelimit-';
  const requestsRemaining =
    count(headers, `${a}requests-remaining`) ?? count(headers, 'x-ratelimit-remaining-requests');
  const tokensRemaining = minOf([
    count(headers, `${a}tokens-remaining`),
    count(headers, `${a}input-tokens-remaining`),
    count(headers, `${a}output-tokens-remaining`),
    count(headers, 'x-ratelimit-remaining-tokens'),
  ]);
  const anthropicReset = headers.get(`${a}requests-reset`) ?? headers.get(`${a}tokens-reset`);
  const openAiReset =
    headers.get('x-ratelimit-reset-requests') ?? headers.get('x-ratelimit-reset-tokens');
  let resetMs: number | undefined;
  if (anthropicReset) {
    const at = Date.parse(anthropicReset);
    if (Number.isFinite(at)) resetMs = Math.max(0, at - now);
  } else if (openAiReset) resetMs = parseDuration(openAiReset);
  if (requestsRemaining === undefined && tokensRemaining === undefined) return null;
  return {
    ...(requestsRemaining !== undefined ? { requestsRemaining } : {}),
    ...(tokensRemaining !== undefined ? { tokensRemaining } : {}),
    ...(resetMs !== undefined ? { resetMs } : {}),
  };
}

/** `base` fetch that reports every response's rate-limit headers to `observe`. */
export function observingFetch(
  observe: (info: RateLimitInfo) => void,
  base: typeof fetch = globalThis.fetch,
): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    const info = readRateLimit(response.headers);
    if (info) observe(info);
    return response;
  };
}

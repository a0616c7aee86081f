// Classifies provider failures for the scheduler (retry, back off, go offline, pause for a key)
// and keeps API keys out of every message Parley shows or stores.
import * as AnthropicErrors from '@anthropic-ai/sdk';
import * as OpenAiErrors from 'openai';

/**
 * `bad_response`: the reply broke in transit or was not the API's JSON (truncated or empty body,
 * an HTML page from a proxy, the wrong content type); like network faults it is retried.
 */
export type ErrorKind =
  | 'rate_limit'
  | 'server'
  | 'timeout'
  | 'network'
  | 'bad_response'
  | 'auth'
  | 'bad_request'
  | 'unknown';

export interface ErrorClass {
  kind: ErrorKind;
  /** The provider's requested wait (retry-after-ms or retry-after), when it sent one. */
  retryAfterMs?: number;
  retryable: boolean;
  /** Redacted message: never contains the API key. */
  message: string;
  httpStatus?: number;
}

/** An error from a provider call, already classified and redacted. */
export class ProviderError extends Error {
  constructor(
    readonly classification: ErrorClass,
    readonly latencyMs: number,
  ) {
    super(classification.message);
    this.name = 'ProviderError';
  }
}

const RETRYABLE: ReadonlySet<ErrorKind> = new Set([
  'rate_limit',
  'server',
  'timeout',
  'network',
  'bad_response',
]);

/** Error codes of Node's and undici's network stack (also on an error's `cause`). */
const NETWORK_CODE =
  /^(ECONN|EPIPE|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|UND_ERR)/;

function networkCode(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODE.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * A stored secret shorter than this is a placeholder (e.g. "test" for a local server), not a key:
 * redacting it would blank ordinary words ("the [redacted] call failed").
 */
const MIN_SECRET_LENGTH = 8;

/** Remove `secrets` and anything shaped like an API key from `text`. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) if (s.length >= MIN_SECRET_LENGTH) out = out.split(s).join('[redacted]');
  return out.replace(/\b(sk|xai|AIza|sk-ant|sk-or)[-_A-Za-z0-9]{12,}/g, '[redacted]');
}

function isConnectionTimeout(err: unknown): boolean {
  return (
    err instanceof AnthropicErrors.APIConnectionTimeoutError ||
    err instanceof OpenAiErrors.APIConnectionTimeoutError
  );
}
function isConnection(err: unknown): boolean {
  return (
    err instanceof AnthropicErrors.APIConnectionError ||
    err instanceof OpenAiErrors.APIConnectionError
  );
}
function isAbort(err: unknown): boolean {
  return (
    err instanceof AnthropicErrors.APIUserAbortError ||
    err instanceof OpenAiErrors.APIUserAbortError ||
    (err instanceof Error && err.name === 'AbortError')
  );
}
function apiStatus(err: unknown): { status: number; headers?: Headers } | undefined {
  if (err instanceof AnthropicErrors.APIError || err instanceof OpenAiErrors.APIError) {
    return typeof err.status === 'number'
      ? { status: err.status, headers: err.headers }
      : undefined;
  }
  return undefined;
}

/** Milliseconds from `retry-after-ms` or `retry-after` (seconds or an HTTP date). */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const ms = Number(headers?.get('retry-after-ms') ?? NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headers?.get('retry-after');
  if (raw == null) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

function kindOfStatus(status: number): ErrorKind {
  if (status === 429) return 'rate_limit';
  if (status === 401 || status === 402 || status === 403) return 'auth';
  if (status === 408) return 'timeout';
  if (status === 409 || status >= 500) return 'server';
  if (status >= 400) return 'bad_request';
  return 'unknown';
}

/**
 * Classify an error thrown by either SDK (or by Node's network stack). `secrets` (the API key)
 * are removed from the message.
 */
export function classifyError(err: unknown, secrets: readonly string[] = []): ErrorClass {
  if (err instanceof ProviderError) return err.classification;
  const message = redact(err instanceof Error ? err.message : String(err), secrets);
  const make = (kind: ErrorKind, extra: Partial<ErrorClass> = {}): ErrorClass => ({
    kind,
    retryable: RETRYABLE.has(kind),
    message,
    ...extra,
  });
  if (isAbort(err)) return make('unknown', { retryable: false });
  if (isConnectionTimeout(err)) return make('timeout');
  if (isConnection(err)) return make('network');
  const api = apiStatus(err);
  if (api) {
    const wait = retryAfterMs(api.headers);
    return make(kindOfStatus(api.status), {
      httpStatus: api.status,
      ...(wait !== undefined ? { retryAfterMs: wait } : {}),
    });
  }
  const code = networkCode(err);
  if (code) return make(code === 'ETIMEDOUT' ? 'timeout' : 'network');
  // fetch's body reader: "terminated" when the connection closed mid-body.
  if (err instanceof TypeError && /^(terminated|fetch failed)$/.test(err.message))
    return make('network');
  // The SDKs parse a 200's body as JSON: a truncated, empty or non-JSON body throws here.
  if (err instanceof SyntaxError)
    return make('bad_response', { message: `unreadable reply: ${message}` });
  return make('unknown');
}

/**
 * A probe's failure that still shows the endpoint up and the key accepted: the API itself
 * answered that it will not do this request (e.g. 400 for the tiny output limit, 404 for a model
 * name the key test made up).
 */
export function isAnswered(c: ErrorClass): boolean {
  return c.kind === 'bad_request';
}

/**
 * The reply of a 200 that is not the API's JSON object (a proxy's HTML page, text/plain, a
 * body of another shape): a transport fault, retried like a dropped connection.
 */
export function badResponse(
  what: string,
  contentType: string | null,
  data: unknown,
): ProviderError {
  const sample = (typeof data === 'string' ? data : (JSON.stringify(data) ?? String(data)))
    .replace(/\s+/g, ' ')
    .slice(0, 80);
  return new ProviderError(
    {
      kind: 'bad_response',
      retryable: true,
      httpStatus: 200,
      message: redact(
        `unreadable reply: not a ${what} (content-type ${contentType ?? 'none'}): ${sample}`,
      ),
    },
    0,
  );
}

const RETRYABLE_FAILURE = new RegExp(
  [
    'Unexpected end of JSON input',
    'Unterminated string in JSON',
    'is not valid JSON',
    'Unexpected token .* in JSON',
    'JSON at position',
    'unreadable reply',
    '^terminated$',
    'fetch failed',
    'socket hang up',
    'other side closed',
    'Connection error',
    'Request timed out',
    '\\b(ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|EAI_AGAIN|UND_ERR_[A-Z_]+)\\b',
    "Cannot read properties of undefined \\(reading '(content|choices|usage|flatMap)'\\)",
    'database or disk is full',
    'database is locked',
    'disk I/O error',
  ].join('|'),
);

/**
 * Whether a stored game error is a transport or storage fault worth playing the game again
 * for (a database written before these faults were retried holds such errors, e.g.
 * "Unexpected end of JSON input"), as opposed to a bad request or a bug.
 */
export function isRetryableFailure(error: string | null): boolean {
  if (error === null) return false;
  return RETRYABLE_FAILURE.test(error);
}

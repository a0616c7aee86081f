// Classifies provider failures for the scheduler (retry, back off, go offline, pause for a key)
// and keeps API keys out of every message Parley shows or stores.
import * as AnthropicErrors from '@anthropic-ai/sdk';
import * as OpenAiErrors from 'openai';

export type ErrorKind =
  'rate_limit' | 'server' | 'timeout' | 'network' | 'auth' | 'bad_request' | 'unknown';

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

const RETRYABLE: ReadonlySet<ErrorKind> = new Set(['rate_limit', 'server', 'timeout', 'network']);

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
  const code = (err as { code?: unknown } | null)?.code;
  if (
    typeof code === 'string' &&
    /^(ECONN|EPIPE|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|UND_ERR)/.test(code)
  ) {
    return make(code === 'ETIMEDOUT' ? 'timeout' : 'network');
  }
  return make('unknown');
}

// `parley keys test` and the host's KeyVault: one tiny authenticated completion (the probe) with the
// stored key, reported as a status the UI may see. The key itself never leaves this module.
import type { ProviderName } from '../../src-shared/participant';
import { createProviderClient } from '../providers/client';
import { ProviderError, redact } from '../providers/errors';
import { KEY_ENV_VARS, type KeyStore } from './key-store';

export interface KeyReport {
  status: 'set' | 'missing' | 'works' | 'error';
  source: 'keychain' | 'env' | null;
  /** A sentence for the user (never the key). */
  detail: string | null;
}

/** Test the key of `provider` with the probe: one completion of a few tokens on the games' endpoint. */
export async function testKey(
  keys: Pick<KeyStore, 'get'>,
  provider: ProviderName,
  options: { baseUrl?: string; timeoutMs?: number } = {},
): Promise<KeyReport> {
  const stored = await keys.get(provider);
  if (!stored && provider !== 'local') {
    return {
      status: 'missing',
      source: null,
      detail: `no key: run \`parley keys set ${provider}\` or set ${KEY_ENV_VARS[provider].join(' or ')}`,
    };
  }
  if (provider === 'local' && !options.baseUrl) {
    return {
      status: 'error',
      source: stored?.source ?? null,
      detail: 'local servers need --base-url',
    };
  }
  const key = stored?.key ?? '';
  const where = stored
    ? stored.source === 'keychain'
      ? 'the OS keychain'
      : 'the environment'
    : 'no key';
  const client = createProviderClient(
    {
      id: `${provider}-key-test`,
      kind: 'llm',
      provider,
      model: 'key-test',
      scores: {},
      baseUrl: options.baseUrl,
    },
    key,
    { timeoutMs: options.timeoutMs ?? 20_000 },
  );
  const started = performance.now();
  try {
    await client.probe();
    const ms = Math.round(performance.now() - started);
    return {
      status: 'works',
      source: stored?.source ?? null,
      detail: `the key from ${where} works (test request answered in ${ms} ms)`,
    };
  } catch (err) {
    const c = err instanceof ProviderError ? err.classification : undefined;
    const why =
      c?.kind === 'auth'
        ? `the provider rejected the key from ${where} (HTTP ${c.httpStatus ?? '?'}); store a new one with \`parley keys set ${provider}\``
        : `the test call failed (${c?.kind ?? 'error'}${c?.httpStatus ? `, HTTP ${c.httpStatus}` : ''}: ${c?.message ?? String(err)}); the key was not judged`;
    return { status: 'error', source: stored?.source ?? null, detail: redact(why, [key]) };
  }
}

/**
 * The host's KeyVault over a KeyStore: statuses out, keys only ever going in. `baseUrls` points
 * a provider's key test at another endpoint (a proxy, a local server, the mock in tests).
 */
export function createKeyVault(
  keys: Pick<KeyStore, 'get' | 'set' | 'isKeychainAvailable'>,
  baseUrls: Partial<Record<ProviderName, string>> = {},
) {
  return {
    async status(provider: ProviderName): Promise<KeyReport> {
      const stored = await keys.get(provider);
      if (stored) return { status: 'set', source: stored.source, detail: null };
      if (provider === 'local')
        return { status: 'set', source: null, detail: 'local servers need no key' };
      const availability = await keys.isKeychainAvailable();
      return {
        status: 'missing',
        source: null,
        detail: availability.isAvailable
          ? `or set ${KEY_ENV_VARS[provider][0]}`
          : availability.reason,
      };
    },
    set: (provider: ProviderName, key: string) => keys.set(provider, key),
    test: (provider: ProviderName) => testKey(keys, provider, { baseUrl: baseUrls[provider] }),
  };
}

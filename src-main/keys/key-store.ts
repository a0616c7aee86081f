// API keys: the OS keychain through keytar (service "parley", account = provider), with
// environment variables as the fallback. keytar is imported lazily so machines without
// libsecret or a secret service (clusters, CI) still run the CLI on env vars.
import type { ProviderName } from '../../src-shared/participant';
import { AllowedHosts } from './allowed-hosts';

export const KEYCHAIN_SERVICE = 'parley';

/** Environment variables read per provider, first match wins. */
export const KEY_ENV_VARS: Record<ProviderName, readonly string[]> = {
  anthropic: ['ANTHROPIC_API_KEY'],
  openai: ['OPENAI_API_KEY'],
  openrouter: ['OPENROUTER_API_KEY'],
  google: ['GOOGLE_API_KEY', 'GEMINI_API_KEY'],
  xai: ['XAI_API_KEY'],
  local: ['LOCAL_LLM_API_KEY'],
};

/** The subset of keytar Parley uses (also implemented by test fakes). */
export interface KeychainBackend {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface StoredKey {
  key: string;
  source: 'keychain' | 'env';
}

export type KeychainAvailability = { isAvailable: true } | { isAvailable: false; reason: string };

export interface KeyStoreOptions {
  /** A backend, or a loader of one (default: dynamic import of keytar). */
  backend?: KeychainBackend | (() => Promise<KeychainBackend>);
  env?: Record<string, string | undefined>;
  /** Where the hosts allowed beyond each provider's own are kept (default: the config dir). */
  allowedHosts?: AllowedHosts;
}

async function loadKeytar(): Promise<KeychainBackend> {
  const mod = (await import('keytar')) as unknown as {
    default?: KeychainBackend;
  } & KeychainBackend;
  return mod.default ?? mod;
}

function describe(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  // Node's message names the importing file's path, which means nothing to a user.
  if (/Cannot find (package|module) 'keytar'/.test(text)) {
    return 'the keychain module keytar is not installed; it builds when libsecret-1-dev is present at npm ci';
  }
  return text.split('\n')[0];
}

export class KeyStore {
  private backendPromise: Promise<KeychainBackend> | undefined;
  private readonly env: Record<string, string | undefined>;
  readonly hosts: AllowedHosts;

  constructor(private readonly options: KeyStoreOptions = {}) {
    this.env = options.env ?? process.env;
    this.hosts = options.allowedHosts ?? new AllowedHosts();
  }

  /** Hosts besides the provider's official one that its key may go to (read afresh each time). */
  allowedHosts(provider: ProviderName): string[] {
    return this.hosts.list(provider);
  }

  private backend(): Promise<KeychainBackend> {
    const b = this.options.backend;
    this.backendPromise ??= typeof b === 'function' ? b() : b ? Promise.resolve(b) : loadKeytar();
    return this.backendPromise;
  }

  /**
   * Whether the OS keychain works here: keytar loads (libsecret present) and the secret
   * service answers over D-Bus. When not, `reason` says why; keys then come from env vars.
   */
  async isKeychainAvailable(): Promise<KeychainAvailability> {
    try {
      const backend = await this.backend();
      await backend.getPassword(KEYCHAIN_SERVICE, '__parley_probe__');
      return { isAvailable: true };
    } catch (err) {
      return {
        isAvailable: false,
        reason: `OS keychain unavailable (${describe(err)}); using environment variables`,
      };
    }
  }

  /** The key for `provider`: the keychain first, then its environment variables; null when none. */
  async get(provider: ProviderName): Promise<StoredKey | null> {
    try {
      const key = await (await this.backend()).getPassword(KEYCHAIN_SERVICE, provider);
      if (key) return { key, source: 'keychain' };
    } catch {
      // No usable keychain: fall through to the environment.
    }
    for (const name of KEY_ENV_VARS[provider]) {
      const key = this.env[name]?.trim();
      if (key) return { key, source: 'env' };
    }
    return null;
  }

  /** Store a key in the OS keychain; throws (without the key) when the keychain is unavailable. */
  async set(provider: ProviderName, key: string): Promise<void> {
    if (key.trim() === '') throw new Error(`refusing to store an empty key for ${provider}`);
    try {
      await (await this.backend()).setPassword(KEYCHAIN_SERVICE, provider, key.trim());
    } catch (err) {
      throw new Error(
        `could not store the ${provider} key in the OS keychain (${describe(err).split(key).join('[redacted]')}); ` +
          `set ${KEY_ENV_VARS[provider][0]} instead`,
        // keytar's errors come from libsecret / D-Bus and never contain the password.
        { cause: err },
      );
    }
  }

  /** Remove the keychain entry; true when one existed. Env vars are left alone. */
  async clear(provider: ProviderName): Promise<boolean> {
    return (await this.backend()).deletePassword(KEYCHAIN_SERVICE, provider);
  }

  /** 'set' or 'missing' — never the key itself. Local servers need no key, so 'set' always. */
  async status(provider: ProviderName): Promise<'set' | 'missing'> {
    if (provider === 'local') return 'set';
    return (await this.get(provider)) ? 'set' : 'missing';
  }
}

// Keys are scoped to hosts: a provider's key goes to its official API host, and to another host
// (a gateway, a proxy, a local server) only when the user allowed that host for that provider.
// The allowed hosts live in a small JSON file in the user's config directory, outside the
// database (which sweeps share and exports copy); never the keys themselves.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LlmSpec, ProviderName } from '../../src-shared/participant';
import { configDir } from '../store/paths';

/** The hosts each provider's own API answers on (over https). `local` has none. */
export const OFFICIAL_HOSTS: Record<ProviderName, readonly string[]> = {
  anthropic: ['api.anthropic.com'],
  openai: ['api.openai.com'],
  openrouter: ['openrouter.ai'],
  google: ['generativelanguage.googleapis.com'],
  xai: ['api.x.ai'],
  local: [],
};

export const ALLOWED_HOSTS_FILE = 'allowed-hosts.json';

/**
 * "host" or "host:port" from what the user typed (a bare host, host:port, or a URL), lower
 * case; throws with the reason when it is none of these.
 */
export function normaliseHost(input: string): string {
  const text = input.trim().toLowerCase();
  const url = (() => {
    try {
      return new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `http://${text}`);
    } catch {
      return undefined;
    }
  })();
  if (!url || url.hostname === '' || url.username || url.password) {
    throw new Error(`"${input}" is not a host name (e.g. gateway.example.com or 127.0.0.1:8080)`);
  }
  const isBare = !/^[a-z][a-z0-9+.-]*:\/\//.test(text);
  // A bare "host" allows every port; "host:port" or a URL with a port allows that port only.
  const hasPort = isBare ? /:\d+$/.test(text) : url.port !== '';
  return hasPort ? `${url.hostname}:${url.port}` : url.hostname;
}

/** Whether a key for `provider` may go to `baseUrl` (a model's own endpoint). */
export function isHostAllowed(
  provider: ProviderName,
  baseUrl: string,
  allowed: readonly string[],
): boolean {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase();
  if (url.protocol === 'https:' && OFFICIAL_HOSTS[provider].includes(host)) return true;
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return allowed.some((a) => a === host || a === `${host}:${port}`);
}

/** The host part of a base URL as the user would allow it, e.g. "127.0.0.1:8080". */
export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host.toLowerCase();
  } catch {
    return baseUrl;
  }
}

/**
 * Why a stored key is not sent to `spec`'s baseUrl, or undefined when it may be (no baseUrl:
 * the SDK's default or the user's own ANTHROPIC_BASE_URL / OPENAI_BASE_URL).
 */
export function keyScopeProblem(
  spec: Pick<LlmSpec, 'id' | 'provider' | 'baseUrl'>,
  allowed: readonly string[],
): string | undefined {
  if (!spec.baseUrl || isHostAllowed(spec.provider, spec.baseUrl, allowed)) return undefined;
  const host = hostOf(spec.baseUrl);
  const official = OFFICIAL_HOSTS[spec.provider];
  return (
    `the ${spec.provider} key was not sent to ${host} (baseUrl of model ${spec.id}): a stored key ` +
    (official.length > 0 ? `goes only to ${official.join(', ')}` : 'goes to no host') +
    ` unless you allow another: run \`parley keys set ${spec.provider} --allow-host ${host}\` ` +
    'if you trust that host with the key, then resume'
  );
}

/** The allowed-hosts file: `{ "anthropic": ["gateway.example.com"], ... }`. */
export class AllowedHosts {
  constructor(readonly file: string = join(configDir(), ALLOWED_HOSTS_FILE)) {}

  /** Every provider's allowed hosts; {} when the file does not exist. */
  all(): Partial<Record<ProviderName, string[]>> {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw new Error(`cannot read ${this.file}: ${(err as Error).message}`, { cause: err });
    }
    try {
      const parsed = JSON.parse(text) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error();
      const out: Partial<Record<ProviderName, string[]>> = {};
      for (const [provider, hosts] of Object.entries(parsed as Record<string, unknown>)) {
        if (Array.isArray(hosts))
          out[provider as ProviderName] = hosts.filter((h): h is string => typeof h === 'string');
      }
      return out;
    } catch {
      throw new Error(
        `${this.file} is not an allowed-hosts file ({"provider": ["host", ...]}); fix or delete it`,
      );
    }
  }

  list(provider: ProviderName): string[] {
    return this.all()[provider] ?? [];
  }

  /** Allow `host` for `provider`; returns the normalised host. Written atomically. */
  add(provider: ProviderName, host: string): string {
    const normal = normaliseHost(host);
    const all = this.all();
    const hosts = all[provider] ?? [];
    if (!hosts.includes(normal)) all[provider] = [...hosts, normal];
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(all, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.file);
    return normal;
  }
}

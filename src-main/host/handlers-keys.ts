// Model registry and API key handlers. Keys only travel towards the key store; the UI gets
// statuses ('set' / 'missing' / 'works' / 'error') and where a key comes from, never the key.
import type { KeyStatus } from '../../src-shared/contract';
import { PROVIDERS } from '../../src-shared/participant';
import type { ProviderName } from '../../src-shared/participant';
import { loadRegistry } from '../registry/registry';
import type { RegistryModel } from '../registry/registry';
import type { Store } from '../store/types';
import { AllowedHosts } from '../keys/allowed-hosts';
import { HostError, type HandlerTable } from './handler-table';
import type { KeyVault } from './types';
import { modelView } from './views';

const NO_VAULT = 'no key store in this host (keys module not wired)';

export function registerModelAndKeyHandlers(
  table: HandlerTable,
  store: Store,
  keys: KeyVault | undefined,
): void {
  table.register('models:list', () => loadRegistry(store).map(modelView));
  table.register('models:save', ({ spec }) => {
    // Stored like `parley models add` stores it, so the CLI and the UI see the same entry.
    const entry: RegistryModel = {
      spec,
      developer: null,
      family: null,
      reasoning: false,
      releaseDate: null,
      contextWindow: null,
      sources: ['user'],
      order: null,
      origin: 'user',
    };
    store.upsertModel(spec.id, entry, 'user');
    return modelView(entry);
  });

  const hosts = new AllowedHosts();
  const status = async (provider: ProviderName): Promise<KeyStatus> => {
    if (!keys) return { provider, status: 'missing', source: null, detail: NO_VAULT };
    const s = await keys.status(provider);
    const allowedHosts = hosts.list(provider);
    return { provider, status: s.status, source: s.source, detail: s.detail, allowedHosts };
  };
  table.register('keys:allowHost', async ({ provider, host }) => {
    try {
      hosts.add(provider, host);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      throw new HostError(message, [{ path: 'host', message }]);
    }
    return status(provider);
  });
  table.register('keys:status', () => Promise.all(PROVIDERS.map(status)));
  table.register('keys:set', async ({ provider, key }) => {
    if (!keys) return { provider, status: 'missing', source: null, detail: NO_VAULT };
    await keys.set(provider, key);
    return status(provider);
  });
  table.register('keys:test', async ({ provider }) => {
    if (!keys) return { provider, status: 'missing', source: null, detail: NO_VAULT };
    const s = await keys.test(provider);
    const allowedHosts = hosts.list(provider);
    return { provider, status: s.status, source: s.source, detail: s.detail, allowedHosts };
  });
}

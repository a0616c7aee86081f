import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { KeyVault } from '../host/types';
import { startMockLlm, type MockLlm } from '../mock-llm/server';
import { KeyStore, type KeychainBackend } from './key-store';
import { createKeyVault, testKey } from './key-test';

const KEY = 'sk-ant-VAULTTEST-0123456789abcdef';
let mock: MockLlm;
beforeAll(async () => {
  mock = await startMockLlm({ apiKey: KEY });
});
afterAll(() => mock.close());

function memoryBackend(): KeychainBackend {
  const entries = new Map<string, string>();
  return {
    getPassword: (s, a) => Promise.resolve(entries.get(`${s}/${a}`) ?? null),
    setPassword: (s, a, p) => (entries.set(`${s}/${a}`, p), Promise.resolve()),
    deletePassword: (s, a) => Promise.resolve(entries.delete(`${s}/${a}`)),
  };
}

describe('key vault (what the UI may see)', () => {
  it('reports missing, set, works and rejected keys without ever returning a key', async () => {
    const keys = new KeyStore({ backend: memoryBackend(), env: {} });
    // Typed as the host's KeyVault: this is what `parley serve` and the desktop app can plug in.
    const vault: KeyVault = createKeyVault(keys, {
      anthropic: mock.url,
      openai: mock.openaiBaseUrl,
    });
    const seen: unknown[] = [];
    const look = async <T>(p: Promise<T>) => {
      const v = await p;
      seen.push(v);
      return v;
    };
    expect(await look(vault.status('anthropic'))).toEqual({
      status: 'missing',
      source: null,
      detail: 'or set ANTHROPIC_API_KEY',
    });
    expect(await look(vault.test('anthropic'))).toEqual({
      status: 'missing',
      source: null,
      detail: 'no key: run `parley keys set anthropic` or set ANTHROPIC_API_KEY',
    });
    await vault.set('anthropic', KEY);
    expect(await look(vault.status('anthropic'))).toEqual({
      status: 'set',
      source: 'keychain',
      detail: null,
    });
    const works = await look(vault.test('anthropic'));
    expect(works).toMatchObject({ status: 'works', source: 'keychain' });
    expect((works as { detail: string }).detail).toMatch(
      /^the key from the OS keychain works \(test request answered in \d+ ms\)$/,
    );
    await vault.set('openai', 'sk-proj-VAULTWRONG-0000000000');
    expect(await look(vault.test('openai'))).toEqual({
      status: 'error',
      source: 'keychain',
      detail:
        'the provider rejected the key from the OS keychain (HTTP 401); store a new one with `parley keys set openai`',
    });
    expect(JSON.stringify(seen)).not.toMatch(/VAULTTEST|VAULTWRONG/);
  });

  it('says why when there is no secret service', async () => {
    const broken: KeychainBackend = {
      getPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      setPassword: () => Promise.reject(new Error('no')),
      deletePassword: () => Promise.reject(new Error('no')),
    };
    const vault = createKeyVault(new KeyStore({ backend: broken, env: {} }));
    expect(await vault.status('xai')).toEqual({
      status: 'missing',
      source: null,
      detail:
        'OS keychain unavailable (Cannot autolaunch D-Bus without X11 $DISPLAY); using environment variables',
    });
    const fromEnv = createKeyVault(
      new KeyStore({ backend: broken, env: { XAI_API_KEY: 'xai-env-0123456789' } }),
    );
    expect(await fromEnv.status('xai')).toEqual({ status: 'set', source: 'env', detail: null });
  });

  it('tests an Anthropic key against ANTHROPIC_BASE_URL when no base URL is configured', async () => {
    vi.stubEnv('ANTHROPIC_BASE_URL', mock.url);
    try {
      const keys = new KeyStore({ backend: memoryBackend(), env: {} });
      await keys.set('anthropic', KEY);
      const before = mock.stats.byRoute['POST /v1/messages'] ?? 0;
      const report = await testKey(keys, 'anthropic');
      expect(report).toMatchObject({ status: 'works', source: 'keychain' });
      expect((mock.stats.byRoute['POST /v1/messages'] ?? 0) - before).toBe(1);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

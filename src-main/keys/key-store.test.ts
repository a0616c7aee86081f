import { describe, expect, it } from 'vitest';
import { KeyStore, type KeychainBackend } from './key-store';

function fakeBackend(): KeychainBackend & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getPassword: (s, a) => Promise.resolve(entries.get(`${s}/${a}`) ?? null),
    setPassword: (s, a, p) => (entries.set(`${s}/${a}`, p), Promise.resolve()),
    deletePassword: (s, a) => Promise.resolve(entries.delete(`${s}/${a}`)),
  };
}

const broken: KeychainBackend = {
  getPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
  setPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
  deletePassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
};

describe('KeyStore (fake backend)', () => {
  it('prefers the keychain, falls back to env vars, and reports status without the key', async () => {
    const backend = fakeBackend();
    const store = new KeyStore({
      backend,
      env: { OPENAI_API_KEY: 'sk-env-openai', GEMINI_API_KEY: 'g-env' },
    });
    expect(await store.get('openai')).toEqual({ key: 'sk-env-openai', source: 'env' });
    await store.set('openai', ' sk-chain-openai ');
    expect(backend.entries).toEqual(new Map([['parley/openai', 'sk-chain-openai']]));
    expect(await store.get('openai')).toEqual({ key: 'sk-chain-openai', source: 'keychain' });
    expect(await store.get('google')).toEqual({ key: 'g-env', source: 'env' });
    expect(await store.get('anthropic')).toBeNull();
    expect(
      await Promise.all(
        (['anthropic', 'openai', 'google', 'local'] as const).map((p) => store.status(p)),
      ),
    ).toEqual(['missing', 'set', 'set', 'set']);
    expect(await store.clear('openai')).toBe(true);
    expect(await store.clear('openai')).toBe(false);
    expect(await store.get('openai')).toEqual({ key: 'sk-env-openai', source: 'env' });
    expect(await store.isKeychainAvailable()).toEqual({ isAvailable: true });
  });

  it('GOOGLE_API_KEY wins over GEMINI_API_KEY', async () => {
    const store = new KeyStore({
      backend: fakeBackend(),
      env: { GOOGLE_API_KEY: 'a', GEMINI_API_KEY: 'b' },
    });
    expect(await store.get('google')).toEqual({ key: 'a', source: 'env' });
  });

  it('without a secret service: says why, reads env vars, and refuses to store', async () => {
    const store = new KeyStore({ backend: broken, env: { XAI_API_KEY: 'xai-env' } });
    expect(await store.isKeychainAvailable()).toEqual({
      isAvailable: false,
      reason:
        'OS keychain unavailable (Cannot autolaunch D-Bus without X11 $DISPLAY); using environment variables',
    });
    expect(await store.get('xai')).toEqual({ key: 'xai-env', source: 'env' });
    const err = await store.set('xai', 'xai-new-secret').catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain('set XAI_API_KEY instead');
    expect((err as Error).message).not.toContain('xai-new-secret');
  });

  it('when keytar itself cannot load (no libsecret)', async () => {
    const store = new KeyStore({
      backend: () => Promise.reject(new Error('libsecret-1.so.0: cannot open shared object file')),
      env: {},
    });
    expect(await store.isKeychainAvailable()).toMatchObject({
      isAvailable: false,
      reason: expect.stringContaining('libsecret-1.so.0'),
    });
    expect(await store.get('anthropic')).toBeNull();
    expect(await store.status('anthropic')).toBe('missing');
  });

  it('when keytar is not installed, says so without the importing file path', async () => {
    const missing = new Error(
      "Cannot find package 'keytar' imported from /home/u/parley/src-main/keys/key-store.ts",
    );
    const store = new KeyStore({ backend: () => Promise.reject(missing), env: {} });
    expect(await store.isKeychainAvailable()).toEqual({
      isAvailable: false,
      reason:
        'OS keychain unavailable (the keychain module keytar is not installed; it builds when libsecret-1-dev is present at npm ci); using environment variables',
    });
  });
});

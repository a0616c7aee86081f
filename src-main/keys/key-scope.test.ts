// Keys are scoped to hosts: with the real SDKs against a server on 127.0.0.1, a stored key is
// never sent to a baseUrl its provider's official host does not cover unless the user allowed
// that host; the games pause with a message saying so. Local models without a key are unchanged.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SweepInput } from '../../src-shared/sweep';
import { startMockLlm, type MockLlm } from '../mock-llm/server';
import { openStore } from '../store/store';
import type { Store } from '../store/types';
import { startFaultProxy, type FaultProxy } from '../../tests/integration/fault-proxy';
import { llmSweep, runLlmSweep } from '../../tests/integration/llm-helpers';
import { AllowedHosts, isHostAllowed, normaliseHost } from './allowed-hosts';
import { KeyStore, type KeychainBackend } from './key-store';

const ANTHROPIC = 'sk-ant-SCOPETEST-0123456789abcdef';
const OPENAI = 'sk-proj-SCOPETEST-fedcba9876543210';
let mock: MockLlm;
let proxy: FaultProxy;
let dir: string;
beforeAll(async () => {
  mock = await startMockLlm();
  proxy = await startFaultProxy({ upstream: mock.url });
  dir = mkdtempSync(join(tmpdir(), 'parley-key-scope-'));
});
afterAll(async () => {
  await proxy.close();
  await mock.close();
  rmSync(dir, { recursive: true, force: true });
});

function memoryBackend(entries: Record<string, string>): KeychainBackend {
  const map = new Map(Object.entries(entries));
  return {
    getPassword: (_s, a) => Promise.resolve(map.get(a) ?? null),
    setPassword: (_s, a, p) => (map.set(a, p), Promise.resolve()),
    deletePassword: (_s, a) => Promise.resolve(map.delete(a)),
  };
}

function keyStore(hostsFile: string): KeyStore {
  return new KeyStore({
    backend: memoryBackend({ anthropic: ANTHROPIC }),
    env: { OPENAI_API_KEY: OPENAI },
    allowedHosts: new AllowedHosts(hostsFile),
  });
}

const oneGame: Partial<SweepInput> = {
  runs: { count: 1, baseSeed: 3 },
  competition: { levels: [0.5] },
};

describe('keys scoped to hosts', () => {
  it('a stored key never reaches a host that was not allowed; the games pause saying so', async () => {
    const store: Store = openStore(join(dir, 'blocked.db'));
    try {
      const keys = keyStore(join(dir, 'none', 'allowed-hosts.json'));
      const run = await runLlmSweep(store, llmSweep(proxy.url, oneGame), { keys });
      const games = store.listGames({ sweepId: run.sweepId });
      expect(games.map((g) => g.status)).toEqual(['paused', 'paused']);
      const host = `127.0.0.1:${proxy.port}`;
      // Both seats are blocked; the one asked first (seat order differs by game) pauses it.
      const reason = (provider: string, model: string, official: string) =>
        `auth: the ${provider} key was not sent to ${host} (baseUrl of model ${model}): a stored key goes only to ${official} unless you allow another: run \`parley keys set ${provider} --allow-host ${host}\` if you trust that host with the key, then resume`;
      expect(new Set(games.map((g) => g.pauseReason))).toEqual(
        new Set([
          reason('anthropic', 'mock-claude', 'api.anthropic.com'),
          reason('openai', 'mock-gpt', 'api.openai.com'),
        ]),
      );
      expect(proxy.stats.byRoute).toEqual({});
      expect(proxy.keysSeen.size).toBe(0);
      expect(store.callTotals().calls).toBe(0);
    } finally {
      store.close();
    }
  });

  it('once the host is allowed for both providers, the same games run and the server sees the keys', async () => {
    const file = join(dir, 'allowed', 'allowed-hosts.json');
    const hosts = new AllowedHosts(file);
    expect(hosts.add('anthropic', `127.0.0.1:${proxy.port}`)).toBe(`127.0.0.1:${proxy.port}`);
    expect(hosts.add('openai', 'http://127.0.0.1/')).toBe('127.0.0.1');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      anthropic: [`127.0.0.1:${proxy.port}`],
      openai: ['127.0.0.1'],
    });
    // Only hosts, never keys, are in the file.
    expect(readFileSync(file, 'utf8')).not.toMatch(/SCOPETEST/);
    const store = openStore(join(dir, 'allowed.db'));
    try {
      const run = await runLlmSweep(store, llmSweep(proxy.url, oneGame), {
        keys: keyStore(file),
      });
      const games = store.listGames({ sweepId: run.sweepId });
      expect(games.map((g) => g.status)).toEqual(['finished', 'finished']);
      expect(proxy.keysSeen).toEqual(new Set([ANTHROPIC, OPENAI]));
    } finally {
      store.close();
    }
  });

  it('local models without a key run as before, with no key sent', async () => {
    const gateway = await startFaultProxy({ upstream: mock.url });
    const store = openStore(join(dir, 'local.db'));
    try {
      const doc = llmSweep(gateway.url, oneGame);
      const local = {
        ...doc,
        participants: (doc.participants ?? []).map((p) => ({
          ...p,
          provider: 'local' as const,
          baseUrl: `${gateway.url}/v1`,
        })),
      };
      const keys = new KeyStore({ backend: memoryBackend({}), env: {} });
      const run = await runLlmSweep(store, local, { keys });
      expect(store.listGames({ sweepId: run.sweepId }).map((g) => g.status)).toEqual([
        'finished',
        'finished',
      ]);
      // The OpenAI SDK sends its placeholder for a keyless local server.
      expect(gateway.keysSeen).toEqual(new Set(['parley-local']));
    } finally {
      store.close();
      await gateway.close();
    }
  });

  it('official hosts over https only; a bare allowed host covers every port, host:port one', () => {
    expect(isHostAllowed('anthropic', 'https://api.anthropic.com', [])).toBe(true);
    expect(isHostAllowed('anthropic', 'http://api.anthropic.com', [])).toBe(false);
    expect(isHostAllowed('anthropic', 'https://api.openai.com/v1', [])).toBe(false);
    expect(isHostAllowed('openai', 'https://api.openai.com/v1', [])).toBe(true);
    expect(isHostAllowed('local', 'http://127.0.0.1:11434/v1', [])).toBe(false);
    expect(isHostAllowed('local', 'http://127.0.0.1:11434/v1', ['127.0.0.1'])).toBe(true);
    expect(isHostAllowed('local', 'http://127.0.0.1:11434/v1', ['127.0.0.1:8080'])).toBe(false);
    expect(isHostAllowed('openai', 'https://gw.example.com/v1', ['gw.example.com:443'])).toBe(true);
    expect(isHostAllowed('openai', 'https://evil.gw.example.com/v1', ['gw.example.com'])).toBe(
      false,
    );
    expect(normaliseHost(' GW.Example.com:8443 ')).toBe('gw.example.com:8443');
    expect(normaliseHost('https://gw.example.com/v1')).toBe('gw.example.com');
    expect(() => normaliseHost('user:pw@host')).toThrow(/is not a host name/);
  });
});

// LLM sweeps through the long-lived host (`parley serve`, the desktop engine): the real SDKs
// against the mock LLM on 127.0.0.1. A provider without a key pauses its games with a message;
// storing the key through the contract resumes them, and every game finishes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CreateResult, KeyStatus } from '../../src-shared/contract';
import type { ProviderName } from '../../src-shared/participant';
import { openEngine, type Engine } from '../../src-main/host/engine';
import type { KeyVault } from '../../src-main/host/types';
import { startMockLlm, type MockLlm } from '../../src-main/mock-llm/server';
import { ANTHROPIC_KEY, expectedTurnKeys, llmSweep } from './llm-helpers';
import { tempDir } from './cli-helpers';

let mock: MockLlm | undefined;
let engine: Engine | undefined;
let cleanup: (() => void) | undefined;
afterEach(async () => {
  await engine?.close();
  await mock?.close();
  cleanup?.();
});

describe('host: LLM sweeps', () => {
  it('pauses games whose provider has no key, and resumes them when the key is stored', async () => {
    // The mock accepts one key; OpenAI's is there from the start, Anthropic's comes later.
    mock = await startMockLlm({ apiKey: ANTHROPIC_KEY, latencyMs: 1 });
    const t = tempDir('parley-host-llm-');
    cleanup = t.cleanup;
    const stored = new Map<ProviderName, string>([['openai', ANTHROPIC_KEY]]);
    const vault: KeyVault = {
      status: (p) =>
        Promise.resolve(
          stored.has(p)
            ? { status: 'set', source: 'keychain', detail: null }
            : { status: 'missing', source: null, detail: null },
        ),
      set: (p, k) => {
        stored.set(p, k);
        return Promise.resolve();
      },
      test: () => Promise.resolve({ status: 'works', source: 'keychain', detail: null }),
    };
    engine = openEngine({
      dbPath: join(t.dir, 'parley.db'),
      mode: 'web',
      keys: vault,
      keySource: {
        allowedHosts: () => ['127.0.0.1'],
        get: (p) =>
          Promise.resolve(stored.has(p) ? { key: stored.get(p)!, source: 'keychain' } : null),
      },
    });
    const { service, store, host } = engine;
    const doc = llmSweep(mock.url, {
      runs: { count: 1, baseSeed: 5 },
      competition: { levels: [0.5] },
    });

    // Every game seats mock-claude (the baseline): all of them pause on the missing key.
    let paused = 0;
    const allPaused = new Promise<void>((resolve) =>
      service.on('game', (e) => {
        if (e.status === 'paused' && ++paused === 2) resolve();
      }),
    );
    const created = (await host.handle('sweeps:create', { doc })) as CreateResult;
    await allPaused;
    const waiting = store.listGames({ sweepId: created.sweepId });
    expect(waiting.map((g) => g.status)).toEqual(['paused', 'paused']);
    for (const g of waiting) {
      expect(g.pauseReason).toBe(
        'auth: no API key for anthropic (model mock-claude): run `parley keys set anthropic` or set ANTHROPIC_API_KEY, then resume',
      );
    }
    expect(service.isRunning(created.sweepId)).toBe(true);

    // The allowed-hosts file of an empty config folder: the user's own never leaks in.
    vi.stubEnv('PARLEY_CONFIG_DIR', mkdtempSync(join(tmpdir(), 'parley-host-llm-config-')));
    const status = (await host.handle('keys:set', {
      provider: 'anthropic',
      key: ANTHROPIC_KEY,
    })) as KeyStatus;
    expect(status).toEqual({
      provider: 'anthropic',
      status: 'set',
      source: 'keychain',
      detail: null,
      allowedHosts: [],
    });
    vi.unstubAllEnvs();
    await service.start(created.sweepId);

    const games = store.listGames({ sweepId: created.sweepId });
    expect(games.map((g) => g.status)).toEqual(['finished', 'finished']);
    for (const g of games) {
      const { expected, actual } = expectedTurnKeys(
        store.getTurns(g.id),
        2,
        1,
        g.outcome!.round,
        3,
      );
      expect(actual).toEqual(expected);
      const calls = store.listCalls(g.id);
      expect(new Set(calls.map((c) => c.provider))).toEqual(new Set(['anthropic', 'openai']));
      expect(calls.every((c) => c.status === 'ok')).toBe(true);
    }
    expect(mock.stats.byRoute['POST /v1/messages']).toBeGreaterThan(0);
  });
});

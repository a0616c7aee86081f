// The new games with LLM agents through the long-lived host, the path the workbench's Launch
// button takes (`sweeps:create` on the engine of `parley serve` and the desktop app): price,
// ultimatum, resource exchange and deliberation, the real SDKs against the mock LLM on
// 127.0.0.1, every game finished with every turn parsed and every call answered.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CreateResult } from '../../src-shared/contract';
import type { ProviderName } from '../../src-shared/participant';
import type { SweepInput } from '../../src-shared/sweep';
import { openEngine, type Engine } from '../../src-main/host/engine';
import type { KeyVault } from '../../src-main/host/types';
import { startMockLlm, type MockLlm } from '../../src-main/mock-llm/server';
import { tempDir } from './cli-helpers';

const KEY = 'test';
let mock: MockLlm | undefined;
let engine: Engine | undefined;
let cleanup: (() => void) | undefined;
afterEach(async () => {
  await engine?.close();
  await mock?.close();
  cleanup?.();
});

const vault: KeyVault = {
  status: () => Promise.resolve({ status: 'set', source: 'keychain', detail: null }),
  set: () => Promise.resolve(),
  test: () => Promise.resolve({ status: 'works', source: 'keychain', detail: null }),
};

function twoParty(url: string, kind: string, params: object, lineup: string[]): SweepInput {
  return {
    name: `host llm ${kind}`,
    game: { kind, params },
    participants: [
      {
        id: 'claude',
        kind: 'llm',
        provider: 'anthropic',
        model: 'mock-claude-1',
        baseUrl: url,
        persona: 'desperate',
        scores: { capability: 0.4 },
        prices: { inputUsdPerMtok: 3, outputUsdPerMtok: 15 },
      },
      {
        id: 'gpt',
        kind: 'llm',
        provider: 'openai',
        model: 'mock-gpt-1',
        baseUrl: `${url}/v1`,
        scores: { capability: 0.6 },
        prices: { inputUsdPerMtok: 2, outputUsdPerMtok: 8 },
      },
    ],
    lineup: { mode: 'lineups', lineups: [lineup] },
    competition: { levels: [0] },
    orders: ['random'],
    runs: { count: 2, baseSeed: 3 },
    concurrency: 2,
  } as SweepInput;
}

describe('host: LLM agents in the two-party and deliberation games', () => {
  it('plays every new game to completion through the engine the workbench drives', async () => {
    mock = await startMockLlm({ apiKey: KEY, latencyMs: 1 });
    const t = tempDir('parley-host-llm-games-');
    cleanup = t.cleanup;
    engine = openEngine({
      dbPath: join(t.dir, 'parley.db'),
      mode: 'web',
      keys: vault,
      keySource: {
        allowedHosts: () => ['127.0.0.1'],
        get: (_p: ProviderName) => Promise.resolve({ key: KEY, source: 'keychain' }),
      },
    });
    const { service, store, host } = engine;
    const deliberation = JSON.parse(
      readFileSync(
        join(
          import.meta.dirname,
          '..',
          '..',
          'resources',
          'examples',
          'deliberation-mock-llm.json',
        ),
        'utf8',
      ).replaceAll('http://127.0.0.1:8787', mock.url),
    ) as SweepInput;
    const docs: [string, SweepInput][] = [
      ['price', twoParty(mock.url, 'price', { preset: 'buy-sell' }, ['claude', 'gpt'])],
      ['ultimatum', twoParty(mock.url, 'ultimatum', {}, ['gpt', 'claude'])],
      [
        'resource-exchange',
        twoParty(mock.url, 'resource-exchange', { competition: 0 }, ['claude', 'gpt']),
      ],
      ['deliberation', deliberation],
    ];
    for (const [kind, doc] of docs) {
      const created = (await host.handle('sweeps:create', { doc })) as CreateResult;
      await service.start(created.sweepId);
      const games = store.listGames({ sweepId: created.sweepId });
      expect(games.map((g) => [g.kind, g.status])).toEqual([
        [kind, 'finished'],
        [kind, 'finished'],
      ]);
      for (const g of games) {
        const turns = store.getTurns(g.id).filter((x) => x.phase !== 'setup');
        expect(turns.length).toBeGreaterThan(0);
        expect(turns.filter((x) => x.status !== 'ok')).toEqual([]);
        const calls = store.listCalls(g.id);
        expect(new Set(calls.map((c) => c.provider))).toEqual(new Set(['anthropic', 'openai']));
        expect(calls.filter((c) => c.status !== 'ok')).toEqual([]);
      }
    }
    expect(mock.stats.byRoute['POST /v1/messages']).toBeGreaterThan(0);
    expect(mock.stats.byRoute['POST /v1/chat/completions']).toBeGreaterThan(0);
  });
});

// The host over a real store file: the model registry (shipped + user models) and key statuses
// as the UI sees them, with the contract's validation in front.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ModelView } from '../../src-shared/contract';
import { shippedRegistry } from '../registry/registry';
import { openStore } from '../store/store';
import type { Store } from '../store/types';
import { createHost } from './host';
import type { KeyVault } from './types';

let dir: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-host-'));
  store = openStore(join(dir, 'parley.db'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('host: models and keys', () => {
  it('lists the shipped registry with scores and sources, and saves a user model the CLI can read', async () => {
    const host = createHost({ store });
    const list = (await host.handle('models:list', {})) as ModelView[];
    expect(list).toHaveLength(shippedRegistry().length);
    const haiku = list.find((m) => m.id === 'claude-3-haiku-20240307');
    expect(haiku).toMatchObject({
      source: 'registry',
      kind: 'llm',
      provider: 'anthropic',
      displayName: 'Claude 3 Haiku',
      developer: 'Anthropic',
      reasoning: false,
      prices: { inputUsdPerMtok: 0.25, outputUsdPerMtok: 1.25 },
    });
    expect(haiku?.scores).toEqual({ gpqa_diamond: 33.3, mmlu: 75.2, arena_elo: 1200 });
    expect(haiku?.sources.length).toBe(4);

    const spec = {
      id: 'my-model',
      kind: 'llm',
      provider: 'openai',
      model: 'gpt-x',
      scores: { arena_elo: 1234 },
    };
    const saved = await host.handle('models:save', { spec });
    expect(saved).toEqual({
      id: 'my-model',
      source: 'user',
      kind: 'llm',
      provider: 'openai',
      model: 'gpt-x',
      displayName: 'my-model',
      scores: { arena_elo: 1234 },
      prices: null,
      sources: ['user'],
      developer: null,
      reasoning: false,
      spec,
    });
    expect(store.getModel('my-model')?.source).toBe('user');
    const after = (await host.handle('models:list', {})) as ModelView[];
    expect(after.find((m) => m.id === 'my-model')).toEqual(saved);
  });

  it('refuses an invalid model with the offending field named', async () => {
    const host = createHost({ store });
    await expect(
      host.handle('models:save', {
        spec: { id: 'bad id', kind: 'llm', provider: 'openai', model: '' },
      }),
    ).rejects.toMatchObject({
      issues: [
        { path: 'spec.id', message: 'use letters, digits and . _ : / @ + -' },
        { path: 'spec.model', message: 'Too small: expected string to have >=1 characters' },
      ],
    });
  });

  it('reports key statuses from the vault and never returns a key', async () => {
    const stored = new Map<string, string>();
    const keys: KeyVault = {
      status: (p) =>
        Promise.resolve(
          stored.has(p)
            ? { status: 'set', source: 'keychain', detail: null }
            : { status: 'missing', source: null, detail: 'or set OPENAI_API_KEY' },
        ),
      set: (p, k) => {
        stored.set(p, k);
        return Promise.resolve();
      },
      test: () => Promise.resolve({ status: 'works', source: 'keychain', detail: 'the key works' }),
    };
    // Allowed hosts live in the config folder: a fresh one, so the user's own never leaks in.
    const config = mkdtempSync(join(tmpdir(), 'parley-host-config-'));
    vi.stubEnv('PARLEY_CONFIG_DIR', config);
    const host = createHost({ store, keys });
    const reply = await host.handle('keys:set', { provider: 'openai', key: 'sk-test-1234567890' });
    expect(reply).toEqual({
      provider: 'openai',
      status: 'set',
      source: 'keychain',
      detail: null,
      allowedHosts: [],
    });
    expect(
      await host.handle('keys:allowHost', { provider: 'openai', host: 'Gateway.Example.com' }),
    ).toEqual({
      provider: 'openai',
      status: 'set',
      source: 'keychain',
      detail: null,
      allowedHosts: ['gateway.example.com'],
    });
    await expect(
      host.handle('keys:allowHost', { provider: 'openai', host: 'http://u:p@x' }),
    ).rejects.toMatchObject({ issues: [{ path: 'host' }] });
    expect(JSON.stringify(await host.handle('keys:status', {}))).not.toContain('sk-test');
    expect(await host.handle('keys:test', { provider: 'openai' })).toEqual({
      provider: 'openai',
      status: 'works',
      source: 'keychain',
      detail: 'the key works',
      allowedHosts: ['gateway.example.com'],
    });
    vi.unstubAllEnvs();
    rmSync(config, { recursive: true, force: true });
  });
});

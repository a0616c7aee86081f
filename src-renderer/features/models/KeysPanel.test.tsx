// The keys table rendered to markup: statuses only, never a key; local servers need none.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ClientAPI, KeyStatus } from '../../../src-shared/contract';
import { createAppStore } from '../../state/app-store';
import { StoreContext } from '../../state/hooks';
import { KeysPanel } from './KeysPanel';

const api: ClientAPI = {
  invoke: () => Promise.reject(new Error('offline')),
  on: () => () => undefined,
};

function render(keys: KeyStatus[]): string {
  const store = createAppStore({ api, writeHash: () => undefined });
  store.setState({ keys: { state: 'ready', value: keys } });
  const state = store.getState();
  store.getInitialState = () => state;
  return renderToStaticMarkup(
    <StoreContext.Provider value={store}>
      <KeysPanel />
    </StoreContext.Provider>,
  );
}

const row = (html: string, provider: string) =>
  new RegExp(`<tr data-testid="key-${provider}"[^>]*>.*?</tr>`).exec(html)?.[0] ?? '';
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('keys panel', () => {
  it('offers set and test for hosted providers, and says local servers need no key', () => {
    const html = render([
      {
        provider: 'anthropic',
        status: 'works',
        source: 'keychain',
        detail: 'the key works',
        allowedHosts: ['gateway.example.com'],
      },
      { provider: 'openai', status: 'missing', source: null, detail: 'or set OPENAI_API_KEY' },
      { provider: 'local', status: 'set', source: null, detail: 'local servers need no key' },
    ]);
    expect(text(row(html, 'anthropic'))).toBe(
      'anthropic works from keychain · the key works Set Test also sent to: gateway.example.com Allow',
    );
    expect(row(html, 'anthropic')).toContain('placeholder="replace the key"');
    expect(text(row(html, 'openai'))).toBe(
      'openai missing or set OPENAI_API_KEY Set Test sent only to the official host Allow',
    );
    expect(row(html, 'local')).toContain('data-status="not-needed"');
    expect(text(row(html, 'local'))).toBe(
      'local no key needed local servers (Ollama, vLLM, LM Studio) are reached by each model’s base URL',
    );
    expect(row(html, 'local')).not.toContain('<input');
  });
});

// The add/edit model form rendered to markup: the structured-output control names the
// provider's default, and an edited model's mode, re-ask budget and cache minimum are filled in.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ClientAPI, ModelView } from '../../../src-shared/contract';
import { createAppStore } from '../../state/app-store';
import { StoreContext } from '../../state/hooks';
import { ModelForm } from './ModelForm';

const api: ClientAPI = {
  invoke: () => Promise.reject(new Error('offline')),
  on: () => () => undefined,
};

function render(model: ModelView | null): string {
  const store = createAppStore({ api, writeHash: () => undefined });
  return renderToStaticMarkup(
    <StoreContext.Provider value={store}>
      <ModelForm model={model} onDone={() => undefined} />
    </StoreContext.Provider>,
  );
}

const select = (html: string) =>
  /<select id="model-structuredOutput">(.*?)<\/select>/.exec(html)?.[1] ?? '';
const options = (html: string) =>
  [...select(html).matchAll(/<option value="([^"]*)"( selected="")?>([^<]*)<\/option>/g)].map(
    (m) => [m[1], m[3], m[2] !== undefined],
  );
const input = (html: string, id: string) => new RegExp(`<input id="${id}"[^>]*/?>`).exec(html)?.[0];

describe('model form', () => {
  it('offers the output modes with the provider default, and empty re-ask and cache fields', () => {
    const html = render(null);
    // A new model starts as OpenAI, whose default is a strict JSON schema.
    expect(options(html)).toEqual([
      ['', 'Provider default (json_schema)', true],
      ['tool', 'tool: a forced tool call (Anthropic)', false],
      ['json_schema', 'json_schema: a strict JSON schema (OpenAI-compatible)', false],
      ['none', 'none: plain text, parsed', false],
    ]);
    expect(html).toContain('<label for="model-maxReasks">Max re-asks per turn (0–10)</label>');
    expect(input(html, 'model-maxReasks')).toBe(
      '<input id="model-maxReasks" inputMode="numeric" placeholder="default 2" value=""/>',
    );
    expect(html).toContain('<label for="model-minCacheTokens">Minimum cacheable tokens</label>');
    expect(input(html, 'model-minCacheTokens')).toBe(
      '<input id="model-minCacheTokens" inputMode="numeric" placeholder="registry value" value=""/>',
    );
  });

  it('fills in an edited Anthropic model’s settings', () => {
    const spec = {
      id: 'claude',
      kind: 'llm' as const,
      provider: 'anthropic' as const,
      model: 'claude-x',
      scores: {},
      structuredOutput: 'none' as const,
      maxReasks: 1,
      minCacheTokens: 4096,
    };
    const html = render({
      id: 'claude',
      displayName: 'Claude',
      provider: 'anthropic',
      model: 'claude-x',
      scores: {},
      prices: null,
      source: 'user',
      spec,
    } as unknown as ModelView);
    expect(options(html).map(([v, label, on]) => `${v}|${label}|${on}`)).toEqual([
      '|Provider default (tool)|false',
      'tool|tool: a forced tool call (Anthropic)|false',
      'json_schema|json_schema: a strict JSON schema (OpenAI-compatible)|false',
      'none|none: plain text, parsed|true',
    ]);
    expect(input(html, 'model-maxReasks')).toContain('value="1"');
    expect(input(html, 'model-minCacheTokens')).toContain('value="4096"');
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LlmSpec } from '../../src-shared/participant';
import { startMockLlm, type MockLlm } from '../mock-llm/server';
import { createProviderClient } from './client';
import { ProviderError, classifyError, redact } from './errors';
import type { ChatRequest } from './types';

const KEY = 'sk-test-SECRET-0123456789abcdef';
let mock: MockLlm;

beforeAll(async () => {
  mock = await startMockLlm({ apiKey: KEY, retryAfterSec: 0, timeoutHoldMs: 5_000 });
});
afterAll(() => mock.close());

function anthropicSpec(extra: Partial<LlmSpec> = {}): LlmSpec {
  return {
    id: 'claude-mock',
    kind: 'llm',
    provider: 'anthropic',
    model: 'claude-mock',
    baseUrl: mock.url,
    scores: {},
    ...extra,
  };
}
function openaiSpec(extra: Partial<LlmSpec> = {}): LlmSpec {
  return {
    id: 'gpt-mock',
    kind: 'llm',
    provider: 'openai',
    model: 'gpt-mock',
    baseUrl: mock.openaiBaseUrl,
    scores: {},
    ...extra,
  };
}

/** 4 chars = 1 mock token: a system prompt of exactly `tokens` tokens. */
const pad = (tokens: number, seed: string) => (seed + 'x'.repeat(tokens * 4)).slice(0, tokens * 4);

describe('Anthropic SDK against the mock', () => {
  it('round-trips a completion with exact usage', async () => {
    const client = createProviderClient(
      anthropicSpec({ prices: { inputUsdPerMtok: 3, outputUsdPerMtok: 15 } }),
      KEY,
    );
    const result = await client.complete({
      system: 'abcd'.repeat(10),
      messages: [{ role: 'user', content: 'hi!!' }],
    });
    // 40 + 4 chars = 11 tokens of uncached input (prefix below 1024 tokens is not cached); "OK." = 1 token.
    expect(result.text).toBe('OK.');
    expect(result.usage).toEqual({
      inputTokens: 11,
      cacheWriteTokens: 0,
      cacheReadTokens: 0,
      outputTokens: 1,
      reasoningTokens: 0,
      costUsd: (11 * 3 + 1 * 15) / 1e6,
    });
    expect(result.httpStatus).toBe(200);
    expect(result.requestId).toMatch(/^req_/);
    expect(result.stopReason).toBe('end_turn');
  });

  it('writes then reads the cache at the breakpoints', async () => {
    const client = createProviderClient(
      anthropicSpec({ prices: { inputUsdPerMtok: 3, outputUsdPerMtok: 15 } }),
      KEY,
    );
    const system = pad(1500, 'anthropic-cache-test');
    const first: ChatRequest = {
      system,
      messages: [
        { role: 'user', content: pad(100, 'h1'), isCacheBreakpoint: true },
        { role: 'user', content: pad(10, 'phase') },
      ],
    };
    const r1 = await client.complete(first);
    expect([r1.usage.inputTokens, r1.usage.cacheWriteTokens, r1.usage.cacheReadTokens]).toEqual([
      10, 1600, 0,
    ]);
    const second: ChatRequest = {
      system,
      messages: [
        { role: 'user', content: pad(100, 'h1') },
        { role: 'user', content: pad(50, 'h2'), isCacheBreakpoint: true },
        { role: 'user', content: pad(10, 'phase') },
      ],
    };
    const r2 = await client.complete(second);
    expect([r2.usage.inputTokens, r2.usage.cacheWriteTokens, r2.usage.cacheReadTokens]).toEqual([
      10, 50, 1600,
    ]);
    // cost: 10 in * 3 + 50 write * 3.75 + 1600 read * 0.3 + 1 out * 15
    expect(r2.usage.costUsd).toBeCloseTo((10 * 3 + 50 * 3.75 + 1600 * 0.3 + 15) / 1e6, 12);
  });

  it('reports thinking tokens when a thinking budget is set', async () => {
    const client = createProviderClient(anthropicSpec({ thinkingBudget: 2048 }), KEY);
    const r = await client.complete({ system: 's', messages: [{ role: 'user', content: 'x' }] });
    expect(r.usage.reasoningTokens).toBe(64);
    expect(r.usage.outputTokens).toBe(65);
  });
});

describe('OpenAI SDK against the mock', () => {
  it('round-trips a completion with exact usage', async () => {
    const client = createProviderClient(openaiSpec({ reasoningEffort: 'low' }), KEY);
    const result = await client.complete({
      system: 'abcd'.repeat(10),
      messages: [{ role: 'user', content: 'hi!!' }],
    });
    // "<|system|>" + 40 + "<|user|>" + 4 = 62 chars = 16 tokens; 1 text + 16 reasoning tokens.
    expect(result.text).toBe('OK.');
    expect(result.usage).toEqual({
      inputTokens: 16,
      cacheWriteTokens: 0,
      cacheReadTokens: 0,
      outputTokens: 17,
      reasoningTokens: 16,
      costUsd: 0,
    });
    expect(result.requestId).toMatch(/^req_/);
    expect(result.stopReason).toBe('stop');
  });

  it('reads cached tokens in 128-token chunks of a repeated >= 1024-token prefix', async () => {
    const client = createProviderClient(openaiSpec(), KEY);
    const system = pad(1300, 'openai-cache-test');
    const r1 = await client.complete({ system, messages: [{ role: 'user', content: 'first' }] });
    expect(r1.usage.cacheReadTokens).toBe(0);
    const r2 = await client.complete({
      system,
      messages: [{ role: 'user', content: 'second, longer' }],
    });
    // The common prefix is "<|system|>" + 5200 chars = 1302.5 tokens -> 10 whole chunks of 128.
    expect(r2.usage.cacheReadTokens).toBe(1280);
    expect(r2.usage.inputTokens + r2.usage.cacheReadTokens).toBe(
      Math.ceil((10 + 5200 + 8 + 14) / 4),
    );
  });

  it('probes with one tiny completion on the endpoint the games use', async () => {
    const before = { ...mock.stats.byRoute };
    await createProviderClient(openaiSpec(), KEY).probe();
    await createProviderClient(openaiSpec({ provider: 'openrouter' }), KEY).probe();
    await createProviderClient(anthropicSpec(), KEY).probe();
    const delta = (route: string) => (mock.stats.byRoute[route] ?? 0) - (before[route] ?? 0);
    expect(
      ['POST /v1/chat/completions', 'POST /v1/messages', 'GET /v1/models', 'GET /v1/key'].map(
        delta,
      ),
    ).toEqual([2, 1, 0, 0]);
    await expect(
      createProviderClient(
        openaiSpec({ provider: 'openrouter' }),
        'sk-or-wrong-000000000000',
      ).probe(),
    ).rejects.toMatchObject({
      classification: { kind: 'auth', httpStatus: 401 },
    });
  });

  it('needs a baseUrl for local servers', () => {
    expect(() =>
      createProviderClient({ ...openaiSpec(), provider: 'local', baseUrl: undefined }, ''),
    ).toThrow(/needs baseUrl/);
  });
});

describe("the SDKs' standard base-URL environment variables (proxies, gateways)", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });
  const noBaseUrl = (spec: LlmSpec): LlmSpec => ({ ...spec, baseUrl: undefined });
  const delta = (before: Record<string, number>, route: string) =>
    (mock.stats.byRoute[route] ?? 0) - (before[route] ?? 0);

  it('Anthropic follows ANTHROPIC_BASE_URL when the model has no baseUrl', async () => {
    vi.stubEnv('ANTHROPIC_BASE_URL', mock.url);
    const before = { ...mock.stats.byRoute };
    await createProviderClient(noBaseUrl(anthropicSpec()), KEY).probe();
    expect(delta(before, 'POST /v1/messages')).toBe(1);
  });

  it('OpenAI follows OPENAI_BASE_URL when the model has no baseUrl', async () => {
    vi.stubEnv('OPENAI_BASE_URL', mock.openaiBaseUrl);
    const before = { ...mock.stats.byRoute };
    await createProviderClient(noBaseUrl(openaiSpec()), KEY).probe();
    expect(delta(before, 'POST /v1/chat/completions')).toBe(1);
  });

  it("a model's own baseUrl wins over the environment", async () => {
    // Nothing listens on port 1: reaching it would fail the probe.
    vi.stubEnv('ANTHROPIC_BASE_URL', 'http://127.0.0.1:1');
    vi.stubEnv('OPENAI_BASE_URL', 'http://127.0.0.1:1/v1');
    const before = { ...mock.stats.byRoute };
    await createProviderClient(anthropicSpec(), KEY).probe();
    await createProviderClient(openaiSpec(), KEY).probe();
    expect(delta(before, 'POST /v1/messages') + delta(before, 'POST /v1/chat/completions')).toBe(2);
  });
});

describe('error classification of injected faults', () => {
  const request: ChatRequest = { system: 's', messages: [{ role: 'user', content: 'x' }] };
  const cases = [
    {
      fault: '429',
      expected: { kind: 'rate_limit', retryable: true, httpStatus: 429, retryAfterMs: 0 },
    },
    { fault: '500', expected: { kind: 'server', retryable: true, httpStatus: 500 } },
    { fault: 'timeout', expected: { kind: 'timeout', retryable: true } },
    { fault: 'reset', expected: { kind: 'network', retryable: true } },
    { fault: 'auth', expected: { kind: 'auth', retryable: false, httpStatus: 401 } },
  ] as const;
  for (const format of ['anthropic', 'openai'] as const) {
    for (const { fault, expected } of cases) {
      it(`${format}: ${fault}`, async () => {
        const spec = format === 'anthropic' ? anthropicSpec() : openaiSpec();
        const client = createProviderClient(spec, KEY, { timeoutMs: 300 });
        mock.injectFault(fault);
        const err = await client.complete(request).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(ProviderError);
        const { message, ...rest } = classifyError(err);
        expect(rest).toEqual(expected);
        expect(message).not.toContain(KEY);
        expect(String((err as Error).stack)).not.toContain(KEY);
      });
    }
    it(`${format}: garbage is a 200 whose text is not JSON`, async () => {
      const client = createProviderClient(
        format === 'anthropic' ? anthropicSpec() : openaiSpec(),
        KEY,
      );
      mock.injectFault('garbage');
      const r = await client.complete(request);
      expect(r.httpStatus).toBe(200);
      expect(() => JSON.parse(r.text) as unknown).toThrow();
    });
  }

  it('a wrong key is an auth error whose message hides the key', async () => {
    const wrong = 'sk-wrong-KEY-abcdefghijklmnop';
    const err = await createProviderClient(openaiSpec(), wrong)
      .complete(request)
      .catch((e: unknown) => e);
    expect(classifyError(err).kind).toBe('auth');
    expect(JSON.stringify(classifyError(err))).not.toContain(wrong);
  });

  it('redacts a key that the error message would echo', () => {
    const c = classifyError(new Error(`bad header Authorization: Bearer ${KEY}`), [KEY]);
    expect(c.message).toBe('bad header Authorization: Bearer [redacted]');
    expect(c.kind).toBe('unknown');
  });

  it('leaves words alone when the stored secret is a short placeholder', () => {
    expect(redact('the test call failed', ['test'])).toBe('the test call failed');
    expect(redact('key sk-ant-abcdefghijklmnop leaked', ['short'])).toBe('key [redacted] leaked');
  });
});

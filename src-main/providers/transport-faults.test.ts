// Every way a reply can break in transit, through the real SDKs: each is a retryable provider
// error (never 'unknown', which fails a game), the scheduler retries it to success, and the
// offline probe uses the games' own endpoint, so a gateway without /v1/models is seen back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LlmSpec } from '../../src-shared/participant';
import { startMockLlm, type MockLlm } from '../mock-llm/server';
import {
  TRANSPORT_FAULTS,
  startFaultProxy,
  type FaultProxy,
  type TransportFault,
} from '../../tests/integration/fault-proxy';
import { createProviderClient } from './client';
import { ProviderError, classifyError, isRetryableFailure } from './errors';
import { ProviderScheduler } from './scheduler';
import type { ChatRequest } from './types';

const KEY = 'sk-test-TRANSPORT-0123456789abcdef';
let mock: MockLlm;
let proxy: FaultProxy;
beforeAll(async () => {
  mock = await startMockLlm({ apiKey: KEY });
  proxy = await startFaultProxy({ upstream: mock.url });
});
afterAll(async () => {
  await proxy.close();
  await mock.close();
});

const spec = (format: 'anthropic' | 'openai', baseUrl: string): LlmSpec => ({
  id: `${format}-mock`,
  kind: 'llm',
  provider: format,
  model: 'mock-1',
  baseUrl: format === 'anthropic' ? baseUrl : `${baseUrl}/v1`,
  scores: {},
});
const request: ChatRequest = { system: 's', messages: [{ role: 'user', content: 'x' }] };

const EXPECTED: Record<TransportFault, { kind: string; httpStatus?: number; message: RegExp }> = {
  truncated: {
    kind: 'bad_response',
    message: /^unreadable reply: (Unterminated string|Expected|Unexpected end).* JSON/,
  },
  empty: { kind: 'bad_response', message: /^unreadable reply: Unexpected end of JSON input$/ },
  'html-200': {
    kind: 'bad_response',
    httpStatus: 200,
    message: /^unreadable reply: not a .* response \(content-type text\/html\): <html><head>/,
  },
  'html-502': { kind: 'server', httpStatus: 502, message: /^502 / },
  'mid-body': { kind: 'network', message: /^terminated$/ },
  'wrong-type': {
    kind: 'bad_response',
    httpStatus: 200,
    message: /^unreadable reply: not a .* response \(content-type text\/plain\): \{"/,
  },
  'wrong-shape': {
    kind: 'bad_response',
    httpStatus: 200,
    message:
      /^unreadable reply: not a .* response \(content-type application\/json\): \{"status":"error"/,
  },
  reset: { kind: 'network', message: /^Connection error\.$/ },
};

describe('transport faults through the real SDKs', () => {
  for (const format of ['anthropic', 'openai'] as const) {
    for (const fault of TRANSPORT_FAULTS) {
      it(`${format}: ${fault} is a retryable ${EXPECTED[fault].kind} error`, async () => {
        const client = createProviderClient(spec(format, proxy.url), KEY, { timeoutMs: 2000 });
        proxy.inject(fault);
        const err = await client.complete(request).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(ProviderError);
        const { message, ...rest } = classifyError(err);
        const { message: pattern, ...expected } = EXPECTED[fault];
        expect(rest).toEqual({ ...expected, retryable: true });
        expect(message).toMatch(pattern);
        expect(message).not.toContain(KEY);
      });
    }
  }

  it('the scheduler retries every fault in turn and then returns the answer', async () => {
    const client = createProviderClient(spec('anthropic', proxy.url), KEY, { timeoutMs: 2000 });
    const scheduler = new ProviderScheduler({
      provider: 'anthropic',
      baseDelayMs: 1,
      maxDelayMs: 2,
      offlineAfterFailures: 100,
    });
    const before = proxy.stats.byRoute['POST /v1/messages'] ?? 0;
    proxy.inject(...TRANSPORT_FAULTS);
    const attempts: number[] = [];
    const result = await scheduler.run((attempt) => {
      attempts.push(attempt);
      return client.complete(request);
    });
    expect(result.text).toBe('OK.');
    expect(attempts).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect((proxy.stats.byRoute['POST /v1/messages'] ?? 0) - before).toBe(9);
    expect(scheduler.status).toBe('online');
  });

  it("a game's stored error from before these were retried counts as retryable", () => {
    expect(
      [
        'Unexpected end of JSON input',
        'Unterminated string in JSON at position 20',
        'terminated',
        'unreadable reply: not a Messages API response (content-type text/html): <html>',
        'database or disk is full',
        'could not build the game: items must be positive',
        '400 model not found',
        null,
      ].map(isRetryableFailure),
    ).toEqual([true, true, true, true, true, false, false, false]);
  });
});

describe('the offline probe uses the endpoint the games use', () => {
  it('Anthropic: a gateway that serves only /v1/messages answers the probe', async () => {
    const gateway = await startFaultProxy({ upstream: mock.url, onlyPaths: ['/v1/messages'] });
    try {
      await createProviderClient(spec('anthropic', gateway.url), KEY).probe();
      expect(gateway.stats.byRoute).toEqual({ 'POST /v1/messages': 1 });
    } finally {
      await gateway.close();
    }
  });

  it('OpenAI: a gateway that serves only /v1/chat/completions answers the probe', async () => {
    const gateway = await startFaultProxy({
      upstream: mock.url,
      onlyPaths: ['/v1/chat/completions'],
    });
    try {
      await createProviderClient(spec('openai', gateway.url), KEY).probe();
      expect(gateway.stats.byRoute).toEqual({ 'POST /v1/chat/completions': 1 });
    } finally {
      await gateway.close();
    }
  });

  it('a probe that gets a broken reply fails, so the provider stays offline', async () => {
    proxy.inject('html-200');
    await expect(
      createProviderClient(spec('openai', proxy.url), KEY).probe(),
    ).rejects.toMatchObject({ classification: { kind: 'bad_response', retryable: true } });
  });

  it('an offline provider comes back through the gateway and the waiting call completes', async () => {
    const gateway = await startFaultProxy({ upstream: mock.url, onlyPaths: ['/v1/messages'] });
    try {
      const client = createProviderClient(spec('anthropic', gateway.url), KEY, {
        timeoutMs: 2000,
      });
      const scheduler = new ProviderScheduler({
        provider: 'anthropic',
        baseDelayMs: 1,
        maxDelayMs: 2,
        offlineAfterFailures: 2,
        probeIntervalMs: 20,
        probe: (signal) => client.probe(signal),
      });
      const statuses: string[] = [];
      scheduler.onStatus((_p, status, detail) => statuses.push(`${status}: ${detail}`));
      gateway.inject('reset', 'reset');
      const result = await scheduler.run(() => client.complete(request));
      expect(result.text).toBe('OK.');
      expect(statuses).toEqual([
        'offline: 2 consecutive failures, last: network: Connection error.',
        'online: probe succeeded',
      ]);
      scheduler.dispose();
    } finally {
      await gateway.close();
    }
  });
});

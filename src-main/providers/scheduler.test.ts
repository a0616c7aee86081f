import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LlmSpec } from '../../src-shared/participant';
import { AgentPausedError } from '../engine/agent';
import { startMockLlm, type MockLlm } from '../mock-llm/server';
import { BudgetGuard } from './budget';
import { createProviderClient } from './client';
import { ProviderError } from './errors';
import { ProviderScheduler, type ProviderStatus } from './scheduler';

const KEY = 'sk-sched-SECRET-0123456789abcdef';
let mock: MockLlm;
beforeAll(async () => {
  mock = await startMockLlm({ apiKey: KEY, retryAfterSec: 1 });
});
afterAll(() => mock.close());

const spec = (): LlmSpec => ({
  id: 'gpt',
  kind: 'llm',
  provider: 'openai',
  model: 'gpt',
  baseUrl: mock.openaiBaseUrl,
  scores: {},
});
const request = { system: 's', messages: [{ role: 'user' as const, content: 'x' }] };

function recordingSleep() {
  const delays: number[] = [];
  return { delays, sleep: (ms: number) => (delays.push(ms), Promise.resolve()) };
}

function fail(kind: 'rate_limit' | 'server', retryAfterMs?: number): ProviderError {
  return new ProviderError(
    {
      kind,
      retryable: true,
      message: kind,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    },
    1,
  );
}

describe('ProviderScheduler', () => {
  it('honours retry-after from a real 429 and succeeds on the retry', async () => {
    const client = createProviderClient(spec(), KEY);
    const { delays, sleep } = recordingSleep();
    const scheduler = new ProviderScheduler({ provider: 'openai', sleep });
    mock.injectFault('429', 2);
    const result = await scheduler.run(() => client.complete(request));
    expect(result.text).toBe('OK.');
    expect(delays).toEqual([1000, 1000]);
  });

  it('caps retry-after and uses full-jitter exponential backoff otherwise', async () => {
    const { delays, sleep } = recordingSleep();
    const scheduler = new ProviderScheduler({
      provider: 'x',
      sleep,
      random: () => 0.5,
      maxRetryAfterMs: 60_000,
    });
    const errors = [fail('rate_limit', 120_000), fail('server'), fail('server'), fail('server')];
    const value = await scheduler.run(async () => {
      const e = errors.shift();
      if (e) throw e;
      return 42;
    });
    expect(value).toBe(42);
    // attempt 0: retry-after 120 s capped to 60 s; then 0.5 * min(30 s, 500 ms * 2^attempt).
    expect(delays).toEqual([60_000, 500, 1000, 2000]);
    expect(scheduler.delayFor({}, 10)).toBe(15_000);
  });

  it('halves concurrency on 429 (min 1) and recovers +1 after N successes', async () => {
    const { sleep } = recordingSleep();
    const scheduler = new ProviderScheduler({
      provider: 'x',
      sleep,
      maxConcurrency: 8,
      recoverAfterSuccesses: 2,
    });
    const seen: number[] = [];
    const statuses: ProviderStatus[] = [];
    scheduler.onStatus((_p, s) => statuses.push(s));
    const errors = [
      fail('rate_limit', 0),
      fail('rate_limit', 0),
      fail('rate_limit', 0),
      fail('rate_limit', 0),
    ];
    await scheduler.run(async () => {
      const e = errors.shift();
      seen.push(scheduler.concurrency);
      if (e) throw e;
    });
    expect(seen).toEqual([8, 4, 2, 1, 1]);
    for (let i = 0; i < 5; i++) await scheduler.run(async () => undefined);
    // Six successes in all (the first run's last attempt + five), +1 per two: 1 -> 4.
    expect(scheduler.concurrency).toBe(4);
    expect(statuses).toEqual(['rate_limited', 'online']);
  });

  it('never runs more calls at once than the limit', async () => {
    const scheduler = new ProviderScheduler({ provider: 'x', maxConcurrency: 3 });
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 12 }, () =>
        scheduler.run(async () => {
          peak = Math.max(peak, ++running);
          await new Promise((r) => setTimeout(r, 5));
          running--;
        }),
      ),
    );
    expect(peak).toBe(3);
  });

  it('goes offline after K failures, waits, and resumes when a probe succeeds', async () => {
    const client = createProviderClient(spec(), KEY, { timeoutMs: 2_000 });
    const scheduler = new ProviderScheduler({
      provider: 'openai',
      offlineAfterFailures: 3,
      baseDelayMs: 5,
      probeIntervalMs: 20,
      probe: (s) => client.probe(s),
    });
    const events: string[] = [];
    const wentOffline = new Promise<void>((resolve) =>
      scheduler.onStatus((_p, status) => {
        events.push(status);
        if (status === 'offline') resolve();
      }),
    );
    mock.setOffline(true);
    const call = scheduler.run(() => client.complete(request));
    await wentOffline;
    // Still waiting, not failed: give it a few probe intervals.
    const raced = await Promise.race([
      call.then(() => 'done'),
      new Promise((r) => setTimeout(() => r('waiting'), 100)),
    ]);
    expect(raced).toBe('waiting');
    expect(mock.stats.byFault.offline).toBeGreaterThanOrEqual(4);
    mock.setOffline(false);
    const result = await call;
    expect(result.text).toBe('OK.');
    expect(events).toEqual(['offline', 'online']);
    expect(scheduler.status).toBe('online');
  });

  it('pauses on an auth error and asks for the key, without calling again', async () => {
    const client = createProviderClient(spec(), 'sk-wrong-0123456789abcdef');
    const scheduler = new ProviderScheduler({ provider: 'openai' });
    const err = await scheduler.run(() => client.complete(request)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AgentPausedError);
    expect((err as AgentPausedError).reason).toBe('auth');
    expect((err as Error).message).toContain('parley keys set openai');
    expect((err as Error).message).not.toContain('sk-wrong-0123456789abcdef');
    expect(scheduler.status).toBe('auth_error');
    const before = mock.stats.requests;
    await expect(scheduler.run(() => client.complete(request))).rejects.toBeInstanceOf(
      AgentPausedError,
    );
    expect(mock.stats.requests).toBe(before);
    scheduler.resetAuth();
    expect(scheduler.status).toBe('online');
  });

  it('cancels a waiting call through its signal', async () => {
    const scheduler = new ProviderScheduler({
      provider: 'x',
      sleep: () => new Promise(() => undefined),
    });
    const controller = new AbortController();
    const call = scheduler.run(() => Promise.reject(fail('server')), { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toMatchObject({ reason: 'cancelled' });
  });
});

describe('BudgetGuard', () => {
  it('refuses a call that would cross the cap, counting reservations in flight', () => {
    const budget = new BudgetGuard(1.0, 0.5);
    const a = budget.reserve(0.3);
    expect(() => budget.reserve(0.3)).toThrow(AgentPausedError);
    try {
      budget.reserve(0.3);
    } catch (e) {
      expect((e as AgentPausedError).reason).toBe('budget');
      expect((e as Error).message).toMatch(/^budget cap reached/);
    }
    a.settle(0.1);
    expect(budget.spentUsd).toBeCloseTo(0.6, 12);
    expect(budget.remainingUsd).toBeCloseTo(0.4, 12);
    budget.reserve(0.4).settle(0.4);
    expect(() => budget.reserve(0.000001)).toThrow(/budget cap reached/);
  });
});

// The scheduler's queue order (oldest game first) and its concurrency from rate-limit headers.
import { describe, expect, it } from 'vitest';
import { ProviderScheduler } from './scheduler';
import { observingFetch, parseDuration, readRateLimit } from './rate-limits';

/** A call that stays in flight until released; records its start. */
function gate(started: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return {
    release,
    call: () => {
      started.push(name);
      return done.then(() => name);
    },
  };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('ProviderScheduler queue order', () => {
  it('grants waiting calls lowest priority first, ties in arrival order', async () => {
    const s = new ProviderScheduler({ provider: 'x', maxConcurrency: 1 });
    const started: string[] = [];
    const first = gate(started, 'running');
    const running = s.run(first.call, { priority: 5 });
    const gates = ['g3', 'g1a', 'g2', 'g1b'].map((n) => gate(started, n));
    const priorities = [3, 1, 2, 1];
    const runs = gates.map((g, i) => s.run(g.call, { priority: priorities[i] }));
    await tick();
    expect(started).toEqual(['running']);
    first.release();
    for (const g of [gates[1], gates[3], gates[2], gates[0]]) {
      await tick();
      g.release();
    }
    await Promise.all([running, ...runs]);
    expect(started).toEqual(['running', 'g1a', 'g1b', 'g2', 'g3']);
  });
});

describe('concurrency from rate-limit headers', () => {
  it('raises the limit to the requests left, bounded, and lowers it again', () => {
    const s = new ProviderScheduler({ provider: 'x', maxConcurrency: 4, headerMaxConcurrency: 32 });
    expect(s.concurrency).toBe(4);
    s.observeRateLimit({ requestsRemaining: 20 });
    expect(s.concurrency).toBe(20);
    s.observeRateLimit({ requestsRemaining: 500 });
    expect(s.concurrency).toBe(32);
    // 9000 tokens left at 2000 per call: room for 4 calls.
    s.observeRateLimit({ requestsRemaining: 500, tokensRemaining: 9000 });
    expect(s.concurrency).toBe(4);
    s.observeRateLimit({ requestsRemaining: 2 });
    expect(s.concurrency).toBe(2);
    s.dispose();
  });

  it('holds every call until the reset when the window is used up', async () => {
    const s = new ProviderScheduler({ provider: 'x', maxConcurrency: 4 });
    s.observeRateLimit({ requestsRemaining: 0, resetMs: 80 });
    expect(s.concurrency).toBe(1);
    const t0 = Date.now();
    const at = await s.run(() => Promise.resolve(Date.now()));
    expect(at - t0).toBeGreaterThanOrEqual(70);
    s.dispose();
  });
});

describe('rate-limit headers', () => {
  it("reads OpenAI's durations", () => {
    expect(parseDuration('20ms')).toBe(20);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('6m0s')).toBe(360_000);
    expect(parseDuration('1h2m3s')).toBe(3_723_000);
    expect(parseDuration('soon')).toBeUndefined();
  });

  it('reads Anthropic and OpenAI headers', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    expect(
      readRateLimit(
        new Headers({
          'anthropic-ratelimit-requests-remaining': '49',
          'anthropic-ratelimit-requests-reset': '2026-12-01T12:00:30Z',
          'anthropic-ratelimit-input-tokens-remaining': '30000',
          'anthropic-ratelimit-output-tokens-remaining': '8000',
        }),
        now,
      ),
    ).toEqual({ requestsRemaining: 49, tokensRemaining: 8000, resetMs: 30_000 });
    expect(
      readRateLimit(
        new Headers({
          'x-ratelimit-remaining-requests': '59',
          'x-ratelimit-remaining-tokens': '149984',
          'x-ratelimit-reset-requests': '1s',
        }),
      ),
    ).toEqual({ requestsRemaining: 59, tokensRemaining: 149984, resetMs: 1000 });
    expect(readRateLimit(new Headers({ 'content-type': 'application/json' }))).toBeNull();
  });

  it('reports every response through the observing fetch', async () => {
    const seen: unknown[] = [];
    const base = () =>
      Promise.resolve(new Response('{}', { headers: { 'x-ratelimit-remaining-requests': '7' } }));
    await observingFetch((i) => seen.push(i), base as typeof fetch)('http://127.0.0.1/x');
    expect(seen).toEqual([{ requestsRemaining: 7 }]);
  });
});

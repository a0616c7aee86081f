import { describe, expect, it } from 'vitest';
import { runMockLlmCli } from './cli';
import { startMockLlm } from './server';

async function post(
  url: string,
  path: string,
  body: unknown,
): Promise<{ status: number; json: unknown; headers: Headers }> {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as unknown, headers: res.headers };
}

const chat = { model: 'm', messages: [{ role: 'user', content: 'PHASE: thinking' }] };

describe('mock LLM server', () => {
  it('draws the same fault sequence for the same seed', async () => {
    const run = async () => {
      const mock = await startMockLlm({
        seed: 42,
        faultRate: 0.5,
        faults: ['429', '500'],
        retryAfterSec: 0,
      });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++)
        statuses.push((await post(mock.url, '/v1/chat/completions', chat)).status);
      await mock.close();
      return { statuses, stats: mock.stats };
    };
    const a = await run();
    const b = await run();
    expect(a.statuses).toEqual(b.statuses);
    expect(new Set(a.statuses).size).toBeGreaterThan(1);
    expect(a.stats.requests).toBe(12);
    expect(a.stats.byRoute).toEqual({ 'POST /v1/chat/completions': 12 });
    expect((a.stats.byFault['429'] ?? 0) + (a.stats.byFault['500'] ?? 0) + a.stats.ok).toBe(12);
  });

  it('answers each phase with JSON from the private state block, and 429 carries retry-after', async () => {
    const mock = await startMockLlm({ retryAfterSec: 3 });
    const system =
      '<private_state>{"game":"item-allocation","n":2,"you":1,"rounds":10,"preferences":{"values":[10,40,5,30,15]}}</private_state>';
    const proposal = await post(mock.url, '/v1/messages', {
      model: 'm',
      max_tokens: 200,
      system,
      messages: [
        { role: 'user', content: 'PHASE: proposal\nFORMAT: Reply with JSON {"allocation": [...]}' },
      ],
    });
    expect(proposal.json).toMatchObject({
      type: 'message',
      stop_reason: 'end_turn',
      content: [
        {
          type: 'text',
          text: JSON.stringify({
            proposal: { allocation: [0, 1, 0, 1, 0] },
            message: 'My proposal.',
          }),
        },
      ],
    });
    const listed = [
      { number: 1, proposer: 0, proposal: { allocation: [0, 1, 0, 1, 0] } },
      { number: 2, proposer: 0, proposal: { allocation: [0, 0, 0, 0, 0] } },
    ];
    const vote = await post(mock.url, '/v1/chat/completions', {
      model: 'm',
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: `PHASE: vote\nLISTED: ${JSON.stringify(listed)}` },
      ],
    });
    const text = (vote.json as { choices: { message: { content: string } }[] }).choices[0].message
      .content;
    expect(JSON.parse(text)).toEqual({
      votes: ['accept', 'reject'],
      reason: 'I accept proposals worth at least 40% of my maximum.',
    });
    mock.injectFault('429');
    const limited = await post(mock.url, '/v1/messages', {
      model: 'm',
      max_tokens: 10,
      messages: [],
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(limited.json).toEqual({
      type: 'error',
      error: { type: 'rate_limit_error', message: 'rate limited (mock)' },
    });
    await mock.close();
  });

  it('drops every request while offline and answers again afterwards', async () => {
    const mock = await startMockLlm();
    mock.setOffline(true);
    await expect(post(mock.url, '/v1/chat/completions', chat)).rejects.toThrow();
    mock.setOffline(false);
    expect((await post(mock.url, '/v1/chat/completions', chat)).status).toBe(200);
    expect(mock.stats.byFault).toEqual({ offline: 1 });
    await mock.close();
  });

  it('close() releases a held timeout connection at once', async () => {
    const mock = await startMockLlm({ timeoutHoldMs: 20_000 });
    mock.injectFault('timeout');
    const pending = post(mock.url, '/v1/chat/completions', chat).catch(() => 'dropped');
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await mock.close();
    expect(await pending).toBe('dropped');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('the CLI entry validates flags and prints the URL', async () => {
    const lines: string[] = [];
    const mock = await runMockLlmCli({ faultRate: '0.1', faults: '429,reset', latency: '5' }, (l) =>
      lines.push(l),
    );
    expect(lines[0]).toBe(`mock LLM listening on ${mock.url}`);
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await mock.close();
    await expect(runMockLlmCli({ faults: '429,boom' }, () => undefined)).rejects.toThrow(
      '--faults: unknown fault(s) boom',
    );
    await expect(runMockLlmCli({ faultRate: '2' }, () => undefined)).rejects.toThrow(
      '--fault-rate must be in [0, 1]',
    );
  });
});

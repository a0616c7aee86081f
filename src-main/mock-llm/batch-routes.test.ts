// The mock's batch APIs through the official SDKs: create, poll, results (in both formats),
// cancel, the OpenAI file upload and file content, injected errors and expiry; and its
// rate-limit headers.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI, { toFile } from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { runMockLlmCli } from './cli';
import { startMockLlm, type MockLlm } from './server';

let mock: MockLlm | undefined;
afterEach(() => mock?.close());

const params = (text: string) => ({
  model: 'mock-claude',
  max_tokens: 64,
  messages: [{ role: 'user' as const, content: `PHASE: thinking\n${text}` }],
});

describe('mock Anthropic Message Batches', () => {
  it('answers each request once the batch ends, with injected errors and expiry', async () => {
    mock = await startMockLlm({ batchDelayMs: 150 });
    const client = new Anthropic({ apiKey: 'k', baseURL: mock.url, maxRetries: 0 });
    mock.injectBatchFault('errored');
    mock.injectBatchFault('expired');
    const created = await client.messages.batches.create({
      requests: ['a', 'b', 'c'].map((id) => ({ custom_id: id, params: params(id) })),
    });
    expect(created.processing_status).toBe('in_progress');
    expect(created.results_url).toBeNull();
    await expect(client.messages.batches.results(created.id)).rejects.toThrow(/results_url/);
    await new Promise((r) => setTimeout(r, 200));
    const ended = await client.messages.batches.retrieve(created.id);
    expect(ended.processing_status).toBe('ended');
    expect(ended.request_counts).toEqual({
      processing: 0,
      succeeded: 1,
      errored: 1,
      canceled: 0,
      expired: 1,
    });
    const lines = [];
    for await (const line of await client.messages.batches.results(created.id)) lines.push(line);
    expect(lines.map((l) => [l.custom_id, l.result.type])).toEqual([
      ['a', 'errored'],
      ['b', 'expired'],
      ['c', 'succeeded'],
    ]);
    const ok = lines[2].result;
    expect(ok.type === 'succeeded' && ok.message.content[0].type).toBe('text');
    expect(lines[0].result).toEqual({
      type: 'errored',
      error: {
        type: 'error',
        error: { type: 'api_error', message: 'internal error (mock batch)' },
      },
    });
    expect(mock.batchStats).toMatchObject({
      created: { anthropic: 1, openai: 0 },
      requests: 3,
      byBatch: { [created.id]: ['a', 'b', 'c'] },
      outcomes: { errored: 1, expired: 1, succeeded: 1 },
    });
  });

  it('cancels a batch in progress: every request canceled', async () => {
    mock = await startMockLlm({ batchDelayMs: 60_000 });
    const client = new Anthropic({ apiKey: 'k', baseURL: mock.url, maxRetries: 0 });
    const created = await client.messages.batches.create({
      requests: [{ custom_id: 'x', params: params('x') }],
    });
    const canceled = await client.messages.batches.cancel(created.id);
    expect(canceled.processing_status).toBe('ended');
    const lines = [];
    for await (const line of await client.messages.batches.results(created.id)) lines.push(line);
    expect(lines).toEqual([{ custom_id: 'x', result: { type: 'canceled' } }]);
  });
});

describe('mock OpenAI Batch', () => {
  it('takes a JSONL upload and writes output and error files', async () => {
    mock = await startMockLlm();
    const client = new OpenAI({ apiKey: 'k', baseURL: mock.openaiBaseUrl, maxRetries: 0 });
    mock.injectBatchFault('expired');
    const jsonl = ['p', 'q']
      .map((id) =>
        JSON.stringify({
          custom_id: id,
          method: 'POST',
          url: '/v1/chat/completions',
          body: { model: 'mock-gpt', messages: [{ role: 'user', content: 'PHASE: thinking' }] },
        }),
      )
      .join('\n');
    const file = await client.files.create({
      file: await toFile(Buffer.from(jsonl), 'in.jsonl'),
      purpose: 'batch',
    });
    expect(file.purpose).toBe('batch');
    const batch = await client.batches.create({
      input_file_id: file.id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
    });
    const done = await client.batches.retrieve(batch.id);
    expect(done.status).toBe('completed');
    expect(done.request_counts).toEqual({ total: 2, completed: 1, failed: 1 });
    const read = async (id: string | null | undefined) =>
      (await (await client.files.content(id!)).text())
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    const output = await read(done.output_file_id);
    expect(
      output.map((l) => [l.custom_id, (l.response as { status_code: number }).status_code]),
    ).toEqual([['q', 200]]);
    const errors = await read(done.error_file_id);
    expect(errors.map((l) => [l.custom_id, l.response, l.error])).toEqual([
      [
        'p',
        null,
        { code: 'batch_expired', message: 'This request was not executed (batch_expired).' },
      ],
    ]);
    expect(mock.batchStats.uploads).toBe(1);
  });
});

describe('mock rate-limit headers', () => {
  it('counts down the window in both header formats', async () => {
    mock = await startMockLlm({ rateLimit: { requests: 3, tokens: 10_000, windowMs: 60_000 } });
    const post = (path: string, body: unknown) =>
      fetch(mock!.url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const a = await post('/v1/messages', params('a'));
    expect(a.headers.get('anthropic-ratelimit-requests-remaining')).toBe('2');
    expect(a.headers.get('anthropic-ratelimit-tokens-remaining')).toBe('9000');
    const o = await post('/v1/chat/completions', {
      model: 'm',
      messages: [{ role: 'user', content: 'PHASE: thinking' }],
    });
    expect(o.headers.get('x-ratelimit-remaining-requests')).toBe('1');
    expect(o.headers.get('x-ratelimit-remaining-tokens')).toBe('8000');
    expect(o.headers.get('x-ratelimit-reset-requests')).toMatch(/^(59(\.\d+)?s|1m0s)$/);
    mock.setRateLimit(null);
    expect(
      (await post('/v1/messages', params('b'))).headers.has(
        'anthropic-ratelimit-requests-remaining',
      ),
    ).toBe(false);
  });

  it('takes batch and rate-limit flags on the command line, refusing bad ones', async () => {
    await expect(runMockLlmCli({ rateLimit: '50/40000' }, () => undefined)).rejects.toThrow(
      '--rate-limit must be requests/tokens/seconds (e.g. 50/40000/60), got "50/40000"',
    );
    await expect(runMockLlmCli({ batchErrorRate: '2' }, () => undefined)).rejects.toThrow(
      '--batch-error-rate must be in [0, 1], got "2"',
    );
    mock = await runMockLlmCli({ batchDelay: '5', rateLimit: '5/100/1' }, () => undefined);
    const r = await fetch(`${mock.url}/v1/messages`, {
      method: 'POST',
      body: JSON.stringify(params('c')),
    });
    expect(r.headers.get('anthropic-ratelimit-requests-remaining')).toBe('4');
  });
});

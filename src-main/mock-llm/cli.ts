// `parley mock-llm [--port P] [--latency MS] [--fault-rate R] [--faults 429,500,...] [--batch-*]
// [--rate-limit R/T/S] [--prose]`: runs the mock provider in the foreground and prints its URL
// (for demos and manual testing). The flags are parsed by the CLI (src-main/cli/llm-commands.ts);
// this module checks and applies them.
import type { MockRateLimit } from './rate-limit-headers';
import { proseResponder } from './responder';
import { MOCK_FAULTS, startMockLlm, type MockFault, type MockLlm } from './server';

/** The command's flags as typed (commander's option values); missing ones take the defaults. */
export interface MockLlmFlags {
  port?: string;
  latency?: string;
  faultRate?: string;
  faults?: string;
  seed?: string;
  retryAfter?: string;
  batchDelay?: string;
  batchErrorRate?: string;
  batchExpireRate?: string;
  /** "requests/tokens/seconds" */
  rateLimit?: string;
  /** Answer like a model that ignores the format (responder.ts proseResponder). */
  prose?: boolean;
}

/**
 * Check the flags, start the server on 127.0.0.1 and print where it listens.
 * Resolves once listening; the process keeps running until the server is closed.
 */
export async function runMockLlmCli(
  flags: MockLlmFlags,
  print: (line: string) => void = (line) => console.log(line),
): Promise<MockLlm> {
  const faults = (flags.faults ?? MOCK_FAULTS.join(','))
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const unknown = faults.filter((f) => !(MOCK_FAULTS as readonly string[]).includes(f));
  if (unknown.length > 0) {
    throw new Error(
      `--faults: unknown fault(s) ${unknown.join(', ')}; use ${MOCK_FAULTS.join(',')}`,
    );
  }
  const faultRate = numberOption('--fault-rate', flags.faultRate ?? '0');
  if (faultRate < 0 || faultRate > 1) throw new Error('--fault-rate must be in [0, 1]');
  const mock = await startMockLlm({
    port: numberOption('--port', flags.port ?? '0'),
    latencyMs: numberOption('--latency', flags.latency ?? '0'),
    faultRate,
    faults: faults as MockFault[],
    seed: numberOption('--seed', flags.seed ?? '1'),
    retryAfterSec: numberOption('--retry-after', flags.retryAfter ?? '1'),
    batchDelayMs: numberOption('--batch-delay', flags.batchDelay ?? '0'),
    batchErrorRate: rateOption('--batch-error-rate', flags.batchErrorRate),
    batchExpireRate: rateOption('--batch-expire-rate', flags.batchExpireRate),
    ...(flags.rateLimit !== undefined ? { rateLimit: rateLimitOption(flags.rateLimit) } : {}),
    ...(flags.prose ? { responder: proseResponder } : {}),
  });
  print(`mock LLM listening on ${mock.url}${flags.prose ? ' (answering in prose)' : ''}`);
  print(`  Anthropic baseUrl: ${mock.url}`);
  print(`  OpenAI-compatible baseUrl: ${mock.openaiBaseUrl}`);
  return mock;
}

function rateOption(name: string, raw = '0'): number {
  const value = numberOption(name, raw);
  if (value > 1) throw new Error(`${name} must be in [0, 1], got "${raw}"`);
  return value;
}

/** "50/40000/60": 50 requests and 40,000 tokens per 60 s. */
function rateLimitOption(raw: string): MockRateLimit {
  const parts = raw.split('/');
  const [requests, tokens, seconds] = parts.map((p) => Number(p));
  if (parts.length !== 3 || ![requests, tokens, seconds].every((n) => Number.isFinite(n) && n > 0))
    throw new Error(
      `--rate-limit must be requests/tokens/seconds (e.g. 50/40000/60), got "${raw}"`,
    );
  return { requests, tokens, windowMs: seconds * 1000 };
}

function numberOption(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
}

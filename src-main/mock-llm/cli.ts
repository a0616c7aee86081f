// `parley mock-llm [--port P] [--latency MS] [--fault-rate R] [--faults 429,500,...] [--prose]`: runs the
// mock provider in the foreground and prints its URL (for demos and manual testing). The flags
// are parsed by the CLI (src-main/cli/llm-commands.ts); this module checks and applies them.
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
    ...(flags.prose ? { responder: proseResponder } : {}),
  });
  print(`mock LLM listening on ${mock.url}${flags.prose ? ' (answering in prose)' : ''}`);
  print(`  Anthropic baseUrl: ${mock.url}`);
  print(`  OpenAI-compatible baseUrl: ${mock.openaiBaseUrl}`);
  return mock;
}

function numberOption(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
}

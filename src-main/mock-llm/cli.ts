// `parley mock-llm [--port P] [--latency MS] [--fault-rate R] [--faults 429,500,...]`: runs the
// mock provider in the foreground and prints its URL (for demos and manual testing).
import { parseArgs } from 'node:util';
import { MOCK_FAULTS, startMockLlm, type MockFault, type MockLlm } from './server';

/**
 * Parse `argv` (arguments after `mock-llm`), start the server and print where it listens.
 * Resolves once listening; the process keeps running until the server is closed.
 */
export async function runMockLlmCli(
  argv: readonly string[],
  print: (line: string) => void = (line) => console.log(line),
): Promise<MockLlm> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      latency: { type: 'string', default: '0' },
      'fault-rate': { type: 'string', default: '0' },
      faults: { type: 'string', default: MOCK_FAULTS.join(',') },
      seed: { type: 'string', default: '1' },
      'retry-after': { type: 'string', default: '1' },
    },
    strict: true,
  });
  const faults = values.faults
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const unknown = faults.filter((f) => !(MOCK_FAULTS as readonly string[]).includes(f));
  if (unknown.length > 0) {
    throw new Error(
      `--faults: unknown fault(s) ${unknown.join(', ')}; use ${MOCK_FAULTS.join(',')}`,
    );
  }
  const faultRate = numberOption('--fault-rate', values['fault-rate']);
  if (faultRate < 0 || faultRate > 1) throw new Error('--fault-rate must be in [0, 1]');
  const mock = await startMockLlm({
    port: numberOption('--port', values.port),
    host: values.host,
    latencyMs: numberOption('--latency', values.latency),
    faultRate,
    faults: faults as MockFault[],
    seed: numberOption('--seed', values.seed),
    retryAfterSec: numberOption('--retry-after', values['retry-after']),
  });
  print(`mock LLM listening on ${mock.url}`);
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

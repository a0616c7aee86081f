// The sweep files shipped in resources/examples: each one validates, and the LLM dry run plays
// to the end against `parley mock-llm` with the real SDKs (its baseUrls moved to the mock's port).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockLlm, type MockLlm } from '../../src-main/mock-llm/server';
import { ROOT, runCli, tempDir } from './cli-helpers';
import { loopbackConfig, runCliAsync } from './llm-helpers';

const EXAMPLES = join(ROOT, 'resources', 'examples');
// Figure specs (figures.json, figures-price.json) are not sweeps.
const sweepFiles = readdirSync(EXAMPLES).filter(
  (f) => f.endsWith('.json') && !f.startsWith('figures'),
);

let mock: MockLlm | undefined;
let cleanup: (() => void) | undefined;
afterEach(async () => {
  await mock?.close();
  cleanup?.();
});

describe('shipped example sweeps', () => {
  it('are all valid sweep documents', () => {
    expect(sweepFiles).toEqual([
      'buy-sell.json',
      'deliberation-base.json',
      'deliberation-capability-incentive.json',
      'deliberation-mock-llm.json',
      'mock-llm-dry-run.json',
      'price-strategies.json',
      'resource-exchange.json',
      'strategy-baselines.json',
      'treaty-rho-theta.json',
      'ultimatum.json',
    ]);
    for (const f of sweepFiles) {
      const r = runCli(['validate', join(EXAMPLES, f)]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(
        new RegExp(
          `^${join(EXAMPLES, f).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: valid\\. \\d+ games in \\d+ cells`,
        ),
      );
    }
  });

  it('mock-llm-dry-run.json: estimates against its budget, then runs every game through both wire formats', async () => {
    mock = await startMockLlm({ apiKey: 'test' });
    const t = tempDir('parley-examples-');
    cleanup = t.cleanup;
    const text = readFileSync(join(EXAMPLES, 'mock-llm-dry-run.json'), 'utf8');
    expect(text).toContain('http://127.0.0.1:8787');
    const file = join(t.dir, 'dry-run.json');
    writeFileSync(file, text.replaceAll('http://127.0.0.1:8787', mock.url));
    const env = {
      ANTHROPIC_API_KEY: 'test',
      OPENAI_API_KEY: 'test',
      ...loopbackConfig(join(t.dir, 'config')),
    };
    const db = join(t.dir, 'parley.db');

    const estimate = await runCliAsync(['run', file, '--db', db, '--estimate'], env);
    expect(estimate.status).toBe(0);
    expect(estimate.stdout).toContain('Estimate for 12 unfinished games');
    expect(estimate.stdout).toMatch(/^ {2}calls {11}600$/m);
    expect(estimate.stdout).toMatch(
      /^ {2}budget cap {6}\$1\.00 \(below the estimate: if games run all rounds, new calls stop after about \d+% of them and the rest pause\)$/m,
    );

    const run = await runCliAsync(['run', file, '--db', db], env);
    expect(run.stderr).toMatch(
      /12\/12 finished, 0 running, 0 queued, 0 paused, 0 failed, 0 cancelled; \d+ tokens, \$0\.\d{4}\n$/,
    );
    expect(run.status).toBe(0);
    expect(mock.stats.byRoute['POST /v1/messages']).toBeGreaterThan(0);
    expect(mock.stats.byRoute['POST /v1/chat/completions']).toBeGreaterThan(0);
  });

  it('deliberation-base.json: plays the base game to the end with rule-based parties', () => {
    const t = tempDir('parley-examples-');
    cleanup = t.cleanup;
    const db = join(t.dir, 'parley.db');
    const run = runCli(['run', join(EXAMPLES, 'deliberation-base.json'), '--db', db]);
    expect(run.stderr).toMatch(
      /4\/4 finished, 0 running, 0 queued, 0 paused, 0 failed, 0 cancelled\n$/,
    );
    expect(run.status).toBe(0);
  });

  it('deliberation-mock-llm.json: plays the base game with LLM parties through both wire formats', async () => {
    mock = await startMockLlm({ apiKey: 'test' });
    const t = tempDir('parley-examples-');
    cleanup = t.cleanup;
    const text = readFileSync(join(EXAMPLES, 'deliberation-mock-llm.json'), 'utf8');
    const file = join(t.dir, 'deliberation.json');
    writeFileSync(file, text.replaceAll('http://127.0.0.1:8787', mock.url));
    const env = {
      ANTHROPIC_API_KEY: 'test',
      OPENAI_API_KEY: 'test',
      ...loopbackConfig(join(t.dir, 'config')),
    };
    const run = await runCliAsync(['run', file, '--db', join(t.dir, 'parley.db')], env);
    expect(run.stderr).toMatch(
      /2\/2 finished, 0 running, 0 queued, 0 paused, 0 failed, 0 cancelled; \d+ tokens, \$0\.\d{4}\n$/,
    );
    expect(run.status).toBe(0);
    // One call per scheduled turn after p1's fixed opening: Anthropic seats (Mayor, Union, DoT)
    // speak 4 times each; OpenAI seats 4 + SportCo's 4 and its final deal = 13, per game.
    expect(mock.stats.byRoute['POST /v1/messages']).toBe(2 * 12);
    expect(mock.stats.byRoute['POST /v1/chat/completions']).toBe(2 * 13);
  });
});

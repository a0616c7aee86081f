// The real `parley` CLI in child processes against the mock LLM (in this process): SIGKILL mid
// sweep then re-run equals an uninterrupted run with answers replayed from the cache, and no API
// key ever reaches the database, the exports, stdout or stderr.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { startMockLlm, type MockLlm } from '../../src-main/mock-llm/server';
import { createProviderClient } from '../../src-main/providers/client';
import { countRows, snapshot, tempDir, waitFor } from './cli-helpers';
import { ANTHROPIC_KEY, OPENAI_KEY, llmSweep, loopbackConfig, runCliAsync } from './llm-helpers';

const tmp = tempDir('parley-llm-cli-');
const mocks: MockLlm[] = [];
afterAll(async () => {
  for (const m of mocks) await m.close();
  tmp.cleanup();
});

const keysEnv = {
  ANTHROPIC_API_KEY: ANTHROPIC_KEY,
  OPENAI_API_KEY: OPENAI_KEY,
  ...loopbackConfig(join(tmp.dir, 'config')),
};
const completions = (m: MockLlm) =>
  (m.stats.byRoute['POST /v1/messages'] ?? 0) + (m.stats.byRoute['POST /v1/chat/completions'] ?? 0);

describe('parley run with LLM participants (child processes)', () => {
  it('SIGKILL mid-sweep, then re-run: the same games and turns as an uninterrupted run, cached answers not re-sent', async () => {
    const mock = await startMockLlm({ latencyMs: 15 });
    mocks.push(mock);
    const file = join(tmp.dir, 'kill.json');
    writeFileSync(file, JSON.stringify(llmSweep(mock.url, { runs: { count: 3, baseSeed: 5 } })));

    const refDb = join(tmp.dir, 'ref.db');
    const ref = await runCliAsync(['run', file, '--db', refDb], keysEnv);
    expect(ref.stderr).toContain('12/12 finished');
    expect(ref.status).toBe(0);
    const refRequests = completions(mock);
    expect(countRows(refDb, 'SELECT count(*) FROM response_cache')).toBe(refRequests);

    const killedDb = join(tmp.dir, 'killed.db');
    const before = completions(mock);
    const killed = await runCliAsync(['run', file, '--db', killedDb], keysEnv, (child) => {
      void waitFor(
        () => countRows(killedDb, 'SELECT count(*) FROM response_cache') >= refRequests / 3,
        60_000,
        5,
      ).then(() => child.kill('SIGKILL'));
    });
    expect(killed.signal).toBe('SIGKILL');
    const cachedAtKill = countRows(killedDb, 'SELECT count(*) FROM response_cache');
    expect(cachedAtKill).toBeLessThan(refRequests);
    expect(
      countRows(killedDb, "SELECT count(*) FROM games WHERE status = 'running'"),
    ).toBeGreaterThan(0);
    const sentBeforeKill = completions(mock) - before;

    const resumedFrom = completions(mock);
    const resumed = await runCliAsync(['run', file, '--db', killedDb], keysEnv);
    expect(resumed.stderr).toContain('interrupted games resumed');
    expect(resumed.status).toBe(0);
    expect(snapshot(killedDb)).toEqual(snapshot(refDb));
    // Every answer cached before the kill was replayed, not asked again.
    expect(completions(mock) - resumedFrom).toBe(refRequests - cachedAtKill);
    expect(sentBeforeKill).toBeGreaterThanOrEqual(cachedAtKill);

    // A third run finds nothing to do and sends nothing.
    const again = completions(mock);
    const third = await runCliAsync(['run', file, '--db', killedDb], keysEnv);
    expect(third.status).toBe(0);
    expect(completions(mock)).toBe(again);
  });

  it('keeps API keys out of the database, exports, stdout and stderr, also when a key is rejected', async () => {
    const anthropic = await startMockLlm({ apiKey: ANTHROPIC_KEY });
    const openai = await startMockLlm({ apiKey: OPENAI_KEY });
    mocks.push(anthropic, openai);
    const file = join(tmp.dir, 'leak.json');
    writeFileSync(
      file,
      JSON.stringify(
        llmSweep(anthropic.url, { runs: { count: 1 }, orders: ['weak_first'] }, openai.url),
      ),
    );
    const db = join(tmp.dir, 'leak.db');
    const outputs: string[] = [];
    const record = (r: { stdout: string; stderr: string }) => outputs.push(r.stdout, r.stderr);

    const run = await runCliAsync(['run', file, '--db', db], keysEnv);
    record(run);
    expect(run.status).toBe(0);
    const estimate = await runCliAsync(
      ['run', file, '--db', join(tmp.dir, 'estimate.db'), '--estimate'],
      keysEnv,
    );
    record(estimate);
    expect(estimate.stdout).toMatch(/calls\s+\d+/);
    for (const format of ['csv', 'json']) {
      const r = await runCliAsync(
        [
          'export',
          'llm integration',
          '--db',
          db,
          '--format',
          format,
          '--out',
          join(tmp.dir, 'export'),
        ],
        {},
      );
      record(r);
      expect(r.status).toBe(0);
    }
    const works = await runCliAsync(
      ['keys', 'test', 'anthropic', '--base-url', anthropic.url],
      keysEnv,
    );
    record(works);
    expect(works.stdout).toMatch(
      /^anthropic: the key from the (environment|OS keychain) works \(test request answered in \d+ ms\)\n$/,
    );

    // A rejected key: the games pause (not fail) and the message says how to fix it.
    const WRONG = 'sk-proj-WRONGKEY-9e8d7c6b5a4f3e2d';
    const badDb = join(tmp.dir, 'bad.db');
    const bad = await runCliAsync(['run', file, '--db', badDb], {
      ...keysEnv,
      OPENAI_API_KEY: WRONG,
    });
    record(bad);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('provider openai: auth_error');
    expect(bad.stderr).toContain('(paused): auth: openai: authentication failed');
    expect(bad.stderr).toContain('Run `parley keys set openai`, then resume.');
    expect(countRows(badDb, "SELECT count(*) FROM games WHERE status = 'failed'")).toBe(0);
    const rejected = await runCliAsync(
      ['keys', 'test', 'openai', '--base-url', `${openai.url}/v1`],
      { OPENAI_API_KEY: WRONG },
    );
    record(rejected);
    expect(rejected.status).toBe(1);
    expect(rejected.stderr).toContain(
      'parley: openai: the provider rejected the key from the environment (HTTP 401)',
    );

    const artifacts = [
      db,
      `${db}-wal`,
      badDb,
      `${badDb}-wal`,
      ...listFiles(join(tmp.dir, 'export')),
    ];
    const texts = [...outputs, ...artifacts.map((f) => readIfExists(f))];
    expect(texts.join('').length).toBeGreaterThan(10_000);
    for (const secret of [ANTHROPIC_KEY, OPENAI_KEY, WRONG]) {
      // The distinctive middle of each key, so partial leaks are caught too.
      const needle = secret.slice(8, 24);
      expect(texts.filter((t) => t.includes(needle))).toEqual([]);
    }
  });
});

describe('parley mock-llm (child process)', () => {
  it('serves both wire formats to the real SDKs, injects the faults its flags ask for, and stops on SIGTERM', async () => {
    let url = '';
    let child: ChildProcess | undefined;
    const run = runCliAsync(
      ['mock-llm', '--port', '0', '--fault-rate', '1', '--faults', '429', '--retry-after', '0'],
      {},
      (c) => {
        child = c;
        c.stdout?.on('data', (d: Buffer) => {
          const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(d.toString());
          if (m) url = m[1];
        });
      },
    );
    await waitFor(() => url !== '', 30_000);
    const request = {
      system: 's',
      messages: [{ role: 'user' as const, content: 'PHASE: thinking' }],
    };
    for (const [provider, baseUrl] of [
      ['anthropic', url],
      ['openai', `${url}/v1`],
    ] as const) {
      const client = createProviderClient(
        { id: provider, kind: 'llm', provider, model: 'm', scores: {}, baseUrl },
        'any-key',
      );
      await expect(client.complete(request)).rejects.toMatchObject({
        classification: { kind: 'rate_limit', httpStatus: 429, retryAfterMs: 0, retryable: true },
      });
    }
    child?.kill('SIGTERM');
    const done = await run;
    expect(done.status).toBe(0);
    expect(done.stdout).toBe(
      `mock LLM listening on ${url}\n  Anthropic baseUrl: ${url}\n  OpenAI-compatible baseUrl: ${url}/v1\n`,
    );
  });
});

describe('parley keys without a secret service', () => {
  it('says so, stores nothing, and points to the environment variable', async () => {
    const noBus = { DBUS_SESSION_BUS_ADDRESS: '', DISPLAY: '' };
    const set = await runCliAsync(['keys', 'set', 'anthropic'], noBus);
    expect(set.status).toBe(1);
    expect(set.stderr).toMatch(
      /^parley: OS keychain unavailable \(.+\); using environment variables\. Nothing was stored: export ANTHROPIC_API_KEY=\.\.\. in the shell that runs parley instead\.\n$/,
    );
    const test = await runCliAsync(['keys', 'test', 'anthropic'], noBus);
    expect(test.stderr).toBe(
      'parley: anthropic: no key: run `parley keys set anthropic` or set ANTHROPIC_API_KEY\n',
    );
  });
});

function readIfExists(file: string): string {
  try {
    return readFileSync(file).toString('latin1');
  } catch {
    return '';
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

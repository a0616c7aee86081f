// `parley cancel` of a batch sweep whose `parley run` was killed with its batches in flight:
// the batches are cancelled at the mock through the SDKs and the stored rows marked cancelled.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startMockLlm, type MockLlm } from '../../src-main/mock-llm/server';
import { countRows, tempDir, waitFor } from './cli-helpers';
import { ANTHROPIC_KEY, OPENAI_KEY, llmSweep, loopbackConfig, runCliAsync } from './llm-helpers';

const tmp = tempDir('parley-batch-cancel-cli-');
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

describe('parley cancel (child processes)', () => {
  it('cancels the stored batches of a killed batch run at the provider', async () => {
    const mock = await startMockLlm({ batchDelayMs: 60_000 });
    mocks.push(mock);
    const file = join(tmp.dir, 'batch.json');
    writeFileSync(
      file,
      JSON.stringify(
        llmSweep(mock.url, { concurrency: 8, batch: { tickSeconds: 0.05, pollSeconds: 0.05 } }),
      ),
    );
    const db = join(tmp.dir, 'batch.db');
    const killed = await runCliAsync(['run', file, '--db', db], keysEnv, (child) => {
      void waitFor(
        () => countRows(db, 'SELECT count(*) FROM provider_batches') >= 2,
        60_000,
        5,
      ).then(() => child.kill('SIGKILL'));
    });
    expect(killed.signal).toBe('SIGKILL');
    expect(mock.batchStats.created).toEqual({ anthropic: 1, openai: 1 });
    expect(mock.batchStats.cancels).toBe(0);

    const cancel = await runCliAsync(['cancel', 'llm integration', '--db', db], keysEnv);
    expect(cancel.stderr).toBe('');
    expect(cancel.status).toBe(0);
    // The killed run left its 8 games 'running'; cancel takes the queued and paused ones only.
    expect(cancel.stdout).toMatch(
      /^Sweep [0-9a-f]{8} llm integration cancelled: 0 games, 2 provider batches cancelled\.\n$/,
    );
    expect(mock.batchStats.cancels).toBe(2);
    expect(countRows(db, "SELECT count(*) FROM provider_batches WHERE status = 'cancelled'")).toBe(
      2,
    );
    expect(countRows(db, "SELECT count(*) FROM sweeps WHERE status = 'cancelled'")).toBe(1);

    // Again: nothing left to cancel, and the mock hears nothing more.
    const again = await runCliAsync(['cancel', 'llm integration', '--db', db], keysEnv);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/cancelled: 0 games, 0 provider batches cancelled\.\n$/);
    expect(mock.batchStats.cancels).toBe(2);
  });
});

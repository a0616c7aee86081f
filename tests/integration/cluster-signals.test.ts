// `parley run` pauses on SIGTERM as on Ctrl-C: scancel and SLURM's time limit send SIGTERM, and
// a task that pauses leaves its games paused (not "running") and exits 1, ready to resume.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startMockLlm, type MockLlm } from '../../src-main/mock-llm/server';
import { countRows, snapshot, tempDir, waitFor } from './cli-helpers';
import { ANTHROPIC_KEY, OPENAI_KEY, llmSweep, loopbackConfig, runCliAsync } from './llm-helpers';

const tmp = tempDir('parley-cluster-signals-');
const mocks: MockLlm[] = [];
afterAll(async () => {
  for (const m of mocks) await m.close();
  tmp.cleanup();
});
// Keys go only to allowed hosts: a config folder that allows the mock on 127.0.0.1.
const keysEnv = {
  ANTHROPIC_API_KEY: ANTHROPIC_KEY,
  OPENAI_API_KEY: OPENAI_KEY,
  ...loopbackConfig(join(tmp.dir, 'config')),
};

describe('parley run and SIGTERM', () => {
  it('pauses after the calls in flight, exits 1, and the next run finishes the same games', async () => {
    const mock = await startMockLlm({ latencyMs: 20 });
    mocks.push(mock);
    const file = join(tmp.dir, 'sweep.json');
    writeFileSync(file, JSON.stringify(llmSweep(mock.url, { runs: { count: 2, baseSeed: 7 } })));
    const db = join(tmp.dir, 'term.db');
    const turns = () => countRows(db, 'SELECT count(*) FROM turns');

    const stopped = await runCliAsync(['run', file, '--db', db], keysEnv, (child) => {
      void waitFor(() => turns() >= 6, 60_000, 5).then(() => child.kill('SIGTERM'));
    });
    expect(stopped.signal).toBe(null);
    expect(stopped.status).toBe(1);
    expect(stopped.stderr).toContain('Pausing after the calls in flight');
    // The closing line says what the rerun will do (the runner's own wording).
    expect(stopped.stderr).toMatch(/Run the same command again to resume the \d+ games? paused\./);
    expect(countRows(db, "SELECT count(*) FROM games WHERE status = 'running'")).toBe(0);
    expect(countRows(db, "SELECT count(*) FROM games WHERE status = 'paused'")).toBeGreaterThan(0);
    expect(countRows(db, "SELECT count(*) FROM games WHERE status = 'finished'")).toBeLessThan(8);

    const resumed = await runCliAsync(['run', file, '--db', db], keysEnv);
    expect(resumed.stderr).toContain('8/8 finished');
    expect(resumed.status).toBe(0);

    const ref = join(tmp.dir, 'ref.db');
    expect((await runCliAsync(['run', file, '--db', ref], keysEnv)).status).toBe(0);
    expect(snapshot(db)).toEqual(snapshot(ref));
  });
});

// Two `parley run` processes on one database file, against the mock LLM in this process: they
// play disjoint games; one is SIGKILLed mid-sweep and the other takes over its games. The
// result equals a single uninterrupted run, and the only calls made twice (counted at the
// mock) are the ones the killed runner had in flight.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startMockLlm, type MockLlm } from '../../src-main/mock-llm/server';
import { countRows, tempDir, waitFor } from './cli-helpers';
import { byPlan, llmSweep, runCliAsync } from './llm-helpers';

const tmp = tempDir('parley-shared-db-');
const mocks: MockLlm[] = [];
afterAll(async () => {
  for (const m of mocks) await m.close();
  tmp.cleanup();
});

const completions = (m: MockLlm) => m.stats.byRoute['POST /v1/chat/completions'] ?? 0;
/** Local models need no key, so no key scoping is involved here. */
function localSweep(mockUrl: string) {
  const doc = llmSweep(mockUrl, { runs: { count: 3, baseSeed: 21 }, concurrency: 2 });
  return {
    ...doc,
    participants: (doc.participants ?? []).map((p) => ({
      ...p,
      provider: 'local' as const,
      baseUrl: `${mockUrl}/v1`,
    })),
  };
}

describe('runners sharing one database', () => {
  it('play disjoint games; after one is SIGKILLed the other finishes its games: same result, no call twice beyond those in flight', async () => {
    // The same deterministic responder twice: a fast one for the reference run, a slow one for
    // the shared run, so that the kill lands mid-sweep.
    const refMock = await startMockLlm();
    const mock = await startMockLlm({ latencyMs: 100 });
    mocks.push(refMock, mock);
    const refFile = join(tmp.dir, 'ref.json');
    const file = join(tmp.dir, 'sweep.json');
    writeFileSync(refFile, JSON.stringify(localSweep(refMock.url)));
    writeFileSync(file, JSON.stringify(localSweep(mock.url)));
    const env = { PARLEY_LEASE_SECONDS: '1' };

    const refDb = join(tmp.dir, 'ref.db');
    const refRun = runCliAsync(['run', refFile, '--db', refDb], env);

    const db = join(tmp.dir, 'shared.db');
    const before = completions(mock);
    // Both runners start together; B is killed once both hold games.
    let aTurnsAtKill = 0;
    const b = runCliAsync(['run', file, '--db', db], env, (child) => {
      void waitFor(
        () =>
          countRows(db, `SELECT count(DISTINCT lease_owner) FROM games WHERE status = 'running'`) >=
            2 && countRows(db, 'SELECT count(*) FROM turns') >= 40,
        60_000,
        5,
      ).then(() => {
        aTurnsAtKill = countRows(db, 'SELECT count(*) FROM turns');
        child.kill('SIGKILL');
      });
    });
    const a = await runCliAsync(['run', file, '--db', db], env);
    const killed = await b;

    const ref = await refRun;
    expect(ref.stderr).toContain('12/12 finished');
    expect(ref.status).toBe(0);
    const refCalls = completions(refMock);
    expect(refCalls).toBe(countRows(refDb, 'SELECT count(*) FROM calls'));

    expect(killed.signal).toBe('SIGKILL');
    expect(aTurnsAtKill).toBeGreaterThanOrEqual(40);
    // A played its own games and then B's, from their last committed turn.
    expect(a.stderr).toContain('12/12 finished');
    expect(a.status).toBe(0);
    const result = byPlan(db);
    expect(result).toHaveLength(12);
    expect(result).toEqual(byPlan(refDb));
    expect(countRows(db, 'SELECT count(*) FROM games WHERE lease_owner IS NOT NULL')).toBe(0);

    // Calls B had in flight (recorded as sent, no answer) were sent again by A; nothing else was
    // (an in-flight call may not have reached the mock before the kill).
    const inFlight = countRows(db, "SELECT count(*) FROM calls WHERE status = 'sent'");
    expect(inFlight).toBeGreaterThan(0);
    const twice = completions(mock) - before - refCalls;
    expect(twice).toBeGreaterThanOrEqual(0);
    expect(twice).toBeLessThanOrEqual(inFlight);
    // The killed runner's unanswered calls count at their estimate in the ledger.
    expect(
      countRows(db, "SELECT count(*) FROM calls WHERE status = 'sent' AND estimated_cost_usd > 0"),
    ).toBe(inFlight);
    expect(countRows(db, "SELECT count(*) FROM calls WHERE status = 'ok'")).toBe(refCalls);
  });
});

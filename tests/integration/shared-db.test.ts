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
    mocks.push(refMock);
    const refFile = join(tmp.dir, 'ref.json');
    const file = join(tmp.dir, 'sweep.json');
    writeFileSync(refFile, JSON.stringify(localSweep(refMock.url)));
    const env = { PARLEY_LEASE_SECONDS: '1' };

    const refDb = join(tmp.dir, 'ref.db');
    const refRun = runCliAsync(['run', refFile, '--db', refDb], env);

    // Both runners start together; B is killed once both hold games and B has a call in flight.
    // A kill is a race with B's own progress: where B ended before it landed (a fast machine),
    // the pair runs again on a fresh database and mock, at most three times.
    let db = '';
    let mock = await startMockLlm({ latencyMs: 100 });
    mocks.push(mock);
    let before = 0;
    let aTurnsAtKill = 0;
    let a: Awaited<ReturnType<typeof runCliAsync>> | undefined;
    let killed: Awaited<ReturnType<typeof runCliAsync>> | undefined;
    for (let attempt = 1; attempt <= 3; attempt++) {
      if (attempt > 1) {
        mock = await startMockLlm({ latencyMs: 100 });
        mocks.push(mock);
      }
      writeFileSync(file, JSON.stringify(localSweep(mock.url)));
      db = join(tmp.dir, `shared-${attempt}.db`);
      before = completions(mock);
      const dbNow = db;
      const b = runCliAsync(['run', file, '--db', dbNow], env, (child) => {
        // B's lease owner names its process id; the kill waits for a call of B's in flight (the
        // games in play commit their phases together, so just after a commit none may be).
        const ofB = `g.lease_owner LIKE '%:${child.pid}:%'`;
        void waitFor(
          () =>
            countRows(
              dbNow,
              `SELECT count(DISTINCT lease_owner) FROM games WHERE status = 'running'`,
            ) >= 2 &&
            countRows(dbNow, 'SELECT count(*) FROM turns') >= 40 &&
            countRows(
              dbNow,
              `SELECT count(*) FROM calls c JOIN games g ON g.id = c.game_id
               WHERE c.status = 'sent' AND ${ofB}`,
            ) > 0,
          60_000,
          5,
        ).then(() => {
          aTurnsAtKill = countRows(dbNow, 'SELECT count(*) FROM turns');
          child.kill('SIGKILL');
        });
      });
      a = await runCliAsync(['run', file, '--db', dbNow], env);
      killed = await b;
      if (killed.signal === 'SIGKILL') break;
    }
    const ref = await refRun;
    expect(ref.stderr).toContain('12/12 finished');
    expect(ref.status).toBe(0);
    const refCalls = completions(refMock);
    expect(refCalls).toBe(countRows(refDb, 'SELECT count(*) FROM calls'));

    if (!a || !killed) throw new Error('the shared run did not start');
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

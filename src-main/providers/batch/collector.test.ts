// The collector over a scripted transport and a real store: oldest game first in a batch,
// requests the provider did not report retried, a failed submission handed back to the caller,
// a poll that fails tried again, and a pending request dropped when its caller gives up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batchSettingsOf } from '../../../src-shared/batch';
import { openStore } from '../../store/store';
import type { Store } from '../../store/types';
import { BatchCollector, MAX_POLL_FAILURES } from './collector';
import { runInBatchCall } from './context';
import type { BatchLine, BatchOutcome, BatchTransport } from './transport';

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-collector-'));
  store = openStore(join(dir, 'p.db'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A transport whose batches end at the second poll; `answer` decides each outcome. */
function scripted(answer: (line: BatchLine, batch: number) => BatchOutcome | null) {
  const created: BatchLine[][] = [];
  const polls = new Map<string, number>();
  let failCreate = 0;
  let failPoll = 0;
  const transport: BatchTransport = {
    create(lines) {
      if (failCreate > 0) {
        failCreate--;
        return Promise.reject(new Error('create failed'));
      }
      created.push([...lines]);
      return Promise.resolve(`b${created.length}`);
    },
    isEnded(id) {
      if (failPoll > 0) {
        failPoll--;
        return Promise.reject(new Error('poll failed'));
      }
      polls.set(id, (polls.get(id) ?? 0) + 1);
      return Promise.resolve((polls.get(id) ?? 0) >= 2);
    },
    results(id) {
      const n = Number(id.slice(1));
      return Promise.resolve(created[n - 1].flatMap((l) => answer(l, n) ?? []));
    },
    cancel: () => Promise.resolve(),
  };
  return {
    transport,
    created,
    failNextCreate: () => failCreate++,
    failNextPoll: () => failPoll++,
  };
}

const ok = (l: BatchLine): BatchOutcome => ({
  customId: l.customId,
  type: 'succeeded',
  body: { echo: l.body.q },
  requestId: null,
});

function collector(transport: BatchTransport) {
  return new BatchCollector({
    provider: 'anthropic',
    baseUrl: 'http://127.0.0.1:1',
    model: 'm',
    sweepId: 's',
    settings: batchSettingsOf({ tickSeconds: 0.01, pollSeconds: 0.005 })!,
    transport,
    store,
    online: () => Promise.reject(new Error('no online calls here')),
  });
}

function ask(c: BatchCollector, gameId: string, rank: number, q: string, signal?: AbortSignal) {
  const call = { gameId, rank, servedBy: null, batchId: null, retries: 0 };
  return runInBatchCall(call, async () => {
    const r = await c.fetch('http://127.0.0.1:1/v1/messages', {
      method: 'POST',
      body: JSON.stringify({ q }),
      signal,
    });
    return { status: r.status, body: (await r.json()) as unknown, call };
  });
}

describe('BatchCollector', () => {
  it('sends one batch per tick, oldest game first, and answers each caller', async () => {
    const t = scripted(ok);
    const c = collector(t.transport);
    const answers = await Promise.all([
      ask(c, 'g2', 2, 'c'),
      ask(c, 'g0', 0, 'a'),
      ask(c, 'g1', 1, 'b'),
    ]);
    expect(t.created.map((b) => b.map((l) => l.body.q))).toEqual([['a', 'b', 'c']]);
    expect(answers.map((a) => [a.status, a.body, a.call.servedBy, a.call.batchId])).toEqual([
      [200, { echo: 'c' }, 'batch', 'b1'],
      [200, { echo: 'a' }, 'batch', 'b1'],
      [200, { echo: 'b' }, 'batch', 'b1'],
    ]);
    expect(store.listOpenBatches({ provider: 'anthropic', baseUrl: 'http://127.0.0.1:1' })).toEqual(
      [],
    );
    c.dispose();
  });

  it('puts a request the results left out into the next batch, and errors after the retries', async () => {
    // 'lost' is never reported; 'bad' errors with a 400 (not retried).
    const t = scripted((l) =>
      l.body.q === 'lost'
        ? null
        : l.body.q === 'bad'
          ? { customId: l.customId, type: 'errored', httpStatus: 400, body: { error: 'bad' } }
          : ok(l),
    );
    const c = collector(t.transport);
    const [lost, bad, fine] = await Promise.all([
      ask(c, 'g0', 0, 'lost'),
      ask(c, 'g1', 1, 'bad'),
      ask(c, 'g2', 2, 'fine'),
    ]);
    expect(t.created.map((b) => b.map((l) => l.body.q))).toEqual([
      ['lost', 'bad', 'fine'],
      ['lost'],
      ['lost'],
      ['lost'],
    ]);
    expect([lost.status, lost.call.retries]).toEqual([503, 3]);
    expect(bad).toMatchObject({ status: 400, body: { error: 'bad' }, call: { retries: 0 } });
    expect(fine.status).toBe(200);
    c.dispose();
  });

  it('hands a failed submission to the caller and survives a failed poll', async () => {
    const t = scripted(ok);
    const c = collector(t.transport);
    t.failNextCreate();
    await expect(ask(c, 'g0', 0, 'a')).rejects.toThrow('create failed');
    t.failNextPoll();
    expect((await ask(c, 'g0', 0, 'a')).body).toEqual({ echo: 'a' });
    expect(t.created).toHaveLength(1);
    c.dispose();
  });

  it('re-batches the requests of a batch it cannot poll, after MAX_POLL_FAILURES', async () => {
    const t = scripted(ok);
    const c = collector(t.transport);
    for (let i = 0; i < MAX_POLL_FAILURES; i++) t.failNextPoll();
    const answer = await ask(c, 'g0', 0, 'a');
    expect(answer).toMatchObject({
      status: 200,
      body: { echo: 'a' },
      call: { batchId: 'b2', retries: 1 },
    });
    expect(t.created.map((b) => b.map((l) => l.body.q))).toEqual([['a'], ['a']]);
    c.dispose();
  });

  it('drops a collected request whose caller gave up, before it is sent', async () => {
    const t = scripted(ok);
    const c = collector(t.transport);
    const controller = new AbortController();
    const gone = ask(c, 'g0', 0, 'gone', controller.signal);
    const kept = ask(c, 'g1', 1, 'kept');
    controller.abort();
    await expect(gone).rejects.toThrow('aborted');
    expect((await kept).body).toEqual({ echo: 'kept' });
    expect(t.created.map((b) => b.map((l) => l.body.q))).toEqual([['kept']]);
    c.dispose();
  });
});

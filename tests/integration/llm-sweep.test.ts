// A full sweep of LLM agents over both wire formats (the real Anthropic and OpenAI SDKs against
// the mock LLM on 127.0.0.1), and parse failures that are re-asked and recorded, never crash.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startMockLlm, type MockLlm } from '../../src-main/mock-llm/server';
import { defaultResponder } from '../../src-main/mock-llm/responder';
import { lastMarkerValue, PHASE_MARKER } from '../../src-main/agents/llm/prompt-markers';
import { openStore } from '../../src-main/store/store';
import type { Store } from '../../src-main/store/types';
import { LlmRuntime } from '../../src-main/providers/runtime';
import { SweepService, validateSweepDoc } from '../../src-main/sweeps/service';
import {
  plainText,
  ANTHROPIC_KEY,
  expectedTurnKeys,
  llmSweep,
  runLlmSweep,
  sumCalls,
  testKeys,
} from './llm-helpers';
import { tempDir } from './cli-helpers';

let mock: MockLlm | undefined;
let store: Store | undefined;
let cleanup: (() => void) | undefined;
afterEach(async () => {
  store?.close();
  await mock?.close();
  cleanup?.();
});

function open(): Store {
  const t = tempDir('parley-llm-');
  cleanup = t.cleanup;
  store = openStore(join(t.dir, 'parley.db'));
  return store;
}

describe('LLM sweep over both wire formats', () => {
  it('plays every game to the end, recording every call and committing every turn', async () => {
    mock = await startMockLlm({ apiKey: ANTHROPIC_KEY, latencyMs: 2 });
    // The mock checks one key; give both providers the same one for this test.
    const s = open();
    const doc = llmSweep(mock.url);
    const run = await runLlmSweep(s, doc, {
      keys: { ...testKeys, get: () => Promise.resolve({ key: ANTHROPIC_KEY, source: 'env' }) },
    });
    const games = s.listGames({ sweepId: run.sweepId });
    expect(games).toHaveLength(8);
    expect(games.map((g) => g.status)).toEqual(new Array(8).fill('finished'));
    expect(mock.stats.byRoute['POST /v1/messages']).toBeGreaterThan(0);
    expect(mock.stats.byRoute['POST /v1/chat/completions']).toBeGreaterThan(0);
    for (const g of games) {
      const turns = s.getTurns(g.id);
      const { expected, actual } = expectedTurnKeys(turns, 2, 1, g.outcome!.round, 3);
      expect(actual).toEqual(expected);
      expect(turns.filter((t) => t.status !== 'ok')).toEqual([]);
      const calls = s.listCalls(g.id);
      // One call per agent turn (no faults, no re-asks), each answered with a 200.
      expect(calls.length).toBe(turns.filter((t) => t.agent >= 0 && t.phase !== 'setup').length);
      expect(new Set(calls.map((c) => `${c.status}/${c.httpStatus}`))).toEqual(new Set(['ok/200']));
      const seatProvider = g.participants.map((p) => (p.kind === 'llm' ? p.provider : ''));
      for (const c of calls) expect(c.provider).toBe(seatProvider[c.agent]);
    }
    const totals = s.callTotals({ sweepId: run.sweepId });
    const summed = sumCalls(
      s,
      games.map((g) => g.id),
    );
    expect({ ...totals, costUsd: Number(totals.costUsd.toFixed(9)) }).toEqual({
      ...summed,
      costUsd: Number(summed.costUsd.toFixed(9)),
      byStatus: { sent: 0, ok: summed.calls, error: 0 },
    });
    expect(totals.calls).toBe(
      mock.stats.byRoute['POST /v1/messages'] + mock.stats.byRoute['POST /v1/chat/completions'],
    );
    // Anthropic calls mark breakpoints, so later calls of a game read their prefix from cache.
    const anthropicCalls = games
      .flatMap((g) => s.listCalls(g.id))
      .filter((c) => c.provider === 'anthropic');
    expect(anthropicCalls.some((c) => c.cacheReadTokens > 0)).toBe(true);
    expect(s.cacheGet(anthropicCalls[0].requestHash)).toMatchObject({ httpStatus: 200 });
  });

  it('re-asks a reply that does not parse with the error, then records a parse failure with the raw text', async () => {
    const GARBAGE = 'I would rather not answer in JSON today.';
    const reasks: string[] = [];
    mock = await startMockLlm({
      responder: (req) => {
        const phase = lastMarkerValue(req.lastUserText, PHASE_MARKER);
        if (req.lastUserText.startsWith('Your reply could not be used'))
          reasks.push(req.lastUserText);
        // Thinking never parses; the first proposal of each call is garbage, the re-ask is fine.
        if (phase === 'thinking') return GARBAGE;
        if (phase === 'proposal' && !req.lastUserText.startsWith('Your reply could not be used'))
          return GARBAGE;
        return defaultResponder(req);
      },
    });
    const s = open();
    const doc = plainText(
      llmSweep(mock.url, {
        competition: { levels: [1] },
        orders: ['weak_first'],
        runs: { count: 1, baseSeed: 3 },
      }),
    );
    const run = await runLlmSweep(s, doc, { maxParseAttempts: 3 });
    const [game] = s.listGames({ sweepId: run.sweepId });
    expect(game.status).toBe('finished');
    const turns = s.getTurns(game.id);
    const thinking = turns.filter((t) => t.phase === 'thinking');
    expect(thinking.length).toBeGreaterThan(0);
    for (const t of thinking) {
      expect(t).toMatchObject({
        status: 'parse_failure',
        text: GARBAGE,
        error: 'the reply contains no JSON object',
        visibility: 'private',
        mode: 'none',
        calls: 3,
      });
    }
    expect(game.outcome!.parseFailures).toEqual([thinking.length / 2, thinking.length / 2]);
    // Each thinking turn cost 3 calls (1 + 2 re-asks); each proposal 2 (garbage, then valid).
    const calls = s.listCalls(game.id);
    expect(calls.filter((c) => c.phase === 'thinking')).toHaveLength(3 * thinking.length);
    const proposals = turns.filter((t) => t.phase === 'proposal');
    expect(proposals.every((t) => t.status === 'ok')).toBe(true);
    expect(calls.filter((c) => c.phase === 'proposal')).toHaveLength(2 * proposals.length);
    expect(reasks[0]).toMatch(
      /^Your reply could not be used: the reply contains no JSON object\.\nPHASE: (thinking|proposal)/,
    );
  });

  it('stops new calls before the sweep budget is crossed; the games pause, and a re-run stays under the cap', async () => {
    mock = await startMockLlm();
    const s = open();
    const doc = llmSweep(mock.url, { budgetUsd: 0.1 });
    const run = await runLlmSweep(s, doc);
    const spent = s.callTotals({ sweepId: run.sweepId });
    expect(spent.calls).toBeGreaterThan(3);
    expect(spent.costUsd).toBeLessThanOrEqual(0.1);
    const games = s.listGames({ sweepId: run.sweepId });
    expect(games.some((g) => g.status === 'failed')).toBe(false);
    const paused = games.filter((g) => g.status === 'paused');
    expect(paused.length).toBeGreaterThan(0);
    for (const g of paused)
      expect(g.pauseReason).toMatch(
        /^budget: budget cap reached: \$0\.\d{4} spent of \$0\.10, next call estimated at \$0\.\d{4}; raise the sweep's budget to continue$/,
      );
    // A re-run replays every cached answer for free and again stops before the cap: calls held
    // back by reservations of calls then in flight may fit now, but the cap is never crossed.
    const requests = mock.stats.requests;
    await runLlmSweep(s, doc);
    const after = s.callTotals({ sweepId: run.sweepId });
    expect(after.costUsd).toBeLessThanOrEqual(0.1);
    expect(after.calls - spent.calls).toBe(mock.stats.requests - requests);
    expect(s.listGames({ sweepId: run.sweepId }).some((g) => g.status === 'failed')).toBe(false);
  });

  it('a rejected key pauses the games with a message; with waitForKeys they resume once a new key is stored', async () => {
    mock = await startMockLlm({ apiKey: ANTHROPIC_KEY });
    const s = open();
    const doc = llmSweep(mock.url, { runs: { count: 1 } });
    let isUpdated = false;
    const run = await runLlmSweep(
      s,
      doc,
      {
        keys: {
          ...testKeys,
          get: () => Promise.resolve({ key: 'sk-ant-REJECTED-000000000000', source: 'env' }),
        },
        waitForKeys: true,
      },
      (r) => {
        r.service.on('provider', (e) => {
          if (e.status !== 'auth_error' || isUpdated) return;
          isUpdated = true;
          // The user stores the right key a little later, for both providers behind the mock.
          setTimeout(() => {
            r.runtime.updateKey('anthropic', ANTHROPIC_KEY);
            r.runtime.updateKey('openai', ANTHROPIC_KEY);
          }, 100);
        });
      },
    );
    expect(isUpdated).toBe(true);
    const games = s.listGames({ sweepId: run.sweepId });
    expect(games.map((g) => g.status)).toEqual(new Array(4).fill('finished'));
    expect(run.gameEvents.filter((e) => e.status === 'paused').length).toBeGreaterThan(0);
    const statuses = run.providerEvents.map((e) => `${e.provider}:${e.status}`);
    expect(statuses).toContain('anthropic:auth_error');
    expect(statuses).toContain('anthropic:online');
    const authErrors = games
      .flatMap((g) => s.listCalls(g.id))
      .filter((c) => c.errorKind === 'auth');
    expect(authErrors.length).toBeGreaterThan(0);
    expect(authErrors.every((c) => c.httpStatus === 401 && !c.error!.includes('REJECTED'))).toBe(
      true,
    );
  });

  it('without prepare, a missing key pauses the games (never fails them); once stored, waiting games resume', async () => {
    mock = await startMockLlm({ apiKey: ANTHROPIC_KEY });
    const s = open();
    const doc = llmSweep(mock.url, { runs: { count: 1 }, orders: ['weak_first'] });
    const stored = new Map<string, string>();
    const keys = {
      ...testKeys,
      get: (provider: string) => {
        const key = stored.get(provider);
        return Promise.resolve(key ? { key, source: 'keychain' as const } : null);
      },
    };
    const v = validateSweepDoc(doc);
    if (!v.ok) throw new Error('invalid');
    const runtime = new LlmRuntime({ store: s, keys, sweepId: v.sweepId, waitForKeys: true });
    const service = new SweepService(s, {
      createAgent: runtime.createAgent,
      resumeWhen: runtime.resumeWhen,
    });
    const { sweepId } = service.create(doc);
    service.on('game', (e) => {
      if (e.status !== 'paused' || stored.size > 0) return;
      expect(s.getGame(e.gameId)!.pauseReason).toMatch(
        /^auth: no API key for (anthropic|openai) \(model mock-(claude|gpt)\): run `parley keys set \1` or set (ANTHROPIC|OPENAI)_API_KEY, then resume$/,
      );
      setTimeout(() => {
        for (const provider of ['anthropic', 'openai'] as const) {
          stored.set(provider, ANTHROPIC_KEY);
          runtime.updateKey(provider, ANTHROPIC_KEY);
        }
      }, 50);
    });
    await service.start(sweepId);
    runtime.dispose();
    expect(stored.size).toBe(2);
    expect(s.listGames({ sweepId }).map((g) => g.status)).toEqual(['finished', 'finished']);
  });
});

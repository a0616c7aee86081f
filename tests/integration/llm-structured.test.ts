// Structured outputs and the per-turn re-ask budget through the official SDKs against the mock
// LLM on 127.0.0.1: the exact request bodies the mock received, the turn records' mode and
// calls, and exact call counts.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { LlmSpec } from '../../src-shared/participant';
import { createLlmAgent } from '../../src-main/agents/llm/llm-agent';
import { context } from '../../src-main/agents/llm/test-fixtures';
import {
  defaultResponder,
  proseResponder,
  type MockRequestInfo,
  type MockResponder,
} from '../../src-main/mock-llm/responder';
import { startMockLlm, type MockLlm } from '../../src-main/mock-llm/server';
import { runMockLlmCli } from '../../src-main/mock-llm/cli';
import { REPLY_TOOL, toolSchemaText } from '../../src-main/providers/anthropic-client';
import { createProviderClient } from '../../src-main/providers/client';
import { estimateSweep } from '../../src-main/providers/estimate';
import { ProviderScheduler } from '../../src-main/providers/scheduler';
import { openStore } from '../../src-main/store/store';
import type { Store } from '../../src-main/store/types';
import { validateSweepDoc } from '../../src-main/sweeps/service';
import { PHASE_MARKER, lastMarkerValue } from '../../src-main/agents/llm/prompt-markers';
import { tempDir } from './cli-helpers';
import { getGame } from '../../games/index';
import type { PlannedGame } from '../../src-shared/planned-game';
import { systemPrompt } from '../../src-main/agents/llm/prompts';
import { llmSweep, plainText, runLlmSweep } from './llm-helpers';

let mock: MockLlm | undefined;
let store: Store | undefined;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  store?.close();
  store = undefined;
  for (const c of cleanups.splice(0)) c();
  await mock?.close();
  mock = undefined;
});

function openTemp(prefix: string): Store {
  const t = tempDir(prefix);
  cleanups.push(t.cleanup);
  return openStore(join(t.dir, 'parley.db'));
}

async function recordingMock(responder: MockResponder = defaultResponder) {
  const seen: MockRequestInfo[] = [];
  mock = await startMockLlm({
    responder: (req) => {
      seen.push(req);
      return responder(req);
    },
  });
  return { mock, seen };
}

function spec(m: MockLlm, provider: 'anthropic' | 'openai', extra: Partial<LlmSpec> = {}): LlmSpec {
  return {
    id: `${provider}-structured`,
    kind: 'llm',
    provider,
    model: `${provider}-model`,
    baseUrl: provider === 'anthropic' ? m.url : m.openaiBaseUrl,
    scores: {},
    ...extra,
  };
}

function agentFor(s: LlmSpec) {
  return createLlmAgent({
    spec: s,
    client: createProviderClient(s, 'sk-test'),
    scheduler: new ProviderScheduler({ provider: s.provider, sleep: () => Promise.resolve() }),
  });
}

const DISCUSSION_SCHEMA = {
  type: 'object',
  properties: { message: { type: 'string', minLength: 1 } },
  required: ['message'],
  additionalProperties: false,
};

describe('structured outputs through the SDKs', () => {
  it('Anthropic: one stable forced tool, the schema after the breakpoints, before the prompt, breakpoints only past the minimum', async () => {
    const { mock: m, seen } = await recordingMock();
    const short = await agentFor(spec(m, 'anthropic', { minCacheTokens: 100_000 })).discuss(
      context({ phase: 'discussion', callSeed: 1 }),
    );
    expect(short).toMatchObject({
      ok: true,
      mode: 'tool',
      calls: 1,
      value: { message: expect.any(String) },
    });
    const body = seen[0].body!;
    expect(body.tools).toEqual([REPLY_TOOL]);
    expect(body.tool_choice).toEqual({ type: 'tool', name: 'reply' });
    const system = body.system as { cache_control?: unknown }[];
    expect(system).toHaveLength(1);
    expect(system[0].cache_control).toBeUndefined();
    const messages = body.messages as { role: string; content: { text: string }[] }[];
    const last = messages[messages.length - 1].content;
    expect(last[last.length - 2]).toEqual({
      type: 'text',
      text: toolSchemaText(DISCUSSION_SCHEMA),
    });
    expect(toolSchemaText(DISCUSSION_SCHEMA)).toBe(
      'Call the reply tool. Its input must match this JSON Schema: {"type":"object","properties":{"message":{"type":"string","minLength":1}},"required":["message"],"additionalProperties":false}',
    );
    // The reply text is the tool input as JSON.
    expect(short.text).toBe(
      JSON.stringify({ message: (short as { value: { message: string } }).value.message }),
    );

    seen.length = 0;
    await agentFor(spec(m, 'anthropic', { minCacheTokens: 1 })).discuss(
      context({ phase: 'discussion', callSeed: 2 }),
    );
    expect((seen[0].body!.system as { cache_control?: unknown }[])[0].cache_control).toEqual({
      type: 'ephemeral',
    });
  });

  it('OpenAI: a strict JSON schema with free-form fields as JSON text, and prompt_cache_key per game seat', async () => {
    const { mock: m, seen } = await recordingMock();
    const r = await agentFor(spec(m, 'openai')).propose(
      context({ phase: 'proposal', callSeed: 3, index: 1 }),
    );
    const body = seen[0].body!;
    expect(body.response_format).toEqual({
      type: 'json_schema',
      json_schema: {
        name: 'proposal_reply',
        strict: true,
        schema: {
          type: 'object',
          properties: {
            proposal: { type: 'string', description: 'the value written as JSON text' },
            message: { anyOf: [{ type: 'string' }, { type: 'null' }] },
          },
          required: ['proposal', 'message'],
          additionalProperties: false,
        },
      },
    });
    expect(body.prompt_cache_key).toBe('game-1:1');
    // The mock answered {"proposal":"{\"allocation\":[...]}","message":"My proposal."}; the agent
    // decoded the JSON text back into the proposal object.
    expect(r).toMatchObject({ ok: true, mode: 'json_schema', calls: 1 });
    const value = (r as { value: { proposal: { allocation: number[] }; message: string } }).value;
    expect(value.message).toBe('My proposal.');
    expect(Array.isArray(value.proposal.allocation)).toBe(true);
    expect(JSON.parse(r.text)).toEqual({
      proposal: JSON.stringify(value.proposal),
      message: 'My proposal.',
    });
  });

  it('plain text (structuredOutput none) sends neither, and OpenAI-compatible hosts get no prompt_cache_key', async () => {
    const { mock: m, seen } = await recordingMock();
    await agentFor(spec(m, 'openai', { structuredOutput: 'none' })).think(
      context({ phase: 'thinking', callSeed: 4 }),
    );
    await agentFor({ ...spec(m, 'openai'), provider: 'openrouter' }).think(
      context({ phase: 'thinking', callSeed: 5 }),
    );
    await agentFor(spec(m, 'anthropic', { structuredOutput: 'none' })).think(
      context({ phase: 'thinking', callSeed: 6 }),
    );
    expect(seen.map((r) => [r.body!.response_format, r.body!.tools, r.body!.tool_choice])).toEqual([
      [undefined, undefined, undefined],
      [undefined, undefined, undefined],
      [undefined, undefined, undefined],
    ]);
    expect(seen.map((r) => r.body!.prompt_cache_key)).toEqual(['game-1:0', undefined, undefined]);
  });
});

describe('parley mock-llm --prose', () => {
  it('answers plain text in prose until re-asked, and a strict schema with matching JSON', async () => {
    const lines: string[] = [];
    mock = await runMockLlmCli({ prose: true }, (l) => lines.push(l));
    expect(lines[0]).toBe(`mock LLM listening on ${mock.url} (answering in prose)`);
    const s = spec(mock, 'openai');
    const plain = await agentFor({ ...s, structuredOutput: 'none' }).think(
      context({ phase: 'thinking', callSeed: 11 }),
    );
    const strict = await agentFor(s).think(context({ phase: 'thinking', callSeed: 12 }));
    expect([plain.ok, plain.calls, strict.ok, strict.calls]).toEqual([true, 2, true, 1]);
    expect(mock.stats.requests).toBe(3);
  });
});

describe('calls per turn against a model that answers in prose', () => {
  const sweep = (url: string) =>
    llmSweep(url, {
      rounds: 2,
      competition: { levels: [1] },
      orders: ['weak_first'],
      runs: { count: 1, baseSeed: 5 },
    });

  it('structured: every LLM turn takes one call; plain text: two (prose, then the re-ask)', async () => {
    for (const [doc, expected] of [
      [(u: string) => sweep(u), { calls: 1, modes: ['json_schema', 'tool'] }],
      [(u: string) => plainText(sweep(u)), { calls: 2, modes: ['none'] }],
    ] as const) {
      const { mock: m } = await recordingMock(proseResponder);
      store = openTemp('structured-');
      const run = await runLlmSweep(store, doc(m.url));
      const [game] = store.listGames({ sweepId: run.sweepId });
      expect(game.status).toBe('finished');
      const llmTurns = store.getTurns(game.id).filter((t) => t.agent >= 0 && t.phase !== 'setup');
      expect(llmTurns.length).toBeGreaterThan(0);
      expect(llmTurns.every((t) => t.status === 'ok' && t.calls === expected.calls)).toBe(true);
      expect([...new Set(llmTurns.map((t) => t.mode))].sort()).toEqual(expected.modes);
      expect(m.stats.requests).toBe(llmTurns.length * expected.calls);
      expect(store.listCalls(game.id)).toHaveLength(llmTurns.length * expected.calls);
      store.close();
      store = undefined;
      await m.close();
      mock = undefined;
    }
  });

  it('parse and validation re-asks share one budget of 2 re-asks per turn', async () => {
    // Proposals: an invalid allocation every time (validation re-asks), structured.
    const invalid: MockResponder = (req) =>
      lastMarkerValue(req.lastUserText, PHASE_MARKER) === 'proposal'
        ? JSON.stringify({ proposal: { allocation: [9, 9, 9, 9, 9] } })
        : defaultResponder(req);
    const { mock: m } = await recordingMock(invalid);
    store = openTemp('budget-');
    const run = await runLlmSweep(store, sweep(m.url));
    const [game] = store.listGames({ sweepId: run.sweepId });
    const proposals = store.getTurns(game.id).filter((t) => t.phase === 'proposal');
    // 2 rounds x 2 seats, each 3 attempts of one call (1 + 2 re-asks), then no more.
    expect(proposals.map((t) => [t.round, t.agent, t.attempt, t.status, t.calls])).toEqual([
      [1, 0, 0, 'invalid', 1],
      [1, 0, 1, 'invalid', 1],
      [1, 0, 2, 'invalid', 1],
      [1, 1, 0, 'invalid', 1],
      [1, 1, 1, 'invalid', 1],
      [1, 1, 2, 'invalid', 1],
      [2, 0, 0, 'invalid', 1],
      [2, 0, 1, 'invalid', 1],
      [2, 0, 2, 'invalid', 1],
      [2, 1, 0, 'invalid', 1],
      [2, 1, 1, 'invalid', 1],
      [2, 1, 2, 'invalid', 1],
    ]);
    expect(store.listCalls(game.id).filter((c) => c.phase === 'proposal')).toHaveLength(12);
  });

  it('a reply that never parses spends the whole budget in its first attempt: 3 calls, 1 turn', async () => {
    const never: MockResponder = (req) =>
      lastMarkerValue(req.lastUserText, PHASE_MARKER) === 'proposal'
        ? 'No.'
        : defaultResponder(req);
    const { mock: m } = await recordingMock(never);
    store = openTemp('budget-parse-');
    const run = await runLlmSweep(store, plainText(sweep(m.url)));
    const [game] = store.listGames({ sweepId: run.sweepId });
    const proposals = store.getTurns(game.id).filter((t) => t.phase === 'proposal');
    expect(proposals.map((t) => [t.round, t.agent, t.attempt, t.status, t.calls, t.mode])).toEqual([
      [1, 0, 0, 'parse_failure', 3, 'none'],
      [1, 1, 0, 'parse_failure', 3, 'none'],
      [2, 0, 0, 'parse_failure', 3, 'none'],
      [2, 1, 0, 'parse_failure', 3, 'none'],
    ]);
    expect(store.listCalls(game.id).filter((c) => c.phase === 'proposal')).toHaveLength(12);
  });
});

describe('parley run --estimate: cache-read share per model', () => {
  function estimate(a: Partial<LlmSpec>, b: Partial<LlmSpec>) {
    const v = validateSweepDoc({
      name: 'estimate',
      game: { kind: 'item-allocation', params: { items: 5 } },
      rounds: 2,
      discussionTurns: 1,
      participants: [
        {
          id: 'a',
          kind: 'llm',
          provider: 'anthropic',
          model: 'claude-sonnet-4-5-20250929',
          scores: { capability: 0.3 },
          ...a,
        },
        {
          id: 'b',
          kind: 'llm',
          provider: 'openai',
          model: 'gpt-4o-2024-08-06',
          scores: { capability: 0.7 },
          ...b,
        },
      ],
      lineup: { mode: 'baseline', baseline: 'a', opponents: ['b'] },
      competition: { levels: [0.5] },
      runs: { count: 1 },
    } as never);
    if (!v.ok) throw new Error(JSON.stringify(v.issues));
    return { byModel: estimateSweep(v.expanded.games, 100).byModel, game: v.expanded.games[0] };
  }

  /** Tokens of seat `seat`'s system prompt in `g` (ceil(chars / 4)), as the estimate counts them. */
  function systemTokens(g: PlannedGame, seat: number): number {
    const game = getGame(g.kind);
    const instance = game.create(g.params, g.nAgents, g.seed);
    const ctx = {
      ...context({ phase: 'discussion' }),
      game,
      instance,
      protocol: g.protocol,
      index: seat,
      gameId: g.id,
    };
    return Math.ceil(systemPrompt(ctx).length / 4);
  }

  it('reads nothing below the minimum cacheable length or without caching, else the previous prefix', () => {
    const none = estimate({ minCacheTokens: 1_000_000 }, { model: 'gpt-3.5-turbo-0125' }).byModel;
    expect(none.map((m) => [m.model, m.cacheReadTokens, m.cacheReadShare])).toEqual([
      ['a', 0, 0],
      ['b', 0, 0],
    ]);
    // Minimum 1: every call after the first reads the previous call's prefix. One seat each, 10
    // calls (2 rounds x (1 discussion + 4)); prompt_k = prefix_k + 60, so reads = prefix_1 + ...
    // + prefix_9 = prompt tokens - 10 x 60 - prefix_10, and prefix_10 = system + 12 log entries
    // of 100 + 12 tokens (entries per call: 0 0 1 2 2 | 2 0 1 2 2).
    const { byModel: all, game } = estimate({ minCacheTokens: 1 }, { minCacheTokens: 1 });
    const seatOf = (id: string) => game.participants.findIndex((p) => p.id === id);
    for (const m of all) {
      const prefix10 = systemTokens(game, seatOf(m.model)) + 12 * 112;
      expect(m.calls).toBe(10);
      expect(m.cacheReadTokens).toBe(m.promptTokens - 600 - prefix10);
      expect(m.cacheReadShare).toBe(m.cacheReadTokens / m.promptTokens);
    }
    // The registry's minimum for this Claude model is 1024 tokens: the first prefixes are shorter
    // than that, so the default reads less than minimum 1 does.
    const registry = estimate({}, {}).byModel;
    expect(registry[0].cacheReadTokens).toBeLessThan(all[0].cacheReadTokens);
  });
});

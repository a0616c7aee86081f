import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentName } from '../../../games/types';
import type { TurnRecord } from '../../../src-shared/game';
import type { LlmSpec } from '../../../src-shared/participant';
import type { AgentContext, PhaseAgent as Agent, Usage } from '../../engine/agent';
import { startMockLlm, type MockLlm } from '../../mock-llm/server';
import { defaultResponder, type MockRequestInfo } from '../../mock-llm/responder';
import { BudgetGuard } from '../../providers/budget';
import { createProviderClient } from '../../providers/client';
import { addUsage, ZERO_USAGE } from '../../providers/pricing';
import { ProviderScheduler } from '../../providers/scheduler';
import { createLlmAgent, type CallAnswerInfo, type CallSentInfo } from './llm-agent';
import { buildRequest } from './prompts';
import { createStrategyAgent } from '../strategy/strategy-agent';
import { createLlmParticipantAgent, createStrategyWrappedLlmAgent } from './strategy-wrapped';
import { context, turn } from './test-fixtures';

const KEY = 'sk-agent-SECRET-0123456789abcdef';
const seen: MockRequestInfo[] = [];
let nextReplies: string[] = [];
let mock: MockLlm;

beforeAll(async () => {
  mock = await startMockLlm({
    apiKey: KEY,
    responder: (req) => {
      seen.push(req);
      return nextReplies.shift() ?? defaultResponder(req);
    },
  });
});
afterAll(() => mock.close());

function spec(provider: 'anthropic' | 'openai' = 'anthropic'): LlmSpec {
  return {
    id: `${provider}-mock`,
    kind: 'llm',
    provider,
    model: `${provider}-model`,
    baseUrl: provider === 'anthropic' ? mock.url : mock.openaiBaseUrl,
    scores: {},
    prices: { inputUsdPerMtok: 3, outputUsdPerMtok: 15 },
  };
}

function makeAgent(
  extra: Partial<Parameters<typeof createLlmAgent>[0]> = {},
  provider: 'anthropic' | 'openai' = 'anthropic',
) {
  const s = spec(provider);
  return createLlmAgent({
    spec: s,
    client: createProviderClient(s, KEY),
    scheduler: new ProviderScheduler({ provider, sleep: () => Promise.resolve() }),
    ...extra,
  });
}

describe('prompts', () => {
  it('puts the private state and reply formats in the prefix, own notes in protocol order, the phase last', () => {
    const ctx = context({
      phase: 'proposal',
      round: 2,
      publicHistory: [
        turn(1, 'discussion', 1, 'hello'),
        turn(1, 'tally', -1, 'no deal'),
        turn(2, 'discussion', 0, 'hi'),
      ],
      privateHistory: [
        turn(0, 'setup', 0, 'briefing', 'private'),
        turn(1, 'thinking', 0, 'plan A', 'private'),
        turn(1, 'reflection', 0, 'concede', 'private'),
        turn(2, 'thinking', 0, 'plan B', 'private'),
      ],
    });
    const req = buildRequest(ctx, 'proposal');
    expect(req.system).toContain(
      `<private_state>{"game":"item-allocation","n":2,"you":0,"rounds":10,"preferences":${JSON.stringify(ctx.instance.preferences[0])}}</private_state>`,
    );
    expect(req.system).toContain(ctx.instance.rules);
    expect(req.system).toContain('FORMAT: Reply with JSON {"allocation": [...]}');
    const note = '(private note, only you see it) ';
    expect(
      req.messages.map((m) => [m.content.split('\n')[0], m.isCacheBreakpoint ?? false]),
    ).toEqual([
      ['[Round 1 · discussion] Agent_2: hello', false],
      [`${note}[Round 1 · thinking] Agent_1 (you): plan A`, false],
      ['[Round 1 · tally] Moderator: no deal', false],
      [`${note}[Round 1 · reflection] Agent_1 (you): concede`, false],
      ['[Round 2 · discussion] Agent_1 (you): hi', false],
      [`${note}[Round 2 · thinking] Agent_1 (you): plan B`, true],
      ['PHASE: proposal', false],
    ]);
    expect(req.messages[6].content).toBe(
      'PHASE: proposal\nRound 2 of 10.\nMake your proposal for this round (the proposal format is in your instructions).\n' +
        'Reply with only: {"proposal": <the proposal object>, "message": "<optional short public note>"}',
    );
    // The next call extends this one: same system, same log, then the new turns.
    const later = buildRequest(
      {
        ...ctx,
        phase: 'vote',
        publicHistory: [...ctx.publicHistory, turn(2, 'listing', -1, '1. ...')],
      },
      'vote',
    );
    expect(later.system).toBe(req.system);
    expect(later.messages.slice(0, 6).map((m) => m.content)).toEqual(
      req.messages.slice(0, 6).map((m) => m.content),
    );
  });

  it('adds an urgency note in the last two rounds and the feedback when re-asked', () => {
    const last = buildRequest(
      context({ phase: 'proposal', round: 10, feedback: 'allocation must have 5 entries' }),
      'proposal',
    );
    const text = last.messages[last.messages.length - 1].content;
    expect(text).toContain('URGENT: this is the final round.');
    expect(text).toContain(
      'Your previous attempt was invalid: allocation must have 5 entries. Fix it.',
    );
    expect(
      buildRequest(context({ phase: 'thinking', round: 9 }), 'thinking').messages[0].content,
    ).toContain('only 2 rounds left');
    expect(
      buildRequest(context({ phase: 'thinking', round: 8 }), 'thinking').messages[0].content,
    ).not.toContain('URGENT');
  });
});

describe('LLM agent against the mock (both wire formats)', () => {
  for (const provider of ['anthropic', 'openai'] as const) {
    it(`${provider}: every phase parses and the proposal is valid for the game`, async () => {
      const agent = makeAgent({}, provider);
      const ctx = context({ phase: 'discussion' });
      const d = await agent.discuss(ctx);
      expect(d).toMatchObject({ ok: true, value: { message: expect.any(String) } });
      expect(await agent.think({ ...ctx, phase: 'thinking' })).toMatchObject({ ok: true });
      const p = await agent.propose({ ...ctx, phase: 'proposal' });
      if (!p.ok) throw new Error(p.error);
      expect(ctx.game.validateProposal(ctx.instance, p.value.proposal)).toMatchObject({ ok: true });
      const listed = [
        { number: 1, proposer: 0, proposal: p.value.proposal },
        { number: 2, proposer: 1, proposal: { allocation: [1, 1, 1, 1, 1] } },
      ];
      const v = await agent.vote({ ...ctx, phase: 'vote', listedProposals: listed });
      expect(v).toMatchObject({ ok: true, value: { votes: ['accept', 'reject'] } });
      expect(await agent.reflect({ ...ctx, phase: 'reflection' })).toMatchObject({ ok: true });
      expect(d.usage?.costUsd).toBeGreaterThan(0);
    });
  }

  it("sends the per-phase output limit, or the spec's own maxTokens (one or per phase)", async () => {
    for (const [provider, extra, expected] of [
      ['anthropic', {}, [512, 1024, 512, 256, 512]],
      ['openai', {}, [512, 1024, 512, 256, 512]],
      ['openai', { maxTokens: 300 }, [300, 300, 300, 300, 300]],
      ['anthropic', { maxTokens: { vote: 64, thinking: 4000 } }, [512, 4000, 512, 64, 512]],
    ] as const) {
      const s = { ...spec(provider), ...extra };
      const agent = createLlmAgent({
        spec: s,
        client: createProviderClient(s, KEY),
        scheduler: new ProviderScheduler({ provider }),
      });
      seen.length = 0;
      const listed = [{ number: 1, proposer: 1, proposal: { allocation: [0, 1, 0, 1, 0] } }];
      await agent.discuss(context({ phase: 'discussion', callSeed: 701 }));
      await agent.think(context({ phase: 'thinking', callSeed: 702 }));
      await agent.propose(context({ phase: 'proposal', callSeed: 703 }));
      await agent.vote(context({ phase: 'vote', callSeed: 704, listedProposals: listed }));
      await agent.reflect(context({ phase: 'reflection', callSeed: 705 }));
      expect(seen.map((r) => r.maxTokens)).toEqual(expected);
    }
  });

  it('re-asks with the specific parse error, then succeeds', async () => {
    seen.length = 0;
    nextReplies = ['{"votes": ["accept"]}'];
    const agent = makeAgent();
    const listed = [
      { number: 1, proposer: 0, proposal: { allocation: [0, 0, 0, 1, 1] } },
      { number: 2, proposer: 1, proposal: { allocation: [1, 1, 1, 1, 1] } },
    ];
    const v = await agent.vote(context({ phase: 'vote', listedProposals: listed, callSeed: 9001 }));
    expect(v.ok).toBe(true);
    expect(seen).toHaveLength(2);
    const reask = seen[1].messages.slice(-2);
    // The forced tool's input, as the agent recorded it (Anthropic does not enforce minItems).
    expect(seen[0].body?.tool_choice).toEqual({ type: 'tool', name: 'reply' });
    expect(reask[0]).toEqual({ role: 'assistant', text: '{"votes":["accept"]}' });
    // The reply tool's schema note precedes the prompt in the last message (Anthropic).
    expect(reask[1].text).toMatch(/^Call the reply tool\. Its input must match this JSON Schema: /);
    expect(seen[1].lastUserText).toMatch(
      /^Your reply could not be used: votes: votes must have exactly 2 entries, one per listed proposal\.\nPHASE: vote/,
    );
  });

  it('returns ok:false with the raw text after the bounded attempts', async () => {
    seen.length = 0;
    mock.injectFault('garbage', 3);
    const agent = makeAgent({ maxParseAttempts: 3 });
    const r = await agent.think(context({ phase: 'thinking', callSeed: 9002 }));
    expect(r).toMatchObject({
      ok: false,
      error: 'the reply contains no JSON object',
      text: expect.stringContaining('Sure! Here is my answer'),
    });
    expect(seen).toHaveLength(0); // garbage replies bypass the responder
    expect(r.usage?.outputTokens).toBeGreaterThan(0);
  });

  it('replays cached replies without a call, at zero cost, and keeps the key out of records and cache', async () => {
    const store = new Map<string, unknown>();
    const sent: CallSentInfo[] = [];
    const answered: CallAnswerInfo[] = [];
    const cachedHits: Usage[] = [];
    const recordCall = {
      sent: (info: CallSentInfo) => sent.push(info),
      answered: (_id: number, info: CallAnswerInfo) => void answered.push(info),
      cached: (_info: CallSentInfo, usage: Usage) => void cachedHits.push(usage),
    };
    const cache = {
      get: (k: string) => store.get(k),
      put: (k: string, v: unknown) => store.set(k, v),
    };
    const agent = makeAgent({ cache, recordCall });
    const ctx = context({ phase: 'discussion', callSeed: 9003 });
    const first = await agent.discuss(ctx);
    const requests = mock.stats.requests;
    const second = await agent.discuss(ctx);
    expect(mock.stats.requests).toBe(requests);
    expect(second.text).toBe(first.text);
    expect(second.usage).toEqual({ ...first.usage, costUsd: 0 });
    expect(cachedHits).toEqual([second.usage]);
    expect(sent).toHaveLength(1);
    expect(answered).toMatchObject([{ status: 'ok', httpStatus: 200 }]);
    expect(sent[0]).toMatchObject({
      gameId: 'game-1',
      round: 1,
      phase: 'discussion',
      agent: 0,
      provider: 'anthropic',
      requestHash: [...store.keys()][0],
    });
    // A different call seed is a different request.
    await agent.discuss({ ...ctx, callSeed: 9004 });
    expect(mock.stats.requests).toBe(requests + 1);
    const everything = JSON.stringify({ store: [...store.entries()], sent, answered });
    expect(everything).not.toContain(KEY);
  });

  it('records errors and pauses on a rejected key without leaking it', async () => {
    const wrong = 'sk-wrong-agent-0123456789abcdef';
    const s = spec();
    const answered: CallAnswerInfo[] = [];
    const agent = createLlmAgent({
      spec: s,
      client: createProviderClient(s, wrong),
      scheduler: new ProviderScheduler({ provider: 'anthropic' }),
      recordCall: { sent: () => 1, answered: (_id, info) => void answered.push(info) },
    });
    const err = await agent
      .discuss(context({ phase: 'discussion', callSeed: 9005 }))
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'AgentPausedError', reason: 'auth' });
    expect(answered).toMatchObject([{ status: 'error', httpStatus: 401, errorKind: 'auth' }]);
    expect(JSON.stringify(answered) + String((err as Error).message)).not.toContain(wrong);
  });

  it('stops before the budget cap', async () => {
    const agent = makeAgent({ budget: new BudgetGuard(0.001) });
    await expect(
      agent.discuss(context({ phase: 'discussion', callSeed: 9006 })),
    ).rejects.toMatchObject({ reason: 'budget' });
  });
});

describe('strategy-wrapped LLM agent', () => {
  const fixed = { allocation: [1, 0, 1, 0, 1] };
  const strategy: Agent = {
    id: 'fixed',
    propose: () => Promise.resolve({ ok: true, value: { proposal: fixed }, text: '' }),
    discuss: () => Promise.reject(new Error('unused')),
    think: () => Promise.reject(new Error('unused')),
    vote: () => Promise.reject(new Error('unused')),
    reflect: () => Promise.reject(new Error('unused')),
  };

  it('returns exactly the strategy proposal, re-asking when the model changes it', async () => {
    seen.length = 0;
    nextReplies = ['{"proposal": {"allocation": [0, 0, 0, 0, 0]}, "message": "all mine"}'];
    const s = spec();
    const agent = createStrategyWrappedLlmAgent({
      spec: s,
      strategy,
      client: createProviderClient(s, KEY),
      scheduler: new ProviderScheduler({ provider: 'anthropic' }),
    });
    const r = await agent.propose(context({ phase: 'proposal', callSeed: 9007 }));
    expect(r).toMatchObject({ ok: true, value: { proposal: fixed } });
    expect(seen).toHaveLength(2);
    expect(seen[0].lastUserText).toContain(`REQUIRED_PROPOSAL: ${JSON.stringify(fixed)}`);
    expect(seen[1].lastUserText).toMatch(
      /^Your reply could not be used: the proposal must be exactly/,
    );
  });
  it('wires spec.wrapStrategy to the real strategy agent', async () => {
    const s: LlmSpec = { ...spec(), wrapStrategy: { kind: 'strategy', strategy: 'hardliner' } };
    const agent = createLlmParticipantAgent({
      spec: s,
      client: createProviderClient(s, KEY),
      scheduler: new ProviderScheduler({ provider: 'anthropic' }),
    });
    const ctx = context({ phase: 'proposal', callSeed: 9008 });
    const expected = await createStrategyAgent({
      kind: 'strategy',
      strategy: 'hardliner',
      id: 'h',
      scores: {},
    }).propose(ctx);
    if (!expected.ok) throw new Error(expected.error);
    expect(await agent.propose(ctx)).toMatchObject({
      ok: true,
      value: { proposal: expected.value.proposal },
    });
  });
});

/** Drive two agents through `rounds` full rounds (no deal) and sum their usage. */
async function simulate(agents: Agent[], rounds: number, gameId: string): Promise<Usage> {
  let total: Usage = ZERO_USAGE;
  const add = (u: Usage | undefined) => {
    if (u) total = addUsage(total, u);
  };
  const pub: TurnRecord[] = [];
  const priv: TurnRecord[][] = [[], []];
  const base = (i: number, round: number, phase: AgentContext['phase']): AgentContext =>
    context({
      phase,
      index: i,
      round,
      gameId,
      callSeed: round * 100 + i,
      publicHistory: [...pub],
      privateHistory: [...priv[i]],
    });
  for (let round = 1; round <= rounds; round++) {
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < 2; i++) {
        const r = await agents[i].discuss({ ...base(i, round, 'discussion'), pass });
        add(r.usage);
        pub.push({ ...turn(round, 'discussion', i, r.ok ? r.value.message : r.text), pass });
      }
    }
    const plans = await Promise.all([0, 1].map((i) => agents[i].think(base(i, round, 'thinking'))));
    plans.forEach(
      (r, i) => (
        add(r.usage),
        priv[i].push(turn(round, 'thinking', i, r.ok ? r.value.plan : r.text, 'private'))
      ),
    );
    const proposals = await Promise.all(
      [0, 1].map((i) => agents[i].propose(base(i, round, 'proposal'))),
    );
    const listed = proposals.map((r, i) => ({
      number: i + 1,
      proposer: i,
      proposal: r.ok ? r.value.proposal : null,
    }));
    proposals.forEach(
      (r, i) => (
        add(r.usage),
        pub.push(turn(round, 'proposal', i, JSON.stringify(listed[i].proposal)))
      ),
    );
    pub.push(
      turn(
        round,
        'listing',
        -1,
        listed
          .map((l) => `${l.number}. ${agentName(l.proposer)}: ${JSON.stringify(l.proposal)}`)
          .join('\n'),
      ),
    );
    const votes = await Promise.all(
      [0, 1].map((i) => agents[i].vote({ ...base(i, round, 'vote'), listedProposals: listed })),
    );
    votes.forEach(
      (r, i) => (add(r.usage), priv[i].push(turn(round, 'vote', i, r.text, 'private'))),
    );
    pub.push(turn(round, 'tally', -1, 'No proposal was accepted by everyone.'));
    const refl = await Promise.all(
      [0, 1].map((i) => agents[i].reflect(base(i, round, 'reflection'))),
    );
    refl.forEach(
      (r, i) => (
        add(r.usage),
        priv[i].push(turn(round, 'reflection', i, r.ok ? r.value.reflection : r.text, 'private'))
      ),
    );
  }
  return total;
}

describe('prompt caching over a simulated game', () => {
  for (const provider of ['anthropic', 'openai'] as const) {
    it(`${provider}: 10 rounds x 2 agents read most of the prompt from cache`, async () => {
      const agents = [makeAgent({}, provider), makeAgent({}, provider)];
      const u = await simulate(agents, 10, `sim-${provider}`);
      const prompt = u.inputTokens + u.cacheWriteTokens + u.cacheReadTokens;
      const share = u.cacheReadTokens / prompt;
      console.log(
        `[cache] ${provider}: prompt tokens ${prompt}, read ${u.cacheReadTokens} (${(100 * share).toFixed(1)}%), ` +
          `write ${u.cacheWriteTokens}, uncached ${u.inputTokens}, output ${u.outputTokens}, cost $${u.costUsd.toFixed(4)}`,
      );
      expect(share).toBeGreaterThan(0.5);
    });
  }
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { price, priceParamsSchema } from '../../../games/price';
import type { GameInstance } from '../../../src-shared/game';
import type { LlmSpec } from '../../../src-shared/participant';
import { PERSONA_PRESETS } from '../../../src-shared/persona';
import type { AgentContext } from '../../engine/agent';
import { offerAction } from '../../engine/alternating/actions';
import { startMockLlm, type MockLlm } from '../../mock-llm/server';
import { defaultResponder, type MockRequestInfo } from '../../mock-llm/responder';
import { createProviderClient } from '../../providers/client';
import { ProviderScheduler } from '../../providers/scheduler';
import { protocol } from './test-fixtures';
import { createLlmParticipantAgent } from './strategy-wrapped';

const KEY = 'sk-alt-0123456789';
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

const instance = price.create(
  priceParamsSchema.parse({ sellerReservation: 400, buyerReservation: 900 }),
  2,
  1,
) as GameInstance;

const ctx: AgentContext = {
  game: price,
  instance,
  protocol: protocol,
  index: 0,
  round: 1,
  phase: 'offer',
  pass: 0,
  attempt: 0,
  publicHistory: [],
  privateHistory: [],
  listedProposals: [],
  callSeed: 77,
  gameId: 'alt-1',
};

function agent(extra: Partial<LlmSpec>) {
  const spec: LlmSpec = {
    id: 'mock',
    kind: 'llm',
    provider: 'anthropic',
    model: 'm',
    baseUrl: mock.url,
    scores: {},
    ...extra,
  };
  return createLlmParticipantAgent({
    spec,
    client: createProviderClient(spec, KEY),
    scheduler: new ProviderScheduler({ provider: 'anthropic', sleep: () => Promise.resolve() }),
  });
}

describe('LLM agents in alternating offers', () => {
  it('sends the persona preset text and parses a move', async () => {
    seen.length = 0;
    const r = await agent({ persona: 'desperate' }).act({ ...ctx, callSeed: 78 }, offerAction(ctx));
    expect(r).toMatchObject({ ok: true, value: { action: 'OFFER', offer: { price: 590 } } });
    // The mock seller asks 400 * (1.5 - 0.5 * 1/20) = 590.
    expect(seen[0].system).toContain(`Negotiation style to adopt: ${PERSONA_PRESETS.desperate}`);
    expect(seen[0].lastUserText).toContain('OFFER_STATE: {"turn":1,"turnLimit":20,"standing":null');
  });

  it('strategy-wrapped: the reply must carry exactly the strategy move, re-asked otherwise', async () => {
    seen.length = 0;
    nextReplies = ['{"message": "1200!", "action": "OFFER", "offer": {"price": 1200}}'];
    const r = await agent({ wrapStrategy: { kind: 'strategy', strategy: 'boulware' } }).act(
      ctx,
      offerAction(ctx),
    );
    // Boulware seller at turn 1 of 20: 800 - 400 * 0.05^2 = 799.
    expect(r).toMatchObject({ ok: true, value: { action: 'OFFER', offer: { price: 799 } } });
    expect(seen).toHaveLength(2);
    expect(seen[0].lastUserText).toContain(
      'REQUIRED_ACTION: {"action":"OFFER","offer":{"price":799}}',
    );
    expect(seen[1].lastUserText).toMatch(
      /^Your reply could not be used: the action must be exactly \{"action":"OFFER","offer":\{"price":799\}\}/,
    );
  });

  it('records a reply with no parseable action as a failure after its re-asks', async () => {
    nextReplies = ['no idea', 'still none', '{"action": "HAGGLE"}'];
    // Plain text: with a forced tool the provider would shape the reply.
    const r = await agent({ structuredOutput: 'none' }).act(
      { ...ctx, callSeed: 79 },
      offerAction(ctx),
    );
    expect(r).toMatchObject({
      ok: false,
      text: '{"action": "HAGGLE"}',
      error: 'action: action must be one of "OFFER", "ACCEPT", "REJECT", "NONE"',
      mode: 'none',
      calls: 3,
    });
  });
});

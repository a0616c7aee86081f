import { describe, expect, it } from 'vitest';
import { price, priceParamsSchema } from '../../../games/price';
import type { GameInstance, TurnRecord } from '../../../src-shared/game';
import { createParticipantStrategyAgent } from '../../agents/strategies';
import type { Agent, AgentContext, AgentReply } from '../agent';
import { runGame, type RunGameResult } from '../run-game';
import { protocol } from '../test-fixtures';
import type { OfferReply } from './actions';

const instance = price.create(
  priceParamsSchema.parse({ sellerReservation: 400, buyerReservation: 900 }),
  2,
  1,
) as GameInstance;

const strategy = (name: 'boulware' | 'linear' | 'hardliner' | 'tit-for-tat') =>
  createParticipantStrategyAgent({ id: name, kind: 'strategy', strategy: name, scores: {} });

/** An agent answering offer actions with `reply(ctx)` (a value, or a whole AgentReply). */
function actor(
  id: string,
  reply: (ctx: AgentContext) => OfferReply | AgentReply<OfferReply>,
): Agent {
  return {
    id,
    act: <T>(ctx: AgentContext) => {
      const r = reply(ctx);
      const out = 'ok' in r ? r : { ok: true as const, value: r, text: r.message };
      return Promise.resolve(out as AgentReply<T>);
    },
  };
}

async function play(agents: Agent[], committed?: TurnRecord[]) {
  const fresh: TurnRecord[] = [];
  const result = await runGame({
    gameId: 'g',
    game: price,
    instance,
    protocol: protocol(),
    agents,
    committed,
    onTurn: (t) => {
      fresh.push(t);
    },
  });
  return { result, fresh };
}

function finished(r: RunGameResult) {
  if (r.status !== 'finished') throw new Error(JSON.stringify(r));
  return r;
}

const shape = (turns: TurnRecord[]) =>
  turns.map((t) => `${t.round}:${t.pass}:${t.agent}:${t.attempt}:${t.visibility[1]}:${t.status}`);

describe('alternating offers with price strategies', () => {
  it('boulware seller vs linear buyer: hand-computed offers, deal at 700 on turn 11', async () => {
    const r = finished((await play([strategy('boulware'), strategy('linear')])).result);
    // Seller: 800 - 400 min(0.95, t/20)^2; buyer: 500 + 400 t/20 (s = 400, b = 900, margin 400).
    const publicMoves = r.turns.filter((t) => t.pass === 1).map((t) => t.text.split('\n')[1]);
    expect(publicMoves).toEqual([
      'OFFER: price 799 dollars',
      'OFFER: price 540 dollars',
      'OFFER: price 791 dollars',
      'OFFER: price 580 dollars',
      'OFFER: price 775 dollars',
      'OFFER: price 620 dollars',
      'OFFER: price 751 dollars',
      'OFFER: price 660 dollars',
      'OFFER: price 719 dollars',
      'OFFER: price 700 dollars',
      // Turn 11: the seller asks 800 - 400 * 0.55^2 = 679 and accepts the standing 700.
      'ACCEPT',
    ]);
    expect(r.outcome).toEqual({
      deal: true,
      round: 11,
      proposal: { price: 700 },
      proposer: 1,
      rawUtilities: [300, 200],
      utilities: [300, 200],
      invalidProposals: [0, 0],
      syntheticVotes: [0, 0],
      parseFailures: [0, 0],
      measures: {
        endedBy: 'accept',
        turns: 11,
        offersMade: [5, 5],
        forfeits: [0, 0],
        sellerSeat: 0,
        sellerReservation: 400,
        buyerReservation: 900,
        zone: 500,
        price: 700,
        sellerSurplus: 300,
        buyerSurplus: 200,
        sellerShare: 0.6,
        buyerShare: 0.4,
        rho: 0.6,
        winner: 0,
        irrational: [false, false],
      },
    });
    // Each move stores its private reasoning and the curve with its exponent convention.
    expect(r.turns[2]).toMatchObject({
      round: 1,
      pass: 0,
      visibility: 'private',
      action: {
        action: 'OFFER',
        offer: { price: 799 },
        strategy: { name: 'boulware', curve: 'boulware', exponent: 2 },
      },
    });
  });

  it('resumes from any committed prefix to the same transcript', async () => {
    const full = finished((await play([strategy('hardliner'), strategy('tit-for-tat')])).result);
    for (const k of [0, 1, 2, 3, 7, full.turns.length - 1]) {
      const prefix = full.turns.slice(0, k);
      const { result, fresh } = await play(
        [strategy('hardliner'), strategy('tit-for-tat')],
        prefix,
      );
      expect([...prefix, ...fresh]).toEqual(full.turns);
      expect(result).toEqual(full);
    }
  });

  it('ends with no deal at the turn limit', async () => {
    const hold = actor('hold', (ctx) => ({
      message: 'no',
      action: 'OFFER',
      offer: { price: ctx.index === 0 ? 1500 : 100 },
    }));
    const r = finished((await play([hold, hold])).result);
    expect(r.outcome).toMatchObject({
      deal: false,
      round: null,
      rawUtilities: [0, 0],
      measures: { endedBy: 'limit', turns: 20, offersMade: [10, 10], rho: -1, price: null },
    });
  });
});

describe('alternating offers bad input', () => {
  it('re-asks an offer outside the range and ACCEPT with nothing standing, then records them invalid', async () => {
    const seen: (string | undefined)[] = [];
    const bad = actor('bad', (ctx) => {
      seen.push(ctx.feedback);
      return ctx.attempt === 0
        ? { message: 'take it', action: 'ACCEPT' }
        : { message: 'huge', action: 'OFFER', offer: { price: 5000 } };
    });
    const walk = actor('walk', () => ({ message: 'bye', action: 'REJECT' }));
    const r = finished((await play([bad, walk])).result);
    expect(seen).toEqual([
      undefined,
      'there is no standing offer from the other player to accept',
      'the price 5000 is outside the allowed range 0 to 2000',
    ]);
    expect(shape(r.turns)).toEqual([
      '0:0:0:0:r:ok',
      '0:0:1:0:r:ok',
      '1:0:0:0:r:invalid',
      '1:0:0:1:r:invalid',
      '1:0:0:2:r:invalid',
      '1:1:0:0:u:ok',
      '2:0:1:0:r:ok',
      '2:1:1:0:u:ok',
    ]);
    expect(r.turns[5]).toMatchObject({
      text: 'No valid action; the turn passes.',
      action: { verb: 'NONE', isForfeit: true },
    });
    expect(r.turns[7].text).toBe('bye\nREJECT');
    expect(r.outcome).toMatchObject({
      deal: false,
      invalidProposals: [3, 0],
      measures: { endedBy: 'reject', turns: 2, forfeits: [1, 0] },
    });
  });

  it('records a reply with no parseable action as a parse failure with the raw text, never a crash', async () => {
    const mumble = actor('m', () => ({
      ok: false,
      error: 'the reply contains no JSON object',
      text: 'hmm',
    }));
    const walk = actor('walk', () => ({ message: '', action: 'REJECT' }));
    const r = finished((await play([mumble, walk])).result);
    expect(r.turns[2]).toMatchObject({
      status: 'parse_failure',
      text: 'hmm',
      error: 'the reply contains no JSON object',
    });
    expect(r.outcome.parseFailures).toEqual([3, 0]);
  });
});

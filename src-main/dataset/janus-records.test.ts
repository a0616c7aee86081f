import { describe, expect, it } from 'vitest';
import type { ParticipantSpec } from '../../src-shared/participant';
import { EPISODE_STRATEGIES, episodePlan, strategyEpisodes } from './episodes';
import { janusAgent, janusRecords } from './janus-records';
import { janusRecordSchema } from './janus-schema';
import { trajectoryRows } from './janus-tables';
import { EXPECTED_OUTCOMES, EXPECTED_STEPS, handCheckedGames } from './janus-test-games';

const CONVENTION =
  'price-domain: P(t) = start + (res - start) * min(0.95, t/T)^beta; beta > 1 concedes late (tough), beta < 1 early';

describe('Janus decision records of a price game', () => {
  it('writes every decision of the failed game B in the exact schema: T lines, none left out', async () => {
    const [, b] = await handCheckedGames();
    const { records, leftOut } = janusRecords(b);
    expect(leftOut).toEqual({ REJECT: 0, NONE: 0 });
    const meta = {
      buyer_max: 700,
      seller_min: 400,
      zopa_low: 400,
      zopa_high: 700,
      zopa_width: 300,
      accepted_price: null,
      episode_outcome: { agreement_bool: false, price: null, num_turns: 4 },
    };
    const seller = {
      strategy: 'fixed-price-strict',
      strategy_params: { participant: 'fix-s', kind: 'strategy', margin: 400 },
    };
    const buyer = {
      strategy: 'fixed-price-strict',
      strategy_params: { participant: 'fix-b', kind: 'strategy', margin: 400 },
    };
    const state = (turn: number, role: string, reservation: number, history: unknown[]) => ({
      timestep: turn,
      max_turns: 4,
      role,
      last_offer_price: history.length ? (history.at(-1) as [string, number])[1] : null,
      offer_history: history,
      reservation_price: reservation,
      price_range: [0, 2000],
    });
    expect(records).toEqual([
      {
        trajectory_id: 'B',
        turn: 1,
        agent: seller,
        state: state(1, 'seller', 400, []),
        action: { type: 'OFFER', price: 600 },
        is_terminal: false,
        meta,
        rho: -1,
      },
      {
        trajectory_id: 'B',
        turn: 2,
        agent: buyer,
        state: state(2, 'buyer', 700, [['seller', 600]]),
        action: { type: 'OFFER', price: 500 },
        is_terminal: false,
        meta,
        rho: -1,
      },
      {
        trajectory_id: 'B',
        turn: 3,
        agent: seller,
        state: state(3, 'seller', 400, [
          ['seller', 600],
          ['buyer', 500],
        ]),
        action: { type: 'OFFER', price: 600 },
        is_terminal: false,
        meta,
        rho: -1,
      },
      {
        trajectory_id: 'B',
        turn: 4,
        agent: buyer,
        state: state(4, 'buyer', 700, [
          ['seller', 600],
          ['buyer', 500],
          ['seller', 600],
        ]),
        action: { type: 'OFFER', price: 500 },
        is_terminal: true,
        meta,
        rho: -1,
      },
    ]);
    for (const r of records) expect(janusRecordSchema.parse(r)).toEqual(r);
  });

  it('game A: a deal at 500 gives rho 0.2 on every line and the accepted price in meta', async () => {
    const [a] = await handCheckedGames();
    const { records, leftOut } = janusRecords(a);
    expect(leftOut).toEqual({ REJECT: 0, NONE: 0 });
    expect(records.map((r) => [r.turn, r.action.type, r.action.price, r.is_terminal])).toEqual([
      ...Array.from({ length: 10 }, (_, i) => [i + 1, 'OFFER', i % 2 === 0 ? 800 : 500, false]),
      [11, 'ACCEPT', null, true],
    ]);
    expect(new Set(records.map((r) => r.rho))).toEqual(new Set([0.2]));
    expect(records[10].meta).toEqual({
      buyer_max: 900,
      seller_min: 400,
      zopa_low: 400,
      zopa_high: 900,
      zopa_width: 500,
      accepted_price: 500,
      episode_outcome: { agreement_bool: true, price: 500, num_turns: 11 },
    });
    expect(records[10].state.offer_history).toHaveLength(10);
  });

  it('derives decision_steps (last 8 offers) and trajectory_outcomes as the pipeline does', async () => {
    const games = await handCheckedGames();
    const tables = games.map((g) => trajectoryRows(janusRecords(g).records));
    expect(tables.flatMap((t) => t.steps)).toEqual(EXPECTED_STEPS);
    expect(tables.map((t) => t.outcome)).toEqual(EXPECTED_OUTCOMES);
  });

  it('names the curve, its exponent and the convention for curve strategies and wrapped LLMs', () => {
    const boulware: ParticipantSpec = {
      id: 'b',
      kind: 'strategy',
      strategy: 'boulware',
      scores: {},
    };
    expect(janusAgent(boulware, 400)).toEqual({
      strategy: 'boulware',
      strategy_params: {
        participant: 'b',
        kind: 'strategy',
        curve: 'boulware',
        exponent: 2,
        convention: CONVENTION,
        margin: 400,
      },
    });
    const wrapped: ParticipantSpec = {
      id: 'm',
      kind: 'llm',
      provider: 'local',
      model: 'qwen',
      scores: {},
      wrapStrategy: { kind: 'strategy', strategy: 'linear', exponent: 1.5 },
    };
    expect(janusAgent(wrapped, 16)).toEqual({
      strategy: 'linear',
      strategy_params: {
        participant: 'm',
        provider: 'local',
        model: 'qwen',
        kind: 'strategy-wrapped-llm',
        curve: 'linear',
        exponent: 1.5,
        convention: CONVENTION,
        margin: 16,
      },
    });
    expect(janusAgent({ ...wrapped, wrapStrategy: undefined }, 16)).toEqual({
      strategy: 'llm',
      strategy_params: { participant: 'm', provider: 'local', model: 'qwen', kind: 'llm' },
    });
  });
});

describe('strategy episodes', () => {
  it('cycle every seller x buyer pairing of 11 strategies, each side opening in turn', () => {
    expect(EPISODE_STRATEGIES).toHaveLength(11);
    expect(episodePlan(0)).toEqual({
      seller: 'very-conceding',
      buyer: 'very-conceding',
      opener: 'seller',
    });
    expect(episodePlan(1)).toEqual({
      seller: 'very-conceding',
      buyer: 'very-conceding',
      opener: 'buyer',
    });
    expect(episodePlan(3)).toEqual({
      seller: 'very-conceding',
      buyer: 'conceding',
      opener: 'buyer',
    });
    expect(episodePlan(241)).toEqual({ seller: 'random', buyer: 'random', opener: 'buyer' });
    expect(episodePlan(242)).toEqual(episodePlan(0));
    const seen = new Set(Array.from({ length: 242 }, (_, i) => JSON.stringify(episodePlan(i))));
    expect(seen.size).toBe(242);
  });

  it('are seeded: the same seed plays the same games, another seed draws other reservations', async () => {
    const play = async (seed: number) => {
      const out = [];
      for await (const g of strategyEpisodes(4, seed)) out.push(janusRecords(g).records);
      return out;
    };
    const [first, again, other] = await Promise.all([play(3), play(3), play(4)]);
    expect(again).toEqual(first);
    expect(first.map((r) => r[0].trajectory_id)).toEqual(['s3-e0', 's3-e1', 's3-e2', 's3-e3']);
    expect(other[0][0].state.reservation_price).not.toBe(first[0][0].state.reservation_price);
    // Drawn on the price-domain preset: zone 500, buyer value around 900.
    for (const r of first) expect(r[0].meta.zopa_width).toBe(500);
  });
});

// Propose and vote with joint proposals (co-funding's pledge protocol, DESIGN 3.3): every agent
// proposes its own pledge vector, the vectors form the one joint table that is listed, and a
// commit vote decides.
import { describe, expect, it } from 'vitest';
import { cofunding, cofundingParamsSchema } from '../../../games/cofunding';
import type { TurnRecord, Vote } from '../../../src-shared/game';
import type { ListedProposal } from '../agent';
import { runGame, type RunGameResult } from '../run-game';
import { protocol, scripted } from '../test-fixtures';
import { createStrategyAgent } from '../../agents/strategy/strategy-agent';

/** The research preset on three projects (costs 20, 30, 10), budgets 25, hand-set values. */
function handInstance() {
  const instance = cofunding.create(
    cofundingParamsSchema.parse({ preset: 'research', projects: 3 }),
    2,
    1,
  );
  const costs = [20, 30, 10];
  return {
    ...instance,
    preferences: [
      { values: [50, 30, 20], budget: 25, costs },
      { values: [10, 60, 30], budget: 25, costs },
    ],
  };
}

function finished(r: RunGameResult) {
  if (r.status !== 'finished') throw new Error(`expected finished, got ${JSON.stringify(r)}`);
  return r;
}

const acceptAll = (ctx: { listedProposals: readonly unknown[] }) => ({
  votes: ctx.listedProposals.map((): Vote => 'accept'),
});

describe('propose and vote with joint proposals', () => {
  it('lists no joint proposal while a part is missing, then the combined table, and scores it', async () => {
    const instance = handInstance();
    const turns: TurnRecord[] = [];
    const result = finished(
      await runGame({
        gameId: 'joint',
        game: cofunding,
        instance,
        protocol: protocol({ rounds: 2, discussionTurns: 0, acceptance: 'supermajority' }),
        agents: [
          scripted('a', {
            propose: () => ({ proposal: { pledges: [15, 0, 10] } }),
            vote: acceptAll,
          }),
          // Round 1: over budget on every attempt; round 2: a valid vector.
          scripted('b', {
            propose: (ctx) => ({
              proposal: { pledges: ctx.round === 1 ? [20, 20, 0] : [5, 20, 0] },
            }),
            vote: acceptAll,
          }),
        ],
        onTurn: (t) => {
          turns.push(t);
        },
      }),
    );
    const setup = turns.find((t) => t.phase === 'setup' && t.agent === 0)!;
    expect(setup.text).toContain(
      `Proposal format: ${cofunding.jointProposal!(instance)!.partFormat}`,
    );
    const proposals = turns.filter((t) => t.phase === 'proposal');
    expect(proposals.map((t) => [t.round, t.agent, t.status])).toEqual([
      [1, 0, 'ok'],
      [1, 1, 'invalid'],
      [1, 1, 'invalid'],
      [1, 1, 'invalid'],
      [2, 0, 'ok'],
      [2, 1, 'ok'],
    ]);
    expect(proposals[1].error).toBe('Agent_2 pledges 40 in total, over its budget of 25 by 15');
    expect(proposals[0].text).toBe('Proposal: Agent_1 pledges Park 15, Bike lanes 10');
    const listings = turns.filter((t) => t.phase === 'listing');
    expect(listings[0].text).toBe(
      'Round 1: no joint proposal, since Agent_2 made no valid part; there is no vote this round.',
    );
    expect(listings[0].action).toEqual([]);
    const table = {
      pledges: [
        [15, 0, 10],
        [5, 20, 0],
      ],
    };
    expect(listings[1].action).toEqual([
      { number: 1, proposer: -1, proposal: table },
    ] satisfies ListedProposal[]);
    expect(listings[1].text).toBe(
      'Round 2 proposals:\n1. joint, of every agent: Agent_1: Park 15, Bike lanes 10 | Agent_2: Park 5, Library 20 | funded: Park, Bike lanes',
    );
    // Park (20) and Bike lanes (10) are funded by the summed vectors, the Library (20 of 30) is
    // not: Agent_1 (50 + 20) - 25 = 45, Agent_2 (10 + 30) - 5 = 35 (its Library pledge is returned).
    expect(result.outcome).toMatchObject({
      deal: true,
      round: 2,
      proposal: table,
      proposer: null,
      rawUtilities: [45, 35],
      utilities: [45 * 0.9, 35 * 0.9],
      invalidProposals: [0, 3],
    });
  });

  it('plays strategy agents through the pledge protocol', async () => {
    // Seed 9: the two c = 1 agents' vectors fund a subset together in round 1.
    const instance = cofunding.create(cofundingParamsSchema.parse({ preset: 'research' }), 2, 9);
    const turns: TurnRecord[] = [];
    const result = finished(
      await runGame({
        gameId: 'joint-strategies',
        game: cofunding,
        instance,
        protocol: protocol({ rounds: 10, discussionTurns: 1, acceptance: 'supermajority' }),
        agents: [
          createStrategyAgent({
            id: 'a',
            kind: 'strategy',
            strategy: 'bounded-rational',
            capability: 1,
            scores: {},
          }),
          createStrategyAgent({
            id: 'b',
            kind: 'strategy',
            strategy: 'bounded-rational',
            capability: 1,
            scores: {},
          }),
        ],
        onTurn: (t) => {
          turns.push(t);
        },
      }),
    );
    expect(turns.filter((t) => t.status !== 'ok')).toEqual([]);
    const joint = cofunding.jointProposal!(instance)!;
    const listings = turns.filter((t) => t.phase === 'listing');
    expect(listings.length).toBeGreaterThan(0);
    for (const listing of listings) {
      const parts = turns
        .filter((t) => t.phase === 'proposal' && t.round === listing.round)
        .map((t) => t.action);
      expect(listing.action).toEqual([{ number: 1, proposer: -1, proposal: joint.combine(parts) }]);
    }
    expect(result.outcome).toMatchObject({ deal: true, round: 1, proposer: null });
    expect(result.outcome.rawUtilities).toEqual([32, 20]);
    expect(result.outcome.rawUtilities).toEqual(
      cofunding.rawUtilities(instance, result.outcome.proposal as never),
    );
  });
});

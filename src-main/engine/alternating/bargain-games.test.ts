import { describe, expect, it } from 'vitest';
import { resourceExchange, resourceExchangeParamsSchema } from '../../../games/resource-exchange';
import type { GameDefinition } from '../../../games/types';
import { ultimatum, ultimatumParamsSchema } from '../../../games/ultimatum';
import type { GameInstance, TurnRecord } from '../../../src-shared/game';
import type { StrategyName } from '../../../src-shared/participant';
import { createParticipantStrategyAgent } from '../../agents/strategies';
import type { Agent } from '../agent';
import { runGame } from '../run-game';
import { protocol } from '../test-fixtures';

const agent = (strategy: StrategyName): Agent =>
  createParticipantStrategyAgent({ id: strategy, kind: 'strategy', strategy, scores: {} });

async function play(game: GameDefinition, instance: GameInstance, agents: Agent[]) {
  const r = await runGame({
    gameId: 'g',
    game,
    instance,
    protocol: protocol(),
    agents,
    onTurn: () => {},
  });
  if (r.status !== 'finished') throw new Error(JSON.stringify(r));
  const moves = r.turns
    .filter((t: TurnRecord) => t.pass === 1)
    .map((t) => t.text.split('\n').at(-1));
  return { outcome: r.outcome, moves };
}

const ult = (p: Record<string, unknown> = {}) =>
  ultimatum.create(ultimatumParamsSchema.parse(p), 2, 1) as GameInstance;
const trade = (p: Record<string, unknown> = {}) =>
  resourceExchange.create(resourceExchangeParamsSchema.parse(p), 2, 1) as GameInstance;

describe('ultimatum with strategy agents', () => {
  it('states the rejection rule in the rules and records it', () => {
    expect(ult().rules).toContain(
      'If the final offer is rejected, or no offer is accepted in time, both players get nothing.',
    );
    expect(ult({ onReject: 'keep' }).rules).toContain(
      'each player keeps what it started with (RED 100, BLUE 0)',
    );
    expect(ult({ onReject: 'keep' }).realised).toEqual({
      pot: 100,
      onReject: 'keep',
      proposalLimit: 4,
    });
  });

  it('greedy RED asks 90, fair BLUE counters 50/50, greedy accepts on turn 3', async () => {
    const { outcome, moves } = await play(ultimatum, ult(), [agent('greedy'), agent('fair-split')]);
    expect(moves).toEqual([
      'OFFER: RED keeps 90, BLUE keeps 10',
      'OFFER: RED keeps 50, BLUE keeps 50',
      'ACCEPT',
    ]);
    expect(outcome).toMatchObject({
      deal: true,
      round: 3,
      proposer: 1,
      rawUtilities: [50, 50],
      measures: { endedBy: 'accept', pot: 100, onReject: 'nothing', redShare: 0.5, blueShare: 0.5 },
    });
  });

  it('with onReject "keep" greedy RED never settles; BLUE rejects on the respond-only last turn', async () => {
    const { outcome, moves } = await play(ultimatum, ult({ onReject: 'keep' }), [
      agent('greedy'),
      agent('fair-split'),
    ]);
    expect(moves).toEqual([
      ...Array<string[]>(3)
        .fill(['OFFER: RED keeps 90, BLUE keeps 10', 'OFFER: RED keeps 50, BLUE keeps 50'])
        .flat(),
      'OFFER: RED keeps 90, BLUE keeps 10',
      'REJECT',
    ]);
    expect(outcome).toMatchObject({
      deal: false,
      rawUtilities: [100, 0],
      measures: { endedBy: 'reject', turns: 8, offersMade: [4, 3] },
    });
  });

  it('rejects a split that does not use the pot', () => {
    expect(ultimatum.validateProposal(ult() as never, { RED: 70, blue: 40 })).toEqual({
      ok: false,
      error: 'the split 70 + 40 = 110 must use exactly the pot of 100',
    });
    expect(ultimatum.validateProposal(ult() as never, { Red: 70, blue: 30 })).toEqual({
      ok: true,
      proposal: { red: 70, blue: 30 },
    });
  });
});

describe('resource exchange with strategy agents', () => {
  it('fair traders swap 5 X for 5 Y at once; at competition 0 both gain 10 (the lacking resource is worth 3)', async () => {
    const flat = await play(resourceExchange, trade(), [agent('fair-split'), agent('fair-split')]);
    expect(flat.moves).toEqual(['OFFER: RED gives X: 5 | BLUE gives Y: 5', 'ACCEPT']);
    expect(flat.outcome).toMatchObject({ deal: true, rawUtilities: [0, 0] });
    const wide = await play(resourceExchange, trade({ competition: 0 }), [
      agent('fair-split'),
      agent('fair-split'),
    ]);
    expect(wide.outcome).toMatchObject({
      deal: true,
      rawUtilities: [10, 10],
      measures: {
        goal: 'maximise',
        finalHoldings: [
          { X: 20, Y: 10 },
          { X: 10, Y: 20 },
        ],
        goalReached: [null, null],
      },
    });
  });

  it('target goals: each trades its surplus for its deficit and both reach 15/15', async () => {
    const { outcome } = await play(resourceExchange, trade({ goal: 'target' }), [
      agent('linear'),
      agent('greedy'),
    ]);
    expect(outcome).toMatchObject({
      deal: true,
      rawUtilities: [1, 1],
      measures: { goal: 'target', goalReached: [true, true] },
    });
  });

  it('refuses trades of resources a player does not hold, and caps proposals at iterations/2 - 1', () => {
    const g = trade() as never;
    expect(
      resourceExchange.validateProposal(g, { redGives: { X: 30 }, blueGives: { Y: 1 } }),
    ).toEqual({
      ok: false,
      error: 'RED cannot give 30 X: it holds only 25',
    });
    expect(resourceExchange.validateProposal(g, { redGives: { Z: 1 } })).toEqual({
      ok: false,
      error: 'unknown resource "Z" in redGives; the resources are X, Y',
    });
    expect(resourceExchange.alternating!.offerCap(g)).toBe(3);
  });
});

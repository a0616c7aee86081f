// Shared by the strategy agent tests: a strategy participant and one game played to the end.
import { getGame } from '../../../games/index';
import type { GameKind, ProtocolParams, TurnRecord } from '../../../src-shared/game';
import type { StrategyName, StrategySpec } from '../../../src-shared/participant';
import { runGame } from '../../engine/run-game';
import { createStrategyAgent } from './strategy-agent';

export const protocol: ProtocolParams = {
  rounds: 10,
  gamma: 0.9,
  discussionTurns: 2,
  acceptance: 'unanimous',
  vetoHolders: [],
  maxProposalAttempts: 3,
};

export function spec(strategy: StrategyName, capability?: number): StrategySpec {
  return {
    id: `${strategy}${capability ?? ''}`,
    kind: 'strategy',
    strategy,
    capability,
    scores: {},
  };
}

export async function play(
  specs: StrategySpec[],
  opts: { kind?: GameKind; competition?: number; seed?: number; committed?: TurnRecord[] } = {},
) {
  const game = getGame(opts.kind ?? 'item-allocation');
  const params = game.paramsSchema.parse(
    opts.kind && opts.kind !== 'item-allocation'
      ? {}
      : { items: 5, competition: opts.competition ?? 0.5 },
  );
  const instance = game.create(params, specs.length, opts.seed ?? 1);
  const fresh: TurnRecord[] = [];
  const result = await runGame({
    gameId: 'test',
    game,
    instance,
    protocol,
    agents: specs.map(createStrategyAgent),
    committed: opts.committed,
    onTurn: (t) => {
      fresh.push(t);
    },
  });
  if (result.status !== 'finished')
    throw new Error(`game did not finish: ${JSON.stringify(result)}`);
  return { ...result, fresh, instance };
}

// `parley dataset --episodes N`: strategy-only price games played in memory, without a sweep or
// a database. They run through the engine's own runner (runGame, alternating offers) with the
// same game definition and strategy agents a sweep uses, so an episode here is move for move the
// game a sweep would store for the same seats and seed.
import { price, priceParamsSchema, type PriceParams, type PriceRole } from '../../games/price';
import { hashSeed } from '../../games/rng';
import type { ProtocolParams } from '../../src-shared/game';
import type { StrategySpec } from '../../src-shared/participant';
import { PRICE_STRATEGIES } from '../agents/price/price-strategy';
import { createParticipantStrategyAgent } from '../agents/strategies';
import { runGame } from '../engine/run-game';
import type { PlayedPriceGame } from './janus-records';

/** The strategies episodes pair: every price strategy, without "conceder" (the same curve as "conceding"). */
export const EPISODE_STRATEGIES = PRICE_STRATEGIES.filter((s) => s !== 'conceder');
type EpisodeStrategy = (typeof EPISODE_STRATEGIES)[number];

const PROTOCOL: ProtocolParams = {
  name: 'alternating-offers',
  rounds: 1,
  gamma: 1,
  discussionTurns: 0,
  acceptance: 'unanimous',
  vetoHolders: [],
  maxProposalAttempts: 3,
};

/** The seats of episode `i`: pairings cycle seller strategy x buyer strategy x who opens. */
export function episodePlan(i: number): {
  seller: EpisodeStrategy;
  buyer: EpisodeStrategy;
  opener: PriceRole;
} {
  const n = EPISODE_STRATEGIES.length;
  const c = i % (n * n * 2);
  return {
    seller: EPISODE_STRATEGIES[Math.floor(c / (n * 2))],
    buyer: EPISODE_STRATEGIES[Math.floor(c / 2) % n],
    opener: c % 2 === 0 ? 'seller' : 'buyer',
  };
}

const spec = (strategy: EpisodeStrategy, role: PriceRole): StrategySpec => ({
  id: `${strategy}-${role}`,
  kind: 'strategy',
  strategy,
  scores: {},
});

/** Play one price game between strategy agents (seat order) in memory, through the engine's runner. */
export async function playStrategyGame(
  trajectoryId: string,
  params: Partial<PriceParams>,
  participants: StrategySpec[],
  seed: number,
): Promise<PlayedPriceGame> {
  const instance = price.create(priceParamsSchema.parse(params), 2, seed);
  const result = await runGame({
    gameId: trajectoryId,
    game: price,
    instance,
    protocol: PROTOCOL,
    agents: participants.map(createParticipantStrategyAgent),
    onTurn: () => {},
  });
  if (result.status !== 'finished')
    throw new Error(
      `game ${trajectoryId} did not finish: ${result.status === 'failed' ? result.error : result.message}`,
    );
  return { trajectoryId, instance, participants, turns: result.turns, outcome: result.outcome };
}

/**
 * Play `count` episodes of the price-domain preset (b ~ Normal(900, 50), s = b - 500, 20 turns)
 * from `seed`; episode i uses the instance seed hashSeed(seed, "janus-episode", i), so the same
 * seed gives the same games in the same order.
 */
export async function* strategyEpisodes(
  count: number,
  seed: number,
): AsyncGenerator<PlayedPriceGame> {
  for (let i = 0; i < count; i++) {
    const plan = episodePlan(i);
    const instanceSeed = hashSeed(seed, 'janus-episode', i);
    const params = { preset: 'price-domain', opener: plan.opener } as const;
    const [seller, buyer] = [spec(plan.seller, 'seller'), spec(plan.buyer, 'buyer')];
    const participants = plan.opener === 'seller' ? [seller, buyer] : [buyer, seller];
    yield await playStrategyGame(`s${seed}-e${i}`, params, participants, instanceSeed);
  }
}

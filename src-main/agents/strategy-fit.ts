// Which strategy agents can play which game: propose-and-vote strategies the propose-and-vote
// games, the price strategies the price game, fair split, greedy and the named curves the
// ultimatum and resource exchange, the rule-based party the deliberation games. Sweep
// validation names a participant whose strategy does not fit before any game is planned.
import type { GameKind, ProtocolName } from '../../src-shared/game';
import { PROPOSE_VOTE_STRATEGIES, type StrategyName } from '../../src-shared/participant';
import { CURVES } from './price/curves';
import { PRICE_STRATEGIES } from './price/price-strategy';

const CURVE_NAMES = Object.keys(CURVES) as StrategyName[];
/** Ultimatum and resource exchange: the agents of agents/bargain. */
const SPLIT_STRATEGIES: readonly StrategyName[] = ['fair-split', 'greedy', ...CURVE_NAMES];

/** The strategies that play `kind` with `protocol`. */
export function strategiesFor(kind: GameKind, protocol: ProtocolName): readonly StrategyName[] {
  if (protocol === 'propose-and-vote') return PROPOSE_VOTE_STRATEGIES;
  if (protocol === 'deliberation') return ['deliberation-rule'];
  if (kind === 'price') return PRICE_STRATEGIES;
  if (kind === 'ultimatum' || kind === 'resource-exchange') return SPLIT_STRATEGIES;
  return [];
}

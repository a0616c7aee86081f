// A five-game sweep written to a real store, small enough to compute every figure by hand.
// Item allocation with 3 items; agent values A = [50, 30, 20] (seat 0), B = [20, 30, 50] (seat 1).
// Allocations and their (u_A, u_B): [0,0,1] -> (80, 50), [0,1,1] -> (50, 80), no deal -> (0, 0).
// Max welfare 130; the NBS product 4000 is attained at (80, 50) and (50, 80).
import { getGame } from '../../games/index';
import type { GameInstance, GameOutcome } from '../../src-shared/game';
import type { ParticipantSpec } from '../../src-shared/participant';
import type { PlannedGame } from '../../src-shared/planned-game';
import type { Store } from '../store/types';

export const HAND_SWEEP_ID = 'hand-sweep-0001';
export const HAND_SWEEP_NAME = 'hand: five games';

const agent = (id: string, c: number): ParticipantSpec => ({
  id,
  kind: 'strategy',
  strategy: 'bounded-rational',
  capability: c,
  scores: { capability: c },
});
const WEAK = agent('weak', 0.2);
const STRONG = agent('strong', 0.8);
const REF = agent('ref', 0.5);
const REF2 = agent('ref2', 0.5);

/** The 3-item instance with the hand values above. */
export function instance(): GameInstance {
  const game = getGame('item-allocation');
  const inst = game.create(game.paramsSchema.parse({ items: 3, competition: 0.5 }), 2, 1);
  return { ...inst, preferences: [{ values: [50, 30, 20] }, { values: [20, 30, 50] }] };
}

/** The outcome of `allocation` accepted in `round` (null: no deal) with the hand values. */
export function outcome(
  allocation: number[] | null,
  round: number | null,
  extra: Partial<GameOutcome> = {},
): GameOutcome {
  const values = [
    [50, 30, 20],
    [20, 30, 50],
  ];
  const raw = allocation
    ? values.map((v, i) => allocation.reduce((s, o, k) => s + (o === i ? v[k] : 0), 0))
    : [0, 0];
  const factor = round === null ? 0 : 0.9 ** (round - 1);
  return {
    deal: allocation !== null,
    round,
    proposal: allocation ? { allocation } : null,
    proposer: allocation ? 0 : null,
    rawUtilities: raw,
    utilities: raw.map((u) => u * factor),
    invalidProposals: [0, 0],
    syntheticVotes: [0, 0],
    parseFailures: [0, 0],
    ...extra,
  };
}

interface HandGame {
  id: string;
  seats: ParticipantSpec[];
  focal: ParticipantSpec;
  order: 'weak_first' | 'strong_first';
  level: number;
  outcome: GameOutcome;
}

/**
 * g1 weak (seat 0) vs ref, weak_first, level 0.5: [0,0,1] in round 2 -> (72, 45); 1 invalid proposal by seat 0, 1 synthetic vote by seat 1.
 * g2 ref vs weak (seat 1), strong_first, level 0.5: [0,0,1] in round 1 -> (80, 50).
 * g3 ref vs strong (seat 1), weak_first, level 0.5: no deal.
 * g4 strong (seat 0) vs ref, strong_first, level 0.5: [0,1,1] in round 1 -> (50, 80).
 * g5 ref vs ref2 (seat 1, equal capability), weak_first, level 1: [0,1,1] in round 1 -> (50, 80).
 */
export const HAND_GAMES: HandGame[] = [
  {
    id: 'g1',
    seats: [WEAK, REF],
    focal: WEAK,
    order: 'weak_first',
    level: 0.5,
    outcome: outcome([0, 0, 1], 2, { invalidProposals: [1, 0], syntheticVotes: [0, 1] }),
  },
  {
    id: 'g2',
    seats: [REF, WEAK],
    focal: WEAK,
    order: 'strong_first',
    level: 0.5,
    outcome: outcome([0, 0, 1], 1),
  },
  {
    id: 'g3',
    seats: [REF, STRONG],
    focal: STRONG,
    order: 'weak_first',
    level: 0.5,
    outcome: outcome(null, null),
  },
  {
    id: 'g4',
    seats: [STRONG, REF],
    focal: STRONG,
    order: 'strong_first',
    level: 0.5,
    outcome: outcome([0, 1, 1], 1),
  },
  {
    id: 'g5',
    seats: [REF, REF2],
    focal: REF2,
    order: 'weak_first',
    level: 1,
    outcome: outcome([0, 1, 1], 1),
  },
];

/** Writes the sweep, its games (instance + outcome) and two model calls of g1 into `store`. */
export function writeHandSweep(store: Store): void {
  const spec = {
    name: HAND_SWEEP_NAME,
    runs: { count: 2 },
    orders: 'both',
    capabilityMetric: 'capability',
  };
  store.upsertSweep({ id: HAND_SWEEP_ID, name: HAND_SWEEP_NAME, spec });
  const planned: PlannedGame[] = HAND_GAMES.map((g) => ({
    id: g.id,
    kind: 'item-allocation',
    params: { items: 3, competition: g.level },
    protocol: {
      rounds: 10,
      gamma: 0.9,
      discussionTurns: 0,
      acceptance: 'unanimous',
      vetoHolders: [0],
      maxProposalAttempts: 3,
    },
    nAgents: 2,
    participants: g.seats,
    seed: 1,
    runIndex: 0,
    order: g.order,
    competitionLevel: g.level,
    rho: null,
    theta: null,
    alpha: null,
    sigma: null,
    focalId: g.focal.id,
    focalCapability: g.focal.kind === 'strategy' ? (g.focal.capability ?? null) : null,
    capabilities: g.seats.map((s) => (s.kind === 'strategy' ? (s.capability ?? null) : null)),
  }));
  store.insertPlannedGames(HAND_SWEEP_ID, planned);
  for (const g of HAND_GAMES) {
    store.markGameRunning(g.id, instance());
    store.finishGame(g.id, g.outcome);
  }
  const usage = (input: number, output: number, cost: number) => ({
    inputTokens: input,
    cacheWriteTokens: 0,
    cacheReadTokens: 0,
    outputTokens: output,
    reasoningTokens: 0,
    costUsd: cost,
  });
  const c1 = store.recordCallSent({
    gameId: 'g1',
    round: 1,
    phase: 'proposal',
    agent: 0,
    attempt: 0,
    provider: 'local',
    model: 'm1',
    requestHash: 'h1',
  });
  store.recordCallAnswered(c1, { status: 'ok', usage: usage(100, 20, 0.01), latencyMs: 5 });
  const c2 = store.recordCallSent({
    gameId: 'g1',
    round: 1,
    phase: 'vote',
    agent: 1,
    attempt: 0,
    provider: 'local',
    model: 'm2',
    requestHash: 'h2',
  });
  store.recordCallAnswered(c2, { status: 'ok', usage: usage(50, 5, 0.002), latencyMs: 5 });
}

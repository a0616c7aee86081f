// What the benchmarks that write games straight into a store (analysis-bench.ts, ui-bench-data.ts)
// plant: the propose-and-vote protocol of their item-allocation games, a bounded-rational seat and
// a planned game between two such seats.
import type { Order, PlannedGame } from '../../src-shared/planned-game';

export const BENCH_PROTOCOL = {
  rounds: 10,
  gamma: 0.9,
  discussionTurns: 2,
  acceptance: 'unanimous' as const,
  vetoHolders: [0],
  maxProposalAttempts: 3,
};

/** A bounded-rational seat of capability `c` (with a "c=…" display name when `named`). */
export const benchParticipant = (id: string, c: number, named = false) => ({
  id,
  kind: 'strategy' as const,
  strategy: 'bounded-rational' as const,
  capability: c,
  ...(named ? { displayName: `c=${c}` } : {}),
  scores: { capability: c },
});

type Seat = ReturnType<typeof benchParticipant>;

/**
 * A planned two-agent item-allocation game between `focal` and `reference` at `level`, the
 * focal seat first unless `referenceFirst`.
 */
export function benchGame(g: {
  id: string;
  focal: Seat;
  reference: Seat;
  level: number;
  seed: number;
  runIndex: number;
  order: Order;
  referenceFirst?: boolean;
}): PlannedGame {
  const c = g.focal.capability;
  const seats = g.referenceFirst ? [g.reference, g.focal] : [g.focal, g.reference];
  return {
    id: g.id,
    kind: 'item-allocation',
    params: { items: 5, competition: g.level },
    protocol: BENCH_PROTOCOL,
    nAgents: 2,
    participants: seats,
    seed: g.seed,
    runIndex: g.runIndex,
    order: g.order,
    competitionLevel: g.level,
    rho: null,
    theta: null,
    alpha: null,
    sigma: null,
    focalId: g.focal.id,
    focalCapability: c,
    capabilities: seats.map((s) => s.capability),
  };
}

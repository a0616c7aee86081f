// What the benchmarks that write games straight into a store (analysis-bench.ts, ui-bench-data.ts)
// plant: the propose-and-vote protocol of their item-allocation games and a bounded-rational seat.

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

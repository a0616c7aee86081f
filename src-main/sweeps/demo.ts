// The built-in demo sweep: bounded-rational strategy agents of five capabilities against a
// reference agent (c = 0.5) across five competition levels. Runs offline in seconds.
import type { SweepInput } from '../../src-shared/sweep';

export const DEMO_CAPABILITIES = [0.1, 0.3, 0.5, 0.7, 0.9];
export const DEMO_COMPETITION = [0, 0.25, 0.5, 0.75, 1];

export function demoSweep(): SweepInput {
  const opponents = DEMO_CAPABILITIES.map((c) => ({
    id: `br-${c.toFixed(1)}`,
    kind: 'strategy' as const,
    strategy: 'bounded-rational' as const,
    capability: c,
    displayName: `Bounded-rational c=${c.toFixed(1)}`,
    scores: { capability: c },
  }));
  return {
    name: 'demo: capability x competition (strategy agents)',
    description:
      'Bounded-rational agents at five capabilities against a reference agent (c = 0.5), item allocation, 2 agents, 10 rounds, 5 runs per cell.',
    game: { kind: 'item-allocation', params: { items: 5 } },
    agents: 2,
    rounds: 10,
    gamma: 0.9,
    acceptance: 'unanimous',
    discussionTurns: 2,
    participants: [
      ...opponents,
      {
        id: 'reference-0.5',
        kind: 'strategy',
        strategy: 'bounded-rational',
        capability: 0.5,
        displayName: 'Reference c=0.5',
        scores: { capability: 0.5 },
      },
    ],
    capabilityMetric: 'capability',
    lineup: { mode: 'baseline', baseline: 'reference-0.5', opponents: opponents.map((o) => o.id) },
    competition: { levels: DEMO_COMPETITION },
    orders: 'both',
    runs: { count: 5, baseSeed: 1 },
    concurrency: 4,
  };
}

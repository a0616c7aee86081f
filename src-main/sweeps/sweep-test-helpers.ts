// Sweep documents for the expansion tests: three bounded-rational agents and a small grid.
import { parseSweep } from '../../src-shared/sweep';
import type { SweepInput } from '../../src-shared/sweep';
import { expandSweep, type ExpandedSweep } from './expand';
import { validateSweepDoc } from './validate';

export const br = (id: string, c: number) => ({
  id,
  kind: 'strategy' as const,
  strategy: 'bounded-rational' as const,
  capability: c,
  scores: { capability: c },
});

export function small(overrides: Partial<SweepInput> = {}): SweepInput {
  return {
    name: 'small',
    game: { kind: 'item-allocation', params: { items: 4 } },
    participants: [br('weak', 0.2), br('strong', 0.8), br('ref', 0.5)],
    lineup: { mode: 'baseline', baseline: 'ref', opponents: ['weak', 'strong'] },
    competition: { levels: [0, 1] },
    orders: 'both',
    runs: { seeds: [7, 8, 9] },
    ...overrides,
  };
}

export function expandOk(doc: unknown): ExpandedSweep {
  const parsed = parseSweep(doc);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const result = expandSweep(parsed.sweep);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.expanded;
}

/** The issues of a document that must be refused. */
export function issuesOf(doc: unknown): { path: string; message: string }[] {
  const v = validateSweepDoc(doc);
  if (v.ok) throw new Error(`expected problems, got a valid sweep of ${v.games} games`);
  return v.issues;
}

// Validating a sweep document end to end without a store: limits, schema, participants,
// geometry, grid size and duplicates, then the expanded games. `parley validate`, the host's
// sweeps:validate and SweepService.create all go through here.
import { parseSweep } from '../../src-shared/sweep';
import type { SweepIssue } from '../../src-shared/sweep';
import { expandSweep } from './expand';
import type { ExpandedSweep, ParticipantResolver } from './expand';

export type SweepValidation =
  | {
      ok: true;
      sweepId: string;
      games: number;
      cells: number;
      warnings: string[];
      expanded: ExpandedSweep;
    }
  | { ok: false; issues: SweepIssue[] };

/** Parse, validate and expand a sweep document (no store needed). */
export function validateSweepDoc(doc: unknown, resolve?: ParticipantResolver): SweepValidation {
  const parsed = parseSweep(doc);
  if (!parsed.ok) return parsed;
  const result = expandSweep(parsed.sweep, resolve);
  if (!result.ok) return result;
  const { expanded } = result;
  const cells = new Set(
    expanded.games.map(
      (g) => `${g.focalId}|${g.competitionLevel}|${g.rho}|${g.theta}|${g.alpha}|${g.sigma}`,
    ),
  ).size;
  return {
    ok: true,
    sweepId: expanded.id,
    games: expanded.games.length,
    cells,
    warnings: expanded.warnings,
    expanded,
  };
}

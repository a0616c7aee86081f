// Validating a sweep document end to end without a store: limits, schema, participants,
// geometry, grid size and duplicates, strategies that fit the game, then the expanded games.
// `parley validate`, the host's sweeps:validate and SweepService.create all go through here.
import { getGame } from '../../games/index';
import { gameProtocols } from '../../games/types';
import type { ParticipantSpec } from '../../src-shared/participant';
import { parseSweep } from '../../src-shared/sweep';
import type { Sweep, SweepIssue } from '../../src-shared/sweep';
import { strategiesFor } from '../agents/strategy-fit';
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

/**
 * A strategy (a strategy agent's, or the one a strategy-wrapped LLM agent follows) that cannot
 * play the sweep's game with its protocol, for every seated participant; the path names the
 * participant's entry in the document where it has one.
 */
function strategyIssues(sweep: Sweep, seated: readonly ParticipantSpec[]): SweepIssue[] {
  const game = getGame(sweep.game.kind);
  const protocol = sweep.protocol ?? gameProtocols(game)[0];
  const fits = strategiesFor(sweep.game.kind, protocol);
  const issues: SweepIssue[] = [];
  for (const p of seated) {
    const [strategy, field] =
      p.kind === 'strategy'
        ? [p.strategy, 'strategy']
        : p.wrapStrategy
          ? [p.wrapStrategy.strategy, 'wrapStrategy.strategy']
          : [null, ''];
    if (strategy === null || fits.includes(strategy)) continue;
    const index = (sweep.participants ?? []).findIndex((q) => q.id === p.id);
    issues.push({
      path: index >= 0 ? `participants[${index}].${field}` : 'participants',
      message: `participant "${p.id}": strategy "${strategy}" does not play ${game.title} (${protocol}); use one of ${fits.join(', ')}`,
    });
  }
  return issues;
}

/** Parse, validate and expand a sweep document (no store needed). */
export function validateSweepDoc(doc: unknown, resolve?: ParticipantResolver): SweepValidation {
  const parsed = parseSweep(doc);
  if (!parsed.ok) return parsed;
  const result = expandSweep(parsed.sweep, resolve);
  if (!result.ok) return result;
  const { expanded } = result;
  const seated = new Map(expanded.games.flatMap((g) => g.participants.map((p) => [p.id, p])));
  const misfits = strategyIssues(parsed.sweep, [...seated.values()]);
  if (misfits.length > 0) return { ok: false, issues: misfits };
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

// The incentive axis of a deliberation sweep (competition.incentives): one cell per incentive of
// the focal party (lineup.focalParty), its level the incentive's index in the published list, so
// the capability x competition machinery (heatmaps, cells, fits) reads it as capability x incentive.
import { DELIBERATION_INCENTIVES } from '../../games/deliberation/types';
import type { Sweep, SweepIssue } from '../../src-shared/sweep';
import { gameParams, type Cell } from './cells';

const NO_AXES = { rho: null, theta: null, alpha: null, sigma: null } as const;

/** The competition level of an incentive cell: the incentive's index (cooperative 0, ...). */
export function incentiveLevel(incentive: string): number {
  return (DELIBERATION_INCENTIVES as readonly string[]).indexOf(incentive);
}

/** The incentive an incentive cell's level stands for (null for a level that is not one). */
export function incentiveOfLevel(level: number): string | null {
  return DELIBERATION_INCENTIVES[level] ?? null;
}

/**
 * The focal party of a stored sweep document whose competition axis is `incentives`, or null
 * for any other document (the results grid and `parley analyze` name the axis by it).
 */
export function incentiveAxisParty(spec: unknown): string | null {
  const s = spec as { competition?: { incentives?: unknown }; lineup?: { focalParty?: unknown } };
  if (!Array.isArray(s?.competition?.incentives)) return null;
  return typeof s.lineup?.focalParty === 'string' ? s.lineup.focalParty : null;
}

/**
 * The competition axis of an incentive sweep as every view labels it: its title and the
 * incentive each level stands for. The results grid, exported figures and `parley analyze`
 * all read it from here. Null for a sweep with no incentive axis.
 */
export interface IncentiveAxis {
  title: string;
  label: (level: number) => string;
}

export function incentiveAxisOf(spec: unknown): IncentiveAxis | null {
  const party = incentiveAxisParty(spec);
  if (party === null) return null;
  return {
    title: `incentive of ${party}`,
    label: (level) => incentiveOfLevel(level) ?? String(level),
  };
}

/**
 * The axis shared by pooled sweeps: every one an incentive sweep of the same focal party, else
 * null (levels of different meanings are not named by one of them).
 */
export function sharedIncentiveAxis(specs: readonly unknown[]): IncentiveAxis | null {
  const axes = specs.map(incentiveAxisOf);
  const first = axes[0];
  if (!first || axes.some((a) => a === null || a.title !== first.title)) return null;
  return first;
}

/** What an incentive sweep's competition_level column means, for analysis notes. */
export function incentiveAxisNote(spec: unknown): string | null {
  const party = incentiveAxisParty(spec);
  if (party === null) return null;
  const levels = DELIBERATION_INCENTIVES.map((inc, i) => `${i} ${inc}`).join(', ');
  return `competition_level is the incentive of ${party} (the focal party): ${levels}.`;
}

export function incentiveCells(
  sweep: Sweep,
  incentives: readonly string[],
  issues: SweepIssue[],
): Cell[] {
  if (sweep.game.kind !== 'deliberation') {
    issues.push({
      path: 'competition.incentives',
      message: `an incentive axis applies to the deliberation game only; use "levels" for ${sweep.game.kind}`,
    });
    return [];
  }
  if (sweep.lineup.mode !== 'parties') {
    issues.push({
      path: 'competition.incentives',
      message:
        'an incentive axis varies the focal party\'s incentive: use lineup.mode "parties" with lineup.focalParty',
    });
    return [];
  }
  const party = sweep.lineup.focalParty;
  const raw = sweep.game.params;
  const fixed = (raw.incentives ?? {}) as Record<string, string>;
  if (fixed[party] !== undefined) {
    issues.push({
      path: `game.params.incentives.${party}`,
      message: `the focal party's incentive comes from competition.incentives; remove it here`,
    });
  }
  const seen = new Map<string, number>();
  const cells: Cell[] = [];
  // A folder that does not read fails alike for every cell: reported once.
  let isUnreadable = false;
  incentives.forEach((incentive, i) => {
    if (isUnreadable) return;
    const path = `competition.incentives[${i}]`;
    if (incentiveLevel(incentive) < 0) {
      issues.push({
        path,
        message: `unknown incentive "${incentive}"; one of ${DELIBERATION_INCENTIVES.join(', ')}`,
      });
      return;
    }
    const first = seen.get(incentive);
    if (first !== undefined) {
      issues.push({
        path,
        message: `duplicate incentive "${incentive}" (also at competition.incentives[${first}])`,
      });
      return;
    }
    seen.set(incentive, i);
    const params = gameParams(
      sweep,
      { ...raw, incentives: { ...fixed, [party]: incentive } },
      issues,
    );
    if (!params) isUnreadable = true;
    else
      cells.push({
        ...NO_AXES,
        level: incentiveLevel(incentive),
        params,
        path: `${path} (${party} ${incentive})`,
      });
  });
  return cells;
}

// Competition cells of a sweep: one per level, one per point of a two-axis grid (treaty's
// rho x theta, co-funding's alpha x sigma), or one per incentive of a deliberation game's focal
// party, each with the game parameters it plays.
import { getGame } from '../../games/index';
import type { Sweep, SweepIssue } from '../../src-shared/sweep';
import { toSweepIssues } from '../../src-shared/sweep-issues';
import { prepareGameParams } from '../game-folders/folder-params';
import { incentiveCells } from './incentive-cells';

export interface Cell {
  /** The competition index of the cell (for plots). */
  level: number;
  rho: number | null;
  theta: number | null;
  alpha: number | null;
  sigma: number | null;
  params: Record<string, unknown>;
  /** Where it comes from in the document, for messages. */
  path: string;
}

/** Two-axis grids: which game owns them and how its competition index combines them. */
const AXES = {
  treaty: {
    kind: 'treaty',
    names: ['rho', 'theta'],
    index: (rho: number, theta: number) => (theta * (1 - rho)) / 2,
  },
  cofunding: {
    kind: 'cofunding',
    names: ['alpha', 'sigma'],
    index: (alpha: number, sigma: number) => (1 - alpha) * (1 - sigma),
  },
} as const;

type Axes = (typeof AXES)[keyof typeof AXES];

/** How many cells the sweep's `competition` plans (never enumerated). */
export function countCells(sweep: Sweep): number {
  const comp = sweep.competition;
  if ('levels' in comp) return comp.levels.length;
  if ('rho' in comp) return comp.rho.length * comp.theta.length;
  if ('incentives' in comp) return comp.incentives.length;
  return comp.alpha.length * comp.sigma.length;
}

/**
 * The game's params of `raw` (a deliberation game's folder read in: its parsed parties and
 * issues become params), or null with the problems in `issues`.
 */
export function gameParams(
  sweep: Sweep,
  raw: Record<string, unknown>,
  issues: SweepIssue[],
): Record<string, unknown> | null {
  const prepared = prepareGameParams(sweep.game.kind, raw);
  if (!prepared.ok) {
    issues.push({ path: 'game.params.folder', message: prepared.error });
    return null;
  }
  const parsed = getGame(sweep.game.kind).paramsSchema.safeParse(prepared.params, {
    reportInput: true,
  });
  if (!parsed.success) {
    issues.push(...toSweepIssues(parsed.error.issues, ['game', 'params']));
    return null;
  }
  return parsed.data as Record<string, unknown>;
}

/** Build every cell; problems (bad parameters, duplicate values, wrong game) go to `issues`. */
export function buildCells(sweep: Sweep, issues: SweepIssue[]): Cell[] {
  const game = getGame(sweep.game.kind);
  const comp = sweep.competition;
  // Each incentive cell reads the folder with its own incentives (only those in play are kept).
  if ('incentives' in comp) return incentiveCells(sweep, comp.incentives, issues);
  const base = gameParams(sweep, sweep.game.params, issues);
  if (!base) return [];
  if ('levels' in comp) {
    const seen = new Set<number>();
    return comp.levels.flatMap((level, i) => {
      if (seen.has(level)) {
        issues.push({ path: `competition.levels[${i}]`, message: `duplicate level ${level}` });
        return [];
      }
      seen.add(level);
      const params = game.withCompetition(base, level) as Record<string, unknown>;
      return [{ ...NO_AXES, level, params, path: `competition.levels[${i}]` }];
    });
  }
  const axes: Axes = 'rho' in comp ? AXES.treaty : AXES.cofunding;
  const [xs, ys] = 'rho' in comp ? [comp.rho, comp.theta] : [comp.alpha, comp.sigma];
  const [xName, yName] = axes.names;
  if (sweep.game.kind !== axes.kind) {
    issues.push({
      path: 'competition',
      message: `${xName} x ${yName} applies to the ${axes.kind} game only; use "levels" for ${sweep.game.kind}`,
    });
    return [];
  }
  const xOk = noDuplicates(xs, `competition.${xName}`, issues);
  const yOk = noDuplicates(ys, `competition.${yName}`, issues);
  if (!xOk || !yOk) return [];
  return xs.flatMap((x, i) =>
    ys.map((y, j) => ({
      ...NO_AXES,
      [xName]: x,
      [yName]: y,
      level: axes.index(x, y),
      params: { ...base, [xName]: x, [yName]: y },
      path: `competition (${xName}[${i}] = ${x}, ${yName}[${j}] = ${y})`,
    })),
  );
}

const NO_AXES = { rho: null, theta: null, alpha: null, sigma: null } as const;

function noDuplicates(values: readonly number[], path: string, issues: SweepIssue[]): boolean {
  const seen = new Map<number, number>();
  let ok = true;
  values.forEach((v, i) => {
    const first = seen.get(v);
    if (first !== undefined) {
      issues.push({
        path: `${path}[${i}]`,
        message: `duplicate value ${v} (also at ${path}[${first}])`,
      });
      ok = false;
    } else seen.set(v, i);
  });
  return ok;
}

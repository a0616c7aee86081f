// Diplomatic treaty (DESIGN 3.2): K issues each settled at a value in [0, 1]. Ideal positions are
// correlated across agents by a Gaussian copula (rho); importance weights have a target pairwise
// cosine (theta). Competition grows with similar weights and opposed positions.
import { z } from 'zod';
import type { GameInstance } from '../src-shared/game';
import { equicorrelatedNormals, normalCdf } from './normal';
import { agentList, roundTo } from './proposal-input';
import { createRng, hashSeed } from './rng';
import { fitSimplexVectors, simplexGeometryErrors } from './simplex-fit';
import { parseTreatyProposal, treatyOutcomes, type TreatyProposal } from './treaty-proposal';
import { treatyReference, treatyUtility } from './treaty-reference';
import type { GameDefinition } from './types';

export type { TreatyProposal };
export { treatyUtility };

// prettier-ignore
export const DEFAULT_ISSUE_NAMES = [
  'Tariffs', 'Fishing quotas', 'Emissions', 'Border security', 'Water rights', 'Migration',
  'Arms control', 'Data sharing', 'Patents', 'Shipping lanes', 'Farm subsidies', 'Energy trade',
  'Labour standards', 'Disease control', 'Space debris', 'Ocean mining', 'Refugee quotas',
  'Internet governance', 'Cultural heritage', 'Nuclear safety',
] as const;

export const treatyParamsSchema = z
  .object({
    issues: z.number().int().min(1).max(20).default(5),
    /** Rank correlation of ideal positions across agents (Gaussian copula). */
    rho: z.number().min(-1).max(1).default(0),
    /** Target pairwise cosine of the importance weights. */
    theta: z.number().min(0).max(1).default(0.5),
    /** Issue compatibility (n = 2): each issue is compatible with probability (lambda + 1) / 2. */
    lambda: z.number().min(0).max(1).optional(),
    issueNames: z.array(z.string().trim().min(1)).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.issueNames && p.issueNames.length < p.issues) {
      ctx.addIssue({
        code: 'custom',
        path: ['issueNames'],
        message: `needs at least ${p.issues} names (one per issue), got ${p.issueNames.length}`,
      });
    }
  });

export type TreatyParams = z.infer<typeof treatyParamsSchema>;

/** Agent i's private ideal point (2-decimal values in [0, 1]) and weights (integers summing to 100). */
export interface TreatyPrefs {
  positions: number[];
  weights: number[];
}

type Instance = GameInstance<TreatyParams, TreatyPrefs>;

/** Issue names in use, one per issue. */
export function issueNamesOf(params: TreatyParams): string[] {
  return (params.issueNames ?? DEFAULT_ISSUE_NAMES).slice(0, params.issues);
}

/** Copula correlation rho_z = 2 sin(pi rho / 6); exact at -1, 0 and 1 so rho = +-1 gives exact ties/mirrors. */
export function copulaCorrelation(rho: number): number {
  if (rho === 1 || rho === -1 || rho === 0) return rho;
  return 2 * Math.sin((Math.PI * rho) / 6);
}

function check(params: TreatyParams, nAgents: number): string[] {
  const parsed = treatyParamsSchema.safeParse(params);
  if (!parsed.success)
    return parsed.error.issues.map((i) => `${i.path.join('.') || 'params'}: ${i.message}`);
  if (!Number.isInteger(nAgents) || nAgents < 1)
    return [`nAgents must be an integer >= 1, got ${nAgents}`];
  const { rho, theta, issues } = parsed.data;
  const errors = simplexGeometryErrors(nAgents, issues, theta, 'theta', 'issues');
  const floor = -1 / (nAgents - 1);
  // A tiny slack keeps the boundary itself (a singular but valid matrix) usable despite rounding.
  if (nAgents > 2 && copulaCorrelation(rho) < floor - 1e-12) {
    const minRho = (6 / Math.PI) * Math.asin(floor / 2);
    errors.push(
      `rho ${rho} gives copula correlation ${copulaCorrelation(rho).toFixed(3)}, below -1/(n-1) = ${floor.toFixed(3)} for ${nAgents} agents; use rho >= ${minRho.toFixed(3)}`,
    );
  }
  return errors;
}

function pearson(x: readonly number[], y: readonly number[]): number | null {
  const mx = x.reduce((s, v) => s + v, 0) / x.length;
  const my = y.reduce((s, v) => s + v, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  x.forEach((v, k) => {
    sxy += (v - mx) * (y[k] - my);
    sxx += (v - mx) ** 2;
    syy += (y[k] - my) ** 2;
  });
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/** Pairwise statistic over agents, in the order (0,1), (0,2), ..., (1,2), ... */
function pairwise<T>(
  rows: readonly number[][],
  f: (a: readonly number[], b: readonly number[]) => T,
): T[] {
  const out: T[] = [];
  for (let i = 0; i < rows.length; i++)
    for (let j = i + 1; j < rows.length; j++) out.push(f(rows[i], rows[j]));
  return out;
}

/**
 * Ideal positions, issue by issue: z ~ N(0, equicorrelation rho_z) across agents, p = Phi(z),
 * rounded to 2 decimals so the text agents read is the exact ground truth. With lambda and
 * n = 2, a conflicting issue mirrors agent 2 (p_2k = 1 - p_1k); a compatible issue keeps its
 * copula draw (DESIGN 3.2 defines only the conflicting case).
 */
function drawPositions(
  params: TreatyParams,
  n: number,
  seed: number,
): { positions: number[][]; conflicting: number[] | null } {
  const rng = createRng(hashSeed(seed, 'treaty', 'positions'));
  const rhoZ = copulaCorrelation(params.rho);
  const positions: number[][] = Array.from({ length: n }, () => []);
  for (let k = 0; k < params.issues; k++) {
    equicorrelatedNormals(n, rhoZ, () => rng.normal()).forEach((z, i) =>
      positions[i].push(roundTo(normalCdf(z), 2)),
    );
  }
  if (params.lambda === undefined || n !== 2) return { positions, conflicting: null };
  const compat = createRng(hashSeed(seed, 'treaty', 'compatibility'));
  const conflicting: number[] = [];
  for (let k = 0; k < params.issues; k++) {
    if (compat.next() < (params.lambda + 1) / 2) continue;
    conflicting.push(k);
    positions[1][k] = roundTo(1 - positions[0][k], 2);
  }
  return { positions, conflicting };
}

function rulesText(names: readonly string[], nAgents: number): string {
  return [
    `${nAgents} agents (${agentList(nAgents)}) negotiate a treaty over ${names.length} issues: ${names.join(', ')}.`,
    'The treaty settles every issue at a single value between 0 and 1.',
    'Every agent has a private ideal value for each issue and private importance weights for the issues (integer percentages summing to 100); no agent sees those of another.',
    'A proposal takes effect only if it is accepted under the voting rule.',
    "If a deal is accepted, an agent's utility is the sum over issues of weight x (1 - |ideal - agreed value|): an issue settled exactly at the agent's ideal earns its full weight, and the credit falls linearly with the distance. The total is at most 100 and is multiplied by the discount factor once for every round that has passed before the deal.",
    'If no deal is reached, every agent gets 0.',
  ].join('\n');
}

/** Diplomatic treaty (DESIGN 3.2). */
export const treaty: GameDefinition<TreatyParams, TreatyPrefs, TreatyProposal> = {
  kind: 'treaty',
  title: 'Diplomatic treaty',
  paramsSchema: treatyParamsSchema,
  check,
  create(rawParams, nAgents, seed): Instance {
    const errors = check(rawParams, nAgents);
    if (errors.length > 0) throw new Error(errors.join('; '));
    const params = treatyParamsSchema.parse(rawParams);
    const { positions, conflicting } = drawPositions(params, nAgents, seed);
    const fit = fitSimplexVectors({
      n: nAgents,
      m: params.issues,
      target: params.theta,
      rng: createRng(hashSeed(seed, 'treaty', 'weights')),
      label: 'theta',
      unit: 'issues',
    });
    const warnings = fit.warnings.slice();
    if (params.lambda !== undefined && nAgents !== 2) {
      warnings.push(
        `lambda (issue compatibility) is defined for 2 agents only; ignored for ${nAgents} agents`,
      );
    }
    return {
      kind: 'treaty',
      params,
      nAgents,
      seed,
      rules: rulesText(issueNamesOf(params), nAgents),
      preferences: positions.map((p, i) => ({ positions: p, weights: fit.vectors[i] })),
      realised: {
        rhoZ: copulaCorrelation(params.rho),
        positionCorrelations: pairwise(positions, pearson),
        meanPositionGaps: pairwise(
          positions,
          (a, b) => a.reduce((s, v, k) => s + Math.abs(v - b[k]), 0) / a.length,
        ),
        targetWeightCosine: params.theta,
        weightCosines: fit.cosines,
        maxWeightDeviation: fit.maxDeviation,
        ...(conflicting ? { conflictingIssues: conflicting } : {}),
      },
      competitionIndex: (params.theta * (1 - params.rho)) / 2,
      warnings,
    };
  },
  /**
   * theta = sqrt(level), rho = 1 - 2 sqrt(level), so CI = theta (1 - rho) / 2 = level: level 0 is
   * shared ideals with unrelated weights, level 1 opposed ideals with identical weights. For n > 2,
   * rho below the copula floor makes check() fail; sweep the (rho, theta) axes there instead.
   */
  withCompetition(params, level) {
    const s = Math.sqrt(level);
    return { ...params, theta: s, rho: 1 - 2 * s };
  },
  validateProposal: (instance, proposal) =>
    parseTreatyProposal(proposal, issueNamesOf(instance.params)),
  rawUtilities: (instance, proposal) =>
    instance.preferences.map((p) => treatyUtility(p, proposal.agreement)),
  describeProposal: (instance, proposal) =>
    issueNamesOf(instance.params)
      .map((name, k) => `${name} = ${roundTo(proposal.agreement[k], 3)}`)
      .join(', '),
  describePreferences(instance, agent) {
    const { positions, weights } = instance.preferences[agent];
    const parts = issueNamesOf(instance.params).map(
      (name, k) => `${name}: ideal ${positions[k].toFixed(2)}, weight ${weights[k]}`,
    );
    return `Your private ideal values and importance weights (weights sum to 100): ${parts.join('; ')}.`;
  },
  proposalFormat(instance) {
    const names = issueNamesOf(instance.params);
    const example = names.map((_, k) => [0.5, 0.25, 0.8, 0.1, 0.6][k % 5]);
    return `Reply with JSON {"agreement": [...]} giving one value between 0 and 1 for each issue in the order ${names.join(', ')}, e.g. {"agreement": ${JSON.stringify(example)}}.`;
  },
  outcomeSpace(instance) {
    const prefs = instance.preferences;
    return {
      exact: false,
      outcomes: treatyOutcomes(
        prefs.map((p) => p.positions),
        prefs.map((p) => p.weights),
        instance.seed,
      ),
    };
  },
  exactReference: (instance) => treatyReference(instance.preferences),
};

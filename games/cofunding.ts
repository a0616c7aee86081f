// Co-funding / participatory budgeting (DESIGN 3.3): agents pledge money from equal budgets to
// projects with public costs; a project is funded when its pledges reach its cost. Values have a
// target pairwise cosine alpha; sigma sets how much of the total cost the budgets can cover.
import { z } from 'zod';
import type { GameInstance } from '../src-shared/game';
import { cofundingOutcomes } from './cofunding-outcomes';
import { cofundingReference } from './cofunding-reference';
import {
  combinePledges,
  fundedProjects,
  parsePledges,
  parsePledgeVector,
  type CofundingProposal,
  type PledgeRules,
} from './cofunding-proposal';
import { agentList, isRecord } from './proposal-input';
import { createRng, hashSeed } from './rng';
import { checkSimplexGame, fitSimplexVectors } from './simplex-fit';
import { agentName, type GameDefinition } from './types';

export type { CofundingProposal };

// prettier-ignore
export const DEFAULT_PROJECT_NAMES = [
  'Park', 'Library', 'Bike lanes', 'Playground', 'Clinic', 'Bus shelter', 'Community garden',
  'Skate park', 'Street lights', 'Youth centre', 'Public toilets', 'Swimming pool',
  'Bridge repair', 'Mural', 'Food bank', 'Dog park', 'Solar roofs', 'Tree planting',
  'Museum wing', 'Sports field',
] as const;

/**
 * Parameter presets (DESIGN 3.3). A preset fills in the parameters the caller leaves out, so
 * `{ preset: "research", costMax: 40 }` keeps 40. `research` is the research code: costs from
 * U[10, 30] and the pledge protocol, meant to be played with acceptance "supermajority" (its
 * two-thirds commit vote; for two agents that is both).
 */
export const COFUNDING_PRESETS = {
  research: { costMin: 10, costMax: 30, proposals: 'pledges' },
} as const satisfies Record<string, Record<string, unknown>>;

type PresetName = keyof typeof COFUNDING_PRESETS;
const PRESET_NAMES = Object.keys(COFUNDING_PRESETS) as [PresetName, ...PresetName[]];

function withPreset(raw: unknown): unknown {
  if (
    !isRecord(raw) ||
    typeof raw.preset !== 'string' ||
    !Object.hasOwn(COFUNDING_PRESETS, raw.preset)
  )
    return raw;
  return { ...COFUNDING_PRESETS[raw.preset as PresetName], ...raw };
}

const cofundingParamsObject = z
  .object({
    /** A named set of defaults (COFUNDING_PRESETS); recorded with the parameters. */
    preset: z.enum(PRESET_NAMES).optional(),
    projects: z.number().int().min(1).max(20).default(5),
    costMin: z.number().int().min(1).default(10),
    costMax: z.number().int().min(1).default(50),
    /** Target pairwise cosine of the agents' value vectors. */
    alpha: z.number().min(0).max(1).default(0.5),
    /** Budget ratio: the agents' budgets together cover about sigma of the total cost. */
    sigma: z.number().min(0).max(1).default(0.5),
    /**
     * `table`: every agent proposes a full pledge table. `pledges`: every agent proposes only its
     * own pledge vector and the vectors of all agents form the one joint table that is voted on.
     */
    proposals: z.enum(['table', 'pledges']).default('table'),
    projectNames: z.array(z.string().trim().min(1)).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.costMax < p.costMin) {
      ctx.addIssue({
        code: 'custom',
        path: ['costMax'],
        message: `must be >= costMin (${p.costMin}), got ${p.costMax}`,
      });
    }
    if (p.projectNames && p.projectNames.length < p.projects) {
      ctx.addIssue({
        code: 'custom',
        path: ['projectNames'],
        message: `needs at least ${p.projects} names (one per project), got ${p.projectNames.length}`,
      });
    }
  });

/** Co-funding parameters: a preset's values first, then the caller's, then the defaults. */
export const cofundingParamsSchema = z.preprocess(withPreset, cofundingParamsObject);

export type CofundingParams = z.infer<typeof cofundingParamsSchema>;

/**
 * Agent i's private values (integers summing to 100) plus the public facts every agent shares:
 * its budget (equal for all) and the project costs, kept here so scoring needs only the instance.
 */
export interface CofundingPrefs {
  values: number[];
  budget: number;
  costs: number[];
}

type Instance = GameInstance<CofundingParams, CofundingPrefs>;

/** Project names in use, one per project. */
export function projectNamesOf(params: CofundingParams): string[] {
  return (params.projectNames ?? DEFAULT_PROJECT_NAMES).slice(0, params.projects);
}

/**
 * Undiscounted utilities: values of funded projects minus one's own pledges to them. Pledges to
 * unfunded projects are returned; pledges above a project's cost are still paid.
 */
export function cofundingUtilities(
  prefs: readonly CofundingPrefs[],
  pledges: readonly number[][],
): number[] {
  const funded = fundedProjects(pledges, prefs[0]?.costs ?? []);
  return prefs.map((p, i) =>
    funded.reduce((sum, isFunded, k) => sum + (isFunded ? p.values[k] - pledges[i][k] : 0), 0),
  );
}

function check(params: CofundingParams, nAgents: number): string[] {
  return checkSimplexGame(cofundingParamsSchema, params, nAgents, 'alpha', 'projects');
}

const PROPOSAL_RULES = {
  table:
    "A proposal (a full table of every agent's pledges) takes effect only if it is accepted under the voting rule.",
  pledges:
    'Every round, each agent proposes only its own pledges (one amount per project); the pledges of all agents together form the joint proposal, which takes effect only if it is accepted under the voting rule.',
} as const;

function rulesText(
  names: readonly string[],
  costs: readonly number[],
  budget: number,
  nAgents: number,
  proposals: CofundingParams['proposals'],
): string {
  return [
    `${nAgents} agents (${agentList(nAgents)}) decide together which of ${names.length} projects to fund.`,
    `Project costs (public): ${names.map((name, k) => `${name} ${costs[k]}`).join(', ')}.`,
    `Every agent has a budget of ${budget} and pledges whole amounts of money to projects; an agent's pledges may not add up to more than its budget.`,
    'A project is funded when the pledges to it add up to at least its cost.',
    'Every agent has private values for the projects (non-negative integers summing to 100); no agent sees the values of another.',
    PROPOSAL_RULES[proposals],
    "If a deal is accepted, an agent's utility is the sum of its values of the funded projects minus its own pledges to funded projects (pledges to projects that end up unfunded are returned; pledges beyond a project's cost are still paid), multiplied by the discount factor once for every round that has passed before the deal.",
    'If no deal is reached, every agent gets 0.',
  ].join('\n');
}

/** Co-funding (DESIGN 3.3). */
export const cofunding: GameDefinition<CofundingParams, CofundingPrefs, CofundingProposal> = {
  kind: 'cofunding',
  title: 'Co-funding',
  paramsSchema: cofundingParamsSchema,
  check,
  create(rawParams, nAgents, seed): Instance {
    const errors = check(rawParams, nAgents);
    if (errors.length > 0) throw new Error(errors.join('; '));
    const params = cofundingParamsSchema.parse(rawParams);
    const costRng = createRng(hashSeed(seed, 'cofunding', 'costs'));
    const costs = Array.from({ length: params.projects }, () =>
      costRng.int(params.costMin, params.costMax),
    );
    const totalCost = costs.reduce((s, c) => s + c, 0);
    const budget = Math.round((params.sigma * totalCost) / nAgents);
    const fit = fitSimplexVectors({
      n: nAgents,
      m: params.projects,
      target: params.alpha,
      rng: createRng(hashSeed(seed, 'cofunding', 'values')),
      label: 'alpha',
      unit: 'projects',
    });
    return {
      kind: 'cofunding',
      params,
      nAgents,
      seed,
      rules: rulesText(projectNamesOf(params), costs, budget, nAgents, params.proposals),
      preferences: fit.vectors.map((values) => ({ values, budget, costs: costs.slice() })),
      realised: {
        costs,
        totalCost,
        budget,
        targetCosine: params.alpha,
        cosines: fit.cosines,
        maxDeviation: fit.maxDeviation,
      },
      competitionIndex: (1 - params.alpha) * (1 - params.sigma),
      warnings: fit.warnings,
    };
  },
  /**
   * Keeps sigma and sets alpha = clamp(1 - level / (1 - sigma), 0, 1), so CI = (1 - alpha)(1 - sigma)
   * equals the level whenever level <= 1 - sigma; above that alpha stops at 0 (CI = 1 - sigma). With
   * sigma = 1 the index is always 0, so alpha = 1 - level is used only to keep the sweep ordered.
   */
  withCompetition(params, level) {
    const alpha = params.sigma < 1 ? 1 - level / (1 - params.sigma) : 1 - level;
    return { ...params, alpha: Math.min(1, Math.max(0, alpha)) };
  },
  validateProposal: (instance, proposal) => parsePledges(proposal, pledgeRules(instance)),
  rawUtilities: (instance, proposal) => cofundingUtilities(instance.preferences, proposal.pledges),
  describeProposal(instance, proposal) {
    const names = projectNamesOf(instance.params);
    const funded = fundedProjects(proposal.pledges, instance.preferences[0].costs);
    const rows = proposal.pledges.map(
      (row, i) => `${agentName(i)}: ${pledgeList(names, row) ?? '(nothing)'}`,
    );
    const fundedNames = names.filter((_, k) => funded[k]);
    return `${rows.join(' | ')} | funded: ${fundedNames.length > 0 ? fundedNames.join(', ') : '(none)'}`;
  },
  describePreferences(instance, agent) {
    const names = projectNamesOf(instance.params);
    const { values, budget } = instance.preferences[agent];
    return `Your private values (sum 100): ${names.map((name, k) => `${name} ${values[k]}`).join(', ')}. Your budget: ${budget}.`;
  },
  proposalFormat(instance) {
    const names = projectNamesOf(instance.params);
    const example = Array.from({ length: instance.nAgents }, (_, i) =>
      names.map((_, k) => (k === i % names.length ? 5 : 0)),
    );
    return `Reply with JSON {"pledges": [[...], ...]} holding one row per agent (Agent_1 first) with one whole, non-negative amount per project in the order ${names.join(', ')}, e.g. {"pledges": ${JSON.stringify(example)}}.`;
  },
  outcomeSpace(instance) {
    const prefs = instance.preferences;
    const outcomes = cofundingOutcomes(
      prefs.map((p) => p.values),
      prefs.map((p) => p.budget),
      prefs[0]?.costs ?? [],
      instance.seed,
    );
    return { exact: false, outcomes };
  },
  exactReference: (instance) => cofundingReference(instance.preferences),
  /** The pledge protocol (params.proposals = "pledges"): each agent proposes its own vector. */
  jointProposal(instance) {
    if (instance.params.proposals !== 'pledges') return null;
    const rules = pledgeRules(instance);
    const names = rules.projectNames;
    const example = names.map((_, k) => (k === 0 ? Math.min(5, rules.budget) : 0));
    return {
      partFormat: `Reply with JSON {"pledges": [...]} giving your own pledge to each project, one whole, non-negative amount per project in the order ${names.join(', ')}, adding up to at most your budget of ${rules.budget}, e.g. {"pledges": ${JSON.stringify(example)}}.`,
      validatePart: (agent, part) => parsePledgeVector(part, agent, rules),
      describePart: (agent, part) =>
        `${agentName(agent)} pledges ${pledgeList(names, part as number[]) ?? 'nothing'}`,
      combine: (parts) => combinePledges(parts as number[][]),
      partOf: (proposal, agent) => proposal.pledges[agent].slice(),
    };
  },
};

/** "Park 15, Library 10" for the positive pledges of a row; null when it pledges nothing. */
function pledgeList(names: readonly string[], row: readonly number[]): string | null {
  const parts = row.flatMap((v, k) => (v > 0 ? [`${names[k]} ${v}`] : []));
  return parts.length > 0 ? parts.join(', ') : null;
}

function pledgeRules(instance: Instance): PledgeRules {
  return {
    projectNames: projectNamesOf(instance.params),
    nAgents: instance.nAgents,
    budget: instance.preferences[0].budget,
  };
}

// Item allocation (DESIGN 3.1): m indivisible items, each to exactly one agent; every agent values
// the items with private integers summing to 100, and the competition level is the target cosine
// similarity of those value vectors.
import { z } from 'zod';
import type { GameInstance } from '../src-shared/game';
import {
  describeAllocation,
  parseItemAllocation,
  type ItemAllocationProposal,
} from './item-allocation-proposal';
import { agentList } from './proposal-input';
import { createRng, hashSeed } from './rng';
import { checkSimplexGame, fitSimplexVectors, type SimplexFit } from './simplex-fit';
import type { GameDefinition } from './types';

export type { ItemAllocationProposal };

/** Readable default item names; the first `items` are used. */
// prettier-ignore
export const DEFAULT_ITEM_NAMES = [
  'Apple', 'Jewel', 'Stone', 'Quill', 'Pencil', 'Book', 'Hat', 'Lamp', 'Clock', 'Coin', 'Vase',
  'Rope', 'Drum', 'Kite', 'Mirror', 'Candle', 'Scarf', 'Compass', 'Flute', 'Shell',
] as const;

/** Exact enumeration up to this many allocations (n^m); beyond it a seeded sample. */
const EXACT_LIMIT = 60_000;
const SAMPLE_SIZE = 20_000;

export const itemAllocationParamsSchema = z
  .object({
    items: z
      .number()
      .int()
      .min(1)
      .max(20)
      .default(5)
      .meta({ title: 'Items (m)', description: 'Number of indivisible items to allocate.' }),
    /** Target pairwise cosine of the value vectors: 0 cooperative, 1 zero-sum. */
    competition: z.number().min(0).max(1).default(0.5).meta({
      title: 'Competition',
      description: 'Target pairwise cosine of the value vectors: 0 cooperative, 1 zero-sum.',
    }),
    itemNames: z.array(z.string().trim().min(1)).optional().meta({
      title: 'Item names',
      description: 'One name per item, unique; default names otherwise.',
    }),
  })
  .superRefine((p, ctx) => {
    if (!p.itemNames) return;
    if (p.itemNames.length < p.items) {
      ctx.addIssue({
        code: 'custom',
        path: ['itemNames'],
        message: `needs at least ${p.items} names (one per item), got ${p.itemNames.length}`,
      });
    }
    const lower = p.itemNames.slice(0, p.items).map((s) => s.toLowerCase());
    if (new Set(lower).size !== lower.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['itemNames'],
        message: 'item names must be unique (case-insensitive)',
      });
    }
  });

export type ItemAllocationParams = z.infer<typeof itemAllocationParamsSchema>;

/** Agent i's private values: non-negative integers per item, summing to 100. */
export interface ItemAllocationPrefs {
  values: number[];
}

type Instance = GameInstance<ItemAllocationParams, ItemAllocationPrefs>;

/** The item names an instance uses (custom names or the defaults), one per item. */
export function itemNamesOf(params: ItemAllocationParams): string[] {
  return (params.itemNames ?? DEFAULT_ITEM_NAMES).slice(0, params.items);
}

function rulesText(names: readonly string[], nAgents: number): string {
  return [
    `${nAgents} agents (${agentList(nAgents)}) negotiate how to divide ${names.length} indivisible items: ${names.join(', ')}.`,
    'Each item must go to exactly one agent; items cannot be split or shared.',
    'Every agent has private values for the items (non-negative integers summing to 100); no agent sees the values of another.',
    'A proposal takes effect only if it is accepted under the voting rule.',
    "If a deal is accepted, each agent's utility is the sum of its own values of the items it receives, multiplied by the discount factor once for every round that has passed before the deal, so later deals are worth less.",
    'If no deal is reached, every agent gets 0.',
  ].join('\n');
}

/** Every allocation in base-n counting order (item 0 varies fastest). */
function enumerateAllocations(n: number, m: number): ItemAllocationProposal[] {
  const total = n ** m;
  const out: ItemAllocationProposal[] = [];
  for (let code = 0; code < total; code++) {
    const allocation = new Array<number>(m);
    for (let k = 0, c = code; k < m; k++, c = Math.floor(c / n)) allocation[k] = c % n;
    out.push({ allocation });
  }
  return out;
}

/** Each item to the agent valuing it most (ties to the lower index): the welfare maximiser. */
function highestValuerAllocation(prefs: readonly ItemAllocationPrefs[], m: number): number[] {
  return Array.from({ length: m }, (_, k) =>
    prefs.reduce((best, p, i) => (p.values[k] > prefs[best].values[k] ? i : best), 0),
  );
}

function sampleAllocations(instance: Instance, m: number): ItemAllocationProposal[] {
  const rng = createRng(hashSeed(instance.seed, 'item-allocation', 'outcomes'));
  const first = highestValuerAllocation(instance.preferences, m);
  const seen = new Set([first.join(',')]);
  const out: ItemAllocationProposal[] = [{ allocation: first }];
  for (let tries = 0; out.length < SAMPLE_SIZE + 1 && tries < SAMPLE_SIZE * 3; tries++) {
    const allocation = Array.from({ length: m }, () => rng.int(0, instance.nAgents - 1));
    const key = allocation.join(',');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ allocation });
  }
  return out;
}

function check(params: ItemAllocationParams, nAgents: number): string[] {
  return checkSimplexGame(itemAllocationParamsSchema, params, nAgents, 'competition', 'items');
}

/** What `agent` gets from `allocation`: its values of the items it receives, summed in order. */
function allocationUtility(
  values: readonly number[],
  allocation: readonly number[],
  agent: number,
): number {
  let sum = 0;
  for (let k = 0; k < allocation.length; k++) sum += allocation[k] === agent ? values[k] : 0;
  return sum;
}

/**
 * Fitted value vectors by (nAgents, items, competition, seed), their only inputs: a paired sweep
 * creates each instance once per opponent, and the fit costs more than the rest of a game's setup.
 */
const fits = new Map<string, SimplexFit>();
const MAX_FITS = 1024;

function valueFit(nAgents: number, items: number, competition: number, seed: number): SimplexFit {
  const key = `${nAgents}|${items}|${competition}|${seed}`;
  let fit = fits.get(key);
  if (!fit) {
    fit = fitSimplexVectors({
      n: nAgents,
      m: items,
      target: competition,
      rng: createRng(hashSeed(seed, 'item-allocation', 'values')),
      label: 'competition',
      unit: 'items',
    });
    if (fits.size >= MAX_FITS) fits.clear();
    fits.set(key, fit);
  }
  return fit;
}

/** Item allocation: the main game (DESIGN 3.1). */
export const itemAllocation: GameDefinition<
  ItemAllocationParams,
  ItemAllocationPrefs,
  ItemAllocationProposal
> = {
  kind: 'item-allocation',
  title: 'Item allocation',
  paramsSchema: itemAllocationParamsSchema,
  check,
  create(rawParams, nAgents, seed): Instance {
    const errors = check(rawParams, nAgents);
    if (errors.length > 0) throw new Error(errors.join('; '));
    const params = itemAllocationParamsSchema.parse(rawParams);
    const names = itemNamesOf(params);
    const fit = valueFit(nAgents, params.items, params.competition, seed);
    // Fresh arrays: the fit is shared by every instance with the same inputs.
    return {
      kind: 'item-allocation',
      params,
      nAgents,
      seed,
      rules: rulesText(names, nAgents),
      preferences: fit.vectors.map((values) => ({ values: values.slice() })),
      realised: {
        targetCosine: params.competition,
        cosines: fit.cosines.slice(),
        maxDeviation: fit.maxDeviation,
      },
      competitionIndex: params.competition,
      warnings: fit.warnings.slice(),
    };
  },
  /** The competition level is the target cosine itself. */
  withCompetition: (params, level) => ({ ...params, competition: level }),
  validateProposal: (instance, proposal) =>
    parseItemAllocation(proposal, itemNamesOf(instance.params), instance.nAgents),
  rawUtilities: (instance, proposal) =>
    instance.preferences.map((p, i) => allocationUtility(p.values, proposal.allocation, i)),
  rawUtility: (instance, proposal, agent) =>
    allocationUtility(instance.preferences[agent].values, proposal.allocation, agent),
  describeProposal: (instance, proposal) =>
    describeAllocation(proposal.allocation, itemNamesOf(instance.params), instance.nAgents),
  describePreferences(instance, agent) {
    const names = itemNamesOf(instance.params);
    const values = instance.preferences[agent].values;
    // The realised sum: 100 for every generated instance; imported games keep their own scale.
    const sum = Math.round(values.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
    return `Your private values (sum ${sum}): ${names.map((name, k) => `${name} ${values[k]}`).join(', ')}.`;
  },
  proposalFormat(instance) {
    const names = itemNamesOf(instance.params);
    const n = instance.nAgents;
    const example = names.map((_, k) => k % n);
    const byAgent = Array.from(
      { length: Math.min(n, 2) },
      (_, i) =>
        `"Agent_${i + 1}": [${names
          .filter((_, k) => k % n === i)
          .map((s) => `"${s}"`)
          .join(', ')}]`,
    );
    return `Reply with JSON {"allocation": [...]} listing, for each item in the order ${names.join(', ')}, the 0-based index of the agent who receives it (0 = Agent_1, 1 = Agent_2, ...), e.g. {"allocation": ${JSON.stringify(example)}}; equivalently, name the items per agent, e.g. {${byAgent.join(', ')}${n > 2 ? ', ...' : ''}}.`;
  },
  outcomeSpace(instance) {
    const m = instance.params.items;
    if (instance.nAgents ** m <= EXACT_LIMIT)
      return { exact: true, outcomes: enumerateAllocations(instance.nAgents, m) };
    return { exact: false, outcomes: sampleAllocations(instance, m) };
  },
};

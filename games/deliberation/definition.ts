// The `deliberation` game kind (DESIGN 3.6): a game folder's parties, issues and initial deal,
// played with the deliberation protocol (DESIGN 4.3). The params carry the folder's parsed data
// (src-main/game-folders resolves `folder` when a sweep is planned), so a stored game rebuilds
// without the folder and a changed folder changes the game's content id.
import { z } from 'zod';
import type { GameInstance } from '../../src-shared/game';
import type { GameDefinition } from '../types';
import { allDeals, formatDeal, parseDealTag, parseOptionList } from './deal';
import { defaultTurns, buildSchedule } from './schedule';
import { feasibility, partyScore, roleIndex } from './scoring';
import {
  DELIBERATION_INCENTIVES,
  type Deal,
  type DeliberationGame,
  type DeliberationParty,
} from './types';

/** Largest deal space enumerated for the outcome space and feasibility. */
export const MAX_DEALS = 500_000;

const incentive = z.enum(DELIBERATION_INCENTIVES);

const partySchema = z.object({
  name: z.string(),
  file: z.string(),
  role: z.enum(['p1', 'p2', 'target', 'player']),
  incentive,
  model: z.string(),
  scores: z.array(z.array(z.number())),
  minimum: z.number(),
  instructions: z.partialRecord(incentive, z.string()),
});

const folderDataSchema = z.object({
  globalInstructions: z.string(),
  issues: z.array(z.object({ letter: z.string(), options: z.number().int().min(1) })),
  initialDeal: z.array(z.number().int().min(0)),
  parties: z.array(partySchema),
});

export const deliberationParamsSchema = z.object({
  /** The game folder: "base" (the shipped base game) or a path. */
  folder: z.string().trim().min(1).default('base'),
  /** The folder's parsed data; filled in by src-main when the sweep is planned. */
  data: folderDataSchema.optional(),
  /** Incentive per party name, overriding config.txt (the folder must have the instructions). */
  incentives: z.record(z.string(), incentive).default({}),
  /** R: discussion turns between p1's opening and its final deal; default 4N. */
  turns: z.number().int().min(1).optional(),
  /** Recent public answers each turn shows. */
  window: z.number().int().min(1).default(6),
});

export type DeliberationParams = z.infer<typeof deliberationParamsSchema>;

/** What each seat knows privately: its party (scores, minimum, incentive, instructions). */
export type DeliberationPrefs = DeliberationParty;

export type DeliberationInstance = GameInstance<DeliberationParams, DeliberationPrefs>;

/** The folder data with the sweep's incentive overrides applied; throws naming a bad override. */
export function playedGame(params: DeliberationParams): DeliberationGame {
  const data = params.data;
  if (!data) {
    throw new Error(
      `deliberation params carry no folder data; the folder '${params.folder}' is read when the sweep is planned`,
    );
  }
  for (const name of Object.keys(params.incentives)) {
    if (!data.parties.some((p) => p.name === name)) {
      throw new Error(
        `incentives: no party named '${name}' (parties: ${data.parties.map((p) => p.name).join(', ')})`,
      );
    }
  }
  const parties = data.parties.map((p) => {
    const played = params.incentives[p.name] ?? p.incentive;
    if (p.instructions[played] === undefined) {
      throw new Error(
        `incentives.${p.name}: the folder has no individual_instructions/${played}/${p.file}.txt`,
      );
    }
    return { ...p, incentive: played };
  });
  const targeted = parties.find((p) => p.incentive === 'targeted_adv');
  if (targeted && !parties.some((p) => p.role === 'target')) {
    throw new Error(`incentives.${targeted.name}: targeted_adv needs a party with the role target`);
  }
  return { ...data, parties };
}

/** The game of an instance (its parties are the preferences). */
export function gameOf(instance: DeliberationInstance): DeliberationGame {
  const data = playedGame(instance.params);
  return { ...data, parties: instance.preferences };
}

/** Turn schedule of an instance: party index per turn, p1's opening first and final deal last. */
export function scheduleOf(instance: DeliberationInstance): number[] {
  const game = gameOf(instance);
  const n = game.parties.length;
  return buildSchedule(
    n,
    roleIndex(game, 'p1'),
    instance.params.turns ?? defaultTurns(n),
    instance.seed,
  );
}

function dealSpace(game: DeliberationGame): number {
  return game.issues.reduce((n, issue) => n * issue.options, 1);
}

function check(params: DeliberationParams, nAgents: number): string[] {
  try {
    const game = playedGame(params);
    if (game.parties.length !== nAgents) {
      return [
        `the folder has ${game.parties.length} parties, so the game needs ${game.parties.length} agents, got ${nAgents}`,
      ];
    }
    return [];
  } catch (e) {
    return [(e as Error).message];
  }
}

function proposalOf(game: DeliberationGame, proposal: unknown) {
  if (Array.isArray(proposal) && proposal.every((o) => Number.isInteger(o))) {
    return parseOptionList(game.issues, formatDeal(game.issues, proposal as Deal));
  }
  if (typeof proposal !== 'string')
    return { ok: false as const, error: 'a deal is text like A1,B2,C3' };
  return proposal.includes('<')
    ? parseDealTag(game.issues, proposal)
    : parseOptionList(game.issues, proposal);
}

export const deliberation: GameDefinition<DeliberationParams, DeliberationPrefs, Deal> = {
  kind: 'deliberation',
  title: 'Multi-party deliberation',
  protocols: ['deliberation'],
  paramsSchema: deliberationParamsSchema,
  create(params, nAgents, seed) {
    const errors = check(params, nAgents);
    if (errors.length > 0) throw new Error(errors.join('; '));
    const game = playedGame(params);
    const n = game.parties.length;
    const schedule = buildSchedule(n, roleIndex(game, 'p1'), params.turns ?? defaultTurns(n), seed);
    return {
      kind: 'deliberation',
      params,
      nAgents,
      seed,
      rules: game.globalInstructions,
      preferences: game.parties,
      realised: {
        schedule,
        feasibility: dealSpace(game) <= MAX_DEALS ? feasibility(game) : null,
      },
      // Folders set their own conflict; the competition axis does not apply.
      competitionIndex: 0,
      warnings:
        dealSpace(game) > MAX_DEALS ? [`${dealSpace(game)} deals: feasibility not enumerated`] : [],
    };
  },
  withCompetition: (params) => params,
  check,
  validateProposal(instance, proposal) {
    const r = proposalOf(gameOf(instance), proposal);
    return r.ok ? { ok: true, proposal: r.deal } : r;
  },
  rawUtilities: (instance, deal) => instance.preferences.map((p) => partyScore(p, deal)),
  describeProposal: (instance, deal) => formatDeal(gameOf(instance).issues, deal),
  describePreferences: (instance, agent) => {
    const p = instance.preferences[agent];
    return p.instructions[p.incentive] ?? '';
  },
  proposalFormat: (instance) => {
    const example = formatDeal(gameOf(instance).issues, gameOf(instance).initialDeal);
    return `one option per issue between <DEAL> and </DEAL>, e.g. <DEAL>${example}</DEAL>`;
  },
  outcomeSpace(instance) {
    const game = gameOf(instance);
    if (dealSpace(game) > MAX_DEALS) return { exact: false, outcomes: [] };
    return { exact: true, outcomes: [...allDeals(game.issues)] };
  },
};

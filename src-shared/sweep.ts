// The sweep document (DESIGN 7): a capability x competition grid of games, as JSON. This schema
// is the single source of truth for the CLI, the designer form and the store.
import { z } from 'zod';
import { ACCEPTANCE_RULES, GAME_KINDS, PROTOCOLS } from './game';
import { participantSchema } from './participant';
import { ORDERS } from './planned-game';
import { checkSweepShape, SWEEP_LIMITS } from './sweep-limits';
import type { SweepIssue } from './sweep-issues';
import { toSweepIssues } from './sweep-issues';

export { formatPath } from './sweep-issues';
export type { SweepIssue } from './sweep-issues';

const unit = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

const lineupSchema = z.discriminatedUnion('mode', [
  z
    .object({
      /** One reference agent against many opponents (the opponent is the focal agent). */
      mode: z.literal('baseline'),
      baseline: z.string().min(1),
      opponents: z.array(z.string().min(1)).min(1, 'list at least one opponent'),
    })
    .strict(),
  z
    .object({
      /** Every ordered pair (n = 2) or every combination of n players. */
      mode: z.literal('crossplay'),
      players: z.array(z.string().min(1)).min(2, 'list at least two players'),
      includeSelfPlay: z.boolean().default(false),
    })
    .strict(),
  z
    .object({
      /** Explicit line-ups, each listing n participant ids; the first is the focal agent. */
      mode: z.literal('lineups'),
      lineups: z.array(z.array(z.string().min(1))).min(1, 'list at least one line-up'),
    })
    .strict(),
  z
    .object({
      /**
       * Deliberation only: a model per party of the game folder. The focal party plays each of
       * `focalModels` in turn (the capability axis); every other party plays its `byParty`
       * model, else its role's (`byRole`: p1, p2, target, player), else `models`.
       */
      mode: z.literal('parties'),
      focalParty: z.string().min(1),
      focalModels: z.array(z.string().min(1)).min(1, 'list at least one focal model'),
      models: z.string().min(1).optional(),
      byRole: z.record(z.string(), z.string().min(1)).default({}),
      byParty: z.record(z.string(), z.string().min(1)).default({}),
    })
    .strict(),
]);

const competitionSchema = z.union([
  z.object({ levels: z.array(unit).min(1, 'list at least one competition level') }).strict(),
  z
    .object({
      /** Treaty game only: the two competition axes (DESIGN 3.2). */
      rho: z
        .array(z.number().min(-1, 'must be between -1 and 1').max(1, 'must be between -1 and 1'))
        .min(1, 'list at least one rho'),
      theta: z.array(unit).min(1, 'list at least one theta'),
    })
    .strict(),
  z
    .object({
      /** Co-funding game only: preference similarity alpha and budget ratio sigma (DESIGN 3.3). */
      alpha: z.array(unit).min(1, 'list at least one alpha'),
      sigma: z.array(unit).min(1, 'list at least one sigma'),
    })
    .strict(),
  z
    .object({
      /**
       * Deliberation only: the incentive of the focal party (lineup.focalParty) per cell; the
       * cell's competition level is the incentive's index (cooperative 0, greedy 1,
       * untargeted_adv 2, targeted_adv 3).
       */
      incentives: z.array(z.string().min(1)).min(1, 'list at least one incentive'),
    })
    .strict(),
]);

const runsSchema = z.union([
  z.object({ seeds: z.array(z.number().int().nonnegative()).min(1) }).strict(),
  z
    .object({
      count: z.number().int().min(1).max(10_000),
      baseSeed: z.number().int().nonnegative().default(1),
    })
    .strict(),
]);

export const sweepSchema = z
  .object({
    name: z.string().min(1).max(200),
    description: z.string().optional(),
    game: z
      .object({
        kind: z.enum(GAME_KINDS),
        params: z.record(z.string(), z.unknown()).default({}),
      })
      .strict(),
    /** The protocol to play (DESIGN 4); absent = the game's default. */
    protocol: z.enum(PROTOCOLS).optional(),
    agents: z.number().int().min(2).max(12).default(2),
    rounds: z.number().int().min(1).max(100).default(10),
    gamma: z.number().gt(0).max(1).default(0.9),
    acceptance: z.enum(ACCEPTANCE_RULES).default('unanimous'),
    vetoHolders: z.array(z.number().int().nonnegative()).default([0]),
    discussionTurns: z.number().int().min(0).max(10).default(2),
    maxProposalAttempts: z.number().int().min(1).max(10).default(3),
    /** Participants defined inline; ids not defined here are looked up in the model registry. */
    participants: z.array(participantSchema).default([]),
    /** The score that places participants on the capability axis. */
    capabilityMetric: z.string().min(1).default('capability'),
    lineup: lineupSchema,
    competition: competitionSchema,
    orders: z.union([z.literal('both'), z.array(z.enum(ORDERS)).min(1)]).default(['weak_first']),
    runs: runsSchema,
    concurrency: z.number().int().min(1).max(256).default(4),
    budgetUsd: z.number().positive().optional(),
    /**
     * The most games this sweep may plan (default SWEEP_LIMITS.defaultMaxGames); raise it for a
     * larger grid. It does not change any game, so it is not part of a game's id.
     */
    maxGames: z.number().int().min(1).max(100_000_000).optional(),
  })
  .strict();

export type SweepInput = z.input<typeof sweepSchema>;
export type Sweep = z.infer<typeof sweepSchema>;

/**
 * Parse a sweep, returning every schema problem with its field path (not just the first). The
 * document's size and depth are checked first (SWEEP_LIMITS), so the schema never walks a
 * hostile one.
 */
export function parseSweep(
  input: unknown,
): { ok: true; sweep: Sweep } | { ok: false; issues: SweepIssue[] } {
  const shape = checkSweepShape(input);
  if (shape.length > 0) return { ok: false, issues: shape };
  const result = sweepSchema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, sweep: result.data };
  return { ok: false, issues: toSweepIssues(result.error.issues) };
}

/** The cap on planned games for this sweep (its `maxGames`, else the default). */
export function maxGamesOf(sweep: Pick<Sweep, 'maxGames'>): number {
  return sweep.maxGames ?? SWEEP_LIMITS.defaultMaxGames;
}

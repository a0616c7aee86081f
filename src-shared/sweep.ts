// The sweep document (DESIGN 7): a capability x competition grid of games, as JSON. This schema
// is the single source of truth for the CLI, the designer form and the store.
import { z } from 'zod';
import { ACCEPTANCE_RULES, GAME_KINDS, PROTOCOLS } from './game';
import { participantSchema } from './participant';
import { ORDERS } from './planned-game';

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
]);

const competitionSchema = z.union([
  z.object({ levels: z.array(unit).min(1, 'list at least one competition level') }).strict(),
  z
    .object({
      /** Treaty game only: the two competition axes (DESIGN 3.2). */
      rho: z.array(z.number().min(-1).max(1)).min(1),
      theta: z.array(unit).min(1),
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
  })
  .strict();

export type SweepInput = z.input<typeof sweepSchema>;
export type Sweep = z.infer<typeof sweepSchema>;

/** One problem with a sweep document: where (a dotted path) and what. */
export interface SweepIssue {
  path: string;
  message: string;
}

/** Format a zod path like `lineup.opponents[2]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}

/** Parse a sweep, returning every schema problem with its field path (not just the first). */
export function parseSweep(
  input: unknown,
): { ok: true; sweep: Sweep } | { ok: false; issues: SweepIssue[] } {
  const result = sweepSchema.safeParse(input);
  if (result.success) return { ok: true, sweep: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: describeIssue(issue),
    })),
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  return issue.message;
}

// The sweeps domain of the contract: designing, validating, creating and steering sweeps, and the
// live progress the runner reports.
import { z } from 'zod';
import { GAME_KINDS } from '../game';
import { sweepSchema } from '../sweep';
import { GAME_STATUSES } from '../planned-game';
import { noArgs, nullableNumber, sweepRef } from './common';

/** The most distinct reasons a SweepProgress lists per state. */
export const SWEEP_REASONS_MAX = 5;

/** How many of a sweep's games are paused (or failed) for one reason. */
export const reasonCountSchema = z.object({ reason: z.string(), count: z.number() });
export type ReasonCount = z.infer<typeof reasonCountSchema>;

/** Live counters of one sweep, as the runner reports them (without the reasons; see below). */
export const sweepCountersSchema = z.object({
  sweepId: z.string(),
  counts: z.record(z.enum(GAME_STATUSES), z.number()),
  total: z.number(),
  /** Games that will not run again without action: finished + failed + cancelled. */
  done: z.number(),
  ratePerSec: nullableNumber,
  etaSec: nullableNumber,
  tokens: z.number(),
  costUsd: z.number(),
});
export type SweepCounters = z.infer<typeof sweepCountersSchema>;

/** A sweep's counters with why its paused and failed games stopped: what the UI shows. */
export const sweepProgressSchema = sweepCountersSchema.extend({
  /**
   * Why the sweep's paused games are paused: their distinct stored pause reasons with how many
   * games have each, most frequent first, at most SWEEP_REASONS_MAX (the counts may sum to less
   * than counts.paused when there are more reasons). A reason starts with its kind and says what
   * to do, e.g. "auth: no API key for anthropic (model m): run `parley keys set anthropic` ..., then resume".
   */
  pausedReasons: z.array(reasonCountSchema),
  /** The same for the failed games: their distinct errors, most frequent first. */
  failedReasons: z.array(reasonCountSchema),
});
export type SweepProgress = z.infer<typeof sweepProgressSchema>;

export const sweepSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(['active', 'paused', 'cancelled']),
  createdAt: z.string(),
  kind: z.enum(GAME_KINDS).nullable(),
  progress: sweepProgressSchema,
});
export type SweepSummary = z.infer<typeof sweepSummarySchema>;

export const sweepDetailSchema = sweepSummarySchema.extend({
  /**
   * The sweep document as submitted (what Save JSON writes), with its defaults filled in; null
   * when the stored document no longer validates against this version's schema.
   */
  spec: sweepSchema.nullable(),
  capabilityMetric: z.string(),
});
export type SweepDetail = z.infer<typeof sweepDetailSchema>;

/** One problem with a sweep document: where (a dotted path) and what. */
export const sweepIssueSchema = z.object({ path: z.string(), message: z.string() });

export const validateResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    sweepId: z.string(),
    games: z.number(),
    cells: z.number(),
    warnings: z.array(z.string()),
  }),
  z.object({ ok: z.literal(false), issues: z.array(sweepIssueSchema) }),
]);
export type ValidateResult = z.infer<typeof validateResultSchema>;

export const createResultSchema = z.object({
  sweepId: z.string(),
  total: z.number(),
  inserted: z.number(),
});
export type CreateResult = z.infer<typeof createResultSchema>;

export const sweepRequests = {
  /** Every sweep with its live progress, oldest first. */
  'sweeps:list': { args: noArgs, result: z.array(sweepSummarySchema) },
  /** One sweep with its document. */
  'sweeps:get': { args: sweepRef, result: sweepDetailSchema },
  /** Validates a sweep document (schema, participants, geometry); issues carry field paths. */
  'sweeps:validate': {
    args: z.object({ doc: z.unknown() }).strict(),
    result: validateResultSchema,
  },
  /** Stores a sweep and its games and (unless start: false) starts running them. */
  'sweeps:create': {
    args: z.object({ doc: z.unknown(), start: z.boolean().default(true) }).strict(),
    result: createResultSchema,
  },
  /** Stops starting new games of the sweep; running games finish their current turn and pause. */
  'sweeps:pause': { args: sweepRef, result: sweepProgressSchema },
  /** Resumes a paused sweep. */
  'sweeps:resume': { args: sweepRef, result: sweepProgressSchema },
  /** Cancels the sweep's unfinished games (finished games are kept). */
  'sweeps:cancel': { args: sweepRef, result: sweepProgressSchema },
  /** Requeues the sweep's failed games and runs them. */
  'sweeps:retryFailed': { args: sweepRef, result: sweepProgressSchema },
  /** The built-in demo sweep document (strategy agents, no network). */
  'sweeps:demo': { args: noArgs, result: sweepSchema },
};

export const sweepEvents = {
  /** A sweep's counters changed (a game started, finished, failed or paused). */
  'jobs:progress': sweepProgressSchema,
};

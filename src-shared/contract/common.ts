// Schemas shared by several domains of the contract: JSON values, turns, outcomes and protocol
// settings as they cross a process or network boundary. Each schema is checked against the type
// the engine uses (`satisfies`), so the two cannot drift apart.
import { z } from 'zod';
import { ACCEPTANCE_RULES, PHASES } from '../game';
import type { GameOutcome, ProtocolParams, TurnRecord } from '../game';
import { GAME_STATUSES, ORDERS } from '../planned-game';

/** Any JSON value: what a game's parameters, preferences and actions are made of. */
export const jsonSchema = z.json();
export type JsonValue = z.infer<typeof jsonSchema>;

export const gameStatusSchema = z.enum(GAME_STATUSES);
export const orderSchema = z.enum(ORDERS);
export const nullableNumber = z.number().nullable();

export const turnRecordSchema = z.object({
  round: z.number(),
  phase: z.enum(PHASES),
  pass: z.number(),
  agent: z.number(),
  attempt: z.number(),
  visibility: z.enum(['public', 'private']),
  text: z.string(),
  action: z.unknown(),
  status: z.enum(['ok', 'invalid', 'parse_failure', 'synthetic']),
  error: z.string().optional(),
  mode: z.enum(['tool', 'json_schema', 'none']).optional(),
  calls: z.number().optional(),
}) satisfies z.ZodType<TurnRecord>;

export const gameOutcomeSchema = z.object({
  deal: z.boolean(),
  round: nullableNumber,
  proposal: z.unknown(),
  proposer: nullableNumber,
  rawUtilities: z.array(z.number()),
  utilities: z.array(z.number()),
  invalidProposals: z.array(z.number()),
  syntheticVotes: z.array(z.number()),
  parseFailures: z.array(z.number()),
}) satisfies z.ZodType<GameOutcome>;

export const protocolParamsSchema = z.object({
  rounds: z.number(),
  gamma: z.number(),
  discussionTurns: z.number(),
  acceptance: z.enum(ACCEPTANCE_RULES),
  vetoHolders: z.array(z.number()),
  maxProposalAttempts: z.number(),
}) satisfies z.ZodType<ProtocolParams>;

/** Arguments of requests that take none. */
export const noArgs = z.object({}).strict();
export const sweepRef = z.object({ sweepId: z.string().min(1) }).strict();

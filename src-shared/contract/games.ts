// The games domain of the contract: paged game lists, transcripts and the live turn stream.
import { z } from 'zod';
import { GAME_KINDS } from '../game';
import { GAME_STATUSES } from '../planned-game';
import {
  gameOutcomeSchema,
  gameStatusSchema,
  jsonSchema,
  nullableNumber,
  orderSchema,
  protocolParamsSchema,
  turnRecordSchema,
} from './common';

/** A participant as the UI shows it. */
export const participantViewSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['strategy', 'llm']),
  /** Strategy name (with c) or provider/model. */
  detail: z.string(),
  /** Null when the store has no capability for this participant (shown as unknown, never 0). */
  capability: nullableNumber,
});
export type ParticipantView = z.infer<typeof participantViewSchema>;

export const gameSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(GAME_KINDS),
  status: gameStatusSchema,
  seed: z.number(),
  runIndex: z.number(),
  order: orderSchema,
  competitionLevel: z.number(),
  focalId: z.string(),
  focalCapability: nullableNumber,
  /** Seat order: participants[0] is Agent_1. */
  participants: z.array(participantViewSchema),
  deal: z.boolean().nullable(),
  agreementRound: nullableNumber,
  /** Discounted utilities per seat, null until finished. */
  utilities: z.array(z.number()).nullable(),
  focalUtility: nullableNumber,
  error: z.string().nullable(),
  updatedAt: z.string(),
});
export type GameSummary = z.infer<typeof gameSummarySchema>;

export const gamesPageSchema = z.object({ total: z.number(), rows: z.array(gameSummarySchema) });
export type GamesPage = z.infer<typeof gamesPageSchema>;

/** A committed transcript entry with its commit order. */
export const turnViewSchema = turnRecordSchema.extend({ seq: z.number() });
export type TurnView = z.infer<typeof turnViewSchema>;

export const transcriptSchema = z.object({
  game: gameSummarySchema,
  protocol: protocolParamsSchema,
  params: z.record(z.string(), jsonSchema),
  /** Public rules text, null before the game started. */
  rules: z.string().nullable(),
  /** Each agent's private preferences (readable text and the game's raw values). */
  preferences: z.array(z.object({ agent: z.number(), text: z.string(), raw: jsonSchema })),
  outcome: gameOutcomeSchema.nullable(),
  turns: z.array(turnViewSchema),
});
export type Transcript = z.infer<typeof transcriptSchema>;

export const gameStatusEventSchema = z.object({
  sweepId: z.string(),
  gameId: z.string(),
  status: gameStatusSchema,
});
export type GameStatusEvent = z.infer<typeof gameStatusEventSchema>;

export const gameTurnEventSchema = z.object({ gameId: z.string(), turn: turnRecordSchema });
export type GameTurnEvent = z.infer<typeof gameTurnEventSchema>;

export const gameRequests = {
  /** Games filtered by sweep, focal participant, competition level and status (paged). */
  'games:list': {
    args: z
      .object({
        sweepId: z.string().min(1).optional(),
        focalId: z.string().min(1).optional(),
        competitionLevel: z.number().min(0).max(1).optional(),
        status: z.array(z.enum(GAME_STATUSES)).min(1).optional(),
        limit: z.number().int().min(1).max(5000).default(200),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    result: gamesPageSchema,
  },
  /** A game with its participants, private preferences, outcome and every turn. */
  'games:transcript': {
    args: z.object({ gameId: z.string().min(1) }).strict(),
    result: transcriptSchema,
  },
};

export const gameEvents = {
  /** One game changed status. */
  'games:status': gameStatusEventSchema,
  /** A turn was committed to a game's transcript. */
  'games:turn': gameTurnEventSchema,
};

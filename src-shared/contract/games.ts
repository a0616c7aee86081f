// The games domain of the contract: paged game lists, transcripts and the live turn stream.
import { z } from 'zod';
import { GAME_KINDS, PHASES } from '../game';
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
import { gameCatalogSchema } from './game-catalog';

export * from './game-catalog';

/** A participant as the UI shows it. */
export const participantViewSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['strategy', 'llm']),
  /** Strategy name (with c) or provider/model. */
  detail: z.string(),
  /** Null when the store has no capability for this participant (shown as unknown, never 0). */
  capability: nullableNumber,
  /**
   * The participant's persona (DESIGN 3.5, 5), absent without one: `preset` names a preset of
   * src-shared/persona.ts (null for free text), `text` is what the agent was sent.
   */
  persona: z.object({ preset: z.string().nullable(), text: z.string() }).optional(),
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

/** The values a sweep's game list can be filtered by (what its games have). */
export const gameFacetsSchema = z.object({
  /** Focal participants, weakest first. */
  focalIds: z.array(z.string()),
  levels: z.array(z.number()),
  /** Every participant seated in the sweep's games. */
  participantIds: z.array(z.string()),
  orders: z.array(orderSchema),
  /** Rounds in which a deal was reached. */
  rounds: z.array(z.number()),
  tags: z.array(z.string()),
});
export type GameFacets = z.infer<typeof gameFacetsSchema>;

export const gamesPageSchema = z.object({
  total: z.number(),
  rows: z.array(gameSummarySchema),
  /** With `facets: true` and a sweep: what its list can be filtered by. */
  facets: gameFacetsSchema.optional(),
});
export type GamesPage = z.infer<typeof gamesPageSchema>;

/** A committed transcript entry with its commit order. */
export const turnViewSchema = turnRecordSchema.extend({ seq: z.number() });
export type TurnView = z.infer<typeof turnViewSchema>;

/** Where an imported game came from (parley import) and the outcome its source published. */
export const importViewSchema = z.object({
  format: z.string(),
  sourceFile: z.string(),
  published: z.object({
    deal: z.boolean(),
    round: nullableNumber,
    /** Per seat, as the source states them (null where it gives none). */
    utilities: z.array(nullableNumber),
  }),
  /** Where the published outcome and Parley's differ, or the file contradicts itself. */
  flags: z.array(z.object({ code: z.string(), message: z.string() })),
  isTruncated: z.boolean(),
});
export type ImportView = z.infer<typeof importViewSchema>;

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
  /** Present for a game read from a published file. */
  imported: importViewSchema.optional(),
  /** The sweeps that hold this game (a game shared by sweeps runs once), oldest first. */
  sweeps: z.array(z.object({ id: z.string(), name: z.string() })),
  /**
   * What the game's competition level stands for when it is not a level in [0, 1]: for a
   * deliberation sweep over competition.incentives, "incentive of <focal party>" and the
   * incentive (the names the results grid gives its rows). Absent for a plain level.
   */
  competitionLabel: z.object({ title: z.string(), label: z.string() }).optional(),
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

/** One turn that matched a search, with its game's seating for the speaker's label. */
export const searchHitSchema = z.object({
  gameId: z.string(),
  seq: z.number(),
  round: z.number(),
  phase: z.enum(PHASES),
  agent: z.number(),
  visibility: z.enum(['public', 'private']),
  /** The turn's whole text (the UI marks the matched words). */
  text: z.string(),
  /** The speaking seat's participant id; null for the moderator. */
  participantId: z.string().nullable(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchPageSchema = z.object({
  /** Matching turns over every page, and how many games they are in. */
  total: z.number(),
  games: z.number(),
  hits: z.array(searchHitSchema),
  /** The words searched, as the host split them (what the UI highlights). */
  words: z.array(z.string()),
  /** Participant ids of the searched games, for the speaker filter. */
  participants: z.array(z.string()),
});
export type SearchPage = z.infer<typeof searchPageSchema>;

export const searchArgsSchema = z
  .object({
    /** Words that must all appear (case and accents ignored); a trailing * makes a prefix. */
    text: z.string().trim().min(1, { message: 'type a word to search for' }).max(500),
    sweepId: z.string().min(1).optional(),
    /** The speaker's participant id (the model or strategy that spoke). */
    participantId: z.string().min(1).optional(),
    phases: z.array(z.enum(PHASES)).optional(),
    visibility: z.enum(['public', 'private']).optional(),
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).default(0),
  })
  .strict();
export type SearchArgs = z.input<typeof searchArgsSchema>;

/** What the game list sorts by (the host's SQL names them; see src-main/store/game-query.ts). */
export const GAME_SORT_KEYS = [
  'seed',
  'run',
  'level',
  'capability',
  'round',
  'utility',
  'status',
  'updated',
] as const;
export type GameSortKey = (typeof GAME_SORT_KEYS)[number];

export const gameRequests = {
  /**
   * Games filtered by sweep, cell, status, outcome, round, order, participant, parse failures and
   * tag, sorted and paged in SQL (a list of any length is paged, never cut).
   */
  'games:list': {
    args: z
      .object({
        sweepId: z.string().min(1).optional(),
        focalId: z.string().min(1).optional(),
        competitionLevel: z.number().min(0).max(1).optional(),
        status: z.array(z.enum(GAME_STATUSES)).min(1).optional(),
        /** Finished games with (true) or without (false) a deal. */
        deal: z.boolean().optional(),
        order: orderSchema.optional(),
        /** Games whose deal was reached in this round. */
        round: z.number().int().min(0).optional(),
        /** Games with this participant (model or strategy) in any seat. */
        participantId: z.string().min(1).optional(),
        /** Games with (true) or without (false) a turn that failed to parse. */
        parseFailures: z.boolean().optional(),
        tag: z.string().min(1).optional(),
        /** Server-side order; default: the order the games were planned in. */
        sort: z
          .object({ key: z.enum(GAME_SORT_KEYS), dir: z.enum(['asc', 'desc']).default('asc') })
          .strict()
          .optional(),
        /** Also return the sweep's filter values (needs sweepId). */
        facets: z.boolean().optional(),
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
  /**
   * Every game's parameters (name, label, type, range, default, help) from its own zod schema,
   * its protocols, the parameters its competition axis sets, and its metrics.
   */
  'games:catalog': { args: z.object({}).strict(), result: gameCatalogSchema },
  /** Turns of every transcript whose text has all the words (FTS5), filtered and paged. */
  'games:search': { args: searchArgsSchema, result: searchPageSchema },
};

export const gameEvents = {
  /** One game changed status. */
  'games:status': gameStatusEventSchema,
  /** A turn was committed to a game's transcript. */
  'games:turn': gameTurnEventSchema,
};

// games:catalog, part of the games domain: what the host tells the UI about each game, derived
// from the game's own code (its zod schema, withCompetition) and the metric vocabulary.
import { z } from 'zod';
import { ACCEPTANCE_RULES, GAME_KINDS } from '../game';
import { METRIC_IDS, type MetricId } from '../metrics';
import { STRATEGIES } from '../participant';
import { jsonSchema, nullableNumber } from './common';

/** A record parameter (names to values, e.g. holdings per resource): its names and values. */
export const recordViewSchema = z.object({
  /** The pattern every name must match (the schema's), null for any name. */
  keyPattern: z.string().nullable(),
  /** Every value's type, range and choices. */
  value: z.object({
    type: z.enum(['integer', 'number', 'boolean', 'text', 'choice']),
    min: nullableNumber,
    max: nullableNumber,
    options: z.array(z.string()).nullable(),
  }),
});
export type RecordView = z.infer<typeof recordViewSchema>;

export const gameParamViewSchema = z.object({
  name: z.string(),
  /** The schema's title (zod `.meta({ title })`), else the name in words. */
  label: z.string(),
  /**
   * 'list' for arrays (e.g. item names), kept as loaded; 'object' for records (e.g. holdings,
   * edited by name when `record` is given) and structured data; 'choice' for enums; 'text'.
   */
  type: z.enum(['integer', 'number', 'boolean', 'text', 'choice', 'list', 'object']),
  min: nullableNumber,
  max: nullableNumber,
  /** The schema's default; null when the parameter is optional without one. */
  default: jsonSchema,
  /** The values a 'choice' takes; null for other types. */
  options: z.array(z.string()).nullable(),
  /** The schema's description (zod `.describe()` or `.meta({ description })`). */
  help: z.string().nullable(),
  /** True when the sweep's competition axis sets this parameter, so the form does not ask for it. */
  setByCompetition: z.boolean(),
  /** For an 'object' that maps names to plain values (a record): what the form edits it with. */
  record: recordViewSchema.optional(),
});
export type GameParamView = z.infer<typeof gameParamViewSchema>;

export const protocolViewSchema = z.object({
  id: z.string(),
  label: z.string(),
  acceptance: z.array(z.enum(ACCEPTANCE_RULES)),
  /** The strategy agents that play the game with this protocol (what `parley validate` accepts). */
  strategies: z.array(z.enum(STRATEGIES)),
});
export type ProtocolView = z.infer<typeof protocolViewSchema>;

export const gameCatalogEntrySchema = z.object({
  kind: z.enum(GAME_KINDS),
  title: z.string(),
  params: z.array(gameParamViewSchema),
  protocols: z.array(protocolViewSchema),
  /** Parameters a competition level sets (withCompetition), e.g. ['rho', 'theta'] for the treaty. */
  competitionAxes: z.array(z.string()),
  /** The vocabulary's metrics this game's games have (src-shared/metrics.ts). */
  metrics: z.array(z.enum(METRIC_IDS as [MetricId, ...MetricId[]])),
});
export type GameCatalogEntry = z.infer<typeof gameCatalogEntrySchema>;

export const gameCatalogSchema = z.array(gameCatalogEntrySchema);

// games:catalog, part of the games domain: what the host tells the UI about each game, derived
// from the game's own code (its zod schema, withCompetition) and the metric vocabulary.
import { z } from 'zod';
import { ACCEPTANCE_RULES, GAME_KINDS } from '../game';
import { METRIC_IDS, type MetricId } from '../metrics';
import { STRATEGIES } from '../participant';
import { jsonSchema, nullableNumber } from './common';

export const gameParamViewSchema = z.object({
  name: z.string(),
  /** The schema's title (zod `.meta({ title })`), else the name in words. */
  label: z.string(),
  /**
   * 'list' for arrays (e.g. item names) and 'object' for records (e.g. holdings), which the form
   * keeps as loaded; 'choice' for enums; 'text' for strings.
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

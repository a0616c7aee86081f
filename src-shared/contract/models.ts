// The models domain of the contract: the model registry and user-added models.
import { z } from 'zod';
import { llmSpecSchema, participantSchema } from '../participant';
import { noArgs } from './common';

export const modelViewSchema = z.object({
  id: z.string(),
  source: z.enum(['registry', 'user', 'sweep']),
  kind: z.enum(['strategy', 'llm', 'unknown']),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  displayName: z.string(),
  scores: z.record(z.string(), z.number()),
  prices: z.object({ inputUsdPerMtok: z.number(), outputUsdPerMtok: z.number() }).nullable(),
  /** Where the scores and prices come from (URLs), or ['user'] for models added by hand. */
  sources: z.array(z.string()),
  developer: z.string().nullable(),
  /** True when the model thinks by default (reasoning models). */
  reasoning: z.boolean(),
  /** The full participant spec, so the UI can edit a model (never holds a key). */
  spec: participantSchema,
});
export type ModelView = z.infer<typeof modelViewSchema>;

export const modelRequests = {
  /** The model registry and user-added models. */
  'models:list': { args: noArgs, result: z.array(modelViewSchema) },
  /** Adds or replaces a user model (an LLM participant spec); a shipped id is overridden. */
  'models:save': { args: z.object({ spec: llmSpecSchema }).strict(), result: modelViewSchema },
};

// Participants: who sits at the table. Strategy agents run offline; LLM agents call a provider.
import { z } from 'zod';

export const STRATEGIES = [
  'boulware',
  'linear',
  'conceder',
  'hardliner',
  'tit-for-tat',
  'random',
  'bounded-rational',
  // The rule-based party of deliberation games (DESIGN 3.6); it plays its seat's incentive.
  'deliberation-rule',
  // Alternating-offers strategies (DESIGN 5): the other named price curves, fixed price, split
  // the difference; fair-split and greedy for ultimatum and resource exchange.
  'very-conceding',
  'conceding',
  'hard',
  'fixed-price-strict',
  'fixed-price-loose',
  'split-the-difference',
  'fair-split',
  'greedy',
] as const;
export type StrategyName = (typeof STRATEGIES)[number];

/** The strategies the propose-and-vote games (item allocation, treaty, co-funding) play. */
export const PROPOSE_VOTE_STRATEGIES = [
  'boulware',
  'linear',
  'conceder',
  'hardliner',
  'tit-for-tat',
  'random',
  'bounded-rational',
] as const satisfies readonly StrategyName[];

/** How a model's replies are constrained (see llmSpecSchema.structuredOutput). */
export const OUTPUT_MODES = ['tool', 'json_schema', 'none'] as const;
export type OutputMode = (typeof OUTPUT_MODES)[number];

export const PROVIDERS = ['anthropic', 'openai', 'openrouter', 'google', 'xai', 'local'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

/**
 * The provider's default output mode: Anthropic 'tool', OpenAI 'json_schema' (also through a
 * gateway at another base URL), and 'none' for OpenRouter, Google, xAI and local servers, whose
 * support for strict schemas varies by model and server.
 */
export function defaultOutputMode(provider: ProviderName): OutputMode {
  if (provider === 'anthropic') return 'tool';
  if (provider === 'openai') return 'json_schema';
  return 'none';
}

/** The output modes a provider offers: Anthropic 'tool', the OpenAI-compatible 'json_schema'. */
export function outputModesOf(provider: ProviderName): readonly OutputMode[] {
  return provider === 'anthropic' ? ['tool', 'none'] : ['json_schema', 'none'];
}

const idSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[A-Za-z0-9._:/@+-]+$/, 'use letters, digits and . _ : / @ + -');

/** Benchmark or capability scores, e.g. { arena_elo: 1300, capability: 0.7 }. */
export const scoresSchema = z.record(z.string(), z.number());

const common = {
  id: idSchema,
  displayName: z.string().optional(),
  scores: scoresSchema.default({}),
  /**
   * Optional style instruction: a preset name of src-shared/persona.ts (cunning-insulting,
   * desperate, kind-generous, hateful) or free text.
   */
  persona: z.string().optional(),
};

export const strategySpecSchema = z
  .object({
    ...common,
    kind: z.literal('strategy'),
    strategy: z.enum(STRATEGIES),
    /** Capability knob c in [0, 1] of the bounded-rational family. */
    capability: z.number().min(0).max(1).optional(),
    /** Concession exponent override for time-based curves (see agents/strategy docs). */
    exponent: z.number().positive().optional(),
  })
  .strict();

export const pricesSchema = z
  .object({
    inputUsdPerMtok: z.number().nonnegative(),
    outputUsdPerMtok: z.number().nonnegative(),
    cachedInputUsdPerMtok: z.number().nonnegative().optional(),
    cacheWriteUsdPerMtok: z.number().nonnegative().optional(),
  })
  .strict();

export const llmSpecSchema = z
  .object({
    ...common,
    kind: z.literal('llm'),
    provider: z.enum(PROVIDERS),
    /** The provider's model id, e.g. "claude-sonnet-4-20250514". */
    model: z.string().min(1),
    baseUrl: z
      .url({ message: "write the server's full address, e.g. http://127.0.0.1:11434/v1" })
      .optional(),
    temperature: z.number().min(0).max(2).optional(),
    /**
     * Output token limit: one number for every phase, or per phase (phases left out keep their
     * defaults: discussion 512, thinking 1024, proposal 512, vote 256, reflection 512).
     */
    maxTokens: z
      .union([
        z.number().int().positive(),
        z
          .object({
            discussion: z.number().int().positive(),
            thinking: z.number().int().positive(),
            proposal: z.number().int().positive(),
            vote: z.number().int().positive(),
            reflection: z.number().int().positive(),
          })
          .partial()
          .strict(),
      ])
      .optional(),
    reasoningEffort: z.enum(['minimal', 'low', 'medium', 'high']).optional(),
    thinkingBudget: z.number().int().positive().optional(),
    prices: pricesSchema.optional(),
    /**
     * How replies are constrained: 'tool' (Anthropic tool use with a forced tool), 'json_schema'
     * (OpenAI strict JSON-schema responses) or 'none' (plain text, parsed). Absent: the
     * provider's default (agents/llm/structured.ts defaultOutputMode).
     */
    structuredOutput: z.enum(OUTPUT_MODES).optional(),
    /** Re-asks per turn, parse and validation re-asks together (default 2). */
    maxReasks: z.number().int().min(0).max(10).optional(),
    /**
     * Shortest prompt prefix (tokens) the provider caches for this model; Anthropic breakpoints
     * are placed only where the cached prefix reaches it. Absent: the registry's value.
     */
    minCacheTokens: z.number().int().positive().optional(),
    /** Strategy-wrapped LLM agent: the strategy decides the offer, the model phrases it. */
    wrapStrategy: strategySpecSchema.omit({ id: true, scores: true }).optional(),
  })
  .strict();

export const participantSchema = z.discriminatedUnion('kind', [strategySpecSchema, llmSpecSchema]);

export type StrategySpec = z.infer<typeof strategySpecSchema>;
export type LlmSpec = z.infer<typeof llmSpecSchema>;
export type ParticipantSpec = z.infer<typeof participantSchema>;

/** The capability score of a participant under `metric`; strategy agents fall back to c. */
export function capabilityOf(p: ParticipantSpec, metric: string): number | null {
  const score = p.scores[metric];
  if (score !== undefined) return score;
  if (p.kind === 'strategy' && (metric === 'capability' || metric === 'c')) {
    return p.capability ?? null;
  }
  return null;
}

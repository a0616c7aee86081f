// Batch execution settings of a sweep (DESIGN 8): `batch: true`, or an object naming the
// providers to batch and how sequential phases and failed requests are handled.
import { z } from 'zod';
import { PROVIDERS, type ProviderName } from './participant';

/** Providers with a batch API (Anthropic Message Batches, OpenAI Batch). */
export const BATCH_PROVIDERS = ['anthropic', 'openai'] as const satisfies readonly ProviderName[];
export type BatchProvider = (typeof BATCH_PROVIDERS)[number];

export const batchSettingsSchema = z
  .object({
    /** Providers whose calls are batched (default: every provider with a batch API). */
    providers: z.array(z.enum(PROVIDERS)).min(1).optional(),
    /**
     * A tick that collected fewer than `minRequests` requests (a sequential phase) either waits
     * for the next batch ('wait', the default: every call at batch price) or goes online.
     */
    sequential: z.enum(['wait', 'online']).default('wait'),
    minRequests: z.number().int().min(1).max(100_000).default(2),
    /** Requests that errored or expired are retried in the next batch (default) or alone online. */
    retry: z.enum(['batch', 'online']).default('batch'),
    /** Collect requests this long before a batch is sent (default 5 s). */
    tickSeconds: z.number().positive().max(3600).default(5),
    /** Poll batches in flight this often (default 30 s). */
    pollSeconds: z.number().positive().max(3600).default(30),
  })
  .strict();

export const sweepBatchSchema = z.union([z.boolean(), batchSettingsSchema]);
export type BatchSettings = z.infer<typeof batchSettingsSchema>;

/** The settings of a sweep's `batch` field; null when batching is off. */
export function batchSettingsOf(
  value: z.input<typeof sweepBatchSchema> | undefined,
): BatchSettings | null {
  if (value === undefined || value === false) return null;
  return batchSettingsSchema.parse(value === true ? {} : value);
}

/** Whether calls to `provider` go through its batch API under `settings`. */
export function isBatched(settings: BatchSettings | null, provider: string): boolean {
  if (!settings || !(BATCH_PROVIDERS as readonly string[]).includes(provider)) return false;
  return settings.providers === undefined || (settings.providers as string[]).includes(provider);
}

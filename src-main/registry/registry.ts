// The model registry: the shipped seed table (resources/registry/models.csv, every cell sourced)
// plus models the user added, which live in the store and override a shipped id.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { llmSpecSchema, PROVIDERS } from '../../src-shared/participant';
import type { LlmSpec, ParticipantSpec } from '../../src-shared/participant';
import type { Store } from '../store/store';
import { cacheLimitOf } from './cache-limits';

/** The score columns of the seed table, usable as the capability axis. */
export const SCORE_COLUMNS = ['arena_elo', 'mmlu_pro', 'gpqa_diamond', 'mmlu'] as const;

export const REGISTRY_CAVEATS = [
  'arena_elo is one snapshot of the LMArena text leaderboard (2025-08-04); later models have none.',
  'mmlu_pro and mmlu come from different evaluation settings per developer and are not strictly comparable across rows; gpqa_diamond is blank where the source did not say "Diamond".',
  'Prices are standard (non-batch) list prices in USD per million tokens at the snapshot dates; open-weight models have no official price.',
  'reasoning marks models whose thinking mode is on by default.',
];

/** A registry entry: an LLM participant plus the descriptive fields of the seed table. */
export interface RegistryModel {
  spec: LlmSpec;
  developer: string | null;
  family: string | null;
  reasoning: boolean;
  releaseDate: string | null;
  contextWindow: number | null;
  /**
   * Shortest prompt prefix (tokens) the provider caches for this model: the table's
   * min_cache_tokens column where given, else the providers' published rule (cache-limits.ts);
   * null where the model has no prompt caching.
   */
  minCacheTokens?: number | null;
  sources: string[];
  /** Position in the shipped table (the "registry order" capability axis); null for user models. */
  order: number | null;
  origin: 'registry' | 'user';
}

const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : Number(v));

const csvRowSchema = z.object({
  id: z.string().min(1),
  display_name: z.string().optional(),
  developer: z.string().optional(),
  family: z.string().optional(),
  provider_route: z.string().min(1),
  reasoning: z.enum(['true', 'false', '']).optional(),
  release_date: z.string().optional(),
  context_window: z.string().optional(),
  source_urls: z.string().optional(),
});

/**
 * Parse a registry CSV (the seed format: id, display_name, developer, family, provider_route,
 * reasoning, release_date, score columns, prices, context_window, source_urls, and optionally
 * min_cache_tokens). Extra numeric
 * columns become scores. Errors name the line and column.
 */
export function parseRegistryCsv(text: string, origin: 'registry' | 'user'): RegistryModel[] {
  const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<
    string,
    string
  >[];
  return rows.map((row, i) => {
    const line = i + 2;
    const base = csvRowSchema.safeParse(row);
    if (!base.success) {
      const issue = base.error.issues[0];
      throw new Error(`line ${line}, column "${issue.path.join('.')}": ${issue.message}`);
    }
    const [providerName, routed] = splitRoute(row.provider_route, line);
    const scores: Record<string, number> = {};
    const known = new Set([
      ...Object.keys(csvRowSchema.shape),
      'input_usd_per_mtok',
      'output_usd_per_mtok',
      'cached_input_usd_per_mtok',
      'min_cache_tokens',
    ]);
    for (const [column, value] of Object.entries(row)) {
      if (known.has(column) || value === '') continue;
      const n = Number(value);
      if (!Number.isFinite(n))
        throw new Error(`line ${line}, column "${column}": "${value}" is not a number`);
      scores[column] = n;
    }
    const input = num(row.input_usd_per_mtok);
    const output = num(row.output_usd_per_mtok);
    const cached = num(row.cached_input_usd_per_mtok);
    const minCache = num(row.min_cache_tokens);
    const spec = llmSpecSchema.parse({
      id: row.id,
      kind: 'llm',
      displayName: row.display_name || undefined,
      provider: providerName,
      model: routed ?? row.id,
      scores,
      ...(minCache !== undefined ? { minCacheTokens: minCache } : {}),
      prices:
        input !== undefined && output !== undefined
          ? {
              inputUsdPerMtok: input,
              outputUsdPerMtok: output,
              ...(cached !== undefined ? { cachedInputUsdPerMtok: cached } : {}),
            }
          : undefined,
    });
    return {
      spec,
      developer: row.developer || null,
      family: row.family || null,
      reasoning: row.reasoning === 'true',
      releaseDate: row.release_date || null,
      contextWindow: num(row.context_window) ?? null,
      minCacheTokens: cacheLimitOf(spec),
      sources: (row.source_urls ?? '').split(';').filter(Boolean),
      order: origin === 'registry' ? i : null,
      origin,
    };
  });
}

function splitRoute(route: string, line: number): [LlmSpec['provider'], string | undefined] {
  const [name, ...rest] = route.split(':');
  if (!(PROVIDERS as readonly string[]).includes(name)) {
    throw new Error(
      `line ${line}, column "provider_route": "${route}" must start with one of ${PROVIDERS.join(', ')}`,
    );
  }
  return [name as LlmSpec['provider'], rest.length > 0 ? rest.join(':') : undefined];
}

let shipped: RegistryModel[] | null = null;

/** The shipped seed registry (parsed once). */
export function shippedRegistry(): RegistryModel[] {
  shipped ??= parseRegistryCsv(
    readFileSync(
      fileURLToPath(new URL('../../resources/registry/models.csv', import.meta.url)),
      'utf8',
    ),
    'registry',
  );
  return shipped;
}

/** Shipped models, with user models from the store added or overriding by id. */
export function loadRegistry(store?: Store): RegistryModel[] {
  const byId = new Map(shippedRegistry().map((m) => [m.spec.id, m]));
  for (const row of store?.listModels() ?? []) {
    if (row.source !== 'user') continue;
    byId.set(row.id, row.spec as RegistryModel);
  }
  return [...byId.values()];
}

/**
 * Resolve participant ids that a sweep does not define inline. The registry is read at the first
 * id asked for: a sweep that defines every participant inline never parses it.
 */
export function registryResolver(store?: Store): (id: string) => ParticipantSpec | undefined {
  let models: Map<string, ParticipantSpec> | undefined;
  return (id) => {
    models ??= new Map(loadRegistry(store).map((m) => [m.spec.id, m.spec]));
    return models.get(id);
  };
}

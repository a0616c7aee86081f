// `parley models list|add|import`: the model registry from the command line.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { llmSpecSchema, PROVIDERS } from '../../src-shared/participant';
import {
  loadRegistry,
  parseRegistryCsv,
  REGISTRY_CAVEATS,
  SCORE_COLUMNS,
} from '../registry/registry';
import type { RegistryModel } from '../registry/registry';
import { CliError, EXIT_BAD_INPUT, openCliStore } from './common';

export function registerModelCommands(program: Command): void {
  const models = program
    .command('models')
    .description('The model registry: list, add and import models and their scores.');

  models
    .command('list')
    .description(
      'List registry models with their capability scores and prices (USD per million tokens).',
    )
    .option(
      '--metric <score>',
      `sort by this score, best first (${SCORE_COLUMNS.join(', ')}, or any user score)`,
    )
    .option('--json', 'print JSON')
    .option('--db <file>', 'database file (user models)')
    .action((opts: { metric?: string; json?: boolean; db?: string }) => {
      const store = openCliStore(opts.db);
      try {
        let list = loadRegistry(store);
        if (opts.metric) {
          const m = opts.metric;
          list = [...list].sort(
            (a, b) => (b.spec.scores[m] ?? -Infinity) - (a.spec.scores[m] ?? -Infinity),
          );
        }
        if (opts.json) {
          process.stdout.write(
            `${JSON.stringify({ models: list, caveats: REGISTRY_CAVEATS }, null, 2)}\n`,
          );
          return;
        }
        process.stdout.write(
          `${formatModelTable(list)}\n\nCaveats:\n${REGISTRY_CAVEATS.map((c) => `  - ${c}`).join('\n')}\n`,
        );
      } finally {
        store.close();
      }
    });

  models
    .command('add')
    .description('Add or replace a user model (stored in the database; overrides a shipped id).')
    .requiredOption('--id <id>', 'the id sweeps refer to')
    .requiredOption('--provider <name>', PROVIDERS.join(' | '))
    .requiredOption('--model <api-id>', "the provider's model id")
    .option('--base-url <url>', 'OpenAI-compatible endpoint (required for local servers)')
    .option('--name <display>', 'display name')
    .option(
      '--score <key=value...>',
      'capability scores, e.g. --score arena_elo=1300 mmlu_pro=70.1',
    )
    .option('--price-in <usd>', 'input price per million tokens')
    .option('--price-out <usd>', 'output price per million tokens')
    .option('--price-cached <usd>', 'cached input price per million tokens')
    .option('--db <file>', 'database file')
    .action((opts: Record<string, string | string[] | undefined>) => {
      const scores: Record<string, number> = {};
      for (const pair of (opts.score as string[] | undefined) ?? []) {
        const [key, value] = pair.split('=');
        if (!key || value === undefined || !Number.isFinite(Number(value))) {
          throw new CliError(`--score expects key=number, got "${pair}"`, EXIT_BAD_INPUT);
        }
        scores[key] = Number(value);
      }
      const price = (v: unknown) => (v === undefined ? undefined : Number(v));
      const parsed = llmSpecSchema.safeParse({
        id: opts.id,
        kind: 'llm',
        provider: opts.provider,
        model: opts.model,
        baseUrl: opts.baseUrl,
        displayName: opts.name,
        scores,
        prices:
          opts.priceIn !== undefined || opts.priceOut !== undefined
            ? {
                inputUsdPerMtok: price(opts.priceIn),
                outputUsdPerMtok: price(opts.priceOut),
                cachedInputUsdPerMtok: price(opts.priceCached),
              }
            : undefined,
      });
      if (!parsed.success) {
        throw new CliError(
          `invalid model:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(model)'}: ${i.message}`).join('\n')}`,
          EXIT_BAD_INPUT,
        );
      }
      const entry: RegistryModel = {
        spec: parsed.data,
        developer: null,
        family: null,
        reasoning: false,
        releaseDate: null,
        contextWindow: null,
        sources: ['user'],
        order: null,
        origin: 'user',
      };
      const store = openCliStore(opts.db as string | undefined);
      try {
        store.upsertModel(parsed.data.id, entry, 'user');
      } finally {
        store.close();
      }
      process.stdout.write(
        `Saved model ${parsed.data.id} (${parsed.data.provider}: ${parsed.data.model}).\n`,
      );
    });

  models
    .command('import')
    .description(
      'Import models from a CSV in the registry format (id, display_name, developer, family, provider_route, reasoning, release_date, score columns, input/output/cached_input_usd_per_mtok, context_window, source_urls).',
    )
    .argument('<csv>')
    .option('--db <file>', 'database file')
    .action((file: string, opts: { db?: string }) => {
      let entries: RegistryModel[];
      try {
        entries = parseRegistryCsv(readFileSync(file, 'utf8'), 'user');
      } catch (err) {
        throw new CliError(
          `${file}: ${err instanceof Error ? err.message : String(err)}`,
          EXIT_BAD_INPUT,
        );
      }
      const store = openCliStore(opts.db);
      try {
        store.transaction(() => entries.forEach((e) => store.upsertModel(e.spec.id, e, 'user')));
      } finally {
        store.close();
      }
      process.stdout.write(`Imported ${entries.length} models from ${file}.\n`);
    });
}

function formatModelTable(list: RegistryModel[]): string {
  const header = ['id', 'provider', ...SCORE_COLUMNS, 'in $/M', 'out $/M', 'origin'];
  const rows = list.map((m) => [
    m.spec.id,
    m.spec.provider,
    ...SCORE_COLUMNS.map((c) => (m.spec.scores[c] === undefined ? '-' : String(m.spec.scores[c]))),
    m.spec.prices ? String(m.spec.prices.inputUsdPerMtok) : '-',
    m.spec.prices ? String(m.spec.prices.outputUsdPerMtok) : '-',
    m.origin,
  ]);
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const numeric = new Set([2, 3, 4, 5, 6, 7]);
  const fmt = (r: string[]) =>
    r.map((c, j) => (numeric.has(j) ? c.padStart(widths[j]) : c.padEnd(widths[j]))).join('  ');
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

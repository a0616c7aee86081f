// LLM commands: `parley keys set|test|clear <provider>`, `parley mock-llm`, and the helpers
// `parley run` uses to build the provider runtime and print `--estimate`.
import { isBatched, type BatchSettings } from '../../src-shared/batch';
import type { Command } from 'commander';
import { PROVIDERS, type ProviderName } from '../../src-shared/participant';
import type { PlannedGame } from '../../src-shared/planned-game';
import { OFFICIAL_HOSTS } from '../keys/allowed-hosts';
import { KEY_ENV_VARS, KeyStore } from '../keys/key-store';
import { testKey } from '../keys/key-test';
import { MOCK_FAULTS } from '../mock-llm/server';
import { runMockLlmCli, type MockLlmFlags } from '../mock-llm/cli';
import { BATCH_PRICE_FACTOR } from '../providers/batch/batch-client';
import { estimateSweep, type SweepEstimate } from '../providers/estimate';
import { LlmRuntime, llmSpecsOf, type ProviderStatusChange } from '../providers/runtime';
import type { Store } from '../store/types';
import { CliError, EXIT_BAD_INPUT, parsePositiveInt } from './common';

function providerArg(value: string): ProviderName {
  if (!(PROVIDERS as readonly string[]).includes(value)) {
    throw new CliError(
      `unknown provider "${value}"; use one of ${PROVIDERS.join(', ')}`,
      EXIT_BAD_INPUT,
    );
  }
  return value as ProviderName;
}

/** The key from stdin: hidden typing on a terminal (Backspace works), the first line of a pipe otherwise. */
async function readKey(provider: ProviderName): Promise<string> {
  const stdin = process.stdin;
  const isTty = stdin.isTTY;
  if (isTty) {
    process.stderr.write(`Paste the ${provider} API key (input hidden), then Enter: `);
    stdin.setRawMode(true);
  }
  let typed = '';
  try {
    outer: for await (const chunk of stdin) {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n') break outer;
        if (isTty && ch === '\u0003') throw new CliError('cancelled; nothing was stored');
        if (isTty && (ch === '\u007f' || ch === '\b')) typed = typed.slice(0, -1);
        else typed += ch;
      }
    }
  } finally {
    if (isTty) {
      stdin.setRawMode(false);
      process.stderr.write('\n');
    }
    stdin.pause();
  }
  return typed.trim();
}

/** `keys set --allow-host`: record each host for the provider's key and say so. */
function allowHosts(store: KeyStore, provider: ProviderName, hosts: readonly string[]): string[] {
  const added: string[] = [];
  for (const host of hosts) {
    try {
      added.push(store.hosts.add(provider, host));
    } catch (err) {
      throw new CliError(
        `--allow-host: ${(err as Error).message}; nothing was stored`,
        EXIT_BAD_INPUT,
      );
    }
  }
  if (added.length > 0) {
    const official = OFFICIAL_HOSTS[provider];
    process.stdout.write(
      `The ${provider} key may now go to ${store.hosts.list(provider).join(', ')}` +
        (official.length > 0 ? ` besides ${official.join(', ')}` : '') +
        ` (kept in ${store.hosts.file}, not in any database).\n`,
    );
  }
  return added;
}

export function registerLlmCommands(program: Command): void {
  const keys = program
    .command('keys')
    .description('Store, test or remove API keys in the OS keychain (service "parley").')
    .addHelpText(
      'after',
      '\nKeys live in the OS keychain (macOS Keychain, Windows Credential Manager, the Secret\n' +
        'Service on Linux) under service "parley", account = provider. When no key is stored,\n' +
        'Parley reads the environment: ' +
        PROVIDERS.map((p) => `${p}: ${KEY_ENV_VARS[p].join(' or ')}`).join('; ') +
        '.\nKeys never reach the database, exports, logs or error messages.\n' +
        "A key goes only to its provider's own API host; a model whose baseUrl points elsewhere\n" +
        'pauses its games until you allow that host: `parley keys set <provider> --allow-host HOST`\n' +
        '(kept in the config folder, $PARLEY_CONFIG_DIR, never in a database). Local models\n' +
        'without a key are unaffected.\n\n' +
        'Examples:\n' +
        '  parley keys set anthropic            # paste the key when asked (or pipe it on stdin)\n' +
        '  parley keys set anthropic --allow-host gateway.example.com </dev/null  # allow a host only\n' +
        '  parley keys test anthropic           # one tiny completion; says whether it works\n' +
        '  parley keys clear anthropic',
    );

  keys
    .command('set')
    .description(
      'Read a key from stdin (hidden on a terminal) and store it in the OS keychain; --allow-host lets it go to another host too.',
    )
    .argument('<provider>', PROVIDERS.join(' | '))
    .option(
      '--allow-host <host>',
      "also send this provider's key to HOST (a gateway, proxy or local server: host or host:port); repeatable. With it, an empty stdin keeps the stored key",
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .action(async (name: string, opts: { allowHost?: string[] }) => {
      const provider = providerArg(name);
      const store = new KeyStore();
      const hosts = allowHosts(store, provider, opts.allowHost ?? []);
      const availability = await store.isKeychainAvailable();
      if (!availability.isAvailable) {
        if (hosts.length > 0) return;
        throw new CliError(
          `${availability.reason}. Nothing was stored: export ${KEY_ENV_VARS[provider][0]}=... in the shell that runs parley instead.`,
        );
      }
      const key = await readKey(provider);
      if (key === '') {
        if (hosts.length > 0) return;
        throw new CliError('no key given on stdin; nothing was stored', EXIT_BAD_INPUT);
      }
      try {
        await store.set(provider, key);
      } catch (err) {
        throw new CliError((err as Error).message);
      }
      process.stdout.write(
        `Stored the ${provider} key in the OS keychain (service "parley"). Check it with: parley keys test ${provider}\n`,
      );
    });

  keys
    .command('test')
    .description(
      'Make one tiny authenticated completion (a few tokens) with the stored key and report the result.',
    )
    .argument('<provider>', PROVIDERS.join(' | '))
    .option(
      '--base-url <url>',
      'endpoint to test instead of the provider default (local servers, proxies)',
    )
    .action(async (name: string, opts: { baseUrl?: string }) => {
      const provider = providerArg(name);
      const result = await testKey(new KeyStore(), provider, { baseUrl: opts.baseUrl });
      if (result.status !== 'works') throw new CliError(`${provider}: ${result.detail}`);
      process.stdout.write(`${provider}: ${result.detail}\n`);
    });

  keys
    .command('clear')
    .description('Remove the key from the OS keychain (environment variables are left alone).')
    .argument('<provider>', PROVIDERS.join(' | '))
    .action(async (name: string) => {
      const provider = providerArg(name);
      const store = new KeyStore();
      const availability = await store.isKeychainAvailable();
      if (!availability.isAvailable) throw new CliError(`${availability.reason}; nothing to clear`);
      const removed = await store.clear(provider);
      process.stdout.write(
        removed
          ? `Removed the ${provider} key from the OS keychain.\n`
          : `No ${provider} key was stored in the OS keychain.\n`,
      );
    });

  program
    .command('mock-llm')
    .description(
      'Serve a fake LLM provider on 127.0.0.1 in both wire formats (Anthropic /v1/messages, OpenAI /v1/chat/completions, /v1/models, both batch APIs), answering like a simple negotiator, with optional latency, faults and rate-limit headers.',
    )
    .option('--port <n>', 'port (0 = any free port)', '0')
    .option('--latency <ms>', 'delay before every answer', '0')
    .option('--fault-rate <r>', 'probability in [0, 1] that a request gets a fault', '0')
    .option(
      '--faults <list>',
      `faults to draw from: ${MOCK_FAULTS.join(',')}`,
      MOCK_FAULTS.join(','),
    )
    .option('--seed <n>', 'seed of the fault draws', '1')
    .option('--retry-after <s>', 'retry-after seconds sent with 429', '1')
    .option('--batch-delay <ms>', 'how long a batch stays in progress (batch APIs)', '0')
    .option('--batch-error-rate <r>', 'probability in [0, 1] that a batch request errors', '0')
    .option('--batch-expire-rate <r>', 'probability in [0, 1] that a batch request expires', '0')
    .option(
      '--rate-limit <requests/tokens/seconds>',
      'send rate-limit headers from this window, e.g. 50/40000/60',
    )
    .option(
      '--prose',
      'answer plain-text requests in prose until re-asked (forced tools and JSON schemas still get the format)',
    )
    .addHelpText(
      'after',
      '\nFaults: 429 (rate limit with retry-after), 500 (server error), timeout (holds the\n' +
        'connection, then drops it), reset (drops the connection), garbage (a 200 whose text is\n' +
        'not the requested JSON). Usage reports simulated prompt-cache reads and writes.\n' +
        'Batch APIs: Anthropic /v1/messages/batches and OpenAI /v1/files + /v1/batches.\n\n' +
        'Point a sweep at it with inline models, e.g.\n' +
        '  {"id": "mock-claude", "kind": "llm", "provider": "anthropic", "model": "mock",\n' +
        '   "baseUrl": "http://127.0.0.1:PORT", "scores": {"capability": 0.5}}\n' +
        '  {"id": "mock-gpt", "kind": "llm", "provider": "openai", "model": "mock",\n' +
        '   "baseUrl": "http://127.0.0.1:PORT/v1", "scores": {"capability": 0.6}}\n' +
        'and any key (e.g. ANTHROPIC_API_KEY=test). Stop with Ctrl-C.',
    )
    .action(async (opts: MockLlmFlags) => {
      let mock;
      try {
        mock = await runMockLlmCli(opts);
      } catch (err) {
        throw new CliError((err as Error).message, EXIT_BAD_INPUT);
      }
      const stop = () => void mock.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await new Promise<never>(() => undefined);
    });
}

/** `parley run --estimate`: print the expected calls, tokens and cost of the unfinished games. */
/** The estimate's cost with the batched providers' calls at the batch price. */
function batchLine(
  byModel: SweepEstimate['byModel'],
  batch: BatchSettings,
  fmt: (x: number) => string,
): string {
  const batched = byModel.filter((m) => isBatched(batch, m.provider));
  if (batched.length === 0) return '  batch           no batched provider among the models\n';
  const cost = (k: 'costCachedUsd' | 'costNoCacheUsd') =>
    byModel.reduce((n, m) => n + m[k] * (isBatched(batch, m.provider) ? BATCH_PRICE_FACTOR : 1), 0);
  const providers = [...new Set(batched.map((m) => m.provider))].join(', ');
  return `  with batch      ${fmt(cost('costCachedUsd'))} .. ${fmt(cost('costNoCacheUsd'))} (${providers} at batch prices)\n`;
}

/** Whether the worst case fits under the cap, and if not roughly where the cap stops new calls. */
function budgetNote(
  budgetUsd: number,
  e: { costCachedUsd: number; costNoCacheUsd: number },
): string {
  if (e.costNoCacheUsd <= budgetUsd) return ' (the whole sweep fits, even without caching)';
  if (e.costCachedUsd <= budgetUsd)
    return ' (fits with prompt caching; without it the cap may stop the sweep)';
  const share = Math.floor((budgetUsd / e.costCachedUsd) * 100);
  return ` (below the estimate: if games run all rounds, new calls stop after about ${share}% of them and the rest pause)`;
}

export function printEstimate(
  games: readonly PlannedGame[],
  budgetUsd: number | undefined,
  batch: BatchSettings | null = null,
): void {
  const e = estimateSweep(games);
  const out = process.stdout;
  if (e.calls === 0) {
    out.write(
      `${games.length} unfinished games; no LLM participants, so no model calls and no cost.\n`,
    );
    return;
  }
  const fmt = (x: number) => `$${x.toFixed(4)}`;
  out.write(
    `Estimate for ${e.games} unfinished games (every game lasting all rounds, replies of ~${e.replyTokens} tokens, no re-asks):\n` +
      `  calls           ${e.calls}\n` +
      `  prompt tokens   ${e.promptTokens}\n` +
      `  output tokens   ${e.outputTokens}\n` +
      `  cost            ${fmt(e.costCachedUsd)} with prompt caching, ${fmt(e.costNoCacheUsd)} without\n` +
      (batch ? batchLine(e.byModel, batch, fmt) : '') +
      (budgetUsd !== undefined
        ? `  budget cap      $${budgetUsd.toFixed(2)}${budgetNote(budgetUsd, e)}\n`
        : '') +
      e.byModel
        .map(
          (m) =>
            `  ${m.model} (${m.provider}): ${m.calls} calls, ${m.promptTokens} prompt + ${m.outputTokens} output tokens, ` +
            `cache reads ${(m.cacheReadShare * 100).toFixed(1)}% of prompt tokens, ` +
            (m.hasPrices
              ? `${fmt(m.costCachedUsd)} .. ${fmt(m.costNoCacheUsd)}`
              : 'no prices in the registry'),
        )
        .join('\n') +
      '\nNothing was run. Deals end games early, so real figures are usually lower.\n',
  );
}

/**
 * The provider runtime for a run whose games include LLM participants (undefined otherwise).
 * Throws a CliError naming every provider without a key before anything is sent.
 */
export async function createRunRuntime(
  store: Store,
  games: readonly PlannedGame[],
  opts: {
    sweepId: string;
    budgetUsd?: number;
    batch?: BatchSettings | null;
    providerConcurrency?: string;
    onStatus: (change: ProviderStatusChange) => void;
  },
): Promise<LlmRuntime | undefined> {
  const specs = llmSpecsOf(games);
  if (specs.length === 0) return undefined;
  const runtime = new LlmRuntime({
    store,
    keys: new KeyStore(),
    sweepId: opts.sweepId,
    budgetUsd: opts.budgetUsd,
    batch: opts.batch,
    onStatus: opts.onStatus,
    scheduler: {
      maxConcurrency: opts.providerConcurrency
        ? parsePositiveInt(opts.providerConcurrency, '--provider-concurrency')
        : 8,
    },
  });
  const missing = await runtime.prepare(specs);
  if (missing.length > 0) {
    throw new CliError(
      'no API key for ' +
        missing
          .map(
            (m) =>
              `${m.provider} (models ${m.models.join(', ')}): run \`parley keys set ${m.provider}\` or set ${KEY_ENV_VARS[m.provider][0]}`,
          )
          .join('; ') +
        '. Nothing was run.',
    );
  }
  return runtime;
}

// `parley judge <sweep> --model M`: the score-leakage judge (DESIGN 3.6) over a finished
// deliberation sweep, and `--report` for its leak rates per party and model.
import type { Command } from 'commander';
import { llmSpecSchema, type LlmSpec } from '../../src-shared/participant';
import { KEY_ENV_VARS, KeyStore } from '../keys/key-store';
import { formatLeakReport, leakReport } from '../judge/report';
import {
  estimateJudge,
  JUDGE_PARSE_ATTEMPTS,
  runJudge,
  type JudgeProgress,
} from '../judge/run-judge';
import { judgeTargets } from '../judge/targets';
import { LlmRuntime } from '../providers/runtime';
import { registryResolver } from '../registry/registry';
import type { Store } from '../store/types';
import {
  CliError,
  EXIT_BAD_INPUT,
  EXIT_INCOMPLETE,
  openCliStore,
  parsePositiveInt,
} from './common';

interface JudgeFlags {
  model?: string;
  db?: string;
  report?: boolean;
  estimate?: boolean;
  budget?: string;
  concurrency?: string;
}

export function registerJudgeCommand(program: Command): void {
  program
    .command('judge')
    .description(
      "Ask a judge model, for every public answer of a sweep's finished deliberation games, whether it reveals the speaker's private scores (LEAKED / NOT LEAKED with a reason); or print the leak rates.",
    )
    .argument('<sweep>', 'sweep id, id prefix or name')
    .option('--model <id|json>', 'judge model: a registry id or an inline LLM spec as JSON')
    .option('--db <file>', 'database file (default: $PARLEY_DB or the user-data directory)')
    .option(
      '--report',
      'print the leak rates per party and model of the judged answers, run nothing',
    )
    .option('--estimate', 'print the calls and the cost bound, then stop without judging')
    .option('--budget <usd>', 'stop new judge calls before this run would spend more (USD)')
    .option('--concurrency <n>', 'judge calls in flight (default 8)')
    .addHelpText(
      'after',
      "\nThe judge sees the speaker's private scores and minimum and one public answer, and must\n" +
        'reply with LEAKED or NOT LEAKED on the first line and a one-line reason on the second; a\n' +
        `reply in another form is re-asked once (${JUDGE_PARSE_ATTEMPTS} replies at most), then stored as a parse failure\n` +
        "with the raw text. P1's fixed opening deal is not judged; games not finished are skipped.\n" +
        'Verdicts are stored per turn and judge; a re-run skips answers already judged, and calls go\n' +
        'through the response cache and the call ledger (phase "judge"), so they are costed in the\n' +
        "sweep's totals and a repeated request costs nothing.\n\n" +
        'The leak rates are reported here, by `parley judge <sweep> --report` (optionally with\n' +
        '--model to show one judge): leaked / (leaked + not leaked) per judge, party and speaking\n' +
        'model, parse failures counted beside it; the same rates are in `parley analyze <sweep>\n' +
        '--view leaks` (text, --csv, --json) and on the Results screen.\n\n' +
        'Exit codes: 0 every answer judged, 1 some answers left (budget, provider, interrupted),\n' +
        '2 bad input (unknown sweep or model).\n\n' +
        'Examples:\n' +
        '  parley judge my-sweep --model claude-sonnet-4 --estimate\n' +
        '  parley judge my-sweep --model \'{"id":"judge","kind":"llm","provider":"openai","model":"gpt-4o-mini"}\'\n' +
        '  parley judge my-sweep --report',
    )
    .action(async (ref: string, opts: JudgeFlags) => {
      const store = openCliStore(opts.db);
      try {
        await judgeCommand(store, ref, opts);
      } finally {
        store.close();
      }
    });
}

/** The judge model from `--model`: an inline JSON LLM spec, or a registry (or user) model id. */
export function resolveJudgeModel(store: Store, value: string): LlmSpec {
  if (value.trim().startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(value);
    } catch (err) {
      throw new CliError(`--model is not valid JSON: ${(err as Error).message}`, EXIT_BAD_INPUT);
    }
    const parsed = llmSpecSchema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .map((i) => `${i.path.length ? i.path.join('.') : 'model'}: ${i.message}`)
        .join('; ');
      throw new CliError(`--model: not an LLM spec: ${issues}`, EXIT_BAD_INPUT);
    }
    return parsed.data;
  }
  const spec = registryResolver(store)(value);
  if (!spec) {
    throw new CliError(
      `--model: no model "${value}" in the registry; see \`parley models list\`, add one with \`parley models add\`, or give an inline spec as JSON`,
      EXIT_BAD_INPUT,
    );
  }
  if (spec.kind !== 'llm')
    throw new CliError(`--model: "${value}" is a strategy, not an LLM`, EXIT_BAD_INPUT);
  return spec;
}

function parseBudget(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new CliError(`--budget must be a positive number of USD, got "${value}"`, EXIT_BAD_INPUT);
  return n;
}

async function judgeCommand(store: Store, ref: string, opts: JudgeFlags): Promise<void> {
  const sweep = store.findSweep(ref);
  if (!sweep) throw new CliError(`no sweep matches "${ref}"`, EXIT_BAD_INPUT);
  const spec = opts.model ? resolveJudgeModel(store, opts.model) : undefined;
  const out = process.stdout;
  if (opts.report) {
    out.write(formatLeakReport(leakReport(store, sweep.id, spec?.id)));
    return;
  }
  if (!spec) throw new CliError('--model is required (or use --report)', EXIT_BAD_INPUT);
  const budgetUsd = opts.budget ? parseBudget(opts.budget) : undefined;
  const concurrency = opts.concurrency ? parsePositiveInt(opts.concurrency, '--concurrency') : 8;

  const t = judgeTargets(store, sweep.id, spec.id);
  if (t.targets.length + t.alreadyJudged === 0 && t.unfinishedGames === 0) {
    throw new CliError(
      `sweep "${sweep.name}" has no finished deliberation games to judge` +
        (t.otherGames > 0 ? ` (its ${t.otherGames} games are of another kind)` : ''),
      EXIT_BAD_INPUT,
    );
  }
  const e = estimateJudge(store, spec, t.targets);
  const err = process.stderr;
  err.write(
    `Judge ${spec.id} (${spec.provider} ${spec.model}) on sweep "${sweep.name}" (${sweep.id}) in ${store.path}\n` +
      `  ${t.targets.length} answers to judge, ${t.alreadyJudged} already judged` +
      (t.unfinishedGames > 0 ? `, ${t.unfinishedGames} unfinished games skipped` : '') +
      '\n' +
      `  estimate: ${e.calls - e.cached} new calls (${e.cached} answered from the response cache), ` +
      (e.hasPrices
        ? `at most $${e.maxCostUsd.toFixed(4)} without re-asks`
        : 'cost unknown (the model has no prices)') +
      (budgetUsd !== undefined ? `; budget cap $${budgetUsd.toFixed(2)}` : '') +
      '\n',
  );
  if (opts.estimate || t.targets.length === 0) {
    if (!opts.estimate) err.write('Nothing to judge.\n');
    return;
  }

  const runtime = new LlmRuntime({
    store,
    keys: new KeyStore(),
    budgetUsd,
    maxParseAttempts: JUDGE_PARSE_ATTEMPTS,
    scheduler: { maxConcurrency: concurrency },
    onStatus: (c) =>
      err.write(`\nprovider ${c.provider}: ${c.status}${c.detail ? ` (${c.detail})` : ''}\n`),
  });
  const missing = await runtime.prepare([spec]);
  if (missing.length > 0) {
    runtime.dispose();
    throw new CliError(
      `no API key for ${spec.provider}: run \`parley keys set ${spec.provider}\` or set ${KEY_ENV_VARS[spec.provider][0]}. Nothing was judged.`,
    );
  }
  const abort = new AbortController();
  const onSignal = () => {
    err.write('\nStopping after the calls in flight...\n');
    abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const line = (p: JudgeProgress) =>
    `judged ${p.done}/${p.total}: ${p.leaked} leaked, ${p.notLeaked} not leaked, ${p.parseFailures} parse failures; $${p.costUsd.toFixed(4)}`;
  let result;
  try {
    result = await runJudge({
      store,
      runtime,
      spec,
      targets: t.targets,
      concurrency,
      signal: abort.signal,
      onProgress: (p) => {
        if (err.isTTY) err.write(`\r${line(p)}`);
      },
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    runtime.dispose();
  }
  err.write(`${err.isTTY ? '\r' : ''}${line(result)}\n`);
  if (result.stopped !== null) {
    throw new CliError(
      `${result.total - result.done} of ${result.total} answers not judged: ${result.stopped}\n` +
        'Run the same command again to continue (answers already judged are skipped).',
      EXIT_INCOMPLETE,
    );
  }
  out.write(`Leak rates: parley judge ${sweep.id.slice(0, 8)} --report --db ${store.path}\n`);
}

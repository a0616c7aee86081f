// `parley analyze`: per-cell aggregates, fits, order effects, variance, ranks and tokens of a
// sweep (the views run in analyze-run.ts).
import type { Command } from 'commander';
import { CI_METHODS } from '../analysis/cells';
import { STORED_METRIC_IDS } from '../../src-shared/metrics';
import { VIEWS, runAnalyze, type AnalyzeOptions } from './analyze-run';

export function registerAnalyzeCommand(program: Command): void {
  program
    .command('analyze')
    .description(
      'Aggregates of a sweep: per cell n, mean, SD and 95% bootstrap CI of any metric, grouped by any dimension; also fits, order effects, variance explained, ranks and tokens (--view).',
    )
    .argument('<sweep>', 'sweep id (or unique prefix) or name')
    .option('--metric <name>', 'metric column (see --view columns)', 'utility_focal')
    .option(
      '--by <dims>',
      'comma-separated grouping columns (default: focal_capability,competition_level)',
    )
    .option('--view <view>', `one of ${VIEWS.join(', ')}`, 'cells')
    .option(
      '--x <column>',
      'regressor of --view fits: focal_capability or capability_gap',
      'focal_capability',
    )
    .option(
      '--capability-axis <axis>',
      "'sweep' (stored scores), 'registry_order', or any score name, e.g. arena_elo",
      'sweep',
    )
    .option(
      '--filter <column=value>',
      'keep matching rows; repeatable; value may be a,b,c',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option('--extrapolate-to <x>', '--view fits: prediction band at this capability')
    .option(
      '--planned-n <n>',
      'flag cells with fewer games (default: runs x orders from the sweep)',
    )
    .option('--seed <n>', 'bootstrap seed', '1')
    .option(
      '--ci <method>',
      `interval of each cell: ${CI_METHODS.join(' or ')} (default: bootstrap; t for quick-heatmap)`,
    )
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .option('--db <file>', 'database file (default: $PARLEY_DB or the user-data directory)')
    .addHelpText(
      'after',
      '\nViews:\n' +
        '  cells          n, mean, SD, 95% bootstrap CI per group of --by (flags cells below the planned n)\n' +
        '  heatmap        the capability x competition grid of --metric, then its cells\n' +
        '  quick-heatmap  the same from SQL sums (--ci t) for very large sweeps; metrics:\n' +
        `                 ${STORED_METRIC_IDS.join(', ')}\n` +
        '  fits           metric ~ --x per competition level and pooled (slope, intercept, CIs, r, R^2),\n' +
        '                 the interaction model, and per baseline group when the baseline varies\n' +
        '  order          weak_first - strong_first paired by cell and seed, overall and per --by\n' +
        '  variance       R^2 of developer, family and numeric focal scores, alone and together\n' +
        '  rank           n > 2: utility by capability rank; do the weaker agents together win?\n' +
        '  tokens         token usage and cost per model and phase\n' +
        '  leaks          deliberation: score-leak rate per judge and party and per judge and model\n' +
        '                 (the verdicts of `parley judge <sweep> --model M`)\n' +
        '  columns        list the metric and dimension columns\n\n' +
        'Examples:\n' +
        '  parley analyze dc74 --db out/demo/parley.db   (the demo sweep by id prefix; see `parley status`)\n' +
        '  parley analyze <sweep> --metric round --by focal_capability --filter deal=1\n' +
        '  parley analyze <sweep> --view fits --metric utility_share_focal --extrapolate-to 1\n' +
        '  parley analyze <sweep> --view order --metric utility_focal --csv > order.csv',
    )
    .action((ref: string, opts: AnalyzeOptions) => runAnalyze(ref, opts));
}

// `parley fit`: a scaling-law line from any CSV.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { formatFitTable, runFit } from '../analysis/fit-command';
import { CliError, EXIT_BAD_INPUT } from './common';
import { parseNumberOption } from './sweep-args';

export function registerFitCommand(program: Command): void {
  program
    .command('fit')
    .description(
      'Fit a scaling-law line y = a + b x by least squares to any CSV: slope and intercept with CIs, Pearson r, R^2, n, per group and pooled.',
    )
    .requiredOption('--csv <file>', 'CSV with a header row (e.g. results.csv from `parley export`)')
    .requiredOption('--x <column>', 'regressor, e.g. focal_capability')
    .requiredOption('--y <column>', 'response, e.g. utility_focal')
    .option('--group <column>', 'one line per value of this column, e.g. competition_level')
    .option('--weights <column>', 'positive analytic weights, e.g. games per cell')
    .option(
      '--extrapolate-to <x>',
      'also report the fitted y and its 95% prediction band at this x',
    )
    .option('--level <p>', 'coverage of every interval', '0.95')
    .option('--json', 'print the fits as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  parley fit --csv out/demo/results.csv --x focal_capability --y utility_focal --group competition_level\n' +
        '  parley fit --csv cells.csv --x elo --y share --weights n --extrapolate-to 1400 --json\n\n' +
        'Rows with an empty x, y or weight are skipped and reported; a non-numeric value is an error\n' +
        'naming its line and column. Intervals are t intervals with n - 2 degrees of freedom.',
    )
    .action(
      (opts: {
        csv: string;
        x: string;
        y: string;
        group?: string;
        weights?: string;
        extrapolateTo?: string;
        level: string;
        json?: boolean;
      }) => {
        let csvText: string;
        try {
          csvText = readFileSync(resolve(opts.csv), 'utf8');
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          throw new CliError(
            code === 'ENOENT'
              ? `file not found: ${opts.csv}`
              : `cannot read ${opts.csv}: ${String(err)}`,
            EXIT_BAD_INPUT,
          );
        }
        let result;
        try {
          result = runFit({
            csvText,
            x: opts.x,
            y: opts.y,
            group: opts.group,
            weights: opts.weights,
            extrapolateTo: parseNumberOption(opts.extrapolateTo, '--extrapolate-to'),
            level: parseNumberOption(opts.level, '--level'),
          });
        } catch (err) {
          if (err instanceof CliError) throw err;
          throw new CliError(`${opts.csv}: ${(err as Error).message}`, EXIT_BAD_INPUT);
        }
        process.stdout.write(
          opts.json ? `${JSON.stringify(result, null, 2)}\n` : formatFitTable(result),
        );
      },
    );
}

// `parley figures`: every figure of a paper from one spec file.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { validateFigureSpec } from '../figures/figure-spec';
import { figureCreatedAt, renderFigureSpec } from '../figures/render-spec';
import { loadRegistry } from '../registry/registry';
import { CliError, EXIT_BAD_INPUT, openCliStore, readJsonFile } from './common';
import { sweepId } from './sweep-args';

/** The version in package.json, recorded in every figure's provenance. */
export function parleyVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export function registerFiguresCommand(program: Command): void {
  program
    .command('figures')
    .description(
      'Render every figure of a figure spec (heatmap, curves, scaling, table; concession and matchup for two-party games) to --out: vector PDF with embedded fonts, SVG, 300 dpi PNG, CSV/LaTeX tables, each with a provenance sidecar.',
    )
    .argument('<spec.json>', 'figure spec (see resources/examples/figures.json)')
    .requiredOption('--out <dir>', 'output folder')
    .option('--db <file>', 'database file (default: $PARLEY_DB or the user-data directory)')
    .addHelpText(
      'after',
      '\nA spec lists figures; each names its type, sweeps, metric and axes:\n' +
        '  {"defaults": {"sweeps": ["<sweep id, prefix or name>"], "formats": ["pdf", "png"]},\n' +
        '   "figures": [{"id": "fig1", "type": "heatmap", "metric": "utility_focal",\n' +
        '                "x": "competition_level", "y": "focal_capability", "width": "full"}]}\n' +
        'Types: heatmap (x, y, palette viridis|cividis, digits), curves (x, series), scaling (x, group,\n' +
        'points cells|games, extrapolateTo), table (metrics, by; formats csv|tex).\n' +
        'Common fields: sweeps, filters {column: value | [values] | {min, max}}, capabilityAxis,\n' +
        'width column (3.25 in) | full (6.75 in), height (in), formats pdf|svg|png, labels {x, y, value}.\n' +
        'SOURCE_DATE_EPOCH, when set, fixes the time written into the files (reproducible PDFs).',
    )
    .action(async (file: string, opts: { out: string; db?: string }) => {
      const v = validateFigureSpec(readJsonFile(file));
      if (!v.ok)
        throw new CliError(
          `${file}: the figure spec has ${v.issues.length} problem(s); nothing was drawn:\n${v.issues.map((i) => `  - ${i}`).join('\n')}`,
          EXIT_BAD_INPUT,
        );
      const createdAt = figureCreatedAt();
      const store = openCliStore(opts.db);
      try {
        const rendered = await renderFigureSpec(
          v.spec,
          {
            store,
            registry: loadRegistry(store),
            resolveSweep: (ref) => sweepId(store, ref, opts.db),
            parleyVersion: parleyVersion(),
            createdAt,
          },
          resolve(opts.out),
        ).catch((err: unknown) => {
          if (err instanceof CliError) throw err;
          throw new CliError(
            `${file}: ${err instanceof Error ? err.message : String(err)}`,
            EXIT_BAD_INPUT,
          );
        });
        for (const r of rendered) {
          process.stdout.write(
            `${r.id} (${r.type}, ${r.rows} games): ${r.files.filter((f) => !f.endsWith('.json') || r.type === 'table').join(', ')}\n`,
          );
          for (const w of r.warnings) process.stderr.write(`warning: ${r.id}: ${w}\n`);
          for (const n of r.notes) process.stderr.write(`note: ${r.id}: ${n}\n`);
        }
      } finally {
        store.close();
      }
    });
}

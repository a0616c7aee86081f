// Figure export from the results view: the heatmap, the curves or the cell table of one sweep,
// drawn by the renderer of `parley figures` (same spec schema, same code, same provenance) into a
// fresh temporary folder, read back and returned as one file.
import type { JsonValue } from '../../src-shared/contract';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExportFigureResult, ExportFormat, ParsedArgs } from '../../src-shared/contract';
import { EXPORT_MAX_BYTES } from '../../src-shared/contract';
import { pickLevels } from '../../src-shared/levels';
import { validateFigureSpec, type FigureEntry, type FigureSpec } from '../figures/figure-spec';
import { loadRegistry } from '../registry/registry';
import type { Store } from '../store/types';
import type { HandlerTable } from './handler-table';
import { HostError } from './handler-table';
import { sweepBargainFigures } from '../analysis/bargain-view';
import { capabilityMetricsOf, GRID_BY } from '../analysis/sweep-grid';
import { metricDigits } from '../../src-shared/metrics';
import type { HostDeps } from './types';
import { specFields } from './views';

type ExportArgs = ParsedArgs<'results:exportFigure'>;

export const EXPORT_MIME: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  svg: 'image/svg+xml',
  png: 'image/png',
  csv: 'text/csv',
  tex: 'application/x-tex',
};

const BINARY: ReadonlySet<ExportFormat> = new Set(['pdf', 'png']);

/** A file-name stem from a sweep name: letters, digits, . _ - only, starting with a letter or digit, at most 40 characters cut at a word. */
export function slug(name: string, fallback: string): string {
  let s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._]+/g, '-')
    .replace(/^[^a-z0-9]+|[-.]+$/g, '');
  if (s.length > 40) {
    s = s.slice(0, 41);
    const cut = s.lastIndexOf('-');
    s = (cut >= 20 ? s.slice(0, cut) : s.slice(0, 40)).replace(/[-.]+$/, '');
  }
  return s || fallback;
}

/**
 * The one-figure spec that draws what the results view shows: the heatmap with capability across
 * and competition up, the curves with one line per (picked) competition level, or the table of
 * cells. `parley figures` renders this spec to the same file.
 */
export function exportSpec(store: Store, args: ExportArgs): FigureSpec {
  const { sweepId, figure, metric, capabilityMetric, format, width, opponent } = args;
  const sweep = store.getSweep(sweepId);
  if (!sweep)
    throw new HostError(`no sweep with id "${sweepId}"`, [
      { path: 'sweepId', message: 'unknown sweep' },
    ]);
  const own = specFields(sweep.spec).capabilityMetric;
  if (capabilityMetric !== undefined && capabilityMetric !== own) {
    const known = capabilityMetricsOf(store.sweepLineups({ sweepId }), own);
    if (!known.includes(capabilityMetric)) {
      throw new HostError(
        `the sweep's participants have no score "${capabilityMetric}"; known: ${known.join(', ')}`,
        [
          {
            path: 'capabilityMetric',
            message: `unknown capability metric; use one of ${known.join(', ')}`,
          },
        ],
      );
    }
  }
  if (store.countGamesByStatus(sweepId).finished === 0) {
    throw new HostError(`sweep "${sweep.name}" has no finished games yet: nothing to export`, [
      { path: 'sweepId', message: 'no finished games' },
    ]);
  }
  const column = metric;
  // The sweep's own metric is the figure spec's 'sweep' axis (the scores stored with the games).
  // Every default is written out, so the provenance's figure is exactly this spec, re-parsed or not.
  const capabilityAxis =
    capabilityMetric === undefined || capabilityMetric === own ? 'sweep' : capabilityMetric;
  const stem = slug(sweep.name, sweepId.slice(0, 12));
  const id = figure === 'concession' ? `${stem}-concession` : `${stem}-${figure}-${metric}`;
  const common = { id, sweeps: [sweepId], seed: 1, capabilityAxis };
  let entry: Record<string, unknown>;
  if (figure === 'concession' || figure === 'matchup') {
    entry = {
      ...common,
      type: figure,
      width,
      formats: [format],
      ...(figure === 'concession'
        ? opponent
          ? { opponent }
          : {}
        : { metric: column, digits: metricDigits(column) }),
    };
  } else if (figure === 'table') {
    entry = {
      ...common,
      type: 'table',
      metrics: [column],
      by: ['focal_capability', 'focal_id', 'competition_level'],
      // A capability x level matrix in LaTeX (the CSV keeps one row per cell).
      pivot: 'competition_level',
      // Seeded as the results screen's cells, so the table has the intervals on screen.
      seedBy: [...GRID_BY],
      formats: [format],
      digits: metricDigits(column),
    };
  } else if (figure === 'heatmap') {
    entry = {
      ...common,
      type: 'heatmap',
      metric: column,
      x: 'focal_capability',
      y: 'competition_level',
      width,
      formats: [format],
      digits: metricDigits(column),
    };
  } else {
    // The levels of the results view's grid (every game's, as results:grid has them).
    const seen = new Set<number>();
    for (const g of store.iterateCellGames({ sweepId })) seen.add(g.competitionLevel);
    const levels = [...seen].sort((a, b) => a - b);
    const picked = pickLevels(levels);
    entry = {
      ...common,
      type: 'curves',
      metric: column,
      x: 'focal_capability',
      series: 'competition_level',
      width,
      formats: [format],
      ...(picked.length < levels.length ? { filters: { competition_level: picked } } : {}),
    };
  }
  const v = validateFigureSpec({ figures: [entry] });
  if (!v.ok) throw new HostError(`cannot build the figure spec: ${v.issues.join('; ')}`);
  return v.spec;
}

/** Render `spec`'s one figure as the CLI would, in a temporary folder, and return its file. */
export async function exportFigureFile(
  store: Store,
  spec: FigureSpec,
  format: ExportFormat,
  options: { parleyVersion: string; createdAt?: string },
): Promise<ExportFigureResult> {
  // Loaded on the first export: the PDF and PNG writers are not needed to start the host.
  const { figureCreatedAt, renderFigure, withDefaults } = await import('../figures/render-spec');
  const entry: FigureEntry = withDefaults(spec, spec.figures[0]);
  const dir = mkdtempSync(join(tmpdir(), 'parley-export-'));
  try {
    let notes: string[];
    try {
      ({ notes } = await renderFigure(
        entry,
        {
          store,
          registry: loadRegistry(store),
          resolveSweep: (ref) => {
            const sweep = store.findSweep(ref);
            if (!sweep)
              throw new HostError(`no sweep matches "${ref}"`, [
                { path: 'sweepId', message: 'unknown sweep' },
              ]);
            return sweep.id;
          },
          parleyVersion: options.parleyVersion,
          createdAt: options.createdAt ?? figureCreatedAt(),
        },
        dir,
      ));
    } catch (err) {
      if (err instanceof HostError) throw err;
      throw new HostError(
        `the ${entry.type} could not be drawn: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    const fileName = `${entry.id}.${format}`;
    const bytes = readFileSync(join(dir, fileName));
    if (bytes.length > EXPORT_MAX_BYTES) {
      const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      throw new HostError(
        `the ${format} file is ${mb(bytes.length)}, over the ${mb(EXPORT_MAX_BYTES)} an export from the app may be; render it with \`parley figures\` instead`,
        [{ path: 'format', message: `the file is over ${mb(EXPORT_MAX_BYTES)}` }],
      );
    }
    // Figures write <file>.json beside each file, tables one <id>.json for both formats.
    const sidecar =
      entry.type === 'table' ? join(dir, `${entry.id}.json`) : join(dir, `${fileName}.json`);
    const provenance = JSON.parse(readFileSync(sidecar, 'utf8')) as Record<string, JsonValue>;
    const binary = BINARY.has(format);
    return {
      fileName,
      mime: EXPORT_MIME[format],
      encoding: binary ? 'base64' : 'utf8',
      content: binary ? bytes.toString('base64') : bytes.toString('utf8'),
      provenance,
      notes,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function registerFigureHandlers(
  table: HandlerTable,
  deps: Pick<HostDeps, 'store' | 'version'>,
): void {
  table.register('results:exportFigure', (args) =>
    exportFigureFile(deps.store, exportSpec(deps.store, args), args.format, {
      parleyVersion: deps.version ?? '0.0.0',
    }),
  );
  table.register('results:bargainFigures', ({ sweepId, opponent }) => {
    if (!deps.store.getSweep(sweepId))
      throw new HostError(`no sweep with id "${sweepId}"`, [
        { path: 'sweepId', message: 'unknown sweep' },
      ]);
    try {
      return sweepBargainFigures(deps.store, sweepId, opponent ? { opponent } : {});
    } catch (err) {
      throw new HostError(
        err instanceof Error ? err.message : String(err),
        opponent ? [{ path: 'opponent', message: 'not an opponent of the sweep' }] : undefined,
      );
    }
  });
}

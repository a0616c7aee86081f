// Renders every figure of a figure spec from the store: heatmaps, flattened curves with CIs,
// scaling-law fits and tables, each written in the requested formats with its provenance.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareValues } from '../analysis/cells';
import { fitLinear } from '../analysis/regression';
import type { RegistryModel } from '../registry/registry';
import type { Store } from '../store/types';
import { bargainFigureSvg } from './bargain-svg';
import { exportFigure, svgSize, type Provenance } from './export';
import { collectFigures, type FigureData, type FigureSource } from './figure-data';
import type { FigureEntry, FigureSpec } from './figure-spec';
import { droppedValuesNote, renderHeatmapSvg } from './heatmap';
import { asCategory, figureLabels, type FigureLabels } from './labels';
import { sharedIncentiveAxis } from '../sweeps/incentive-cells';
import { PT_PER_INCH } from './layout';
import { renderLinesSvg } from './lines';
import { renderScatterFitSvg } from './scatter-fit';
import { tableFiles } from './table-figure';

export interface RenderContext {
  store: Store;
  registry: readonly RegistryModel[];
  /** Resolves a sweep reference (id, prefix or name) to its id; throws naming the reference. */
  resolveSweep: (ref: string) => string;
  parleyVersion: string;
  /** ISO time written into every file's provenance. */
  createdAt: string;
}

export interface RenderedFigure {
  id: string;
  type: FigureEntry['type'];
  files: string[];
  rows: number;
  warnings: string[];
  /** What the figure leaves out and why (e.g. cell values too small to print at this width). */
  notes: string[];
}

function requireColumn(data: FigureData, column: string, field: string): void {
  const { columns, arrays } = data.columns;
  if (data.rows > 0 && !columns.has(column)) {
    const listed = [...columns].filter((c) => !arrays.has(c)).sort();
    throw new Error(`${field}: column "${column}" not found; columns: ${listed.join(', ')}`);
  }
}

function heatmapSvg(
  f: Extract<FigureEntry, { type: 'heatmap' }>,
  data: FigureData,
  labels: FigureLabels,
): { svg: string; notes: string[] } {
  const computed = data.cells[0]();
  const xValues = [...new Set(computed.map((c) => c.key[f.x]))].sort(compareValues);
  const yValues = [...new Set(computed.map((c) => c.key[f.y]))].sort(compareValues);
  const cells = yValues.flatMap((y) =>
    xValues.map((x) => {
      const c = computed.find((cell) => cell.key[f.x] === x && cell.key[f.y] === y);
      return {
        x: labels.value(f.x, asCategory(x)),
        y: labels.value(f.y, asCategory(y)),
        mean: c?.mean ?? null,
        n: c?.n ?? 0,
        ciLow: c?.ciLow,
        ciHigh: c?.ciHigh,
      };
    }),
  );
  const grid = {
    title: f.title,
    xLabel: f.labels?.x ?? labels.column(f.x),
    yLabel: f.labels?.y ?? labels.column(f.y),
    valueLabel: f.labels?.value ?? labels.column(f.metric),
    xValues: xValues.map((v) => labels.value(f.x, asCategory(v))),
    yValues: yValues.map((v) => labels.value(f.y, asCategory(v))),
    cells,
  };
  const opts = {
    width: f.width ?? 'column',
    height: f.height ? f.height * PT_PER_INCH : undefined,
    palette: f.palette,
    digits: f.digits,
    annotate: f.annotate,
  };
  const note = droppedValuesNote(grid, opts);
  return { svg: renderHeatmapSvg(grid, opts), notes: note ? [note] : [] };
}

function curvesSvg(
  f: Extract<FigureEntry, { type: 'curves' }>,
  data: FigureData,
  labels: FigureLabels,
): string {
  const groups = data.cells[0]();
  const seriesValues = f.series ? [...new Set(groups.map((g) => g.key[f.series!]))] : [null];
  const seriesLabel = f.series ? (f.labels?.series ?? labels.column(f.series)) : undefined;
  const valueText = (v: unknown) => {
    const shown = f.series ? labels.value(f.series, asCategory(v)) : v;
    return typeof shown === 'number' ? String(Number(shown.toPrecision(6))) : String(shown);
  };
  return renderLinesSvg(
    {
      title: f.title,
      xLabel: f.labels?.x ?? labels.column(f.x),
      yLabel: f.labels?.y ?? labels.column(f.metric),
      ...(f.labels?.y ? {} : { yNote: 'mean and 95% CI' }),
      ...(seriesLabel ? { legendTitle: seriesLabel } : {}),
      series: seriesValues.map((sv) => ({
        name: seriesLabel ? `${seriesLabel} = ${valueText(sv)}` : labels.column(f.metric),
        shortName: valueText(sv),
        points: groups
          .filter((g) => !f.series || g.key[f.series] === sv)
          .map((g) => ({
            x: labels.value(f.x, asCategory(g.key[f.x])),
            mean: g.mean,
            ciLow: g.ciLow,
            ciHigh: g.ciHigh,
            n: g.n,
          })),
      })),
    },
    { width: f.width ?? 'column', height: f.height ? f.height * PT_PER_INCH : undefined },
  );
}

function scalingSvg(
  f: Extract<FigureEntry, { type: 'scaling' }>,
  data: FigureData,
  labels: FigureLabels,
): string {
  const { xs, ys, groups, groupValues } = data.scaling!;
  if (xs.length < 3)
    throw new Error(
      `${f.id}: ${xs.length} rows have both "${f.x}" and "${f.metric}"; a fit needs 3`,
    );
  const px = Array.from(xs);
  const py = Array.from(ys);
  const fit = fitLinear(px, py);
  let lo = f.extrapolateTo ?? Infinity;
  let hi = f.extrapolateTo ?? -Infinity;
  for (const x of px) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  const band = Array.from({ length: 41 }, (_, k) => lo + ((hi - lo) * k) / 40).map((x) => {
    const [bandLo, bandHi] = fitLinear(px, py, { extrapolateTo: x }).extrapolation!.confidenceBand;
    return { x, lo: bandLo, hi: bandHi };
  });
  const groupName = (v: unknown) => {
    if (!f.group) return 'Games';
    const shown = labels.value(f.group, asCategory(v));
    return `${labels.column(f.group)} = ${typeof shown === 'number' ? Number(shown.toPrecision(6)) : shown}`;
  };
  const names = groupValues.map(groupName);
  const points =
    f.points === 'games'
      ? px.map((x, i) => ({ x, y: py[i], group: names[groups[i]] }))
      : data.cells[0]().flatMap((g) =>
          typeof g.key[f.x] === 'number' && g.mean !== null
            ? [
                {
                  x: g.key[f.x] as number,
                  y: g.mean,
                  group: groupName(f.group ? g.key[f.group] : null),
                },
              ]
            : [],
        );
  const sign = fit.slope < 0 ? '-' : '+';
  return renderScatterFitSvg(
    {
      title: f.title,
      xLabel: f.labels?.x ?? labels.column(f.x),
      yLabel: f.labels?.y ?? labels.column(f.metric),
      points,
      fit: { slope: fit.slope, intercept: fit.intercept, band },
      fitLabel: `OLS fit: y = ${fit.intercept.toFixed(2)} ${sign} ${Math.abs(fit.slope).toFixed(2)}x, R² = ${fit.r2.toFixed(2)}, n = ${fit.n}`,
      bandLabel: '95% CI of the fitted mean',
    },
    { width: f.width ?? 'column', height: f.height ? f.height * PT_PER_INCH : undefined },
  );
}

/** The figure with the spec's defaults filled in (what the provenance records). */
export function withDefaults(spec: FigureSpec, f: FigureEntry): FigureEntry {
  const d = spec.defaults;
  const filters = { ...d.filters, ...f.filters };
  const base = {
    ...f,
    sweeps: f.sweeps ?? d.sweeps,
    capabilityAxis: f.capabilityAxis ?? d.capabilityAxis ?? 'sweep',
    seed: f.seed ?? d.seed ?? 1,
    ...(Object.keys(filters).length ? { filters } : {}),
  };
  if (base.type === 'table') return { ...base, formats: base.formats ?? ['csv', 'tex'] };
  return {
    ...base,
    width: base.width ?? d.width ?? 'column',
    formats: base.formats ?? d.formats ?? ['pdf', 'png', 'svg'],
  };
}

/**
 * The time written into a figure's provenance (and its PDF dates): SOURCE_DATE_EPOCH when set,
 * so files are reproducible, else now. `parley figures` and the UI's export both use it.
 */
export function figureCreatedAt(
  env: NodeJS.ProcessEnv = process.env,
  now: Date = new Date(),
): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch)
    ? new Date(Number(epoch) * 1000).toISOString()
    : now.toISOString();
}

/** The sweeps and capability axis a figure (defaults applied) reads. */
function sourceOf(entry: FigureEntry, ctx: RenderContext): FigureSource {
  return {
    sweepIds: [...new Set((entry.sweeps ?? []).map(ctx.resolveSweep))],
    axis: entry.capabilityAxis ?? 'sweep',
  };
}

/**
 * Render one figure (defaults already applied) into `outDir`, from `data` when its pass has
 * been made (renderFigureSpec), else from a pass of its own.
 */
export async function renderFigure(
  entry: FigureEntry,
  ctx: RenderContext,
  outDir: string,
  data?: FigureData,
): Promise<RenderedFigure> {
  const { sweepIds, axis } = sourceOf(entry, ctx);
  data ??= collectFigures(ctx.store, ctx.registry, { sweepIds, axis }, [entry])[0];
  if (data.filterError) throw data.filterError.thrown;
  const labels = figureLabels(
    axis,
    sharedIncentiveAxis(sweepIds.map((id) => ctx.store.getSweep(id)?.spec)),
  );
  if (data.rows === 0) throw new Error(`${entry.id}: no finished games left after the filters`);
  const columns =
    entry.type === 'table'
      ? [...entry.by, ...entry.metrics]
      : entry.type === 'concession'
        ? []
        : entry.type === 'matchup'
          ? [entry.metric]
          : [entry.metric, entry.x, ...(entry.type === 'heatmap' ? [entry.y] : [])];
  for (const c of columns) requireColumn(data, c, entry.id);
  if (data.error) throw data.error.thrown;
  const provenance: Provenance = {
    sweepIds,
    query: { figure: entry, rows: data.rows, unfinishedGamesExcluded: data.unfinished },
    parleyVersion: ctx.parleyVersion,
    createdAt: ctx.createdAt,
  };
  mkdirSync(outDir, { recursive: true });
  if (entry.type === 'table') {
    const { csv, tex } = tableFiles(entry, data, labels);
    const files: string[] = [];
    for (const format of entry.formats ?? ['csv', 'tex']) {
      const path = join(outDir, `${entry.id}.${format}`);
      writeFileSync(
        path,
        format === 'csv'
          ? csv
          : `% Parley ${ctx.parleyVersion}, sweeps ${sweepIds.join(', ')}, ${ctx.createdAt}\n${tex}`,
      );
      files.push(path);
    }
    const sidecar = join(outDir, `${entry.id}.json`);
    writeFileSync(sidecar, JSON.stringify(provenance, null, 2) + '\n');
    return {
      id: entry.id,
      type: entry.type,
      files: [...files, sidecar],
      rows: data.rows,
      warnings: [],
      notes: [],
    };
  }
  const { svg, notes } =
    entry.type === 'heatmap'
      ? heatmapSvg(entry, data, labels)
      : {
          svg:
            entry.type === 'concession' || entry.type === 'matchup'
              ? bargainFigureSvg(entry, data.bargain!, axis)
              : entry.type === 'curves'
                ? curvesSvg(entry, data, labels)
                : scalingSvg(entry, data, labels),
          notes: [],
        };
  const size = svgSize(svg);
  const files: string[] = [];
  const warnings: string[] = [];
  for (const format of entry.formats ?? ['pdf', 'png', 'svg']) {
    const result = await exportFigure(svg, {
      format,
      widthIn: size.width / PT_PER_INCH,
      heightIn: size.height / PT_PER_INCH,
      outPath: join(outDir, `${entry.id}.${format}`),
      provenance,
      title: entry.title ?? `${entry.id}: ${labels.column(entry.metric)}`,
    });
    files.push(result.figurePath, result.sidecarPath);
    warnings.push(...result.warnings);
  }
  return { id: entry.id, type: entry.type, files, rows: data.rows, warnings, notes };
}

/**
 * Render every figure of the spec, in order. Figures of the same sweeps and capability axis
 * are gathered in one pass over their games, made when the first of them is drawn.
 */
export async function renderFigureSpec(
  spec: FigureSpec,
  ctx: RenderContext,
  outDir: string,
): Promise<RenderedFigure[]> {
  const entries = spec.figures.map((f) => withDefaults(spec, f));
  const gathered = new Map<number, FigureData>();
  const out: RenderedFigure[] = [];
  for (const [i, entry] of entries.entries()) {
    if (!gathered.has(i)) {
      // This figure and every later one of the same source (a later figure whose sweep does
      // not resolve fails at its own turn, after the figures before it are written).
      const source = sourceOf(entry, ctx);
      const key = JSON.stringify(source);
      const same = entries.flatMap((e, j) => {
        if (j < i || gathered.has(j)) return [];
        try {
          return j === i || JSON.stringify(sourceOf(e, ctx)) === key ? [j] : [];
        } catch {
          return [];
        }
      });
      const data = collectFigures(
        ctx.store,
        ctx.registry,
        source,
        same.map((j) => entries[j]),
      );
      same.forEach((j, k) => gathered.set(j, data[k]));
    }
    out.push(await renderFigure(entry, ctx, outDir, gathered.get(i)));
    gathered.delete(i);
  }
  return out;
}

// The two-party games' figures as paper SVGs: concession curves (lines.ts) and the matchup grid
// (heatmap.ts), from the data of analysis/bargain-figures.ts.
import {
  ConcessionCollector,
  MatchupCollector,
  demandLabel,
  type ConcessionCurves,
  type MatchupGrid,
} from '../analysis/bargain-figures';
import type { FigureEntry } from './figure-spec';
import { heatmapLayout, renderHeatmapSvg } from './heatmap';
import { columnLabel } from './labels';
import { PT_PER_INCH } from './layout';
import { renderLinesSvg } from './lines';

type ConcessionEntry = Extract<FigureEntry, { type: 'concession' }>;
type MatchupEntry = Extract<FigureEntry, { type: 'matchup' }>;

export function concessionSvgOf(data: ConcessionCurves, f: ConcessionEntry): string {
  return renderLinesSvg(
    {
      title: f.title,
      xLabel: f.labels?.x ?? `Turn (against ${data.opponent})`,
      yLabel: f.labels?.y ?? demandLabel(data.kind),
      series: data.series.map((s) => ({
        name: s.id,
        points: s.points.map((p) => ({ x: p.turn, ...p })),
      })),
    },
    {
      width: f.width ?? 'column',
      height: f.height ? f.height * PT_PER_INCH : undefined,
      xMin: 0,
      yMin: 0,
    },
  );
}

/** "80% deals", or "80%" where that does not fit a cell (no decimals: a pairing has few games). */
const dealNote = (rate: number, long: boolean) =>
  `${Math.round(rate * 100)}%${long ? ' deals' : ''}`;

export function matchupSvgOf(data: MatchupGrid, f: MatchupEntry, axis: string): string {
  const [first, second] = data.roles;
  const at = new Map(data.cells.map((c) => [JSON.stringify([c.row, c.col]), c]));
  const cellsWith = (long: boolean) =>
    data.rows.flatMap((row) =>
      data.cols.map((col) => {
        const c = at.get(JSON.stringify([row, col]));
        return {
          x: col,
          y: row,
          mean: c?.value?.mean ?? null,
          n: c?.value?.n ?? 0,
          ciLow: c?.value?.ciLow,
          ciHigh: c?.value?.ciHigh,
          ...(c && f.metric !== 'deal' ? { note: dealNote(c.dealRate, long) } : {}),
        };
      }),
    );
  const heatmap = (long: boolean) => ({
    title: f.title,
    xLabel: f.labels?.x ?? (f.metric === 'deal' ? second : `${second} (cells: mean, % deals)`),
    yLabel: f.labels?.y ?? first,
    valueLabel: f.labels?.value ?? columnLabel(f.metric, axis),
    xValues: data.cols,
    yValues: data.rows,
    cells: cellsWith(long),
  });
  const opts = {
    width: f.width ?? 'column',
    height: f.height ? f.height * PT_PER_INCH : undefined,
    palette: f.palette,
    digits: f.digits,
    annotate: f.annotate,
  } as const;
  const long = heatmapLayout(heatmap(true), opts).annotationSize !== null;
  return renderHeatmapSvg(heatmap(long), opts);
}

/** The SVG of a concession or matchup figure from the collector its rows were streamed into. */
export function bargainFigureSvg(
  f: ConcessionEntry | MatchupEntry,
  collected: ConcessionCollector | MatchupCollector,
  axis: string,
): string {
  if (f.type === 'concession' && collected instanceof ConcessionCollector)
    return concessionSvgOf(collected.result(), f);
  if (f.type === 'matchup' && collected instanceof MatchupCollector)
    return matchupSvgOf(collected.result(), f, axis);
  throw new Error(`${f.id}: no ${f.type} data was gathered`);
}

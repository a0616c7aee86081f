// Where a heatmap's plot, colour bar, ticks and axis names go for its data at a figure width
// (all in pt), and the heatmap's data and option types. heatmap.ts draws it.
import {
  FONT_PT,
  LINE_HEIGHT,
  formatCategory,
  resolveWidth,
  textWidth,
  wrapText,
  type FigureWidth,
} from './layout';
import { colorBarTicks, formatBarTick } from './heatmap-scale';
import type { SequentialPalette } from './palettes';

export interface HeatmapCell {
  x: number | string;
  y: number | string;
  mean: number | null;
  n: number;
  ciLow?: number | null;
  ciHigh?: number | null;
  /** A second annotation line (e.g. "80% deals"); shown alone in a cell without a mean. */
  note?: string;
}

export interface HeatmapData {
  title?: string;
  xLabel: string;
  yLabel: string;
  valueLabel: string;
  xValues: (number | string)[];
  yValues: (number | string)[];
  cells: HeatmapCell[];
  /** Colour scale limits; default to the range of the cell means. */
  min?: number;
  max?: number;
}

export interface HeatmapOptions {
  /** 'column' = 3.25 in (234 pt), 'full' = 6.75 in (486 pt), or a width in pt. */
  width: FigureWidth;
  /** Height in pt; by default chosen so cells come out close to square. */
  height?: number;
  palette?: SequentialPalette;
  annotate?: boolean;
  digits?: number;
  fontFamily?: string;
}

interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface HeatmapLayout {
  width: number;
  height: number;
  plot: Rect;
  colorBar: Rect;
  isXRotated: boolean;
  xTickHeight: number;
  yTickWidth: number;
  colorBarTickWidth: number;
  /** Axis names, wrapped with '\n' to fit along their axis. */
  names: { x: string; y: string; value: string };
  /** Font size of the cell annotations, or null when they do not fit at 7 pt or more. */
  annotationSize: number | null;
}

export const PAD = 4;
const BAR_GAP = 8;
const BAR_WIDTH = 8;
export const TICK_LEN = 3;
export const LABEL_MARGIN = 4;

export function valueRange(data: HeatmapData): [number, number] {
  const means = data.cells.flatMap((c) => (c.mean === null ? [] : [c.mean]));
  const lo = data.min ?? (means.length ? Math.min(...means) : 0);
  const hi = data.max ?? (means.length ? Math.max(...means) : 1);
  return hi > lo ? [lo, hi] : [lo - 0.5, lo + 0.5];
}

interface NameLines {
  x: number;
  y: number;
  value: number;
}

function computeLayout(
  data: HeatmapData,
  opts: HeatmapOptions,
  lines: NameLines,
): Omit<HeatmapLayout, 'names'> {
  const width = resolveWidth(opts.width);
  const digits = opts.digits ?? 2;
  const [lo, hi] = valueRange(data);
  const extra = (count: number): number => (count - 1) * FONT_PT.axisName * LINE_HEIGHT;
  const yTickW = widest(data.yValues.map(formatCategory), FONT_PT.tick);
  const xTickW = widest(data.xValues.map(formatCategory), FONT_PT.tick);
  const barTickW = widest(colorBarTicks(lo, hi).map(formatBarTick), FONT_PT.tick);

  const left = PAD + FONT_PT.axisName + extra(lines.y) + 6 + yTickW + LABEL_MARGIN;
  const right =
    BAR_GAP + BAR_WIDTH + TICK_LEN + 3 + barTickW + 6 + FONT_PT.axisName + extra(lines.value) + PAD;
  const top = data.title ? PAD + FONT_PT.title + 10 : PAD + 6;
  const plotW = width - left - right;
  const cellW = plotW / Math.max(1, data.xValues.length);
  const isXRotated = xTickW > cellW - 2;
  const xTickH = isXRotated ? (xTickW + FONT_PT.tick) * Math.SQRT1_2 : FONT_PT.tick;
  const bottom = LABEL_MARGIN + xTickH + 5 + FONT_PT.axisName + extra(lines.x) + PAD;
  const squarePlotH = cellW * Math.max(1, data.yValues.length) * 0.8;
  // A single column can afford square-ish plots; full width keeps the figure under ~4 in tall.
  const maxAspect = width < 300 ? 1 : 0.6;
  const plotH = opts.height
    ? opts.height - top - bottom
    : Math.min(Math.max(squarePlotH, 0.35 * plotW), maxAspect * plotW);
  const height = opts.height ?? Math.round(top + plotH + bottom);

  const cellH = plotH / Math.max(1, data.yValues.length);
  const annotations = data.cells.flatMap((c) => [
    ...(c.mean === null ? [] : [c.mean.toFixed(digits)]),
    ...(c.note === undefined ? [] : [c.note]),
  ]);
  const lineCount = data.cells.some((c) => c.note !== undefined && c.mean !== null) ? 2 : 1;
  const fits = (size: number): boolean =>
    widest(annotations, size) + 4 <= cellW &&
    (lineCount === 1 ? size + 4 : lineCount * size * LINE_HEIGHT + 4) <= cellH;
  const annotationSize = opts.annotate === false ? null : ([8, 7].find(fits) ?? null);

  return {
    width,
    height,
    plot: { left, top, width: plotW, height: plotH },
    colorBar: { left: left + plotW + BAR_GAP, top, width: BAR_WIDTH, height: plotH },
    isXRotated,
    xTickHeight: xTickH,
    yTickWidth: yTickW,
    colorBarTickWidth: barTickW,
    annotationSize,
  };
}

function widest(labels: string[], size: number): number {
  return Math.max(0, ...labels.map((l) => textWidth(l, size)));
}

/** Where the plot, colour bar and labels go for this data at this size (all in pt). */
export function heatmapLayout(data: HeatmapData, opts: HeatmapOptions): HeatmapLayout {
  // Two passes: wrapping a long axis name adds a line, which shrinks the plot it must fit along.
  let lines: NameLines = { x: 1, y: 1, value: 1 };
  let layout = computeLayout(data, opts, lines);
  let names = { x: [data.xLabel], y: [data.yLabel], value: [data.valueLabel] };
  for (let pass = 0; pass < 2; pass++) {
    names = {
      x: wrapText(data.xLabel, layout.plot.width, FONT_PT.axisName),
      y: wrapText(data.yLabel, layout.plot.height, FONT_PT.axisName),
      value: wrapText(data.valueLabel, layout.plot.height, FONT_PT.axisName),
    };
    const next = { x: names.x.length, y: names.y.length, value: names.value.length };
    if (next.x === lines.x && next.y === lines.y && next.value === lines.value) break;
    lines = next;
    layout = computeLayout(data, opts, lines);
  }
  return {
    ...layout,
    names: { x: names.x.join('\n'), y: names.y.join('\n'), value: names.value.join('\n') },
  };
}

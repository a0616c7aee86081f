// Heatmap of a metric over two sweep axes (e.g. capability x competition) for papers: explicit
// viridis/cividis colours, a colour bar with ticks, value annotations sized to fit, hatched gaps.
import type {
  CustomSeriesRenderItemAPI,
  CustomSeriesRenderItemReturn,
  EChartsOption,
} from 'echarts';
import { FONT_FAMILY } from './fonts';
import {
  AXIS_NAME_STYLE,
  FONT_PT,
  INK,
  LINE_HEIGHT,
  baseTextStyle,
  formatCategory,
  renderOptionToSvg,
  resolveWidth,
  textWidth,
  wrapText,
  type FigureWidth,
} from './layout';
import { colorBarTicks, formatBarTick } from './heatmap-scale';
import { emptyNotesSeries } from './heatmap-notes';
import { PALETTES, contrastText, paletteColor, type SequentialPalette } from './palettes';

export { colorBarTicks };

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

const PAD = 4;
const BAR_GAP = 8;
const BAR_WIDTH = 8;
const TICK_LEN = 3;
const LABEL_MARGIN = 4;
const EMPTY_FILL = '#eeeeee';
const HATCH_STROKE = '#c4c4c4';

function valueRange(data: HeatmapData): [number, number] {
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

function indexOfValue(values: (number | string)[], value: number | string, axis: string): number {
  const key = formatCategory(value);
  const index = values.findIndex((v) => formatCategory(v) === key);
  if (index < 0)
    throw new Error(`Heatmap cell has ${axis} = ${key}, which is not in ${axis}Values`);
  return index;
}

/** Light grey cell with 45-degree hatching: "no data" stays visibly different from any colour. */
function renderEmptyCell(
  _params: unknown,
  api: CustomSeriesRenderItemAPI,
): CustomSeriesRenderItemReturn {
  const [cx, cy] = api.coord([api.value(0), api.value(1)]);
  const size = api.size?.([1, 1]);
  const [w, h] = Array.isArray(size) ? size : [0, 0];
  const x0 = cx - w / 2;
  const y0 = cy - h / 2;
  const step = 4;
  const segments: { x1: number; y1: number; x2: number; y2: number }[] = [];
  for (let c = step; c < w + h; c += step) {
    segments.push({
      x1: x0 + Math.min(c, w),
      y1: y0 + c - Math.min(c, w),
      x2: x0 + c - Math.min(c, h),
      y2: y0 + Math.min(c, h),
    });
  }
  return {
    type: 'group',
    children: [
      {
        type: 'rect',
        shape: { x: x0, y: y0, width: w, height: h },
        style: { fill: EMPTY_FILL, stroke: '#ffffff', lineWidth: 0.5 },
      },
      ...segments.map((shape) => ({
        type: 'line' as const,
        shape,
        style: { stroke: HATCH_STROKE, lineWidth: 0.5 },
      })),
    ],
  };
}

/** ECharts option for a heatmap; render it with `renderHeatmapSvg` or hand it to a live chart. */
export function heatmapOption(data: HeatmapData, opts: HeatmapOptions): EChartsOption {
  const layout = heatmapLayout(data, opts);
  const palette = opts.palette ?? 'viridis';
  const digits = opts.digits ?? 2;
  const [lo, hi] = valueRange(data);
  const textStyle = baseTextStyle(opts.fontFamily ?? FONT_FAMILY);
  const { plot, colorBar } = layout;
  const barTicks = colorBarTicks(lo, hi);

  const filled = data.cells.flatMap((cell) => {
    if (cell.mean === null) return [];
    const color = paletteColor(palette, (cell.mean - lo) / (hi - lo));
    return [
      {
        value: [
          indexOfValue(data.xValues, cell.x, 'x'),
          indexOfValue(data.yValues, cell.y, 'y'),
          cell.mean,
        ],
        itemStyle: { color },
        label: {
          formatter:
            cell.note === undefined
              ? cell.mean.toFixed(digits)
              : `${cell.mean.toFixed(digits)}\n${cell.note}`,
          color: contrastText(color),
        },
      },
    ];
  });
  const empty = data.cells
    .filter((cell) => cell.mean === null)
    .map((cell) => [
      indexOfValue(data.xValues, cell.x, 'x'),
      indexOfValue(data.yValues, cell.y, 'y'),
    ]);

  const emptyNotes = data.cells.flatMap((cell) =>
    cell.mean === null && cell.note !== undefined
      ? [
          {
            value: [
              indexOfValue(data.xValues, cell.x, 'x'),
              indexOfValue(data.yValues, cell.y, 'y'),
            ] as [number, number],
            label: { formatter: cell.note },
          },
        ]
      : [],
  );

  const categoryAxis = (values: (number | string)[], name: string, gap: number) => ({
    type: 'category' as const,
    data: values.map(formatCategory),
    name,
    nameLocation: 'middle' as const,
    nameGap: gap,
    nameTextStyle: AXIS_NAME_STYLE,
    axisLine: { show: false },
    axisTick: { show: false },
    splitArea: { show: false },
  });

  return {
    animation: false,
    textStyle,
    title: data.title
      ? {
          text: data.title,
          left: 'center',
          top: PAD,
          textStyle: { ...textStyle, fontSize: FONT_PT.title, fontWeight: 'bold' },
        }
      : undefined,
    grid: [
      { ...plot, containLabel: false },
      // The colour bar's tick axis lives on a hair-thin grid at the bar's right edge: ECharts 6 draws
      // custom ticks of a right-hand axis from the grid's left side.
      {
        left: colorBar.left + colorBar.width,
        top: colorBar.top,
        width: 0.01,
        height: colorBar.height,
        containLabel: false,
      },
    ],
    xAxis: [
      {
        ...categoryAxis(data.xValues, layout.names.x, LABEL_MARGIN + layout.xTickHeight + 5),
        axisLabel: {
          fontSize: FONT_PT.tick,
          color: INK,
          margin: LABEL_MARGIN,
          interval: 0,
          rotate: layout.isXRotated ? 45 : 0,
        },
      },
      { gridIndex: 1, type: 'value', show: false, min: 0, max: 1 },
    ],
    yAxis: [
      {
        ...categoryAxis(data.yValues, layout.names.y, LABEL_MARGIN + layout.yTickWidth + 6),
        nameRotate: 90,
        axisLabel: { fontSize: FONT_PT.tick, color: INK, margin: LABEL_MARGIN, interval: 0 },
      },
      {
        gridIndex: 1,
        type: 'value',
        min: lo,
        max: hi,
        position: 'right',
        name: layout.names.value,
        nameLocation: 'middle',
        nameRotate: 90,
        nameGap: TICK_LEN + 3 + layout.colorBarTickWidth + 6,
        nameTextStyle: AXIS_NAME_STYLE,
        axisLine: { show: false },
        splitLine: { show: false },
        // Explicit ticks: ECharts' own would also mark the (unround) ends of the data range.
        axisTick: {
          show: true,
          length: TICK_LEN,
          lineStyle: { color: INK, width: 0.5 },
          customValues: barTicks,
        },
        axisLabel: {
          fontSize: FONT_PT.tick,
          margin: TICK_LEN + 2,
          color: INK,
          customValues: barTicks,
          formatter: (v: number) => formatBarTick(v),
        },
      },
    ],
    visualMap: {
      type: 'continuous',
      seriesIndex: 0,
      min: lo,
      max: hi,
      inRange: { color: [...PALETTES[palette]] },
      orient: 'vertical',
      left: colorBar.left,
      top: colorBar.top,
      itemWidth: colorBar.width,
      itemHeight: colorBar.height,
      padding: 0,
      calculable: false,
      hoverLink: false,
    },
    series: [
      {
        type: 'heatmap',
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: filled,
        itemStyle: { borderColor: '#ffffff', borderWidth: 0.5 },
        label: {
          show: layout.annotationSize !== null,
          fontSize: layout.annotationSize ?? FONT_PT.annotation,
          fontFamily: textStyle.fontFamily,
        },
      },
      {
        type: 'custom',
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: empty,
        renderItem: renderEmptyCell,
        silent: true,
      },
      ...emptyNotesSeries(emptyNotes, layout.annotationSize, textStyle.fontFamily, EMPTY_FILL),
    ],
  };
}

/** Heatmap as a standalone SVG string, sized in pt (1 px = 1 pt). */
export function renderHeatmapSvg(data: HeatmapData, opts: HeatmapOptions): string {
  const layout = heatmapLayout(data, opts);
  return renderOptionToSvg(heatmapOption(data, opts), layout.width, layout.height);
}

/**
 * Why the cell values are missing, when they are: annotation was asked for (the default) and
 * the values do not fit their cells at 7 pt at this size. Null when they are printed (or when
 * `annotate: false` turned them off).
 */
export function droppedValuesNote(data: HeatmapData, opts: HeatmapOptions): string | null {
  if (opts.annotate === false || !data.cells.some((c) => c.mean !== null)) return null;
  if (heatmapLayout(data, opts).annotationSize !== null) return null;
  const size =
    opts.width === 'full'
      ? 'full width (6.75 in)'
      : opts.width === 'column'
        ? 'one column (3.25 in)'
        : `${opts.width} pt wide`;
  return `cell values are not printed: ${data.xValues.length} x ${data.yValues.length} cells are too small for 7 pt text at ${size}; export at full width, or the cell table, for the numbers`;
}

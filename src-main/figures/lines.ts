// Line charts for papers: "flattened curves" (mean per level with shaded confidence bands) and
// scaling-law fits (points, fitted line, extrapolation band), in the Okabe-Ito palette.
import type {
  CustomSeriesRenderItemAPI,
  CustomSeriesRenderItemParams,
  CustomSeriesRenderItemReturn,
  EChartsOption,
  SeriesOption,
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
import { OKABE_ITO } from './palettes';

export interface LinePoint {
  x: number | string;
  mean: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
}

export interface LinesData {
  title?: string;
  xLabel: string;
  yLabel: string;
  /**
   * What the lines and bands are ("mean and 95% CI"): appended to the y label when that stays
   * on one line, else put in the legend's title.
   */
  yNote?: string;
  /** The series variable ("Competition level"); with it a one-column legend lists short names. */
  legendTitle?: string;
  /** `shortName` ("0.5") is the legend entry under `legendTitle` in a compact legend. */
  series: { name: string; shortName?: string; points: LinePoint[] }[];
}

export interface LinesOptions {
  width: FigureWidth;
  height?: number;
  fontFamily?: string;
  /** Fixed axis starts (e.g. 0 for an amount, 1 for the first turn); by default fitted to the data. */
  xMin?: number;
  yMin?: number;
}

const PAD = 4;
const LEGEND_GAP = 8;
// ECharts stacks legend rows at max(icon, text line) + itemGap.
const LEGEND_ROW = FONT_PT.legend * LINE_HEIGHT + LEGEND_GAP;
const LEGEND_ICON = 14;
/** A one-column figure's legend: shorter icons and gaps, so it takes one or two rows. */
const COMPACT_ICON = 10;
const COMPACT_GAP = 6;
// Distinct marker shapes keep series apart when the figure is printed in greyscale. Only shapes
// centred on their point: ECharts anchors 'pin' and 'arrow' by their tip, off the line.
export const SYMBOLS = [
  'circle',
  'rect',
  'triangle',
  'diamond',
  'emptyCircle',
  'emptyRect',
  'emptyTriangle',
  'emptyDiamond',
];
export const FIT_COLOR = '#333333';

interface Frame {
  width: number;
  height: number;
  option: EChartsOption;
}

export function colorAt(i: number): string {
  return OKABE_ITO[i % OKABE_ITO.length];
}

/** Round tick values ECharts is likely to choose, used only to reserve room for their labels. */
function likelyTicks(lo: number, hi: number): string[] {
  const span = hi > lo ? hi - lo : Math.abs(lo) || 1;
  const magnitude = 10 ** Math.floor(Math.log10(span / 5));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => span / s <= 6) ?? 10 * magnitude;
  const ticks: string[] = [];
  for (let v = Math.floor(lo / step) * step; v <= hi + step; v += step)
    ticks.push(String(Number(v.toPrecision(6))));
  return ticks;
}

/** Grid, axes, legend and title sized in pt for a cartesian chart with a legend on top. */
export function cartesianFrame(
  spec: {
    title?: string;
    xLabel: string;
    yLabel: string;
    legend: { name: string; icon?: string }[];
    /** Text left of the legend's entries (a compact legend). */
    legendTitle?: string;
    xCategories?: string[];
    yExtent: [number, number];
  },
  opts: LinesOptions,
): Frame {
  const width = resolveWidth(opts.width);
  const textStyle = baseTextStyle(opts.fontFamily ?? FONT_FAMILY);
  const legendTop = spec.title ? PAD + FONT_PT.title + 8 : PAD;
  const usable = width - 2 * PAD;
  const compact = spec.legendTitle !== undefined;
  const icon = compact ? COMPACT_ICON : LEGEND_ICON;
  const gap = compact ? COMPACT_GAP : LEGEND_GAP;
  const itemW = (name: string) => icon + 5 + textWidth(name, FONT_PT.legend);
  const itemsW = spec.legend.reduce((w, { name }) => w + itemW(name) + gap, 0) - gap;
  const titleW = compact ? textWidth(spec.legendTitle ?? '', FONT_PT.legend, true) : 0;
  // A compact legend's title sits left of its entries when all fit one row, else on a row above.
  const titleInline = compact && titleW + gap + itemsW <= usable;
  const titleRows = compact && !titleInline ? 1 : 0;
  const entriesWidth = usable - (titleInline ? titleW + gap : 0);
  let rows = 1;
  let rowWidth = 0;
  for (const { name } of spec.legend) {
    const item = itemW(name) + gap;
    // ECharts wraps when the item itself (without its trailing gap) would cross the edge.
    // (6 pt of slack: ECharts measures a little wider than DejaVu's advances.)
    if (rowWidth > 0 && rowWidth + item - gap > entriesWidth - (compact ? 6 : 0)) {
      rows += 1;
      rowWidth = 0;
    }
    rowWidth += item;
  }
  const legendRow = compact ? FONT_PT.legend * LINE_HEIGHT + gap : LEGEND_ROW;
  const blockLeft = titleInline ? (width - titleW - gap - itemsW) / 2 : 0;
  const entriesTop = legendTop + titleRows * legendRow;
  const top = entriesTop + rows * legendRow - gap + 10;
  const yTickW = Math.max(...likelyTicks(...spec.yExtent).map((t) => textWidth(t, FONT_PT.tick)));
  const height = opts.height ?? Math.round(width * (width < 300 ? 0.8 : 0.5));
  const provisionalPlotH = height - top - 40;
  const yName = wrapText(spec.yLabel, provisionalPlotH, FONT_PT.axisName);
  const left = PAD + FONT_PT.axisName * LINE_HEIGHT * yName.length + 4 + yTickW + 4;
  const right = PAD + 8;
  const xName = wrapText(spec.xLabel, width - left - right, FONT_PT.axisName);
  const bottom = 4 + FONT_PT.tick + 6 + FONT_PT.axisName * LINE_HEIGHT * xName.length + PAD;
  const axisCommon = {
    nameLocation: 'middle' as const,
    nameTextStyle: AXIS_NAME_STYLE,
    axisLine: { onZero: false, lineStyle: { color: INK, width: 0.75 } },
    axisTick: { lineStyle: { color: INK, width: 0.75 }, length: 3 },
    axisLabel: { fontSize: FONT_PT.tick, color: INK, margin: 4 },
    splitLine: { show: true, lineStyle: { color: '#e6e6e6', width: 0.5 } },
  };
  return {
    width,
    height,
    option: {
      animation: false,
      textStyle,
      color: [...OKABE_ITO],
      title: spec.title
        ? {
            text: spec.title,
            left: 'center',
            top: PAD,
            textStyle: { ...textStyle, fontSize: FONT_PT.title, fontWeight: 'bold' },
          }
        : undefined,
      legend: {
        data: spec.legend,
        top: entriesTop,
        left: titleInline ? blockLeft + titleW + gap : 'center',
        width: entriesWidth,
        padding: 0,
        itemGap: gap,
        itemWidth: icon,
        itemHeight: 7,
        textStyle: { fontSize: FONT_PT.legend, color: INK },
      },
      graphic: compact
        ? [
            {
              type: 'text',
              left: titleInline ? blockLeft : 'center',
              top: legendTop,
              style: {
                text: spec.legendTitle,
                fontSize: FONT_PT.legend,
                fontFamily: textStyle.fontFamily,
                fontWeight: 'bold',
                fill: INK,
              },
            },
          ]
        : undefined,
      grid: { left, right, top, bottom, containLabel: false },
      xAxis: spec.xCategories
        ? {
            ...axisCommon,
            type: 'category',
            data: spec.xCategories,
            boundaryGap: false,
            name: xName.join('\n'),
            nameGap: 4 + FONT_PT.tick + 6,
          }
        : {
            ...axisCommon,
            type: 'value',
            scale: true,
            ...(opts.xMin !== undefined ? { min: opts.xMin } : {}),
            name: xName.join('\n'),
            nameGap: 4 + FONT_PT.tick + 6,
            splitLine: { show: false },
          },
      yAxis: {
        ...axisCommon,
        type: 'value',
        scale: true,
        ...(opts.yMin !== undefined ? { min: opts.yMin } : {}),
        name: yName.join('\n'),
        nameGap: 4 + yTickW + 5,
      },
    },
  };
}

/** A filled polygon between two curves, drawn once as a custom series (ECharts has no band series). */
export function bandSeries(
  name: string,
  color: string,
  upper: [number, number][],
  lower: [number, number][],
): SeriesOption {
  const outline = [...upper, ...[...lower].reverse()];
  return {
    type: 'custom',
    name,
    silent: true,
    z: 1,
    clip: true,
    // Every vertex is a datum so the axes take in the whole band; the first draws the polygon.
    data: outline,
    itemStyle: { color },
    renderItem: (
      params: CustomSeriesRenderItemParams,
      api: CustomSeriesRenderItemAPI,
    ): CustomSeriesRenderItemReturn =>
      params.dataIndex === 0
        ? {
            type: 'polygon',
            shape: { points: outline.map((p) => api.coord(p)) },
            style: { fill: color, opacity: 0.2 },
          }
        : null,
  };
}

/** Mean per level for each series, with markers and a shaded confidence band. */
export function linesOption(
  data: LinesData,
  opts: LinesOptions,
): { option: EChartsOption; width: number; height: number } {
  const allPoints = data.series.flatMap((s) => s.points);
  const isCategorical = allPoints.some((p) => typeof p.x === 'string');
  const categories = isCategorical
    ? [...new Set(allPoints.map((p) => formatCategory(p.x)))]
    : undefined;
  const xOf = (x: number | string): number =>
    categories ? categories.indexOf(formatCategory(x)) : Number(x);
  const ys = allPoints
    .flatMap((p) => [p.mean, p.ciLow, p.ciHigh])
    .filter((v): v is number => v !== null);
  const layout = linesLabels(data, opts);
  const frame = cartesianFrame(
    {
      ...data,
      yLabel: layout.yLabel,
      legendTitle: layout.legendTitle,
      legend: layout.names.map((name) => ({ name })),
      xCategories: categories,
      yExtent: [Math.min(...ys), Math.max(...ys)],
    },
    opts,
  );
  const series: SeriesOption[] = data.series.flatMap((s, i) => {
    const color = colorAt(i);
    // Past the palette, colours repeat: a dashed line and the next marker keep series apart.
    const round = Math.floor(i / OKABE_ITO.length);
    const withCi = s.points.filter((p) => p.ciLow !== null && p.ciHigh !== null);
    const line: SeriesOption = {
      type: 'line',
      name: layout.names[i],
      z: 3,
      data: s.points.map((p) => [xOf(p.x), p.mean]),
      connectNulls: false,
      symbol: SYMBOLS[(i + round) % SYMBOLS.length],
      symbolSize: 5,
      // Hollow markers keep a thin outline (the line's 1.5 pt would fill them).
      itemStyle: { color, borderWidth: 1 },
      lineStyle: { color, width: 1.5, ...(round > 0 ? { type: 'dashed' as const } : {}) },
    };
    const upper = withCi.map((p): [number, number] => [xOf(p.x), p.ciHigh ?? 0]);
    const lower = withCi.map((p): [number, number] => [xOf(p.x), p.ciLow ?? 0]);
    return withCi.length > 1
      ? [bandSeries(`${layout.names[i]} (CI)`, color, upper, lower), line]
      : [line];
  });
  return { option: { ...frame.option, series }, width: frame.width, height: frame.height };
}

/**
 * The y label, legend title and legend names of a curves figure. A one-column figure with a
 * legend title lists short names under it (one or two rows, not a third of the figure). The note
 * joins the y label when the label stays on one line at 8 pt within the plot's likely height,
 * else it goes to the legend title (or, without one, stays on the label, wrapped).
 */
export function linesLabels(
  data: LinesData,
  opts: LinesOptions,
): { yLabel: string; legendTitle?: string; names: string[] } {
  const width = resolveWidth(opts.width);
  const height = opts.height ?? Math.round(width * (width < 300 ? 0.8 : 0.5));
  const compact = width < 300 && data.legendTitle !== undefined;
  // Legend and title above, ticks and the x name below: about 75 pt in a one-column figure.
  const plotH = height - (compact ? 75 : 95);
  const withNote = data.yNote ? `${data.yLabel}, ${data.yNote}` : data.yLabel;
  const fits = textWidth(withNote, FONT_PT.axisName) <= plotH;
  const names = data.series.map((s) => (compact ? (s.shortName ?? s.name) : s.name));
  if (fits || !data.yNote)
    return { yLabel: withNote, legendTitle: compact ? data.legendTitle : undefined, names };
  if (compact)
    return { yLabel: data.yLabel, legendTitle: `${data.legendTitle} (${data.yNote})`, names };
  return { yLabel: withNote, names };
}

/** Flattened curves with confidence bands as a standalone SVG string, sized in pt. */
export function renderLinesSvg(data: LinesData, opts: LinesOptions): string {
  const { option, width, height } = linesOption(data, opts);
  return renderOptionToSvg(option, width, height);
}

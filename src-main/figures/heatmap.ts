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
  baseTextStyle,
  formatCategory,
  renderOptionToSvg,
} from './layout';
import { colorBarTicks, formatBarTick } from './heatmap-scale';
import {
  LABEL_MARGIN,
  PAD,
  TICK_LEN,
  heatmapLayout,
  valueRange,
  type HeatmapData,
  type HeatmapOptions,
} from './heatmap-layout';
import { emptyNotesSeries } from './heatmap-notes';
import { PALETTES, contrastText, paletteColor } from './palettes';

export { colorBarTicks };

export type { HeatmapCell, HeatmapData, HeatmapLayout, HeatmapOptions } from './heatmap-layout';
export { heatmapLayout } from './heatmap-layout';

const EMPTY_FILL = '#eeeeee';
const HATCH_STROKE = '#c4c4c4';

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

// A scaling figure: points by group, the fitted line (dashed where it extrapolates beyond the
// data) and its band, on the same frame, palette and symbols as lines.ts.
import type { EChartsOption, SeriesOption } from 'echarts';
import { renderOptionToSvg } from './layout';
import {
  FIT_COLOR,
  SYMBOLS,
  bandSeries,
  cartesianFrame,
  colorAt,
  type LinesOptions,
} from './lines';

export interface ScatterFitData {
  title?: string;
  xLabel: string;
  yLabel: string;
  points: { x: number; y: number; group?: string }[];
  /** y = intercept + slope * x, with an optional band (e.g. a 95% prediction band) over x. */
  fit: { slope: number; intercept: number; band?: { x: number; lo: number; hi: number }[] };
  fitLabel?: string;
  bandLabel?: string;
}

/** Points by group, the fitted line (dashed where it extrapolates beyond the data) and its band. */
export function scatterFitOption(
  data: ScatterFitData,
  opts: LinesOptions,
): { option: EChartsOption; width: number; height: number } {
  const groups = [...new Set(data.points.map((p) => p.group ?? 'Observed'))];
  const fitLabel =
    data.fitLabel ?? `Fit: y = ${data.fit.intercept.toFixed(2)} + ${data.fit.slope.toFixed(2)}x`;
  const bandLabel = data.bandLabel ?? 'Extrapolation band';
  const band = data.fit.band ?? [];
  const dataXs = data.points.map((p) => p.x);
  const [dataLo, dataHi] = [Math.min(...dataXs), Math.max(...dataXs)];
  const [allLo, allHi] = [
    Math.min(dataLo, ...band.map((b) => b.x)),
    Math.max(dataHi, ...band.map((b) => b.x)),
  ];
  const fitAt = (x: number): [number, number] => [x, data.fit.intercept + data.fit.slope * x];
  const ys = [
    ...data.points.map((p) => p.y),
    ...band.flatMap((b) => [b.lo, b.hi]),
    fitAt(allLo)[1],
    fitAt(allHi)[1],
  ];
  const legend = [...groups, fitLabel, ...(band.length ? [bandLabel] : [])];
  const legendItems = legend.map((name) =>
    name === bandLabel ? { name, icon: 'rect' } : { name },
  );
  const frame = cartesianFrame(
    { ...data, legend: legendItems, yExtent: [Math.min(...ys), Math.max(...ys)] },
    opts,
  );

  const fitLine = (
    name: string,
    from: number,
    to: number,
    type: 'solid' | 'dashed',
  ): SeriesOption => ({
    type: 'line',
    name,
    z: 2,
    data: [fitAt(from), fitAt(to)],
    symbol: 'none',
    itemStyle: { color: FIT_COLOR },
    lineStyle: { color: FIT_COLOR, width: 1.25, type },
  });
  const series: SeriesOption[] = [
    ...(band.length
      ? [
          bandSeries(
            bandLabel,
            '#7f7f7f',
            band.map((b): [number, number] => [b.x, b.hi]),
            band.map((b): [number, number] => [b.x, b.lo]),
          ),
        ]
      : []),
    fitLine(fitLabel, dataLo, dataHi, 'solid'),
    ...(allLo < dataLo ? [fitLine(fitLabel, allLo, dataLo, 'dashed')] : []),
    ...(allHi > dataHi ? [fitLine(fitLabel, dataHi, allHi, 'dashed')] : []),
    ...groups.map((group, i): SeriesOption => ({
      type: 'scatter',
      name: group,
      z: 3,
      symbol: SYMBOLS[i % SYMBOLS.length],
      symbolSize: 5,
      itemStyle: { color: colorAt(i), opacity: 0.9 },
      data: data.points.filter((p) => (p.group ?? 'Observed') === group).map((p) => [p.x, p.y]),
    })),
  ];
  return { option: { ...frame.option, series }, width: frame.width, height: frame.height };
}

/** Scaling-law fit as a standalone SVG string, sized in pt. */
export function renderScatterFitSvg(data: ScatterFitData, opts: LinesOptions): string {
  const { option, width, height } = scatterFitOption(data, opts);
  return renderOptionToSvg(option, width, height);
}

// ECharts options for the results views, built from contract data (pure, so they can be tested).
import type { GridResult } from '../../src-shared/contract';
import { metricDef, metricDigits } from '../../src-shared/metrics';
import type { ChartOption } from '../components/EChart';
import { SERIES_COLORS, VIRIDIS } from '../theme';
import { fmt, fmtCI } from './format';
import { pickLevels } from '../../src-shared/levels';

/** Columns beyond which the capability labels are rotated. */
const ROTATE_ABOVE = 10;

/** Fixed pixel margins, so a cell's position is predictable (tests click cells by geometry). */
export function heatmapMargins(columns: number): {
  left: number;
  right: number;
  top: number;
  bottom: number;
} {
  return { left: 96, right: 96, top: 16, bottom: columns > ROTATE_ABOVE ? 120 : 76 };
}

/** Chart height: roomy rows for a few levels, compact rows for many. */
export function heatmapHeight(h: Pick<GridResult, 'x' | 'y'>): number {
  const margins = heatmapMargins(h.x.length);
  const row = h.y.length <= 8 ? 56 : 22;
  return Math.max(260, Math.min(960, margins.top + margins.bottom + row * h.y.length));
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Decimals of the capability axis: none when every score is whole (Elo 1000, not 1000.00). */
export function capabilityDigits(h: Pick<GridResult, 'x'>): number {
  return h.x.every((c) => c.capability === null || Number.isInteger(c.capability)) ? 0 : 2;
}

export function xLabel(h: Pick<GridResult, 'x'>, xi: number): string {
  const col = h.x[xi];
  // A participant without a score on the axis says so; it is never placed at 0.
  return `${col.label} (${col.capability === null ? 'unknown' : fmt(col.capability, capabilityDigits(h))})`;
}

const RICH = {
  mean: { fontSize: 13, fontWeight: 600, lineHeight: 16 },
  ci: { fontSize: 10, lineHeight: 12 },
} as const;

/** Dark text on light cells, white on dark ones; rich text parts take the colour themselves. */
function cellLabelStyle(isLight: boolean) {
  const color = isLight ? '#111' : '#fff';
  return { color, rich: { mean: { ...RICH.mean, color }, ci: { ...RICH.ci, color } } };
}

/** Whether the heatmap's cells are big enough to print the CI and n under the mean. */
export function showsCellDetail(h: Pick<GridResult, 'x' | 'y'>): boolean {
  return h.x.length <= 10 && h.y.length <= 8;
}

/** A row of the grid as the heatmap names it: "competition 0.50", or e.g. "greedy". */
export function yLabel(h: Pick<GridResult, 'y' | 'yLabels'>, yi: number): string {
  return h.yLabels?.[yi] ?? `competition ${fmt(h.y[yi], 2)}`;
}

/** The heatmap; `selected` (a focal id and level) is outlined, as the cell whose games are listed. */
/** The vertical viridis colour scale beside a heatmap, from `min` to `max` (one unit if equal). */
export function viridisScale(min: number, max: number, digits: number, itemHeight: number) {
  return {
    min,
    max: max === min ? min + 1 : max,
    calculable: true,
    orient: 'vertical' as const,
    right: 8,
    top: 'middle',
    itemHeight,
    inRange: { color: VIRIDIS },
    formatter: (v: unknown) => fmt(Number(v), digits),
  };
}

export function heatmapOption(
  h: GridResult,
  selected: { focalId: string; level: number } | null = null,
): ChartOption {
  const digits = metricDigits(h.metric);
  const means = h.cells.map((c) => c.mean).filter((m): m is number => m !== null);
  const min = means.length ? Math.min(...means) : 0;
  const max = means.length ? Math.max(...means) : 1;
  const span = max - min || 1;
  // Printed values only where a cell is wide enough to hold one; the tooltip always has them.
  const showLabels = h.x.length <= 16 && h.y.length <= 24;
  const detail = showsCellDetail(h);
  return {
    animation: false,
    grid: heatmapMargins(h.x.length),
    tooltip: {
      className: 'chart-tooltip',
      formatter: (p: unknown) => {
        const cell = h.cells[(p as { dataIndex: number }).dataIndex];
        return [
          `<div class="tt-title">${escapeHtml(xLabel(h, cell.xi))}</div>`,
          `<div>${escapeHtml(yLabel(h, cell.yi))}</div>`,
          `<div class="tt-value">${fmtCI(cell.mean, cell.ciLow, cell.ciHigh, digits)}</div>`,
          `<div class="tt-n">n = ${cell.n}</div>`,
        ].join('');
      },
    },
    xAxis: {
      type: 'category',
      data: h.x.map((_, i) => xLabel(h, i)),
      name:
        h.capabilityMetric === 'capability'
          ? 'capability →'
          : `capability (${h.capabilityMetric}) →`,
      nameLocation: 'middle',
      nameGap: h.x.length > ROTATE_ABOVE ? 100 : 52,
      axisLabel:
        h.x.length > ROTATE_ABOVE
          ? { interval: 0, rotate: 45, width: 110, overflow: 'truncate', fontSize: 11 }
          : { interval: 0, width: 130, overflow: 'break', hideOverlap: false, lineHeight: 14 },
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      data: h.y.map((l, yi) => h.yLabels?.[yi] ?? fmt(l, 2)),
      name: h.yName ? `${h.yName} →` : 'competition →',
      nameLocation: 'middle',
      nameGap: 44,
      splitArea: { show: true },
    },
    visualMap: viridisScale(min, max, digits, 160),
    series: [
      {
        type: 'heatmap',
        name: metricDef(h.metric).label,
        data: h.cells.map((c) => ({
          value: [c.xi, c.yi, c.mean ?? '-'],
          ...(showLabels
            ? { label: cellLabelStyle(c.mean !== null && (c.mean - min) / span > 0.6) }
            : {}),
          ...(selected &&
          c.focalId === selected.focalId &&
          Math.abs(c.level - selected.level) < 1e-9
            ? { itemStyle: { borderColor: '#d55e00', borderWidth: 3 } }
            : {}),
        })),
        label: {
          show: showLabels,
          formatter: (p: unknown) => {
            const c = h.cells[(p as { dataIndex: number }).dataIndex];
            if (c.mean === null) return c.n === 0 ? '–' : `–\nn ${c.n}`;
            if (!detail) return fmt(c.mean, digits);
            const ci =
              c.ciLow === null ? '' : `[${fmt(c.ciLow, digits)}, ${fmt(c.ciHigh, digits)}]`;
            return `{mean|${fmt(c.mean, digits)}}\n{ci|${ci}}\n{ci|n ${c.n}}`;
          },
          rich: RICH,
        },
        emphasis: { itemStyle: { borderColor: '#111', borderWidth: 2 } },
      },
    ],
  };
}

/** At most seven competition levels (one per series colour), evenly spread, both ends kept; shared with the curves export. */
export { pickLevels };

/** The grid flattened: one line per competition level of metric vs capability (the same cells). */
export function gridCurves(grid: GridResult) {
  return {
    metric: grid.metric,
    capabilityMetric: grid.capabilityMetric,
    series: grid.y.map((level, yi) => ({
      level,
      name: yLabel(grid, yi),
      points: grid.cells.filter((c) => c.yi === yi),
    })),
  };
}
export type GridCurves = ReturnType<typeof gridCurves>;

/** Metric vs capability, one line per competition level (at most 7), with its 95% CI as a band. */
export function curvesOption(full: GridCurves, labels: string[]): ChartOption {
  const c = { ...full, series: pickLevels(full.series) };
  const digits = metricDigits(c.metric);
  const series: ChartOption['series'] = [];
  c.series.forEach((s, i) => {
    const color = SERIES_COLORS[i % SERIES_COLORS.length];
    const name = s.name;
    const stack = `ci-${i}`;
    series.push(
      {
        type: 'line',
        name: `${name} lo`,
        stack,
        data: s.points.map((p) => p.ciLow ?? '-'),
        lineStyle: { opacity: 0 },
        symbol: 'none',
        silent: true,
        tooltip: { show: false },
      },
      {
        type: 'line',
        name: `${name} band`,
        stack,
        data: s.points.map((p) =>
          p.ciLow !== null && p.ciHigh !== null ? p.ciHigh - p.ciLow : '-',
        ),
        lineStyle: { opacity: 0 },
        areaStyle: { color, opacity: 0.12 },
        symbol: 'none',
        silent: true,
        tooltip: { show: false },
      },
      {
        type: 'line',
        name,
        data: s.points.map((p) => p.mean ?? '-'),
        color,
        symbolSize: 6,
        lineStyle: { width: 2 },
      },
    );
  });
  return {
    animation: false,
    grid: { left: 64, right: 24, top: 40, bottom: 76 },
    legend: { top: 4, data: c.series.map((s) => s.name) },
    tooltip: {
      trigger: 'axis',
      className: 'chart-tooltip',
      formatter: (params: unknown) => {
        const list = params as { seriesName: string; dataIndex: number }[];
        const rows = list
          .filter((p) => !p.seriesName.endsWith(' lo') && !p.seriesName.endsWith(' band'))
          .map((p) => {
            const s = c.series.find((x) => x.name === p.seriesName);
            const pt = s?.points[p.dataIndex];
            return pt
              ? `<div>${escapeHtml(p.seriesName)}: ${fmtCI(pt.mean, pt.ciLow, pt.ciHigh, digits)} <span class="tt-n">n = ${pt.n}</span></div>`
              : '';
          });
        const idx = list[0]?.dataIndex ?? 0;
        return `<div class="tt-title">${escapeHtml(labels[idx] ?? '')}</div>${rows.join('')}`;
      },
    },
    xAxis: {
      type: 'category',
      data: labels,
      name:
        c.capabilityMetric === 'capability'
          ? 'capability →'
          : `capability (${c.capabilityMetric}) →`,
      nameLocation: 'middle',
      nameGap: 52,
      axisLabel: { interval: 0, width: 130, overflow: 'break', lineHeight: 14 },
    },
    yAxis: {
      type: 'value',
      name: metricDef(c.metric).label,
      nameLocation: 'middle',
      nameGap: 44,
      scale: true,
    },
    series,
  };
}

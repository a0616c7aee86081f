// The difference heatmap's ECharts option and the text forms of a cell (pure, so testable):
// B - A on a diverging colour-blind-safe scale (ColorBrewer PuOr) centred on 0.
import type { CompareCell, CompareMetric, CompareResult } from '../../../src-shared/contract';
import { COMPARE_METRIC_LABELS } from '../../../src-shared/contract';
import type { ChartOption } from '../../components/EChart';
import { escapeHtml, heatmapMargins } from '../../lib/charts';
import { fmt } from '../../lib/format';

/** ColorBrewer PuOr, 9 classes: orange where B is below A, purple where B is above. */
export const PUOR = [
  '#b35806',
  '#e08214',
  '#fdb863',
  '#fee0b6',
  '#f7f7f7',
  '#d8daeb',
  '#b2abd2',
  '#8073ac',
  '#542788',
];

/** Cells without pairs are drawn in this neutral grey, distinct from the scale's white 0. */
export const NO_PAIRS = '#c9ced6';

export function diffDigits(metric: CompareMetric): number {
  return metric === 'utility_focal' || metric === 'social_welfare' || metric === 'round' ? 1 : 2;
}

/** "+0.42" / "-1.3" / "0.00": differences always carry their sign. */
export function fmtDiff(value: number | null, digits: number): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const text = fmt(value, digits);
  return value > 0 ? `+${text}` : text;
}

export function fmtP(p: number | null): string {
  if (p === null) return '–';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

export function xLabelOf(r: Pick<CompareResult, 'x'>, xi: number): string {
  const col = r.x[xi];
  return col.capability === null ? col.label : `${col.label} (${fmt(col.capability, 2)})`;
}

/** One line a screen reader or the table says for a cell. */
export function cellSummary(r: CompareResult, c: CompareCell): string {
  const d = diffDigits(r.metric);
  if (c.n === 0) return `no pairs (unpaired A ${c.unpairedA}, B ${c.unpairedB})`;
  const ci = c.ciLow === null ? '' : ` [${fmtDiff(c.ciLow, d)}, ${fmtDiff(c.ciHigh, d)}]`;
  return `${fmtDiff(c.meanDiff, d)}${ci}, n = ${c.n}, sign-flip p = ${fmtP(c.p)}, Wilcoxon p = ${fmtP(c.wilcoxonP)}`;
}

/** Half-width of the colour scale: the largest |mean difference|, so 0 sits in the middle. */
export function scaleHalfWidth(r: CompareResult): number {
  const m = Math.max(0, ...r.cells.map((c) => Math.abs(c.meanDiff ?? 0)));
  return m > 0 ? m : 1;
}

export function diffHeatmapOption(r: CompareResult, selected: CompareCell | null): ChartOption {
  const digits = diffDigits(r.metric);
  const half = scaleHalfWidth(r);
  const showLabels = r.x.length <= 16 && r.y.length <= 24;
  return {
    animation: false,
    grid: heatmapMargins(r.x.length),
    tooltip: {
      className: 'chart-tooltip',
      formatter: (p: unknown) => {
        const c = r.cells[(p as { dataIndex: number }).dataIndex];
        return [
          `<div class="tt-title">${escapeHtml(xLabelOf(r, c.xi))}</div>`,
          `<div>competition ${fmt(c.level, 2)}</div>`,
          `<div class="tt-value">B − A ${escapeHtml(cellSummary(r, c))}</div>`,
          `<div>A ${fmt(c.meanA, digits)} · B ${fmt(c.meanB, digits)}</div>`,
          `<div class="tt-n">unpaired A ${c.unpairedA} · B ${c.unpairedB}${c.missing ? ` · no value ${c.missing}` : ''}</div>`,
        ].join('');
      },
    },
    xAxis: {
      type: 'category',
      data: r.x.map((_, i) => xLabelOf(r, i)),
      name: r.x.length === 1 && r.x[0].focalKey === '*' ? 'focal A → B' : 'capability →',
      nameLocation: 'middle',
      nameGap: r.x.length > 10 ? 100 : 52,
      axisLabel:
        r.x.length > 10
          ? { interval: 0, rotate: 45, width: 110, overflow: 'truncate', fontSize: 11 }
          : { interval: 0, width: 130, overflow: 'break', lineHeight: 14 },
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      data: r.y.map((l) => fmt(l, 2)),
      name: 'competition →',
      nameLocation: 'middle',
      nameGap: 44,
      splitArea: { show: true },
    },
    visualMap: {
      type: 'continuous',
      min: -half,
      max: half,
      calculable: false,
      orient: 'vertical',
      right: 8,
      top: 'middle',
      itemHeight: 160,
      text: ['B higher', 'B lower'],
      inRange: { color: PUOR },
      formatter: (v: unknown) => fmtDiff(Number(v), digits),
    },
    series: [
      {
        type: 'heatmap',
        name: `B − A ${COMPARE_METRIC_LABELS[r.metric]}`,
        data: r.cells.map((c) => ({
          value: [c.xi, c.yi, c.meanDiff ?? '-'],
          itemStyle: {
            ...(c.meanDiff === null ? { color: NO_PAIRS } : {}),
            ...(selected && c.xi === selected.xi && c.yi === selected.yi
              ? { borderColor: '#111', borderWidth: 3 }
              : {}),
          },
          ...(showLabels
            ? {
                label: {
                  color: c.meanDiff !== null && Math.abs(c.meanDiff) / half > 0.6 ? '#fff' : '#111',
                },
              }
            : {}),
        })),
        label: {
          show: showLabels,
          lineHeight: 16,
          fontSize: 11,
          rich: { mean: { fontSize: 13, fontWeight: 'bold', lineHeight: 18 } },
          formatter: (p: unknown) => {
            const c = r.cells[(p as { dataIndex: number }).dataIndex];
            return c.meanDiff === null
              ? 'no pairs'
              : `{mean|${fmtDiff(c.meanDiff, digits)}}\nn ${c.n} · p ${fmtP(c.p)}`;
          },
        },
        emphasis: { itemStyle: { borderColor: '#111', borderWidth: 2 } },
      },
    ],
  };
}

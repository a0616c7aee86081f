// Chart options of the two-party figures on the results screen: concession curves (one line
// per strategy, turn across) and the matchup grid (first role up, second role across), from
// results:bargainFigures, the data `parley figures` draws its concession and matchup from.
import type { BargainFiguresResult } from '../../../src-shared/contract';
import type { ChartOption } from '../../components/EChart';
import { escapeHtml, viridisScale } from '../../lib/charts';
import { fmt, fmtCI } from '../../lib/format';
import { SERIES_COLORS } from '../../theme';

type Concession = NonNullable<BargainFiguresResult['concession']>;
type Matchup = NonNullable<BargainFiguresResult['matchup']>;

/** One line per strategy; past the palette, lines are dashed so no two look alike. */
export function concessionOption(c: Concession): ChartOption {
  return {
    animation: false,
    grid: { left: 64, right: 24, top: 56, bottom: 48 },
    legend: { top: 4, type: 'scroll', data: c.series.map((s) => s.id) },
    tooltip: { trigger: 'axis', className: 'chart-tooltip' },
    xAxis: {
      type: 'value',
      min: 0,
      minInterval: 1,
      name: `turn (against ${c.opponent}) →`,
      nameLocation: 'middle',
      nameGap: 28,
    },
    yAxis: {
      type: 'value',
      min: 0,
      name: c.yLabel,
      nameLocation: 'middle',
      nameGap: 48,
    },
    series: c.series.map((s, i) => ({
      type: 'line' as const,
      name: s.id,
      data: s.points.map((p) => [p.turn, p.mean ?? '-']),
      color: SERIES_COLORS[i % SERIES_COLORS.length],
      symbolSize: 6,
      lineStyle: { width: 2, type: i >= SERIES_COLORS.length ? 'dashed' : 'solid' },
    })),
  };
}

/** The mean and deal rate of a pairing, as the cell's label. */
export function matchupLabel(cell: Matchup['cells'][number] | undefined, digits: number): string {
  if (!cell) return '';
  const rate = `${Math.round(cell.dealRate * 100)}% deals`;
  return cell.value?.mean != null ? `${fmt(cell.value.mean, digits)}\n${rate}` : rate;
}

export function matchupOption(m: Matchup, digits = 2): ChartOption {
  const at = new Map(m.cells.map((c) => [`${c.row}\u0000${c.col}`, c]));
  const means = m.cells.flatMap((c) => (c.value?.mean != null ? [c.value.mean] : []));
  const min = means.length ? Math.min(...means) : 0;
  const max = means.length ? Math.max(...means) : 1;
  const data = m.rows.flatMap((row, yi) =>
    m.cols.map((col, xi) => {
      const c = at.get(`${row}\u0000${col}`);
      return {
        value: [xi, yi, c?.value?.mean ?? '-'],
        label: { formatter: matchupLabel(c, digits) },
      };
    }),
  );
  return {
    animation: false,
    grid: { left: 120, right: 96, top: 16, bottom: 56 },
    tooltip: {
      className: 'chart-tooltip',
      formatter: (p: unknown) => {
        const [xi, yi] = (p as { value: [number, number] }).value;
        const c = at.get(`${m.rows[yi]}\u0000${m.cols[xi]}`);
        return [
          `<div class="tt-title">${escapeHtml(m.rows[yi])} (${m.roles[0]}) x ${escapeHtml(m.cols[xi])} (${m.roles[1]})</div>`,
          `<div class="tt-value">${escapeHtml(m.metricLabel)}: ${c?.value ? fmtCI(c.value.mean, c.value.ciLow, c.value.ciHigh, digits) : '–'}</div>`,
          `<div class="tt-n">${c ? `${c.games} games, ${Math.round(c.dealRate * 100)}% deals` : 'not played'}</div>`,
        ].join('');
      },
    },
    xAxis: {
      type: 'category',
      data: m.cols,
      name: `${m.roles[1]} →`,
      nameLocation: 'middle',
      nameGap: 32,
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      data: m.rows,
      name: `${m.roles[0]} →`,
      nameLocation: 'middle',
      nameGap: 100,
      splitArea: { show: true },
    },
    visualMap: viridisScale(min, max, digits, 140),
    series: [
      {
        type: 'heatmap',
        name: m.metricLabel,
        data,
        label: { show: m.rows.length <= 16 && m.cols.length <= 16, color: '#fff' },
      },
    ],
  };
}

import { describe, expect, it } from 'vitest';
import type { GridResult } from '../../src-shared/contract';
import {
  gridCurves,
  heatmapHeight,
  heatmapMargins,
  heatmapOption,
  pickLevels,
  xLabel,
} from './charts';

function grid(nx: number, ny: number): GridResult {
  const x = Array.from({ length: nx }, (_, i) => ({
    focalId: `f${i}`,
    label: `F${i}`,
    capability: i / nx,
  }));
  const y = Array.from({ length: ny }, (_, j) => j / Math.max(1, ny - 1));
  const cells = x.flatMap((col, xi) =>
    y.map((level, yi) => ({
      xi,
      yi,
      focalId: col.focalId,
      level,
      n: 2,
      mean: xi + yi,
      sd: 1,
      ciLow: xi + yi - 1,
      ciHigh: xi + yi + 1,
    })),
  );
  return {
    sweepId: 's',
    metric: 'utility_focal',
    metrics: ['utility_focal'],
    capabilityMetric: 'capability',
    ci: 'bootstrap',
    seed: 1,
    x,
    y,
    cells,
    capabilityMetrics: ['capability'],
    games: cells.length * 2,
  };
}

type Series = {
  label: { show: boolean };
  data: { value: unknown[]; itemStyle?: unknown; label?: unknown }[];
};

describe('result charts', () => {
  it('picks at most seven evenly spread levels, keeping both ends', () => {
    expect(pickLevels([1, 2, 3])).toEqual([1, 2, 3]);
    expect(pickLevels(Array.from({ length: 40 }, (_, i) => i))).toEqual([0, 7, 13, 20, 26, 33, 39]);
  });

  it('prints values in small grids and outlines the selected cell', () => {
    const series = (heatmapOption(grid(2, 2), { focalId: 'f1', level: 1 }).series as Series[])[0];
    expect(series.label.show).toBe(true);
    expect(series.data.map((d) => d.itemStyle ?? null)).toEqual([
      null,
      null,
      null,
      { borderColor: '#d55e00', borderWidth: 3 },
    ]);
    expect(series.data[3].value).toEqual([1, 1, 2]);
  });

  it('drops printed values and rotates labels in a 40 x 40 grid, with a bounded height', () => {
    const h = grid(40, 40);
    const option = heatmapOption(h);
    const series = (option.series as Series[])[0];
    expect(series.label.show).toBe(false);
    expect(series.data.every((d) => d.label === undefined)).toBe(true);
    expect((option.xAxis as { axisLabel: { rotate?: number } }).axisLabel.rotate).toBe(45);
    expect(heatmapMargins(40).bottom).toBe(120);
    expect(heatmapHeight(h)).toBe(960);
    expect(heatmapHeight(grid(5, 5))).toBe(372);
  });
});

describe('xLabel', () => {
  it('says a capability is unknown instead of placing the participant at 0', () => {
    const g = grid(2, 1);
    g.x[1] = { ...g.x[1], capability: null };
    expect([xLabel(g, 0), xLabel(g, 1)]).toEqual(['F0 (0)', 'F1 (unknown)']);
  });

  it('prints whole scores (Elo) as integers and fractional ones with two decimals', () => {
    const g = grid(2, 1);
    g.x = [
      { ...g.x[0], capability: 1000 },
      { ...g.x[1], capability: 1250 },
    ];
    expect([xLabel(g, 0), xLabel(g, 1)]).toEqual(['F0 (1000)', 'F1 (1250)']);
    g.x[1] = { ...g.x[1], capability: 0.5 };
    expect([xLabel(g, 0), xLabel(g, 1)]).toEqual(['F0 (1000.00)', 'F1 (0.50)']);
  });

  it('prints the mean, its CI and n in cells large enough for them', () => {
    const g = grid(2, 2);
    const option = heatmapOption(g) as {
      series: { label: { formatter: (p: { dataIndex: number }) => string } }[];
    };
    const c = g.cells[1];
    expect(option.series[0].label.formatter({ dataIndex: 1 })).toBe(
      `{mean|${c.mean!.toFixed(1)}}\n{ci|[${c.ciLow!.toFixed(1)}, ${c.ciHigh!.toFixed(1)}]}\n{ci|n ${c.n}}`,
    );
  });
});

describe('gridCurves', () => {
  it('flattens the grid into one line per level, the same cells', () => {
    const g = grid(2, 2);
    expect(gridCurves(g).series.map((s) => [s.level, s.points.map((p) => p.mean)])).toEqual([
      [0, [0, 1]],
      [1, [1, 2]],
    ]);
  });
});

// Shared inputs for the figure tests.
import type { Provenance } from './export';
import type { HeatmapData } from './heatmap';

export const PROVENANCE: Provenance = {
  sweepIds: ['sweep-a1', 'sweep-b2'],
  query: { metric: 'utility_share', where: 'competition <= 1 & n > 0' },
  parleyVersion: '0.1.0',
  createdAt: '2025-03-04T05:06:07.000Z',
  spec: { kind: 'heatmap', note: 'Überblick <draft>' },
};

/** size x size grid; mean = (i + j) / (2 (size - 1)), except one empty cell at (1, 2). */
export function gridData(size: number): HeatmapData {
  const xValues = Array.from({ length: size }, (_, i) => Number((i / (size - 1)).toFixed(2)));
  const yValues = Array.from({ length: size }, (_, j) => `Model ${j + 1}`);
  const cells = xValues.flatMap((x, i) =>
    yValues.map((y, j) => ({
      x,
      y,
      n: 20,
      mean: i === 1 && j === 2 ? null : (i + j) / (2 * (size - 1)),
    })),
  );
  return {
    xLabel: 'Competition level',
    yLabel: 'Model',
    valueLabel: 'Utility share',
    xValues,
    yValues,
    cells,
    min: 0,
    max: 1,
  };
}

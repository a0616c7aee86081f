// Notes over the hatching of heatmap cells without a mean (e.g. a pairing that never agreed:
// "0% deals"), drawn as label-only points so they sit where the cells are.
import type { SeriesOption } from 'echarts';
import { INK } from './layout';

/** One scatter series with the notes of the empty cells; none when there are none or no room. */
export function emptyNotesSeries(
  /** [x index, y index] of each empty cell with its note. */
  notes: { value: [number, number]; label: { formatter: string } }[],
  annotationSize: number | null,
  fontFamily: string,
  background: string,
): SeriesOption[] {
  if (notes.length === 0 || annotationSize === null) return [];
  return [
    {
      type: 'scatter',
      xAxisIndex: 0,
      yAxisIndex: 0,
      data: notes,
      symbolSize: 0,
      silent: true,
      label: {
        show: true,
        position: 'inside',
        fontSize: annotationSize,
        fontFamily,
        color: INK,
        backgroundColor: background,
        padding: 1,
      },
    },
  ];
}

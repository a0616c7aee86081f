// The results screen's view of a two-party sweep: its concession curves and matchup grid as the
// contract carries them (results:bargainFigures), from the same code as `parley figures`.
import type { BargainFiguresResult } from '../../src-shared/contract';
import { metricAxisLabel, metricDef } from '../../src-shared/metrics';
import type { Store } from '../store/types';
import {
  BARGAIN_FIGURE_KINDS,
  concessionCurves,
  demandLabel,
  matchupGrid,
} from './bargain-figures';
import { loadDataset } from './dataset';

/** Figures of one sweep; a figure the sweep cannot have is null with a note saying why. */
export function sweepBargainFigures(
  store: Store,
  sweepId: string,
  options: { opponent?: string; seed?: number } = {},
): BargainFiguresResult {
  const seed = options.seed ?? 1;
  const { rows } = loadDataset(store, [sweepId]);
  const kinds = [...new Set(rows.map((r) => String(r.kind)))];
  const none = (note: string): BargainFiguresResult => ({
    sweepId,
    concession: null,
    matchup: null,
    notes: [note],
  });
  if (rows.length === 0) return none('no finished games yet');
  if (kinds.length !== 1 || !(BARGAIN_FIGURE_KINDS as readonly string[]).includes(kinds[0]))
    return none(`concession curves and matchups are drawn for ${BARGAIN_FIGURE_KINDS.join(', ')}`);
  const curves = concessionCurves(store, rows, {
    seed,
    ...(options.opponent ? { opponent: options.opponent } : {}),
  });
  const metric = curves.kind === 'price' ? 'price' : 'round';
  const grid = matchupGrid(store, rows, { metric, seed });
  return {
    sweepId,
    concession: {
      opponent: curves.opponent,
      otherOpponents: curves.otherOpponents,
      yLabel: demandLabel(curves.kind),
      series: curves.series,
      games: curves.games,
    },
    matchup: {
      metric,
      metricLabel: metricAxisLabel(metricDef(metric)),
      roles: grid.roles,
      rows: grid.rows,
      cols: grid.cols,
      cells: grid.cells.map((c) => ({
        row: c.row,
        col: c.col,
        games: c.games,
        value: c.value
          ? {
              n: c.value.n,
              mean: c.value.mean,
              sd: c.value.sd,
              ciLow: c.value.ciLow,
              ciHigh: c.value.ciHigh,
            }
          : null,
        dealRate: c.dealRate,
      })),
    },
    notes: [],
  };
}

// The results screen's view of a two-party sweep: its concession curves and matchup grid as the
// contract carries them (results:bargainFigures), from the same code as `parley figures`.
import type { BargainFiguresResult } from '../../src-shared/contract';
import { metricAxisLabel, metricDef } from '../../src-shared/metrics';
import type { Store } from '../store/types';
import {
  BARGAIN_FIGURE_KINDS,
  ConcessionCollector,
  MatchupCollector,
  demandLabel,
} from './bargain-figures';
import { streamDataset } from './dataset';

/** Figures of one sweep; a figure the sweep cannot have is null with a note saying why. */
export function sweepBargainFigures(
  store: Store,
  sweepId: string,
  options: { opponent?: string; seed?: number } = {},
): BargainFiguresResult {
  const seed = options.seed ?? 1;
  const none = (note: string): BargainFiguresResult => ({
    sweepId,
    concession: null,
    matchup: null,
    notes: [note],
  });
  // Both figures gathered as the games stream by (no row is kept); the first game of another
  // kind, or of a kind without these figures, ends the pass with a note.
  const concession = new ConcessionCollector(store, {
    seed,
    ...(options.opponent ? { opponent: options.opponent } : {}),
  });
  let matchup: MatchupCollector | null = null;
  let kind: string | null = null;
  for (const r of streamDataset(store, [sweepId])) {
    kind ??= String(r.kind);
    if (String(r.kind) !== kind || !(BARGAIN_FIGURE_KINDS as readonly string[]).includes(kind))
      return none(
        `concession curves and matchups are drawn for ${BARGAIN_FIGURE_KINDS.join(', ')}`,
      );
    matchup ??= new MatchupCollector(store, { metric: kind === 'price' ? 'price' : 'round', seed });
    concession.add(r);
    matchup.add(r);
  }
  if (!matchup) return none('no finished games yet');
  const curves = concession.result();
  const grid = matchup.result();
  const metric = grid.metric;
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

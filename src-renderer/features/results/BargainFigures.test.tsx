// The two-party figures on the results screen: the panels from a results:bargainFigures answer,
// their chart options (one line per strategy, one labelled cell per pairing), and the metric
// picker listing the price game's own metrics for a price sweep only.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { BargainFiguresResult } from '../../../src-shared/contract';
import { GRID_METRIC_IDS, metricsOfGame } from '../../../src-shared/metrics';
import { BargainPanels } from './BargainFigures';
import { concessionOption, matchupLabel, matchupOption } from './bargain-charts';

const at = (turn: number, v: number) => ({ turn, n: 1, mean: v, ciLow: v, ciHigh: v });
const summary = (v: number) => ({ n: 1, mean: v, sd: null, ciLow: v, ciHigh: v });

const result: BargainFiguresResult = {
  sweepId: 's1',
  concession: {
    opponent: 'hardliner',
    otherOpponents: ['linear'],
    yLabel: 'Surplus asked, mean and 95% CI',
    series: [
      { id: 'linear', points: [at(1, 14.4), at(3, 11.2)] },
      { id: 'strict', points: [at(1, 8), at(3, 8)] },
    ],
    games: 2,
  },
  matchup: {
    metric: 'price',
    metricLabel: 'Agreed price',
    roles: ['Seller', 'Buyer'],
    rows: ['linear', 'strict'],
    cols: ['hardliner'],
    cells: [
      { row: 'linear', col: 'hardliner', games: 1, value: summary(44), dealRate: 1 },
      { row: 'strict', col: 'hardliner', games: 2, value: null, dealRate: 0 },
    ],
  },
  notes: [],
};

describe('two-party figures on the results screen', () => {
  it('shows both panels, with an opponent picker listing every opponent', () => {
    const html = renderToStaticMarkup(<BargainPanels result={result} onOpponent={() => {}} />);
    expect(html).toContain('Concession curves against hardliner');
    expect(html).toContain('(2 games)');
    expect(html).toContain('data-testid="concession"');
    expect(html).toContain('Matchups: agreed price and deal rate, Seller x Buyer');
    expect(html).toContain('data-testid="matchup"');
    expect([...html.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1])).toEqual([
      'hardliner',
      'linear',
    ]);
  });

  it('says why a sweep has no such figures', () => {
    const html = renderToStaticMarkup(
      <BargainPanels
        result={{
          sweepId: 's1',
          concession: null,
          matchup: null,
          notes: ['no finished games yet'],
        }}
        onOpponent={() => {}}
      />,
    );
    expect(html).toBe('<p class="muted" data-testid="bargain-note">no finished games yet</p>');
  });

  it('draws one line per strategy at its turns, and labels each pairing', () => {
    const option = concessionOption(result.concession!);
    expect(
      (option.series as { name: string; data: unknown[] }[]).map((s) => [s.name, s.data]),
    ).toEqual([
      [
        'linear',
        [
          [1, 14.4],
          [3, 11.2],
        ],
      ],
      [
        'strict',
        [
          [1, 8],
          [3, 8],
        ],
      ],
    ]);
    const grid = matchupOption(result.matchup!, 1);
    const data = (
      grid.series as { data: { value: unknown[]; label: { formatter: string } }[] }[]
    )[0].data;
    expect(data.map((d) => [d.value, d.label.formatter])).toEqual([
      [[0, 0, 44], '44.0\n100% deals'],
      [[0, 1, '-'], '0% deals'],
    ]);
    expect(matchupLabel(undefined, 2)).toBe('');
  });

  it('the metric picker lists the price metrics for price sweeps, invalid actions for every game', () => {
    const price = metricsOfGame(GRID_METRIC_IDS, 'price');
    expect(price).toEqual(
      expect.arrayContaining([
        'price',
        'zone_share_focal',
        'win_focal',
        'irrational_focal',
        'deal',
      ]),
    );
    const items = metricsOfGame(GRID_METRIC_IDS, 'item-allocation');
    expect(items).toEqual([
      'utility_focal',
      'utility_share_focal',
      'deal',
      'round',
      'social_welfare',
      'invalid_proposals',
      'invalid_focal',
    ]);
    expect(metricsOfGame(GRID_METRIC_IDS, 'ultimatum')).toContain('win_focal');
    expect(metricsOfGame(GRID_METRIC_IDS, 'ultimatum')).not.toContain('price');
  });
});

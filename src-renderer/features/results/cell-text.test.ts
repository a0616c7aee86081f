import { describe, expect, it } from 'vitest';
import type { GameSummary, GridResult } from '../../../src-shared/contract';
import { dealRate } from './CellSummary';
import { gridCellText } from './GridTable';

const game = (status: GameSummary['status'], deal: boolean | null) =>
  ({ status, deal }) as GameSummary;

describe('cell texts', () => {
  it('counts the deal rate over finished games only', () => {
    expect(
      dealRate([
        game('finished', true),
        game('finished', false),
        game('finished', true),
        game('failed', null),
        game('queued', null),
      ]),
    ).toEqual({ deals: 2, finished: 3 });
  });

  it('says a cell as mean [CI], n with the metric digits', () => {
    const grid = { metric: 'deal' } as GridResult;
    const cell = { xi: 0, yi: 0, focalId: 'f', level: 0, sd: null };
    expect(gridCellText(grid, { ...cell, n: 20, mean: 0.4, ciLow: 0.2, ciHigh: 0.6 })).toBe(
      '0.40 [0.20, 0.60], n = 20',
    );
    expect(gridCellText(grid, { ...cell, n: 0, mean: null, ciLow: null, ciHigh: null })).toBe(
      'no games',
    );
    expect(gridCellText(grid, { ...cell, n: 3, mean: null, ciLow: null, ciHigh: null })).toBe(
      'no value, n = 3',
    );
  });
});

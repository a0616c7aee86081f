import { describe, expect, it } from 'vitest';
import { formatFitTable, formatNumber, runFit } from './fit-command';
import { fitLinear } from './regression';

const ANSCOMBE_X = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
const ANSCOMBE_Y = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];

function anscombeCsv(): string {
  const lines = ['elo,share,level'];
  ANSCOMBE_X.forEach((x, i) => lines.push(`${x},${ANSCOMBE_Y[i]},0.5`));
  // Level 1: y = 2x exactly plus small deviations, and two incomplete rows (lines 14 and 16).
  lines.push('1,2.1,1', ',3,1', '2,3.9,1', '3,,1', '4,8.2,1');
  return lines.join('\n') + '\n';
}

describe('runFit', () => {
  it('fits each group and reports skipped lines', () => {
    const result = runFit({ csvText: anscombeCsv(), x: 'elo', y: 'share', group: 'level' });
    expect(result.groupBy).toBe('level');
    expect(result.skippedLines).toEqual([14, 16]);
    expect(result.groups.map((g) => [g.group, g.n])).toEqual([
      ['0.5', 11],
      ['1', 3],
    ]);
    expect(result.groups[0].fit).toEqual(fitLinear(ANSCOMBE_X, ANSCOMBE_Y));
    expect(result.groups[0].fit?.slope).toBeCloseTo(0.5001, 4);
    // Level 1 points (1, 2.1), (2, 3.9), (4, 8.2): xbar 7/3, Sxx = 21 - 49/3 = 14/3,
    // Sxy = 1(2.1) + 2(3.9) + 4(8.2) - 3 (7/3)(4.7333) = 42.7 - 33.1333 = 9.5667; slope 2.05.
    expect(result.groups[1].fit?.slope).toBeCloseTo((42.7 - 7 * (14.2 / 3)) / (14 / 3), 12);
  });

  it('pools without a group and passes weights and extrapolation through', () => {
    const csv = 'x,y,w\n1,1,1\n2,3,2\n3,2,1\n4,5,2\n';
    const result = runFit({ csvText: csv, x: 'x', y: 'y', weights: 'w', extrapolateTo: 6 });
    expect(result.groups).toHaveLength(1);
    expect(result.groups[0].group).toBeNull();
    expect(result.groups[0].fit?.slope).toBeCloseTo(25 / 22, 13); // see regression.test.ts
    expect(result.groups[0].fit?.extrapolation?.yhat).toBeCloseTo(3 / 22 + (6 * 25) / 22, 13);
  });

  it('names an unknown column and lists the available ones', () => {
    expect(() => runFit({ csvText: anscombeCsv(), x: 'arena_elo', y: 'share' })).toThrow(
      'column "arena_elo" not found; available columns: elo, share, level',
    );
    expect(() => runFit({ csvText: anscombeCsv(), x: 'elo', y: 'share', weights: 'n' })).toThrow(
      'column "n" not found',
    );
  });

  it('names the line of a non-numeric value or a bad weight', () => {
    expect(() => runFit({ csvText: 'x,y\n1,2\n2,abc\n3,4\n', x: 'x', y: 'y' })).toThrow(
      'line 3: column "y" value "abc" is not a number',
    );
    expect(() =>
      runFit({ csvText: 'x,y,w\n1,2,1\n2,3,0\n3,4,1\n', x: 'x', y: 'y', weights: 'w' }),
    ).toThrow('line 3: column "w" weight 0 must be positive');
  });

  it('reports a group it cannot fit', () => {
    const result = runFit({
      csvText: 'g,x,y\na,1,1\na,2,2\nb,1,1\nb,2,3\nb,3,2\n',
      x: 'x',
      y: 'y',
      group: 'g',
    });
    expect(result.groups[0]).toEqual({
      group: 'a',
      n: 2,
      fit: null,
      error: 'a line with intervals needs at least 3 points, got 2',
    });
  });
});

describe('formatFitTable', () => {
  it('lays out a fixed-width table', () => {
    const text = formatFitTable(
      runFit({ csvText: anscombeCsv(), x: 'elo', y: 'share', group: 'level' }),
    );
    expect(text).toBe(
      [
        'share ~ elo by level',
        'group   n  slope [95% CI]           intercept [95% CI]            r    R^2',
        '-----  --  -----------------------  ------------------------  -----  -----',
        '0.5    11  0.5001 [0.2334, 0.7668]  3.000 [0.4557, 5.544]     0.816  0.667',
        // Level 1: slope 2.05, SE 0.0866, t(0.975, 1 df) = 12.706: 2.05 -+ 1.1004; intercept -0.05.
        '1       3  2.050 [0.9496, 3.150]    -0.05000 [-2.961, 2.861]  0.999  0.998',
        'skipped 2 row(s) with an empty value (lines 14, 16)',
        '',
      ].join('\n'),
    );
  });

  it('formats numbers with four significant digits', () => {
    expect(formatNumber(0.50009)).toBe('0.5001');
    expect(formatNumber(1829.151)).toBe('1829');
    expect(formatNumber(-3482258.6)).toBe('-3.482e+6');
    expect(formatNumber(0.0000358)).toBe('3.580e-5');
    expect(formatNumber(0)).toBe('0');
  });
});

import { describe, expect, it } from 'vitest';
import type { CompareResult } from '../../../src-shared/contract';
import { parseHash, formatHash } from '../../lib/route';
import { cellSummary, diffHeatmapOption, fmtDiff, fmtP, NO_PAIRS, PUOR } from './compare-chart';
import { parseTags } from './AnnotationEditor';

const result = (diffs: (number | null)[]): CompareResult => ({
  metric: 'deal',
  x: [{ focalKey: 'x', label: 'x', capability: 0.5 }],
  y: diffs.map((_, i) => i / 10),
  cells: diffs.map((d, yi) => ({
    xi: 0,
    yi,
    focalKey: 'x',
    level: yi / 10,
    n: d === null ? 0 : 4,
    meanA: null,
    meanB: null,
    meanDiff: d,
    ciLow: d === null ? null : d - 0.1,
    ciHigh: d === null ? null : d + 0.1,
    p: d === null ? null : 0.125,
    pMethod: d === null ? 'none' : 'exact',
    wilcoxonP: d === null ? null : 0.25,
    wilcoxonMethod: d === null ? 'none' : 'exact',
    unpairedA: 0,
    unpairedB: d === null ? 3 : 0,
    missing: 0,
  })),
  pairedBy: ['focal', 'level', 'seed', 'order'],
  pairs: 8,
  unpairedA: 0,
  unpairedB: 3,
  ambiguousA: 0,
  ambiguousB: 0,
  test: {
    name: 'sign-flip permutation, two-sided, statistic |sum of differences|',
    exactMaxPairs: 16,
    monteCarloDraws: 10000,
    bootstrapResamples: 2000,
    wilcoxon: {
      name: 'Wilcoxon signed-rank, two-sided, zero differences dropped, average ranks',
      exactMaxPairs: 25,
    },
  },
  elapsedMs: 1,
});

describe('difference heatmap', () => {
  it('centres the diverging scale on 0 at the largest |difference|', () => {
    const option = diffHeatmapOption(result([0.25, -0.5, null]), null) as {
      visualMap: { min: number; max: number; inRange: { color: string[] } };
      series: { data: { value: unknown[]; itemStyle: { color?: string } }[] }[];
    };
    expect([option.visualMap.min, option.visualMap.max]).toEqual([-0.5, 0.5]);
    expect(option.visualMap.inRange.color).toEqual(PUOR);
    expect(PUOR[4]).toBe('#f7f7f7');
    expect(option.series[0].data.map((d) => d.value)).toEqual([
      [0, 0, 0.25],
      [0, 1, -0.5],
      [0, 2, '-'],
    ]);
    expect(option.series[0].data[2].itemStyle.color).toBe(NO_PAIRS);
  });

  it('says each cell in words', () => {
    const r = result([0.25, null]);
    expect(cellSummary(r, r.cells[0])).toBe(
      '+0.25 [+0.15, +0.35], n = 4, sign-flip p = 0.125, Wilcoxon p = 0.250',
    );
    expect(cellSummary(r, r.cells[1])).toBe('no pairs (unpaired A 0, B 3)');
    expect([fmtDiff(-1.234, 1), fmtDiff(0, 2), fmtP(0.0004), fmtP(null)]).toEqual([
      '-1.2',
      '0.00',
      '< 0.001',
      '–',
    ]);
  });
});

describe('compare route and tags', () => {
  it('round-trips a deep link with sides, cell, tag and pair', () => {
    const hash =
      '#/compare?a=s1&ao=weak_first&b=s1&bo=strong_first&metric=deal&cell=br-0.1%400.25&tag=odd&pair=g1%2Cg2';
    const route = parseHash(hash);
    expect(route).toEqual({
      screen: 'compare',
      a: { sweepId: 's1', order: 'weak_first' },
      b: { sweepId: 's1', order: 'strong_first' },
      metric: 'deal',
      cell: { focalKey: 'br-0.1', level: 0.25 },
      tag: 'odd',
      pair: { a: 'g1', b: 'g2' },
    });
    expect(formatHash(route)).toBe(hash);
    expect(parseHash('#/compare?a=s1&ao=sideways&metric=nope')).toMatchObject({
      a: { sweepId: 's1' },
      b: null,
      metric: 'utility_focal',
    });
  });

  it('parses typed tags and names the invalid ones', () => {
    expect(parseTags(' Odd-Deal, check  check ')).toEqual({ tags: ['check', 'odd-deal'], bad: [] });
    expect(parseTags('ok bad!')).toEqual({ tags: ['bad!', 'ok'], bad: ['bad!'] });
  });
});

import { describe, expect, it } from 'vitest';
import { linesLabels, linesOption, renderLinesSvg, type LinesData } from './lines';
import { renderScatterFitSvg } from './scatter-fit';

const data: LinesData = {
  xLabel: 'Competition level',
  yLabel: 'Utility share',
  series: ['Strong vs weak', 'Equal'].map((name, i) => ({
    name,
    points: [0, 0.5, 1].map((x) => ({
      x,
      mean: 0.5 + 0.1 * i * x,
      ciLow: 0.45 + 0.1 * i * x,
      ciHigh: 0.55 + 0.1 * i * x,
      n: 30,
    })),
  })),
};

describe('renderLinesSvg', () => {
  it('draws each series in Okabe-Ito with a translucent CI band, legend and axis names', () => {
    const svg = renderLinesSvg(data, { width: 'column' });
    expect(svg).toMatch(/^<svg width="234" height="187"/);
    for (const text of ['>Competition level<', '>Utility share<', '>Strong vs weak<', '>Equal<'])
      expect(svg).toContain(text);
    expect(svg.match(/stroke="#0072B2"/g)?.length).toBeGreaterThan(0);
    expect(svg.match(/stroke="#D55E00"/g)?.length).toBeGreaterThan(0);
    expect(svg.match(/<polygon[^>]*fill="#0072B2" fill-opacity="0.2"/g)).toHaveLength(1);
    // The y axis (right-anchored tick labels) hugs the data and bands instead of starting at zero.
    expect(svg).not.toMatch(/text-anchor="end"[^>]*>0<\/text>/);
    expect(svg).toMatch(/text-anchor="end"[^>]*>0\.45<\/text>/);
  });
});

describe('curves labels and legend', () => {
  const levels: LinesData = {
    xLabel: 'Focal capability',
    yLabel: 'Focal utility',
    yNote: 'mean and 95% CI',
    legendTitle: 'Competition level',
    series: [0, 0.25, 0.5, 0.75, 1].map((l) => ({
      name: `Competition level = ${l}`,
      shortName: String(l),
      points: [0.2, 0.8].map((x) => ({ x, mean: 40, ciLow: 35, ciHigh: 45, n: 10 })),
    })),
  };

  it('gives a one-column figure a titled legend of short names and a one-line y label', () => {
    // 'Focal utility, mean and 95% CI' is 125 pt at 8 pt: over the ~112 pt a column plot has,
    // so the note moves to the legend title and the label stays on one line.
    expect(linesLabels(levels, { width: 'column' })).toEqual({
      yLabel: 'Focal utility',
      legendTitle: 'Competition level (mean and 95% CI)',
      names: ['0', '0.25', '0.5', '0.75', '1'],
    });
    const { option } = linesOption(levels, { width: 'column' });
    const o = option as { yAxis: { name: string }; legend: { data: { name: string }[] } };
    expect(o.yAxis.name).toBe('Focal utility');
    expect(o.legend.data.map((d) => d.name)).toEqual(['0', '0.25', '0.5', '0.75', '1']);
    // Full width has room: full names, and the note on the y label.
    expect(linesLabels(levels, { width: 'full' })).toEqual({
      yLabel: 'Focal utility, mean and 95% CI',
      names: levels.series.map((s) => s.name),
    });
  });

  it('marks every series with a shape centred on its points', () => {
    const { option } = linesOption(levels, { width: 'column' });
    const symbols = (option.series as { type: string; symbol?: string }[])
      .filter((s) => s.type === 'line')
      .map((s) => s.symbol);
    expect(symbols).toEqual(['circle', 'rect', 'triangle', 'diamond', 'emptyCircle']);
  });
});

describe('renderScatterFitSvg', () => {
  it('draws points, the fit and a dashed extrapolation beyond the data', () => {
    const svg = renderScatterFitSvg(
      {
        xLabel: 'Capability gap',
        yLabel: 'Utility share',
        points: [1, 2, 3, 4].map((x) => ({ x, y: 0.3 + 0.05 * x, group: 'Low competition' })),
        fit: {
          slope: 0.05,
          intercept: 0.3,
          band: [1, 4, 8].map((x) => ({ x, lo: 0.28 + 0.05 * x, hi: 0.32 + 0.05 * x })),
        },
      },
      { width: 'full' },
    );
    for (const text of [
      '>Capability gap<',
      '>Low competition<',
      '>Fit: y = 0.30 + 0.05x<',
      '>Extrapolation band<',
    ])
      expect(svg).toContain(text);
    expect(svg).toContain('stroke-dasharray');
  });
});

import { describe, expect, it } from 'vitest';
import { colorBarTicks, droppedValuesNote, heatmapLayout, renderHeatmapSvg } from './heatmap';
import { PALETTES, contrastText, paletteColor } from './palettes';
import { gridData } from './fixtures.test-helpers';

function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
}

/** Cell annotations are the only text drawn in pure black or white. */
function annotations(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*fill="#(?:000000|ffffff)"[^>]*>([^<]*)<\/text>/g)].map(
    (m) => m[1],
  );
}

describe('palettes', () => {
  it('uses the published viridis and cividis tables', () => {
    expect(PALETTES.viridis).toHaveLength(256);
    expect([PALETTES.viridis[0], PALETTES.viridis[255]]).toEqual(['#440154', '#fde725']);
    expect([PALETTES.cividis[0], PALETTES.cividis[255]]).toEqual(['#00224e', '#fee838']);
    expect([
      paletteColor('viridis', 0),
      paletteColor('viridis', 1),
      paletteColor('viridis', 2),
    ]).toEqual(['#440154', '#fde725', '#fde725']);
  });

  it('picks white text on dark cells and black on light ones', () => {
    expect([
      contrastText('#440154'),
      contrastText('#fde725'),
      contrastText('#00224e'),
      contrastText('#fee838'),
    ]).toEqual(['#ffffff', '#000000', '#ffffff', '#000000']);
  });
});

describe('renderHeatmapSvg', () => {
  it('draws a 5x5 column-width heatmap with axis names, ticks and annotated values', () => {
    const svg = renderHeatmapSvg(gridData(5), { width: 'column', palette: 'viridis' });
    expect(svg).toMatch(/^<svg width="234" height="\d+"/);
    const all = texts(svg);
    expect(all).toEqual(
      expect.arrayContaining([
        'Competition level',
        'Model',
        'Utility share',
        'Model 1',
        'Model 5',
        '0',
        '0.25',
        '1',
      ]),
    );
    // 25 cells, one empty: the empty one (i + j = 3, so 0.38) carries no label; three other cells have i + j = 3.
    const values = annotations(svg);
    expect(values).toHaveLength(24);
    expect(values.filter((v) => v === '0.38')).toHaveLength(3);
    expect(new Set(values)).toEqual(
      new Set(['0.00', '0.13', '0.25', '0.38', '0.50', '0.63', '0.75', '0.88', '1.00']),
    );
  });

  it('labels dark cells in white and light cells in black', () => {
    const svg = renderHeatmapSvg(gridData(5), { width: 'full' });
    expect(svg).toMatch(/fill="#ffffff">0\.00<\/text>/);
    expect(svg).toMatch(/fill="#000000">1\.00<\/text>/);
  });

  it('keeps every font at 7 pt or more', () => {
    const svg = renderHeatmapSvg(gridData(10), { width: 'column' });
    const sizes = [...svg.matchAll(/font-size:([\d.]+)px/g)].map((m) => Number(m[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(7);
  });

  it('drops annotations that would not fit at 7 pt', () => {
    const data = gridData(20);
    expect(heatmapLayout(data, { width: 'column' }).annotationSize).toBeNull();
    expect(annotations(renderHeatmapSvg(data, { width: 'column' }))).toEqual([]);
    expect(heatmapLayout(gridData(5), { width: 'full' }).annotationSize).toBe(8);
  });

  it('wraps an axis name longer than its axis', () => {
    const layout = heatmapLayout(
      { ...gridData(5), valueLabel: 'Utility share of the stronger agent, averaged over runs' },
      { width: 'column' },
    );
    expect(layout.names.value.split('\n').length).toBeGreaterThan(1);
  });

  it('puts colour-bar ticks on round values inside the range', () => {
    expect(colorBarTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(colorBarTicks(0.024, 0.9998)).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(colorBarTicks(-3, 17)).toEqual([0, 5, 10, 15]);
  });

  it('draws the same SVG text however many charts the process drew before', () => {
    const first = renderHeatmapSvg(gridData(4), { width: 'full' });
    renderHeatmapSvg(gridData(3), { width: 'column' });
    expect(renderHeatmapSvg(gridData(4), { width: 'full' })).toBe(first);
    // ECharts' instance-numbered names come out renumbered from zero.
    expect(first).toMatch(/url\(#zr0-g0\)/);
    expect(first).not.toMatch(/\bzr[1-9]\d*-/);
  });

  it('rejects a cell outside the declared axis values', () => {
    const data = gridData(3);
    expect(() =>
      renderHeatmapSvg(
        { ...data, cells: [{ x: 9, y: 'Model 1', mean: 1, n: 1 }] },
        { width: 'column' },
      ),
    ).toThrow('Heatmap cell has x = 9, which is not in xValues');
  });
});

describe('droppedValuesNote', () => {
  it('says when a one-column heatmap leaves its cell values out, and only then', () => {
    expect(droppedValuesNote(gridData(4), { width: 'column' })).toBeNull();
    expect(droppedValuesNote(gridData(30), { width: 'column' })).toBe(
      'cell values are not printed: 30 x 30 cells are too small for 7 pt text at one column (3.25 in); export at full width, or the cell table, for the numbers',
    );
    // Turned off on purpose: nothing to say.
    expect(droppedValuesNote(gridData(30), { width: 'column', annotate: false })).toBeNull();
  });
});

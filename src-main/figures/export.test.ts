import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PNG_PROVENANCE_KEY, exportFigure, stripTextStrokes, svgSize } from './export';
import { renderHeatmapSvg } from './heatmap';
import { crc32, readPngText } from './png-chunks';
import { PROVENANCE, gridData } from './fixtures.test-helpers';

const dir = mkdtempSync(join(tmpdir(), 'parley-figures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function figure(width: 'column' | 'full'): { svg: string; widthIn: number; heightIn: number } {
  const svg = renderHeatmapSvg(gridData(5), { width });
  const size = svgSize(svg);
  return { svg, widthIn: size.width / 72, heightIn: size.height / 72 };
}

function run(tool: string, ...args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8' });
}

describe('exportFigure', () => {
  it('writes SVG with escaped provenance metadata, physical size and a sidecar', async () => {
    const { svg, widthIn, heightIn } = figure('column');
    const outPath = join(dir, 'heat.svg');
    const result = await exportFigure(svg, {
      format: 'svg',
      widthIn,
      heightIn,
      provenance: PROVENANCE,
      outPath,
    });
    expect(result).toEqual({ figurePath: outPath, sidecarPath: `${outPath}.json`, warnings: [] });
    const written = readFileSync(outPath, 'utf8');
    expect(written).toMatch(/^<svg width="3.25in" height="[\d.]+in"/);
    const metadata =
      /<metadata id="parley-provenance">([^<]*)<\/metadata>/.exec(written)?.[1] ?? '';
    expect(metadata).toContain('competition &lt;= 1 &amp; n &gt; 0');
    const unescaped = metadata.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expect(JSON.parse(unescaped)).toEqual(PROVENANCE);
    expect(JSON.parse(readFileSync(`${outPath}.json`, 'utf8'))).toEqual(PROVENANCE);
  });

  it('writes a 300 dpi PNG exactly 2025 px wide for full width, with a provenance tEXt chunk', async () => {
    const { svg, widthIn, heightIn } = figure('full');
    const outPath = join(dir, 'heat.png');
    await exportFigure(svg, { format: 'png', widthIn, heightIn, provenance: PROVENANCE, outPath });
    const png = readFileSync(outPath);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([
      2025,
      Math.round(heightIn * 300),
    ]);
    expect(JSON.parse(readPngText(png)[PNG_PROVENANCE_KEY])).toEqual(PROVENANCE);
    expect(JSON.parse(readFileSync(`${outPath}.json`, 'utf8'))).toEqual(PROVENANCE);
  });

  it.each([
    ['full', 486],
    ['column', 234],
  ] as const)(
    'writes a vector %s-width PDF with embedded DejaVu fonts and searchable text',
    async (width, points) => {
      const { svg, widthIn, heightIn } = figure(width);
      const outPath = join(dir, `heat-${width}.pdf`);
      await exportFigure(svg, {
        format: 'pdf',
        widthIn,
        heightIn,
        provenance: PROVENANCE,
        outPath,
        title: 'Utility share heatmap',
      });

      const info = run('pdfinfo', outPath);
      expect(info).toContain(`Page size:       ${points} x ${Math.round(heightIn * 72)} pts`);
      expect(info).toMatch(/Title:\s+Utility share heatmap/);
      expect(info).toMatch(/Author:\s+Parley/);
      expect(info).toMatch(/Creator:\s+Parley 0\.1\.0/);
      expect(info).toMatch(/Keywords:\s+sweep-a1, sweep-b2/);
      expect(info).toMatch(/CreationDate:\s+Tue Mar\s+4 05:06:07 2025 UTC/);

      const fonts = run('pdffonts', outPath).split('\n').slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font).toMatch(/\+DejaVuSans(-Bold)?\s+CID TrueType\s+Identity-H\s+yes yes yes/);
      }

      const text = run('pdftotext', outPath, '-');
      for (const expected of ['Competition level', 'Model 3', 'Utility share', '0.38'])
        expect(text).toContain(expected);
      expect(JSON.parse(readFileSync(`${outPath}.json`, 'utf8'))).toEqual(PROVENANCE);
    },
  );

  it('produces byte-identical PDFs from identical inputs', async () => {
    const { svg, widthIn, heightIn } = figure('column');
    const a = join(dir, 'a.pdf');
    const b = join(dir, 'b.pdf');
    await exportFigure(svg, {
      format: 'pdf',
      widthIn,
      heightIn,
      provenance: PROVENANCE,
      outPath: a,
    });
    await exportFigure(svg, {
      format: 'pdf',
      widthIn,
      heightIn,
      provenance: PROVENANCE,
      outPath: b,
    });
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });

  it('rejects a provenance without a valid date before writing anything', async () => {
    const { svg } = figure('column');
    const outPath = join(dir, 'bad.pdf');
    await expect(
      exportFigure(svg, {
        format: 'pdf',
        widthIn: 3.25,
        heightIn: 2,
        provenance: { ...PROVENANCE, createdAt: 'yesterday' },
        outPath,
      }),
    ).rejects.toThrow('provenance.createdAt is not a date: yesterday');
  });
});

describe('stripTextStrokes', () => {
  it('removes halo strokes from text and leaves other elements alone', () => {
    const svg =
      '<svg><path d="M0 0" stroke="#000" stroke-width="1"/>' +
      '<text paint-order="stroke" stroke="#fff" stroke-width="2" stroke-linejoin="round" style="font-size:7px;stroke:#fff;paint-order:stroke" fill="#000">0.42</text></svg>';
    expect(stripTextStrokes(svg)).toBe(
      '<svg><path d="M0 0" stroke="#000" stroke-width="1"/><text style="font-size:7px" fill="#000">0.42</text></svg>',
    );
  });
});

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});

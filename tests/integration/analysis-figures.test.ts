// `parley figures` end to end: a spec file and a SQLite database in, files out, checked with
// poppler (pdfinfo, pdffonts, pdftotext) and by reading the PNG and SVG headers.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HAND_SWEEP_ID,
  HAND_SWEEP_NAME,
  writeHandSweep,
} from '../../src-main/analysis/hand-sweep.test-helpers';
import { readPngText } from '../../src-main/figures/png-chunks';
import { openStore } from '../../src-main/store/store';
import { ROOT, runCli, tempDir } from './cli-helpers';

const tmp = tempDir('parley-analysis-figures-');
const db = join(tmp.dir, 'hand.db');
const out = join(tmp.dir, 'figures');
const EPOCH = '1767225600'; // 2026-01-01T00:00:00Z
let result: ReturnType<typeof runCli>;

const spec = {
  defaults: { sweeps: [HAND_SWEEP_NAME], formats: ['pdf', 'png', 'svg'] },
  figures: [
    { id: 'heat-full', type: 'heatmap', metric: 'utility_focal', width: 'full', digits: 1 },
    {
      id: 'heat-column',
      type: 'heatmap',
      metric: 'deal',
      width: 'column',
      palette: 'cividis',
      formats: ['pdf', 'png'],
    },
    {
      id: 'curves',
      type: 'curves',
      metric: 'utility_focal',
      x: 'focal_capability',
      series: null,
      formats: ['pdf'],
    },
    {
      id: 'scaling',
      type: 'scaling',
      metric: 'utility_focal',
      points: 'games',
      group: 'order',
      extrapolateTo: 1,
      width: 'full',
      formats: ['pdf'],
    },
    {
      id: 'tab',
      type: 'table',
      metrics: ['utility_focal'],
      by: ['focal_id'],
      filters: { competition_level: 0.5 },
    },
  ],
};

const tool = (name: string, ...args: string[]) => execFileSync(name, args, { encoding: 'utf8' });
const pngSize = (file: string) => {
  const png = readFileSync(file);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
};

beforeAll(() => {
  const store = openStore(db);
  writeHandSweep(store);
  store.close();
  writeFileSync(join(tmp.dir, 'spec.json'), JSON.stringify(spec));
  result = runCli(['figures', join(tmp.dir, 'spec.json'), '--out', out, '--db', db], {
    SOURCE_DATE_EPOCH: EPOCH,
  });
});
afterAll(() => tmp.cleanup());

describe('parley figures', () => {
  it('renders every figure of the spec and lists the files', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      `heat-full (heatmap, 5 games): ${out}/heat-full.pdf, ${out}/heat-full.png, ${out}/heat-full.svg`,
      `heat-column (heatmap, 5 games): ${out}/heat-column.pdf, ${out}/heat-column.png`,
      `curves (curves, 5 games): ${out}/curves.pdf`,
      `scaling (scaling, 5 games): ${out}/scaling.pdf`,
      `tab (table, 4 games): ${out}/tab.csv, ${out}/tab.tex, ${out}/tab.json`,
      '',
    ]);
  });

  it('writes vector PDFs of the requested width with embedded fonts and axis labels as text', () => {
    const info = tool('pdfinfo', join(out, 'heat-full.pdf'));
    expect(info).toMatch(/Page size:\s+486 x \d+ pts/);
    expect(info).toMatch(/Creator:\s+Parley 0\.1\.0/);
    expect(info).toMatch(new RegExp(`Keywords:\\s+${HAND_SWEEP_ID}`));
    expect(tool('pdfinfo', join(out, 'heat-column.pdf'))).toMatch(/Page size:\s+234 x \d+ pts/);
    expect(tool('pdfinfo', join(out, 'curves.pdf'))).toMatch(/Page size:\s+234 x \d+ pts/);
    for (const name of ['heat-full', 'heat-column', 'curves', 'scaling']) {
      const fonts = tool('pdffonts', join(out, `${name}.pdf`))
        .trim()
        .split('\n')
        .slice(2);
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts)
        expect(line).toMatch(/DejaVuSans\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    }
    const text = tool('pdftotext', join(out, 'heat-full.pdf'), '-');
    for (const label of [
      'Competition level',
      'Focal capability',
      'Focal utility (discounted, points)',
      '61.0',
      '80.0',
      '25.0',
    ]) {
      expect(text).toContain(label);
    }
    const scaling = tool('pdftotext', join(out, 'scaling.pdf'), '-');
    // Pooled fit through (0.2, 72), (0.2, 50), (0.8, 0), (0.8, 50), (0.5, 80): y = 80.4 - 60x.
    expect(scaling).toContain('OLS fit: y = 80.40 - 60.00x');
    expect(scaling).toContain('95% CI of the fitted mean');
  });

  it('writes 300 dpi PNGs of exactly 6.75 in and 3.25 in, carrying their provenance', () => {
    expect(pngSize(join(out, 'heat-full.png')).width).toBe(2025);
    expect(pngSize(join(out, 'heat-column.png')).width).toBe(975);
    const provenance = JSON.parse(
      readPngText(readFileSync(join(out, 'heat-full.png')))['parley:provenance'],
    );
    expect(provenance).toMatchObject({
      sweepIds: [HAND_SWEEP_ID],
      parleyVersion: '0.1.0',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('keeps all SVG text at 7 pt or more and records the query in SVG metadata and the sidecar', () => {
    const svg = readFileSync(join(out, 'heat-full.svg'), 'utf8');
    expect(svg).toMatch(/^<svg width="6.75in" /);
    const sizes = [...svg.matchAll(/font-size[:=]"?([\d.]+)/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(10);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(7);
    expect(svg).toContain('<metadata id="parley-provenance">{"sweepIds":["hand-sweep-0001"]');
    const sidecar = JSON.parse(readFileSync(join(out, 'heat-full.svg.json'), 'utf8'));
    expect(sidecar).toEqual({
      sweepIds: [HAND_SWEEP_ID],
      query: {
        figure: {
          id: 'heat-full',
          type: 'heatmap',
          metric: 'utility_focal',
          width: 'full',
          digits: 1,
          x: 'competition_level',
          y: 'focal_capability',
          palette: 'viridis',
          annotate: true,
          sweeps: [HAND_SWEEP_NAME],
          capabilityAxis: 'sweep',
          seed: 1,
          formats: ['pdf', 'png', 'svg'],
        },
        rows: 5,
        unfinishedGamesExcluded: 0,
      },
      parleyVersion: '0.1.0',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('writes tables as CSV and booktabs LaTeX with mean ± half the CI', () => {
    expect(readFileSync(join(out, 'tab.csv'), 'utf8')).toBe(
      'Focal model,n,"Focal utility (discounted, points)","Focal utility (discounted, points) CI low","Focal utility (discounted, points) CI high"\n' +
        'strong,2,25,0,50\n' +
        'weak,2,61,50,72\n',
    );
    const tex = readFileSync(join(out, 'tab.tex'), 'utf8');
    expect(tex).toContain('\\toprule');
    expect(tex).toContain('    strong & 2 & $25.00 \\pm 25.00$ \\\\');
    expect(tex).toContain('    weak & 2 & $61.00 \\pm 11.00$ \\\\');
    expect(tex).toContain('\\bottomrule');
  });

  it('rejects an invalid spec naming the field path, and an unknown column naming the column', () => {
    const bad = join(tmp.dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        figures: [
          { id: 'x', type: 'heatmap', sweeps: ['s'], width: 'half' },
          { id: 'y', type: 'pie' },
        ],
      }),
    );
    const r = runCli(['figures', bad, '--out', out, '--db', db]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('the figure spec has');
    expect(r.stderr).toContain('figures[0].metric:');
    expect(r.stderr).toContain('figures[0].width:');
    expect(r.stderr).toContain('figures[1].type:');
    const unknown = join(tmp.dir, 'unknown.json');
    writeFileSync(
      unknown,
      JSON.stringify({
        figures: [{ id: 'x', type: 'heatmap', sweeps: [HAND_SWEEP_NAME], metric: 'utilty' }],
      }),
    );
    const u = runCli(['figures', unknown, '--out', out, '--db', db]);
    expect(u.status).toBe(2);
    expect(u.stderr).toMatch(/x: column "utilty" not found; columns: .*utility_focal/);
  });

  it('renders the shipped example spec against the demo sweep', () => {
    const demo = join(tmp.dir, 'demo');
    expect(runCli(['demo', '--out', demo, '--concurrency', '2']).status).toBe(0);
    const r = runCli([
      'figures',
      join(ROOT, 'resources/examples/figures.json'),
      '--out',
      join(demo, 'figures'),
      '--db',
      join(demo, 'parley.db'),
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').map((line) => line.split(' (')[0])).toEqual([
      'fig1-utility-heatmap',
      'fig2-share-heatmap',
      'fig3-share-curves',
      'fig4-rounds',
      'fig5-scaling',
      'tab1-cells',
      '',
    ]);
    expect(r.stdout).toContain('fig1-utility-heatmap (heatmap, 250 games)');
    expect(tool('pdfinfo', join(demo, 'figures', 'fig1-utility-heatmap.pdf'))).toMatch(
      /Page size:\s+486 x \d+ pts/,
    );
  });
});

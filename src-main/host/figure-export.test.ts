// Figure export through the contract over a real store file with a finished strategy-agent
// sweep: PDF (vector, 6.75 in, fonts embedded), PNG (3.25 in at 300 dpi), SVG and the cell table,
// each equal to what `parley figures` draws for the same one-figure spec.
import { metricDigits } from '../../src-shared/metrics';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFigureResult, GridResult, RequestArgs } from '../../src-shared/contract';
import { pickLevels } from '../../src-shared/levels';
import { validateFigureSpec } from '../figures/figure-spec';
import { renderFigureSpec } from '../figures/render-spec';
import { loadRegistry } from '../registry/registry';
import { openStore } from '../store/store';
import type { Store } from '../store/types';
import { demoSweep } from '../sweeps/demo';
import { SweepService } from '../sweeps/service';
import { createHost, type Host } from './host';

const VERSION = '9.9.9-test';
let dir: string;
let store: Store;
let host: Host;
let sweepId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parley-host-export-'));
  store = openStore(join(dir, 'parley.db'));
  const service = new SweepService(store);
  // Five capabilities x three levels x both orders x two runs = 60 strategy-agent games.
  const doc = {
    ...demoSweep(),
    name: 'export: small demo',
    competition: { levels: [0, 0.5, 1] },
    runs: { count: 2, baseSeed: 7 },
  };
  sweepId = service.create(doc).sweepId;
  await service.start(sweepId);
  expect(store.countGamesByStatus(sweepId).finished).toBe(60);
  host = createHost({ store, service, version: VERSION });
}, 60_000);
afterAll(() => {
  host?.dispose();
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const exportFigure = (args: RequestArgs<'results:exportFigure'>) =>
  host.handle('results:exportFigure', args) as Promise<ExportFigureResult>;
const bytesOf = (r: ExportFigureResult) =>
  r.encoding === 'base64' ? Buffer.from(r.content, 'base64') : Buffer.from(r.content, 'utf8');

/** Writes the export to a file (for the poppler tools) and returns its path. */
function saved(r: ExportFigureResult): string {
  const path = join(dir, r.fileName);
  writeFileSync(path, bytesOf(r));
  return path;
}

/** The CLI path: `parley figures` on the spec the export's provenance records, same time and version. */
async function cliRender(r: ExportFigureResult): Promise<{ dir: string; id: string }> {
  const figure = (r.provenance.query as { figure: Record<string, unknown> }).figure;
  const v = validateFigureSpec({ figures: [figure] });
  if (!v.ok) throw new Error(v.issues.join('; '));
  const out = mkdtempSync(join(dir, 'cli-'));
  await renderFigureSpec(
    v.spec,
    {
      store,
      registry: loadRegistry(store),
      resolveSweep: (ref) => ref,
      parleyVersion: VERSION,
      createdAt: r.provenance.createdAt as string,
    },
    out,
  );
  return { dir: out, id: figure.id as string };
}

describe('results:exportFigure over a finished strategy-agent sweep', () => {
  it('exports the heatmap as a full-width vector PDF with embedded fonts, byte for byte the CLI file', async () => {
    const r = await exportFigure({
      sweepId,
      figure: 'heatmap',
      metric: 'utility_focal',
      format: 'pdf',
      width: 'full',
    });
    expect(r).toMatchObject({
      fileName: 'export-small-demo-heatmap-utility_focal.pdf',
      mime: 'application/pdf',
      encoding: 'base64',
    });
    const pdf = bytesOf(r);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const path = saved(r);
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
    expect(Number(size?.[1])).toBe(486);
    expect(Number(size?.[2])).toBeGreaterThan(100);
    expect(info).toMatch(/Pages:\s+1\b/);
    // pdffonts: name type encoding emb sub uni object ID; every font embedded ("yes" in the emb column).
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line).toMatch(/DejaVuSans/);
      expect(line.split(/\s+/).slice(-5, -4)[0], line).toBe('yes');
    }
    // Provenance from the renderer's sidecar: the sweep, the one-figure spec, version and time.
    expect(r.provenance).toMatchObject({
      sweepIds: [sweepId],
      parleyVersion: VERSION,
      query: {
        rows: 60,
        unfinishedGamesExcluded: 0,
        figure: {
          type: 'heatmap',
          metric: 'utility_focal',
          x: 'focal_capability',
          y: 'competition_level',
          width: 'full',
          formats: ['pdf'],
          sweeps: [sweepId],
        },
      },
    });
    expect(new Date(r.provenance.createdAt as string).toISOString()).toBe(r.provenance.createdAt);
    // The CLI renders the same spec to the same bytes.
    const cli = await cliRender(r);
    expect(readFileSync(join(cli.dir, `${cli.id}.pdf`)).equals(pdf)).toBe(true);
    expect(JSON.parse(readFileSync(join(cli.dir, `${cli.id}.pdf.json`), 'utf8'))).toEqual(
      r.provenance,
    );
  });

  it('exports the heatmap as a one-column 300 dpi PNG (975 px wide)', async () => {
    const r = await exportFigure({
      sweepId,
      figure: 'heatmap',
      metric: 'deal',
      format: 'png',
      width: 'column',
    });
    expect(r).toMatchObject({
      fileName: 'export-small-demo-heatmap-deal.png',
      mime: 'image/png',
      encoding: 'base64',
    });
    const png = bytesOf(r);
    expect(
      png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
    ).toBe(true);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(975);
    // 5 x 3 cells: every value fits its cell at one column, so nothing is left out.
    expect(r.notes).toEqual([]);
    expect(r.provenance).toMatchObject({ query: { figure: { metric: 'deal', width: 'column' } } });
  });

  it('exports SVG with its axis labels, the same text as the CLI renders for the same spec', async () => {
    const r = await exportFigure({
      sweepId,
      figure: 'heatmap',
      metric: 'utility_share_focal',
      format: 'svg',
      width: 'column',
    });
    expect(r).toMatchObject({ mime: 'image/svg+xml', encoding: 'utf8' });
    expect(r.content).toMatch(/^<svg\b/);
    expect(r.content).toContain('width="3.25in"');
    // The axis names as text (at one column a long name wraps onto several <text> lines).
    const words = r.content
      .replace(/<metadata[^]*?<\/metadata>/, '')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ');
    for (const label of ['Focal capability', 'Competition level', 'Focal share of total utility'])
      expect(words).toContain(label);
    const cli = await cliRender(r);
    expect(readFileSync(join(cli.dir, `${cli.id}.svg`), 'utf8')).toBe(r.content);

    const curves = await exportFigure({
      sweepId,
      figure: 'curves',
      metric: 'round',
      capabilityMetric: 'capability',
      format: 'svg',
      width: 'full',
    });
    expect(curves.fileName).toBe('export-small-demo-curves-round.svg');
    expect(curves.content).toContain('width="6.75in"');
    expect(curves.content).toContain('Round of agreement');
    expect(curves.content).toContain('Competition level = 0.5');
    const cliCurves = await cliRender(curves);
    expect(readFileSync(join(cliCurves.dir, `${cliCurves.id}.svg`), 'utf8')).toBe(curves.content);
  });

  it('exports the cell table as CSV (one row per heatmap cell) and as LaTeX', async () => {
    const grid = (await host.handle('results:grid', {
      sweepId,
      metric: 'utility_focal',
    })) as GridResult;
    const r = await exportFigure({
      sweepId,
      figure: 'table',
      metric: 'utility_focal',
      format: 'csv',
      width: 'column',
    });
    expect(r).toMatchObject({
      fileName: 'export-small-demo-table-utility_focal.csv',
      mime: 'text/csv',
      encoding: 'utf8',
    });
    const lines = r.content.trim().split('\n');
    expect(lines[0]).toMatch(
      /^Focal capability,Focal model,Competition level,n,"Focal utility \(discounted, points\)","Focal utility \(discounted, points\) CI low","Focal utility \(discounted, points\) CI high"$/,
    );
    expect(grid.cells.filter((c) => c.n > 0)).toHaveLength(15);
    expect(lines.length - 1).toBe(grid.cells.length);
    expect(r.provenance).toMatchObject({
      sweepIds: [sweepId],
      query: { figure: { type: 'table', metrics: ['utility_focal'], formats: ['csv'] } },
    });

    const tex = await exportFigure({
      sweepId,
      figure: 'table',
      metric: 'utility_focal',
      format: 'tex',
      width: 'full',
    });
    expect(tex).toMatchObject({ mime: 'application/x-tex', encoding: 'utf8' });
    expect(tex.content).toMatch(/^% Parley 9\.9\.9-test, sweeps /);
    expect(tex.content).toContain('\\toprule');
    // A capability x level matrix: one row per capability, one column per level, and each
    // cell the grid's mean +- half its interval (the same seeded intervals as the screen).
    const body = tex.content.split('\n');
    const rows = body.slice(body.indexOf('    \\midrule') + 1, body.indexOf('    \\bottomrule'));
    expect(rows).toHaveLength(grid.x.length);
    expect(tex.content).toContain(`\\multicolumn{${grid.y.length}}{c}{Competition level}`);
    const digits = metricDigits('utility_focal');
    grid.x.forEach((col, xi) => {
      const cells = grid.y.map((_, yi) => {
        const c = grid.cells.find((g) => g.xi === xi && g.yi === yi)!;
        return `$${c.mean!.toFixed(digits)} \\pm ${((c.ciHigh! - c.ciLow!) / 2).toFixed(digits)}$`;
      });
      expect(rows[xi]).toBe(
        `    ${String(col.capability)} & ${col.focalId} & ${cells.join(' & ')} \\\\`,
      );
    });
    // The caption is LaTeX written once: $\pm$ prints a plus-minus sign, not its source.
    expect(tex.content).toMatch(
      /\\caption\{Focal utility \(discounted, points\): mean \$\\pm\$ half the 95\\% bootstrap CI; n = \d+ games per cell\.\}/,
    );
    expect(tex.content).not.toContain('textbackslash');
  });

  it('refuses bad arguments naming the field', async () => {
    const refused = (args: unknown) =>
      host.handle('results:exportFigure', args).then(
        () => null,
        (err: { message: string; issues: { path: string }[] }) => err,
      );
    const base = {
      sweepId,
      figure: 'heatmap',
      metric: 'utility_focal',
      format: 'pdf',
      width: 'full',
    };
    const metric = await refused({ ...base, metric: 'happiness' });
    expect(metric?.issues.map((i) => i.path)).toEqual(['metric']);
    expect(metric?.message).toMatch(/^invalid arguments for "results:exportFigure": metric: /);
    const sweep = await refused({ ...base, sweepId: 'no-such-sweep' });
    expect(sweep).toMatchObject({
      message: 'no sweep with id "no-such-sweep"',
      issues: [{ path: 'sweepId', message: 'unknown sweep' }],
    });
    expect((await refused({ ...base, format: 'csv' }))?.issues).toEqual([
      { path: 'format', message: 'the heatmap exports as pdf, svg, png, not csv' },
    ]);
    expect((await refused({ ...base, figure: 'table', format: 'png' }))?.issues).toEqual([
      { path: 'format', message: 'the table exports as csv, tex, not png' },
    ]);
    expect((await refused({ ...base, width: 'half' }))?.issues.map((i) => i.path)).toEqual([
      'width',
    ]);
    expect((await refused({ ...base, figure: 'scatter' }))?.issues.map((i) => i.path)).toEqual([
      'figure',
    ]);
    expect((await refused({ ...base, capabilityMetric: 'arena_elo' }))?.issues).toEqual([
      { path: 'capabilityMetric', message: 'unknown capability metric; use one of capability' },
    ]);
    expect((await refused({ ...base, extra: 1 }))?.message).toMatch(/Unrecognized key/);
  });

  it('draws the curves at the competition levels the results screen shows (at most seven, evenly spread)', async () => {
    const service = new SweepService(store);
    const levels = [0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1];
    const { sweepId: many } = service.create({
      ...demoSweep(),
      name: 'export: nine levels',
      competition: { levels },
      runs: { count: 1, baseSeed: 5 },
    });
    await service.start(many);
    const r = await exportFigure({
      sweepId: many,
      figure: 'curves',
      metric: 'utility_focal',
      format: 'svg',
      width: 'column',
    });
    const shown = pickLevels(levels);
    expect(shown).toEqual([0, 0.125, 0.375, 0.5, 0.625, 0.875, 1]);
    expect(r.provenance).toMatchObject({
      query: { figure: { filters: { competition_level: shown } }, rows: 5 * 7 * 2 },
    });
    // A one-column figure titles its legend once and lists the levels under it.
    expect(r.content).toContain('>Competition level (mean and 95% CI)<');
    expect(r.content).not.toContain('Competition level =');
    for (const level of shown) expect(r.content).toContain(`>${level}<`);
    const heat = await exportFigure({
      sweepId: many,
      figure: 'heatmap',
      metric: 'utility_focal',
      format: 'pdf',
      width: 'column',
    });
    // 5 x 9 cells still fit their values at one column.
    expect(heat.notes).toEqual([]);
    // The two levels the results screen leaves out are not drawn (nor ticks: x is capability).
    for (const level of [0.25, 0.75]) expect(r.content).not.toContain(`>${level}<`);
  });

  it('refuses a sweep without finished games', async () => {
    const service = new SweepService(store);
    const { sweepId: queued } = service.create({
      ...demoSweep(),
      name: 'export: not run',
      competition: { levels: [0] },
      runs: { count: 1, baseSeed: 1 },
    });
    await expect(
      exportFigure({ sweepId: queued, figure: 'heatmap', format: 'svg' }),
    ).rejects.toMatchObject({ issues: [{ path: 'sweepId', message: 'no finished games' }] });
  });
});

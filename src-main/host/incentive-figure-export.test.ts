// Figures of a capability x incentive sweep (resources/examples/deliberation-capability-incentive
// .json, 18 rule-based games) name the focal party's incentive on the competition axis, as the
// results screen does: through results:exportFigure and `parley figures` alike.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFigureResult, RequestArgs } from '../../src-shared/contract';
import { figureLabels } from '../figures/labels';
import { validateFigureSpec } from '../figures/figure-spec';
import { renderFigureSpec } from '../figures/render-spec';
import { loadRegistry } from '../registry/registry';
import { openStore } from '../store/store';
import type { Store } from '../store/types';
import { incentiveAxisOf } from '../sweeps/incentive-cells';
import { SweepService } from '../sweeps/service';
import { createHost, type Host } from './host';

const EXAMPLE = resolve(
  import.meta.dirname,
  '../../resources/examples/deliberation-capability-incentive.json',
);
const VERSION = '9.9.9-test';
let dir: string;
let store: Store;
let host: Host;
let sweepId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'parley-incentive-figures-'));
  store = openStore(join(dir, 'parley.db'));
  const service = new SweepService(store);
  sweepId = service.create(JSON.parse(readFileSync(EXAMPLE, 'utf8'))).sweepId;
  await service.start(sweepId);
  // 3 focal models x 3 incentives x 2 runs.
  expect(store.countGamesByStatus(sweepId).finished).toBe(18);
  host = createHost({ store, service, version: VERSION });
}, 90_000);
afterAll(() => {
  host?.dispose();
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const exportFigure = (args: RequestArgs<'results:exportFigure'>) =>
  host.handle('results:exportFigure', args) as Promise<ExportFigureResult>;

/** The text elements of an SVG, in document order. */
const texts = (svg: string) =>
  [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].trim());

describe('figures of an incentive sweep', () => {
  it('label the heatmap rows by incentive and the axis by the focal party', async () => {
    const r = await exportFigure({
      sweepId,
      figure: 'heatmap',
      metric: 'utility_focal',
      format: 'svg',
      width: 'full',
    });
    // Axis names, the y ticks (the incentives in level order, cooperative = 0 at the bottom),
    // the colour bar, the x ticks, then the cells row by row: no final deal passes among these
    // rule-based parties, so the adversary scores 150 and everyone else 0 (one decimal).
    expect(texts(r.content)).toEqual([
      'Incentive of Environmental League',
      'Focal utility (discounted, points)',
      'Focal capability',
      'cooperative',
      'greedy',
      'untargeted_adv',
      ...['0', '20', '40', '60', '80', '100', '120', '140'],
      ...['0.2', '0.5', '0.8'],
      ...['0.0', '0.0', '0.0'],
      ...['0.0', '0.0', '0.0'],
      ...['150.0', '150.0', '150.0'],
    ]);

    // `parley figures` draws the same file from the spec the export recorded.
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
    expect(readFileSync(join(out, `${String(figure.id)}.svg`), 'utf8')).toBe(r.content);
  });

  it('name the table columns and the curves by incentive', async () => {
    const table = await exportFigure({
      sweepId,
      figure: 'table',
      metric: 'utility_focal',
      format: 'csv',
    });
    expect(table.content).toBe(
      [
        'Focal capability,Focal model,Incentive of Environmental League,n,"Focal utility (discounted, points)","Focal utility (discounted, points) CI low","Focal utility (discounted, points) CI high"',
        ...['0.2,focal-small', '0.5,focal-medium', '0.8,focal-large'].flatMap((focal) => [
          `${focal},cooperative,2,0,0,0`,
          `${focal},greedy,2,0,0,0`,
          `${focal},untargeted_adv,2,150,150,150`,
        ]),
        '',
      ].join('\n'),
    );
    const tex = await exportFigure({
      sweepId,
      figure: 'table',
      metric: 'utility_focal',
      format: 'tex',
    });
    expect(tex.content).toContain('\\multicolumn{3}{c}{Incentive of Environmental League}');
    expect(tex.content).toContain('& cooperative & greedy & untargeted\\_adv \\\\');

    const curves = await exportFigure({
      sweepId,
      figure: 'curves',
      metric: 'utility_focal',
      format: 'svg',
      width: 'full',
    });
    // One line per incentive, named in the legend.
    expect(texts(curves.content).slice(-3)).toEqual([
      'Incentive of Environmental League = cooperative',
      'Incentive of Environmental League = greedy',
      'Incentive of Environmental League = untargeted_adv',
    ]);
    expect(curves.content).not.toContain('Competition level');
  });

  it('keep the competition level of other sweeps', () => {
    const plain = figureLabels('sweep', null);
    expect([plain.column('competition_level'), plain.value('competition_level', 1)]).toEqual([
      'Competition level',
      1,
    ]);
    const named = figureLabels('sweep', incentiveAxisOf(store.getSweep(sweepId)?.spec));
    expect([named.column('competition_level'), named.value('competition_level', 2)]).toEqual([
      'Incentive of Environmental League',
      'untargeted_adv',
    ]);
    // Other columns are untouched.
    expect([named.column('focal_capability'), named.value('focal_capability', 2)]).toEqual([
      'Focal capability',
      2,
    ]);
  });
});

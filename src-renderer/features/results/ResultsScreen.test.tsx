// The results screen rendered to markup with a real store: an export control under the heatmap
// (figure formats, the cell table, both widths) and one under the curves (figure formats only).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ClientAPI, GridResult, SweepSummary } from '../../../src-shared/contract';
import { CURVES_MAX_LEVELS } from '../../../src-shared/levels';
import type { Platform } from '../../api/platform';
import { fileBlob } from '../../api/platform';
import { pickLevels } from '../../lib/charts';
import { createAppStore } from '../../state/app-store';
import { PlatformContext, StoreContext } from '../../state/hooks';
import { SERIES_COLORS } from '../../theme';
import { ResultsScreen } from './ResultsScreen';

const api: ClientAPI = { invoke: () => new Promise(() => undefined), on: () => () => undefined };
const platform: Platform = {
  api,
  mode: 'web',
  saveFile: () => Promise.resolve({ saved: true, path: null }),
  onConnection: () => () => undefined,
};

const sweep: SweepSummary = {
  id: 's1',
  name: 'demo',
  status: 'active',
  createdAt: '2025-01-01T00:00:00Z',
  kind: 'item-allocation',
  progress: {
    sweepId: 's1',
    counts: { queued: 0, running: 0, paused: 0, finished: 4, failed: 0, cancelled: 0 },
    total: 4,
    done: 4,
    ratePerSec: null,
    etaSec: null,
    tokens: 0,
    costUsd: 0,
    pausedReasons: [],
    failedReasons: [],
  },
};
const x = [
  { focalId: 'weak', label: 'Weak', capability: 0.2 },
  { focalId: 'strong', label: 'Strong', capability: 0.8 },
];
const cells = x.flatMap((col, xi) =>
  [0, 1].map((level, yi) => ({
    xi,
    yi,
    focalId: col.focalId,
    level,
    n: 1,
    mean: xi + yi,
    sd: null,
    ciLow: null,
    ciHigh: null,
  })),
);
const grid: GridResult = {
  sweepId: 's1',
  metric: 'deal',
  capabilityMetric: 'capability',
  metrics: ['deal', 'utility_focal', 'welfare_ratio'],
  ci: 'bootstrap',
  seed: 1,
  x,
  y: [0, 1],
  cells,
  capabilityMetrics: ['capability'],
  games: 4,
};

function render(): string {
  const store = createAppStore({ api, writeHash: () => undefined });
  store.setState({
    sweeps: { state: 'ready', value: [sweep] },
    grid: { state: 'ready', value: grid },
  });
  const state = store.getState();
  store.getInitialState = () => state;
  return renderToStaticMarkup(
    <PlatformContext.Provider value={platform}>
      <StoreContext.Provider value={store}>
        <ResultsScreen
          route={{
            screen: 'results',
            sweepId: 's1',
            metric: 'deal',
            capabilityMetric: null,
            cell: null,
          }}
        />
      </StoreContext.Provider>
    </PlatformContext.Provider>,
  );
}

/** The [value, text] pairs of the select with this test id. */
function options(html: string, testId: string): [string, string][] {
  const select =
    new RegExp(`<select[^>]*data-testid="${testId}"[^>]*>(.*?)</select>`).exec(html)?.[1] ?? '';
  return [...select.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map((m) => [
    m[1],
    m[2],
  ]);
}

describe('results screen: export controls', () => {
  it('offers the heatmap as PDF, SVG or PNG at one column or full width, and its cell table as CSV or LaTeX', () => {
    const html = render();
    expect(html).toContain('data-testid="heatmap"');
    const group =
      /<div class="figure-export" role="group" aria-label="Export the heatmap" data-testid="export-heatmap" data-state="idle" aria-busy="false">/;
    expect(html).toMatch(group);
    expect(options(html, 'export-heatmap-format')).toEqual([
      ['pdf', 'PDF (vector)'],
      ['svg', 'SVG'],
      ['png', 'PNG (300 dpi)'],
      ['csv', 'Cell table (CSV)'],
      ['tex', 'Cell table (LaTeX)'],
    ]);
    expect(options(html, 'export-heatmap-width')).toEqual([
      ['column', 'One column (3.25 in)'],
      ['full', 'Full width (6.75 in)'],
    ]);
    expect(html).toMatch(
      /<button type="button" data-testid="export-heatmap-button"[^>]*>Export…<\/button>/,
    );
    // No error until an export fails.
    expect(html).not.toContain('data-testid="export-heatmap-error"');
  });

  it('offers the curves as PDF, SVG or PNG (no table) below the curves chart', () => {
    const html = render();
    expect(html.indexOf('data-testid="export-curves"')).toBeGreaterThan(
      html.indexOf('data-testid="curves"'),
    );
    expect(html.indexOf('data-testid="export-heatmap"')).toBeGreaterThan(
      html.indexOf('data-testid="heatmap"'),
    );
    expect(html.indexOf('data-testid="export-heatmap"')).toBeLessThan(
      html.indexOf('data-testid="curves"'),
    );
    expect(options(html, 'export-curves-format').map(([v]) => v)).toEqual(['pdf', 'svg', 'png']);
    expect(options(html, 'export-curves-width').map(([v]) => v)).toEqual(['column', 'full']);
    expect(html).toMatch(
      /<button type="button" data-testid="export-curves-button"[^>]*>Export…<\/button>/,
    );
  });
});

describe('curves: the screen and the export show the same levels', () => {
  it('draws at most one line per series colour, the number the curves export keeps', () => {
    expect(SERIES_COLORS).toHaveLength(CURVES_MAX_LEVELS);
    expect(pickLevels(Array.from({ length: 9 }, (_, i) => i / 8))).toEqual([
      0, 0.125, 0.375, 0.5, 0.625, 0.875, 1,
    ]);
  });
});

describe('saving exports in the browser', () => {
  it('decodes base64 content to its bytes with the given type, and keeps text as text', async () => {
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x80]);
    const blob = fileBlob('fig.pdf', btoa(String.fromCharCode(...pdf)), {
      encoding: 'base64',
      mime: 'application/pdf',
    });
    expect(blob.type).toBe('application/pdf');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(pdf);
    const csv = fileBlob('cells.csv', 'a,b\n1,2\n');
    expect(csv.type).toBe('text/csv');
    expect(await csv.text()).toBe('a,b\n1,2\n');
    expect(fileBlob('sweep.json', '{}').type).toBe('application/json');
  });
});

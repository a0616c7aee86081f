import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { HAND_SWEEP_ID, writeHandSweep } from '../analysis/hand-sweep.test-helpers';
import { openStore } from '../store/store';
import { computeCells } from '../analysis/cells';
import { storedRows } from '../analysis/stored-rows';
import { GRID_BY } from '../analysis/sweep-grid';
import { STORED_METRIC_IDS } from '../../src-shared/metrics';
import { EXPORT_CELLS, exportCells, writeSweepOutputs } from './collect';

const dir = mkdtempSync(join(tmpdir(), 'parley-collect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeSweepOutputs', () => {
  it('writes the research layout plus metrics.csv with one row of every metric per game', () => {
    const store = openStore(join(dir, 'hand.db'));
    try {
      writeHandSweep(store);
      const out = join(dir, 'out');
      expect(writeSweepOutputs(store, HAND_SWEEP_ID, out)).toEqual(
        [
          'results.csv',
          'summary.json',
          'all_results.json',
          'cells.csv',
          'metrics.csv',
          'heatmap.svg',
        ].map((f) => join(out, f)),
      );
      const cells = parse(readFileSync(join(out, 'cells.csv'), 'utf8'), {
        columns: true,
      }) as Record<string, string>[];
      // weak: g1 72, g2 50; ref2: g5 80; strong: g3 no deal (0), g4 50. Two-point bootstraps span both values.
      expect(cells.filter((c) => c.metric === 'utility_focal')).toEqual([
        {
          metric: 'utility_focal',
          focal_id: 'ref2',
          focal_capability: '0.5',
          competition_level: '1',
          n: '1',
          mean: '80',
          sd: '',
          ci_low: '80',
          ci_high: '80',
          missing: '0',
        },
        {
          metric: 'utility_focal',
          focal_id: 'strong',
          focal_capability: '0.8',
          competition_level: '0.5',
          n: '2',
          mean: '25',
          sd: String(Math.sqrt(1250)), // (25^2 + 25^2) / 1
          ci_low: '0',
          ci_high: '50',
          missing: '0',
        },
        {
          metric: 'utility_focal',
          focal_id: 'weak',
          focal_capability: '0.2',
          competition_level: '0.5',
          n: '2',
          mean: '61',
          sd: String(Math.sqrt(242)), // (11^2 + 11^2) / 1
          ci_low: '50',
          ci_high: '72',
          missing: '0',
        },
      ]);
      // Round of agreement is missing for the game without a deal.
      expect(
        cells.filter((c) => c.metric === 'round').map((c) => [c.focal_id, c.n, c.mean, c.missing]),
      ).toEqual([
        ['ref2', '1', '1', '0'],
        ['strong', '1', '1', '1'],
        ['weak', '2', '1.5', '0'],
      ]);
      const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as {
        cells: unknown[];
      };
      expect(summary).toMatchObject({ games: 5, finished: 5, ci: 'bootstrap', seed: 1 });
      expect(summary.cells).toHaveLength(cells.length);
      const rows = parse(readFileSync(join(out, 'metrics.csv'), 'utf8'), {
        columns: true,
      }) as Record<string, string>[];
      expect(rows.map((r) => r.game_id)).toEqual(['g1', 'g2', 'g3', 'g4', 'g5']);
      expect(rows[1]).toMatchObject({
        focal_id: 'weak',
        focal_seat: '1',
        order: 'strong_first',
        utility_focal: '50',
        utility_opponent: '80',
        welfare_ratio: '1',
        nbs_utility_focal: '50',
        exploitation_focal: '0',
        pareto_optimal: '1',
        min_max_fairness: '0.625',
        calls: '',
      });
      expect(rows[0]).toMatchObject({
        calls: '2',
        input_tokens: '150',
        output_tokens: '25',
        invalid_focal: '1',
      });
    } finally {
      store.close();
    }
  });
});

describe('an unknown capability in the exports', () => {
  it('stays unknown in cells.csv and the heatmap, never 0', () => {
    const file = join(dir, 'unknown.db');
    const store = openStore(file);
    try {
      writeHandSweep(store);
      // As for an LLM participant without a score under the sweep's metric: none stored for g5.
      const raw = new Database(file);
      raw.prepare("UPDATE games SET focal_capability = NULL WHERE id = 'g5'").run();
      raw.close();
      const out = join(dir, 'unknown');
      writeSweepOutputs(store, HAND_SWEEP_ID, out);
      const cells = parse(readFileSync(join(out, 'cells.csv'), 'utf8'), {
        columns: true,
      }) as Record<string, string>[];
      expect(
        cells
          .filter((c) => c.metric === 'utility_focal')
          .map((c) => [c.focal_id, c.focal_capability, c.mean]),
      ).toEqual([
        ['ref2', '', '80'],
        ['strong', '0.8', '25'],
        ['weak', '0.2', '61'],
      ]);
      const svg = readFileSync(join(out, 'heatmap.svg'), 'utf8');
      const labels = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
      expect(labels).toContain('unknown');
      expect(labels).not.toContain('0');
      const rows = parse(readFileSync(join(out, 'results.csv'), 'utf8'), {
        columns: true,
      }) as Record<string, string>[];
      // Unknown capabilities sort last, not as 0 before 0.2 (then order: strong_first first).
      expect(rows.map((r) => [r.game_id, r.focal_capability])).toEqual([
        ['g2', '0.2'],
        ['g1', '0.2'],
        ['g4', '0.8'],
        ['g3', '0.8'],
        ['g5', ''],
      ]);
    } finally {
      store.close();
    }
  });
});

describe('exportCells', () => {
  it('streams the cells computeCells gives over the loaded stored rows, metric by metric', () => {
    const store = openStore(join(dir, 'cells.db'));
    try {
      writeHandSweep(store);
      const rows = storedRows(store.cellGames({ sweepId: HAND_SWEEP_ID }));
      const loaded = STORED_METRIC_IDS.flatMap((metric) =>
        computeCells(rows, { metric, by: GRID_BY, ...EXPORT_CELLS }).map((c) => ({
          metric,
          key: c.key,
          n: c.n,
          mean: c.mean,
          sd: c.sd,
          ci: [c.ciLow, c.ciHigh],
          missing: c.missing,
        })),
      );
      const streamed = exportCells(store, HAND_SWEEP_ID);
      // weak, strong and ref2 each at one level: three cells a metric.
      expect(streamed).toHaveLength(STORED_METRIC_IDS.length * 3);
      expect(
        streamed.map((c) => ({
          metric: c.metric,
          key: { focal_id: c.focal_id, competition_level: c.competition_level },
          n: c.n,
          mean: c.mean,
          sd: c.sd,
          ci: [c.ci_low, c.ci_high],
          missing: c.missing,
        })),
      ).toEqual(loaded);
    } finally {
      store.close();
    }
  });
});

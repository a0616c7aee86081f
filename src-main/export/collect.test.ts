import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { HAND_SWEEP_ID, writeHandSweep } from '../analysis/hand-sweep.test-helpers';
import { openStore } from '../store/store';
import { writeSweepOutputs } from './collect';

const dir = mkdtempSync(join(tmpdir(), 'parley-collect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeSweepOutputs', () => {
  it('writes the research layout plus metrics.csv with one row of every metric per game', () => {
    const store = openStore(join(dir, 'hand.db'));
    try {
      writeHandSweep(store);
      const out = join(dir, 'out');
      expect(writeSweepOutputs(store, HAND_SWEEP_ID, out)).toEqual(
        ['results.csv', 'summary.json', 'all_results.json', 'metrics.csv', 'heatmap.svg'].map((f) =>
          join(out, f),
        ),
      );
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

import { describe, expect, it } from 'vitest';
import { validateFigureSpec } from './figure-spec';
import { withDefaults } from './render-spec';
import { columnLabel } from './labels';

describe('validateFigureSpec', () => {
  it('fills type defaults and applies spec defaults per figure', () => {
    const v = validateFigureSpec({
      defaults: {
        sweeps: ['s1'],
        width: 'full',
        capabilityAxis: 'arena_elo',
        filters: { order: 'weak_first' },
      },
      figures: [
        { id: 'a', type: 'heatmap', metric: 'deal' },
        {
          id: 'b',
          type: 'curves',
          metric: 'round',
          sweeps: ['s2'],
          width: 'column',
          filters: { order: 'strong_first' },
        },
        { id: 't', type: 'table', metrics: ['deal'], by: ['focal_id'] },
      ],
    });
    if (!v.ok) throw new Error(v.issues.join('\n'));
    expect(withDefaults(v.spec, v.spec.figures[0])).toEqual({
      id: 'a',
      type: 'heatmap',
      metric: 'deal',
      x: 'competition_level',
      y: 'focal_capability',
      palette: 'viridis',
      digits: 2,
      annotate: true,
      sweeps: ['s1'],
      capabilityAxis: 'arena_elo',
      seed: 1,
      filters: { order: 'weak_first' },
      width: 'full',
      formats: ['pdf', 'png', 'svg'],
    });
    expect(withDefaults(v.spec, v.spec.figures[1])).toMatchObject({
      sweeps: ['s2'],
      width: 'column',
      series: 'competition_level',
      filters: { order: 'strong_first' },
    });
    expect(withDefaults(v.spec, v.spec.figures[2])).toMatchObject({
      formats: ['csv', 'tex'],
      digits: 2,
    });
  });

  it('names the field path of every problem', () => {
    const v = validateFigureSpec({
      figures: [
        { id: 'a', type: 'heatmap', metric: 'deal', palette: 'jet' },
        { id: 'a', type: 'scaling', metric: 'deal', sweeps: ['s'], filters: { x: {} } },
        { id: 'bad name', type: 'table', metrics: [], by: ['x'], sweeps: ['s'] },
      ],
    });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.issues.map((i) => i.split(':')[0])).toEqual([
      'figures[0].palette',
      'figures[1].filters.x',
      'figures[2].id',
      'figures[2].metrics',
    ]);
    // Cross-figure checks run once every figure has a valid shape (zod refines after parsing).
    const w = validateFigureSpec({
      figures: [
        { id: 'a', type: 'heatmap', metric: 'deal' },
        { id: 'a', type: 'heatmap', metric: 'deal', sweeps: ['s'] },
      ],
    });
    expect(w).toEqual({
      ok: false,
      issues: [
        'figures[0].sweeps: no sweeps: set it here or in defaults.sweeps',
        'figures[1].id: duplicate id "a"',
      ],
    });
  });
});

describe('columnLabel', () => {
  it('gives units and names the capability axis', () => {
    expect(columnLabel('utility_focal')).toBe('Focal utility (discounted, points)');
    expect(columnLabel('focal_capability')).toBe('Focal capability');
    expect(columnLabel('focal_capability', 'arena_elo')).toBe('Focal capability (arena elo)');
    expect(columnLabel('capability_gap', 'registry_order')).toBe(
      'Capability gap, focal - opponent (registry order)',
    );
    expect(columnLabel('focal_score_mmlu_pro')).toBe('Focal mmlu pro');
  });
});

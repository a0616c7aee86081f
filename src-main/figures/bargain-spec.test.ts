// The two-party figure types of the spec: their defaults, and errors that name the field.
import { describe, expect, it } from 'vitest';
import { validateFigureSpec } from './figure-spec';
import { withDefaults } from './render-spec';

describe('concession and matchup figure specs', () => {
  it('fill their defaults', () => {
    const v = validateFigureSpec({
      defaults: { sweeps: ['s1'] },
      figures: [
        { id: 'c', type: 'concession', opponent: 'linear-reference' },
        { id: 'm', type: 'matchup' },
      ],
    });
    if (!v.ok) throw new Error(v.issues.join('\n'));
    expect(withDefaults(v.spec, v.spec.figures[0])).toEqual({
      id: 'c',
      type: 'concession',
      metric: 'demand',
      opponent: 'linear-reference',
      sweeps: ['s1'],
      capabilityAxis: 'sweep',
      seed: 1,
      width: 'column',
      formats: ['pdf', 'png', 'svg'],
    });
    expect(withDefaults(v.spec, v.spec.figures[1])).toEqual({
      id: 'm',
      type: 'matchup',
      metric: 'price',
      palette: 'viridis',
      digits: 2,
      annotate: true,
      sweeps: ['s1'],
      capabilityAxis: 'sweep',
      seed: 1,
      width: 'column',
      formats: ['pdf', 'png', 'svg'],
    });
  });

  it('name the bad field', () => {
    const v = validateFigureSpec({
      defaults: { sweeps: ['s1'] },
      figures: [
        { id: 'c', type: 'concession', metric: 'price' },
        { id: 'm', type: 'matchup', palette: 'jet' },
      ],
    });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.issues).toHaveLength(2);
    expect(v.issues[0]).toMatch(/^figures\[0\]\.metric: /);
    expect(v.issues[1]).toMatch(/^figures\[1\]\.palette: /);
  });
});

import { describe, expect, it } from 'vitest';
import { validateSweepDoc } from '../sweeps/service';
import { estimateSweep } from './estimate';

describe('estimating a deliberation sweep', () => {
  it('counts one call per scheduled turn after the opening, per seat', () => {
    const v = validateSweepDoc({
      name: 'estimate deliberation',
      game: { kind: 'deliberation', params: { folder: 'base' } },
      agents: 6,
      participants: [
        { id: 'm', kind: 'llm', provider: 'openai', model: 'm', scores: { capability: 0.5 } },
        { id: 'r', kind: 'strategy', strategy: 'deliberation-rule', scores: { capability: 0.5 } },
      ],
      lineup: { mode: 'lineups', lineups: [['m', 'r', 'r', 'm', 'r', 'r']] },
      competition: { levels: [0] },
      runs: { count: 2 },
    });
    if (!v.ok) throw new Error(JSON.stringify(v.issues));
    const e = estimateSweep(v.expanded.games);
    // The Mayor speaks 4 times and SportCo (p1) 4 times plus its final deal, in each game.
    expect([e.games, e.calls, e.outputTokens]).toEqual([2, 2 * 9, 2 * 9 * 120]);
    expect(e.byModel.map((m) => [m.model, m.calls])).toEqual([['m', 18]]);
  });
});

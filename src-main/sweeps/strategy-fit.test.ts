// Sweep validation refuses a strategy that does not play the sweep's game, naming the
// participant and the field: a price strategy in ultimatum, a propose-and-vote strategy in
// price, a strategy-wrapped LLM agent following a price strategy in item allocation.
import { describe, expect, it } from 'vitest';
import { validateSweepDoc } from './validate';

const doc = (game: Record<string, unknown>, participants: Record<string, unknown>[]) => ({
  name: 'fit',
  game,
  participants,
  lineup: { mode: 'lineups', lineups: [participants.slice(0, 2).map((p) => p.id)] },
  competition: { levels: [0] },
  orders: ['random'],
  runs: { count: 1 },
});

describe('strategies that do not fit the game', () => {
  it('a price strategy in ultimatum', () => {
    const v = validateSweepDoc(
      doc({ kind: 'ultimatum' }, [
        { id: 'fair', kind: 'strategy', strategy: 'fair-split' },
        { id: 'split', kind: 'strategy', strategy: 'split-the-difference' },
      ]),
    );
    expect(v).toEqual({
      ok: false,
      issues: [
        {
          path: 'participants[1].strategy',
          message:
            'participant "split": strategy "split-the-difference" does not play Ultimatum (alternating-offers); use one of fair-split, greedy, very-conceding, conceding, conceder, linear, boulware, hard',
        },
      ],
    });
  });

  it('a propose-and-vote strategy in price', () => {
    const v = validateSweepDoc(
      doc({ kind: 'price' }, [
        { id: 'br', kind: 'strategy', strategy: 'bounded-rational', capability: 0.5 },
        { id: 'lin', kind: 'strategy', strategy: 'linear' },
      ]),
    );
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.issues).toEqual([
      {
        path: 'participants[0].strategy',
        message:
          'participant "br": strategy "bounded-rational" does not play Single-issue price (alternating-offers); use one of very-conceding, conceding, conceder, linear, boulware, hard, hardliner, tit-for-tat, fixed-price-strict, fixed-price-loose, split-the-difference, random',
      },
    ]);
  });

  it('the strategy a wrapped LLM agent follows, in a propose-and-vote game', () => {
    const v = validateSweepDoc(
      doc({ kind: 'item-allocation' }, [
        { id: 'lin', kind: 'strategy', strategy: 'linear' },
        {
          id: 'wrapped',
          kind: 'llm',
          provider: 'anthropic',
          model: 'mock-claude-1',
          wrapStrategy: { kind: 'strategy', strategy: 'fixed-price-strict' },
        },
      ]),
    );
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.issues.map((i) => i.path)).toEqual(['participants[1].wrapStrategy.strategy']);
    expect(v.issues[0].message).toContain(
      'participant "wrapped": strategy "fixed-price-strict" does not play Item allocation (propose-and-vote)',
    );
  });

  it('strategies that fit pass', () => {
    const v = validateSweepDoc(
      doc({ kind: 'price' }, [
        { id: 'a', kind: 'strategy', strategy: 'hardliner' },
        { id: 'b', kind: 'strategy', strategy: 'split-the-difference' },
      ]),
    );
    expect(v.ok).toBe(true);
  });
});

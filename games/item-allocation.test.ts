import { describe, expect, it } from 'vitest';
import { cosine } from './simplex-fit';
import { itemAllocation, itemAllocationParamsSchema } from './item-allocation';

const defaults = itemAllocationParamsSchema.parse({});

/** A default instance with hand-set values so utilities can be checked by hand. */
function handInstance() {
  const instance = itemAllocation.create(defaults, 2, 1);
  return {
    ...instance,
    preferences: [{ values: [35, 5, 20, 30, 10] }, { values: [10, 40, 10, 20, 20] }],
  };
}

function error(proposal: unknown): string {
  const result = itemAllocation.validateProposal(handInstance(), proposal);
  if (result.ok) throw new Error('expected a validation error');
  return result.error;
}

describe('item allocation: instances', () => {
  it('fills defaults and builds a golden instance for seed 1', () => {
    expect(defaults).toEqual({ items: 5, competition: 0.5 });
    const instance = itemAllocation.create(defaults, 2, 1);
    expect(instance.preferences).toEqual([
      { values: [4, 1, 62, 28, 5] },
      { values: [7, 19, 14, 22, 38] },
    ]);
    // Realised cosine of the integer vectors themselves.
    const c = cosine([4, 1, 62, 28, 5], [7, 19, 14, 22, 38]);
    expect(instance.realised).toEqual({
      targetCosine: 0.5,
      cosines: [c],
      maxDeviation: Math.abs(c - 0.5),
    });
    expect(instance.competitionIndex).toBe(0.5);
    expect(instance.warnings).toEqual([]);
  });

  it('is deterministic in the seed', () => {
    expect(itemAllocation.create(defaults, 3, 5)).toEqual(itemAllocation.create(defaults, 3, 5));
    expect(itemAllocation.create(defaults, 2, 5).preferences).not.toEqual(
      itemAllocation.create(defaults, 2, 6).preferences,
    );
  });

  it('hands every create its own arrays, though the fit behind them is memoised', () => {
    const first = itemAllocation.create(defaults, 2, 9);
    const golden = JSON.parse(JSON.stringify(first));
    first.preferences[0].values[0] = -1;
    (first.realised as { cosines: number[] }).cosines[0] = -1;
    first.warnings.push('changed');
    const second = itemAllocation.create(defaults, 2, 9);
    expect(second).toEqual(golden);
    expect(second.preferences[0].values).not.toBe(first.preferences[0].values);
  });

  it('at competition 0 gives every item to exactly one agent, in supports of equal size +-1', () => {
    // DESIGN 3.1: m = 5, n = 2 splits 2/3; no item is valued by nobody.
    let instances = 0;
    for (const items of [2, 3, 5, 7, 10]) {
      for (let nAgents = 2; nAgents <= Math.min(4, items); nAgents++) {
        for (let seed = 0; seed < 150; seed++) {
          const instance = itemAllocation.create({ items, competition: 0 }, nAgents, seed);
          const values = instance.preferences.map((p) => p.values);
          for (let k = 0; k < items; k++) expect(values.filter((v) => v[k] > 0)).toHaveLength(1);
          const sizes = values.map((v) => v.filter((x) => x > 0).length);
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
          for (const v of values) expect(v.reduce((s, x) => s + x, 0)).toBe(100);
          expect(instance.realised.cosines).toEqual(
            new Array((nAgents * (nAgents - 1)) / 2).fill(0),
          );
          instances++;
        }
      }
    }
    expect(instances).toBe(150 * 12);
    const sizes = itemAllocation
      .create({ items: 5, competition: 0 }, 2, 3)
      .preferences.map((p) => p.values.filter((x) => x > 0).length)
      .sort();
    expect(sizes).toEqual([2, 3]);
  });

  it('at competition 0 is deterministic in (params, seed) and hands the larger support to either agent', () => {
    const params = { items: 5, competition: 0 };
    expect(itemAllocation.create(params, 2, 8)).toEqual(itemAllocation.create(params, 2, 8));
    const firstHasThree = Array.from(
      { length: 40 },
      (_, seed) =>
        itemAllocation.create(params, 2, seed).preferences[0].values.filter((x) => x > 0).length ===
        3,
    );
    expect(firstHasThree).toContain(true);
    expect(firstHasThree).toContain(false);
  });

  it('rejects competition 0 with more agents than items, in check() and create()', () => {
    const params = { items: 2, competition: 0 };
    const message =
      'competition 0 needs disjoint supports (each agent values different items), so nAgents <= items: got 3 agents and 2 items';
    expect(itemAllocation.check(params, 3)).toEqual([message]);
    expect(() => itemAllocation.create(params, 3, 1)).toThrow(message);
    expect(itemAllocation.check(params, 2)).toEqual([]);
    expect(itemAllocation.check({ items: 0, competition: 0.5 }, 2)).toEqual([
      'items: Too small: expected number to be >=1',
    ]);
  });

  it('maps a competition level onto the target cosine', () => {
    const params = itemAllocation.withCompetition(defaults, 0.8);
    expect(params).toEqual({ items: 5, competition: 0.8 });
    expect(itemAllocation.create(params, 2, 3).competitionIndex).toBe(0.8);
  });

  it('uses custom item names and validates them', () => {
    const params = itemAllocationParamsSchema.parse({
      items: 3,
      itemNames: ['Hat', 'Coat', 'Shoe', 'Spare'],
    });
    const instance = itemAllocation.create(params, 2, 1);
    expect(itemAllocation.describePreferences(instance, 0)).toMatch(
      /^Your private values \(sum 100\): Hat \d+, Coat \d+, Shoe \d+\.$/,
    );
    expect(
      itemAllocation.check({ items: 3, competition: 0.5, itemNames: ['Hat', 'hat', 'Shoe'] }, 2),
    ).toEqual(['itemNames: item names must be unique (case-insensitive)']);
  });
});

describe('item allocation: proposals', () => {
  it('scores the sum of values received, undiscounted', () => {
    const instance = handInstance();
    // Agent_1 gets Apple + Stone = 35 + 20 = 55; Agent_2 gets Jewel + Quill + Pencil = 40 + 20 + 20 = 80.
    expect(itemAllocation.rawUtilities(instance, { allocation: [0, 1, 0, 1, 1] })).toEqual([
      55, 80,
    ]);
    // Everything to Agent_1: 35 + 5 + 20 + 30 + 10 = 100; Agent_2 gets 0.
    expect(itemAllocation.rawUtilities(instance, { allocation: [0, 0, 0, 0, 0] })).toEqual([
      100, 0,
    ]);
  });

  it('scores one agent with rawUtility exactly as rawUtilities does, on every outcome', () => {
    const instance = handInstance();
    expect(itemAllocation.rawUtility!(instance, { allocation: [0, 1, 0, 1, 1] }, 1)).toBe(80);
    for (const [n, seed] of [
      [2, 1],
      [3, 7],
      [4, 11],
    ]) {
      const generated = itemAllocation.create({ ...defaults, competition: 0.6 }, n, seed);
      for (const o of itemAllocation.outcomeSpace(generated).outcomes) {
        const all = itemAllocation.rawUtilities(generated, o);
        all.forEach((u, a) =>
          expect(Object.is(itemAllocation.rawUtility!(generated, o, a), u)).toBe(true),
        );
      }
    }
  });

  it('normalises the by-agent shape (case-insensitive names) to the array form', () => {
    const result = itemAllocation.validateProposal(handInstance(), {
      agent_1: ['apple', 'STONE'],
      'Agent 2': ['Jewel', 'Quill', 'pencil'],
    });
    expect(result).toEqual({ ok: true, proposal: { allocation: [0, 1, 0, 1, 1] } });
    const nested = itemAllocation.validateProposal(handInstance(), {
      allocation: { Agent_1: 'Apple', Agent_2: ['Jewel', 'Stone', 'Quill', 'Pencil'] },
    });
    expect(nested).toEqual({ ok: true, proposal: { allocation: [0, 1, 1, 1, 1] } });
    const names = itemAllocation.validateProposal(handInstance(), {
      allocation: ['Agent_1', 'agent_2', 0, 1, 1],
    });
    expect(names).toEqual({ ok: true, proposal: { allocation: [0, 1, 0, 1, 1] } });
  });

  it('gives specific, actionable errors', () => {
    expect(error({ allocation: [0, 1, 0, 1] })).toBe(
      'allocation must have 5 entries (one agent index per item, in the order Apple, Jewel, Stone, Quill, Pencil), got 4',
    );
    expect(error({ allocation: [0, 1, 2, 1, 0.5] })).toBe(
      'allocation entry 2 (Stone) must be a 0-based agent index 0..1 (0 = Agent_1), got 2; allocation entry 4 (Pencil) must be a 0-based agent index 0..1 (0 = Agent_1), got 0.5',
    );
    expect(error({ Agent_1: ['Apple', 'Quill'], Agent_2: ['Jewel', 'Quill', 'Pencil'] })).toBe(
      "item 'Stone' is not assigned to any agent; item 'Quill' is assigned twice",
    );
    expect(error({ Agent_1: ['Apple', 'Jewel', 'Stone', 'Quill', 'Pencil'], Agent_3: [] })).toBe(
      "unknown agent 'Agent_3' (agents are Agent_1, Agent_2)",
    );
    expect(error({ Agent_1: ['Apple', 'Jewel', 'Stone', 'Quill', 'Pencil', 'Banana'] })).toBe(
      "unknown item 'Banana' (items are Apple, Jewel, Stone, Quill, Pencil)",
    );
    expect(error({ Agent_1: 5, Agent_2: ['Apple', 'Jewel', 'Stone', 'Quill', 'Pencil'] })).toBe(
      'Agent_1 must map to a list of item names, got 5',
    );
    expect(error(42)).toBe(
      'proposal must be {"allocation": [agent index per item]} or {"Agent_1": [item names], ...}, got 42',
    );
  });

  it('describes proposals and preferences', () => {
    const instance = handInstance();
    expect(itemAllocation.describeProposal(instance, { allocation: [0, 1, 0, 1, 1] })).toBe(
      'Agent_1: Apple, Stone | Agent_2: Jewel, Quill, Pencil',
    );
    expect(itemAllocation.describeProposal(instance, { allocation: [1, 1, 1, 1, 1] })).toBe(
      'Agent_1: (nothing) | Agent_2: Apple, Jewel, Stone, Quill, Pencil',
    );
    expect(itemAllocation.describePreferences(instance, 0)).toBe(
      'Your private values (sum 100): Apple 35, Jewel 5, Stone 20, Quill 30, Pencil 10.',
    );
    expect(itemAllocation.proposalFormat(instance)).toBe(
      'Reply with JSON {"allocation": [...]} listing, for each item in the order Apple, Jewel, Stone, Quill, Pencil, the 0-based index of the agent who receives it (0 = Agent_1, 1 = Agent_2, ...), e.g. {"allocation": [0,1,0,1,0]}; equivalently, name the items per agent, e.g. {"Agent_1": ["Apple", "Stone", "Pencil"], "Agent_2": ["Jewel", "Quill"]}.',
    );
  });
});

describe('item allocation: outcome space', () => {
  it('enumerates all n^m allocations exactly when small', () => {
    const space = itemAllocation.outcomeSpace(handInstance());
    expect(space.exact).toBe(true);
    expect(space.outcomes).toHaveLength(32);
    expect(space.outcomes[0]).toEqual({ allocation: [0, 0, 0, 0, 0] });
    expect(space.outcomes[1]).toEqual({ allocation: [1, 0, 0, 0, 0] });
    expect(new Set(space.outcomes.map((o) => o.allocation.join(''))).size).toBe(32);
  });

  it('samples deterministically beyond 60,000 and includes the highest-valuer allocation', () => {
    const instance = itemAllocation.create({ items: 16, competition: 0.5 }, 2, 4);
    const space = itemAllocation.outcomeSpace(instance);
    expect(space.exact).toBe(false);
    expect(space.outcomes).toHaveLength(20001);
    const [a, b] = instance.preferences.map((p) => p.values);
    expect(space.outcomes[0].allocation).toEqual(a.map((v, k) => (b[k] > v ? 1 : 0)));
    expect(itemAllocation.outcomeSpace(instance)).toEqual(space);
  });
});

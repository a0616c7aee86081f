// maxOf replaces Math.max(...values) in the strategy agents' hot loops; it must agree with it
// exactly, edge cases included, or the agents' decisions would change. The space memos are
// shared between copies of an instance, never between different instances or definitions.
import { describe, expect, it } from 'vitest';
import { itemAllocation } from '../../../games/item-allocation';
import type { GameDefinition } from '../../../games/types';
import { hypothesesOf, maxOf, spaceOf } from './space';

describe('maxOf', () => {
  it('is the largest value of a plain or typed array', () => {
    expect(maxOf([3, 41, 7, -2])).toBe(41);
    expect(maxOf(Float64Array.from([-3.5, -0.25, -9]))).toBe(-0.25);
  });

  it('agrees with Math.max on the edge cases', () => {
    expect(maxOf([])).toBe(-Infinity);
    expect(maxOf([1, NaN, 5])).toBeNaN();
    expect(Object.is(maxOf([-0, 0]), 0)).toBe(true);
    expect(Object.is(maxOf([0, -0]), 0)).toBe(true);
    expect(Object.is(maxOf([-0]), -0)).toBe(true);
    expect(maxOf([-Infinity])).toBe(-Infinity);
  });
});

describe('spaceOf and hypothesesOf across games', () => {
  const params = { items: 4, competition: 0.5 };

  it('share one space and one hypothesis set between copies of an instance', () => {
    const a = itemAllocation.create(params, 2, 5);
    const copy = JSON.parse(JSON.stringify(a)) as typeof a;
    expect(spaceOf(itemAllocation, copy)).toBe(spaceOf(itemAllocation, a));
    expect(hypothesesOf(itemAllocation, copy, 0, 1)).toBe(hypothesesOf(itemAllocation, a, 0, 1));
    expect(hypothesesOf(itemAllocation, copy, 1, 0)).not.toBe(
      hypothesesOf(itemAllocation, a, 0, 1),
    );
  });

  it('keep instances with other content, and other game definitions, apart', () => {
    const a = itemAllocation.create(params, 2, 5);
    const b = itemAllocation.create(params, 2, 6);
    expect(spaceOf(itemAllocation, b)).not.toBe(spaceOf(itemAllocation, a));
    // The same instance under a definition that pays double: its own space, twice the best.
    const doubled: GameDefinition = {
      ...itemAllocation,
      rawUtilities: (instance, proposal) =>
        itemAllocation.rawUtilities(instance, proposal).map((u) => 2 * u),
    };
    // (A copy: the per-object memo is keyed by the instance object alone.)
    const copy = JSON.parse(JSON.stringify(a)) as typeof a;
    expect(spaceOf(doubled, copy).best).toEqual(spaceOf(itemAllocation, a).best.map((u) => 2 * u));
    expect(Array.from(spaceOf(doubled, copy).util[0])).toEqual(
      Array.from(spaceOf(itemAllocation, a).util[0]),
    );
  });
});

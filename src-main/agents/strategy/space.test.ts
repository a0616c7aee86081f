// maxOf replaces Math.max(...values) in the strategy agents' hot loops; it must agree with it
// exactly, edge cases included, or the agents' decisions would change.
import { describe, expect, it } from 'vitest';
import { maxOf } from './space';

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

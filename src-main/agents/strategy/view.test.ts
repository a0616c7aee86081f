// callRng creates its stream lazily; it must draw exactly what createRng draws for the seed.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../games/rng';
import { callRng } from './view';

function draws(rng: ReturnType<typeof createRng>): unknown[] {
  return [
    rng.next(),
    rng.normal(),
    rng.int(3, 9),
    rng.normal(),
    rng.normal(),
    rng.shuffle(['a', 'b', 'c', 'd']),
    rng.pick([10, 20, 30]),
    rng.next(),
  ];
}

describe('callRng', () => {
  it('draws the same sequence as createRng with the same seed', () => {
    for (const seed of [0, 1, 2 ** 32 - 1, 123456789]) {
      expect(draws(callRng(seed))).toEqual(draws(createRng(seed)));
    }
  });
});

// Seeded pseudo-random numbers for games: sfc32 (Chris Doty-Humphrey's Small Fast Counting
// generator) seeded through bryc's cyrb128 string hash. Integer math only (Math.imul, >>> 0), so
// every machine and Node version produces the same sequence for the same seed.

/** A deterministic random source. Every method advances the same underlying stream. */
export interface Rng {
  /** Uniform float in [0, 1) with 32 bits of resolution. */
  next(): number;
  /** Uniform integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number;
  /** Standard normal draw (Box-Muller; the second value of each pair is kept for the next call). */
  normal(): number;
  /** A shuffled copy of `arr` (Fisher-Yates); the input is left untouched. */
  shuffle<T>(arr: readonly T[]): T[];
  /** A uniformly chosen element of a non-empty array. */
  pick<T>(arr: readonly T[]): T;
}

/** bryc's cyrb128: a 128-bit non-cryptographic hash of a string, as four unsigned 32-bit words. */
function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** Type-tagged text of seed parts, so that 5 and "5" (and ["a","b"] vs ["a,b"]) hash apart. */
function seedText(parts: readonly (string | number)[]): string {
  return parts.map((p) => (typeof p === 'number' ? `n${String(p)}` : `s${p}`)).join('\u001f');
}

/**
 * Derive a 32-bit unsigned seed from any mix of strings and numbers, e.g.
 * `hashSeed(seed, 'treaty', 'weights')`; used to give each random component its own stream so
 * that changing one parameter does not reshuffle unrelated draws.
 */
export function hashSeed(...parts: (string | number)[]): number {
  return cyrb128(seedText(parts))[0];
}

/** Create a generator; the same seed gives the same sequence everywhere. */
export function createRng(seed: number | string): Rng {
  let [a, b, c, d] = cyrb128(seedText([seed]));
  // PractRand's reference update: tmp = a + b + counter++ (the counter before incrementing).
  const nextU32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // sfc32's author recommends discarding the first outputs so weak seeds mix fully.
  for (let i = 0; i < 15; i++) nextU32();

  let spare: number | null = null;
  const next = (): number => nextU32() / 4294967296;
  const int = (lo: number, hi: number): number => {
    if (!Number.isInteger(lo) || !Number.isInteger(hi) || hi < lo) {
      throw new Error(`rng.int needs integers lo <= hi, got ${lo} and ${hi}`);
    }
    return lo + Math.floor(next() * (hi - lo + 1));
  };
  return {
    next,
    int,
    normal() {
      if (spare !== null) {
        const z = spare;
        spare = null;
        return z;
      }
      // 1 - next() lies in (0, 1], so the logarithm is always finite.
      const r = Math.sqrt(-2 * Math.log(1 - next()));
      const phi = 2 * Math.PI * next();
      spare = r * Math.sin(phi);
      return r * Math.cos(phi);
    },
    shuffle<T>(arr: readonly T[]): T[] {
      const out = arr.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        const tmp = out[i];
        out[i] = out[j];
        out[j] = tmp;
      }
      return out;
    },
    pick<T>(arr: readonly T[]): T {
      if (arr.length === 0) throw new Error('rng.pick needs a non-empty array');
      return arr[int(0, arr.length - 1)];
    },
  };
}

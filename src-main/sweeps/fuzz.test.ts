// Hostile and broken sweep documents: mutations of the shipped examples (wrong types, values out
// of range, deep nesting, long strings and lists, unicode, missing and unknown fields) with a
// fixed seed and a bounded count. None may throw or hang, and every problem names its path.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../games/rng';
import { small } from './sweep-test-helpers';
import { validateSweepDoc } from './validate';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'resources', 'examples');
const bases: unknown[] = [
  ...readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.json') && !f.startsWith('figures')) // figure specs are not sweeps
    .map((f) => JSON.parse(readFileSync(join(EXAMPLES, f), 'utf8')) as unknown),
  // Co-funding over alpha x sigma, with explicit line-ups and per-phase token limits.
  small({
    game: { kind: 'cofunding', params: { projects: 4 } },
    participants: [
      ...(small().participants ?? []),
      {
        id: 'llm',
        kind: 'llm',
        provider: 'openai',
        model: 'm',
        baseUrl: 'http://127.0.0.1:9/v1',
        maxTokens: { discussion: 100, vote: 20 },
        scores: { capability: 0.6 },
      },
    ],
    lineup: {
      mode: 'lineups',
      lineups: [
        ['weak', 'llm'],
        ['llm', 'strong'],
      ],
    },
    competition: { alpha: [0, 0.5], sigma: [0.5, 1] },
    runs: { count: 2, baseSeed: 3 },
  }),
];

const DOCS = 600;
/** Each validation must finish well inside this, even on a loaded machine. */
const MAX_MS_PER_DOC = 3_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function nested(depth: number, leaf: Json, asObject: boolean): Json {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asObject ? { a: v } : [v];
  return v;
}

const UNICODE = ['', 'é', '🦜 parrot', '\u0000', '\u202e gnal', 'Ω'.repeat(300), '名前', '\ud800'];

function randomValue(rng: Rng): Json {
  switch (rng.int(0, 13)) {
    case 0:
      return rng.pick([-1, 0, -0, 0.5, 1, 1.5, 2, 7, 1e308, -1e308, 2 ** 53 + 2, 1e-320]);
    case 1:
      return rng.pick(UNICODE);
    case 2:
      return rng.pick([null, true, false]);
    case 3:
      return [];
    case 4:
      return {};
    case 5:
      return nested(rng.pick([5, 33, 200, 5_000]), rng.pick([1, 'x', null]), rng.next() < 0.5);
    case 6:
      return 'x'.repeat(rng.pick([1_000, 100_001, 300_000]));
    case 7:
      return Array.from({ length: rng.pick([3, 1_000, 20_000]) }, (_, i) => i / 3);
    case 8:
      return Array.from({ length: rng.int(1, 5) }, () => rng.pick([0, 0.5, 2, -3, 'a', null]));
    case 9:
      return { count: rng.pick([0, 1, 5, 1e9, -2, 2.5]), baseSeed: rng.pick([1, -1, 'a']) };
    case 10:
      return { levels: [0.1, rng.pick([0.2, 2, -1, 'x'])], rho: rng.pick([[0], 'x']) };
    case 11:
      return rng.pick(['both', 'weak_first', 'random', 'sideways']);
    case 12:
      return { discussion: rng.pick([1, 0, -5, 'a']), vote: rng.pick([2, 1.5]) };
    default:
      return rng.pick([1e6, 12_000_000, 10_000]);
  }
}

/** Every container in the document with its key list, for choosing where to mutate. */
function containers(doc: Json): (Json[] | { [key: string]: Json })[] {
  const out: (Json[] | { [key: string]: Json })[] = [];
  const stack: Json[] = [doc];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    out.push(v);
    if (out.length > 500) break;
    stack.push(...(Array.isArray(v) ? v : Object.values(v)));
  }
  return out;
}

function mutate(doc: Json, rng: Rng): Json {
  const copy = structuredClone(doc);
  for (let m = rng.int(1, 3); m > 0; m--) {
    const targets = containers(copy);
    const target = rng.pick(targets);
    if (Array.isArray(target)) {
      const i = rng.int(0, Math.max(0, target.length - 1));
      if (rng.next() < 0.2 && target.length > 0) target.push(target[i]);
      else if (rng.next() < 0.2) target.splice(i, 1);
      else target[i] = randomValue(rng);
    } else {
      const keys = Object.keys(target);
      const r = rng.next();
      if (r < 0.15 && keys.length > 0) delete target[rng.pick(keys)];
      else if (r < 0.25)
        target[rng.pick(['maxGames', 'rouns', '🦜', '__proto__', 'x'.repeat(50)])] =
          randomValue(rng);
      else if (keys.length > 0) target[rng.pick(keys)] = randomValue(rng);
    }
  }
  return copy;
}

describe('sweep fuzz (fixed seed, bounded)', () => {
  it('starts from valid documents', () => {
    expect(bases.map((b) => validateSweepDoc(b).ok)).toEqual(bases.map(() => true));
  });

  it(`validates ${DOCS} mutated documents without a throw, a hang or a message without a path`, () => {
    const rng = createRng('sweep-fuzz-1');
    const seen = { valid: 0, invalid: 0 };
    const slow: string[] = [];
    for (let n = 0; n < DOCS; n++) {
      const doc = mutate(rng.pick(bases) as Json, rng);
      const started = performance.now();
      let result;
      try {
        result = validateSweepDoc(doc);
      } catch (err) {
        // The seed reproduces the document: mutate() the same pick again to inspect it.
        throw new Error(`document ${n} threw: ${String(err)}`, { cause: err });
      }
      const ms = performance.now() - started;
      if (ms > MAX_MS_PER_DOC) slow.push(`document ${n}: ${Math.round(ms)} ms`);
      if (result.ok) {
        seen.valid += 1;
        continue;
      }
      seen.invalid += 1;
      expect(result.issues.length).toBeGreaterThan(0);
      for (const issue of result.issues) {
        const where = `document ${n}: ${JSON.stringify(issue)}`;
        expect(typeof issue.path, where).toBe('string');
        expect(issue.path.length, where).toBeGreaterThan(0);
        expect(issue.message, where).not.toMatch(/^Invalid input$/);
        expect(issue.message.length, where).toBeGreaterThan(0);
        expect(issue.message.length, where).toBeLessThan(2_000);
      }
    }
    expect(slow).toEqual([]);
    // The mutations reach both outcomes (the counts are fixed by the seed).
    expect(seen.valid).toBeGreaterThan(20);
    expect(seen.invalid).toBeGreaterThan(400);
  });
});

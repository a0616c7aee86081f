// Content-derived ids: a stable hash of canonical JSON (object keys sorted, undefined dropped),
// so the same game content always gets the same id on every machine.
import { createHash } from 'node:crypto';

/**
 * Deepest nesting hashed. Sweep documents are refused past SWEEP_LIMITS.maxDepth before they get
 * here, so this only stops a caller that skipped validation from overflowing the stack.
 */
const MAX_DEPTH = 256;

/** JSON with object keys sorted recursively; `undefined` members are omitted like JSON does. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value, 0));
}

function sortKeys(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH) {
    throw new RangeError(`cannot hash a value nested more than ${MAX_DEPTH} levels deep`);
  }
  if (Array.isArray(value)) return value.map((v) => sortKeys(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    // fromEntries defines own properties, so a "__proto__" key is hashed like any other.
    const entries: [string, unknown][] = [];
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) entries.push([key, sortKeys(member, depth + 1)]);
    }
    return Object.fromEntries(entries);
  }
  return value;
}

/** First `length` hex characters of the SHA-256 of the canonical JSON of `value`. */
export function contentId(value: unknown, length = 16): string {
  return hashText(canonicalJson(value), length);
}

/** First `length` hex characters of the SHA-256 of `text` (already canonical JSON). */
export function hashText(text: string, length = 16): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

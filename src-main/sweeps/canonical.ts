// Content-derived ids: a stable hash of canonical JSON (object keys sorted, undefined dropped),
// so the same game content always gets the same id on every machine.
import { createHash } from 'node:crypto';

/** JSON with object keys sorted recursively; `undefined` members are omitted like JSON does. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) out[key] = sortKeys(member);
    }
    return out;
  }
  return value;
}

/** First `length` hex characters of the SHA-256 of the canonical JSON of `value`. */
export function contentId(value: unknown, length = 16): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, length);
}

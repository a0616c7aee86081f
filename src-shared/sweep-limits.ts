// Limits on a sweep document, checked before the schema sees it: a hostile or broken file
// (nested thousands of levels deep, megabytes of values, a grid of millions of games) gets a
// plain message instead of a stack overflow, minutes of work or gigabytes of memory.
import type { SweepIssue } from './sweep-issues';
import { formatPath } from './sweep-issues';

export const SWEEP_LIMITS = {
  /** Deepest nesting of arrays and objects (a real sweep needs about 6). */
  maxDepth: 32,
  /** Most values (numbers, strings, array and object members) in one document. */
  maxValues: 500_000,
  /** Longest string value or key, in characters. */
  maxStringLength: 100_000,
  /** Largest sweep file, in bytes (checked by file readers before parsing). */
  maxFileBytes: 8 * 1024 * 1024,
  /** Games a sweep may plan unless it raises `maxGames`. */
  defaultMaxGames: 200_000,
} as const;

/**
 * Walks the document without recursion and returns the first problem of each kind: too deep,
 * too many values, a string too long, a number that is not finite.
 */
export function checkSweepShape(doc: unknown): SweepIssue[] {
  const issues: SweepIssue[] = [];
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: doc, path: [] }];
  let values = 0;
  let isDeepReported = false;
  let isLongReported = false;
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    values += 1;
    if (values > SWEEP_LIMITS.maxValues) {
      issues.push({
        path: '(root)',
        message: `the document has more than ${SWEEP_LIMITS.maxValues.toLocaleString('en-US')} values; a sweep lists its axes, not its games`,
      });
      break;
    }
    if (typeof value === 'string' && value.length > SWEEP_LIMITS.maxStringLength) {
      if (!isLongReported) issues.push(longString(path, value.length));
      isLongReported = true;
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= SWEEP_LIMITS.maxDepth) {
      if (!isDeepReported) {
        issues.push({
          path: formatPath(path),
          message: `nested more than ${SWEEP_LIMITS.maxDepth} levels deep; a sweep document needs only a few levels`,
        });
      }
      isDeepReported = true;
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], path: [...path, i] });
    } else {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        if (key.length > SWEEP_LIMITS.maxStringLength) {
          if (!isLongReported) issues.push(longString(path, key.length, 'a key'));
          isLongReported = true;
          continue;
        }
        stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
      }
    }
  }
  return issues;
}

function longString(path: PropertyKey[], length: number, what = 'text'): SweepIssue {
  return {
    path: formatPath(path),
    message: `${what} of ${length.toLocaleString('en-US')} characters is longer than the limit of ${SWEEP_LIMITS.maxStringLength.toLocaleString('en-US')}`,
  };
}

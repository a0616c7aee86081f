// Turning zod issues into sweep issues that name the element at fault. A union field
// (competition, runs, orders, maxTokens) reports the problems of the alternative the value was
// meant to be, at their own paths, instead of one "Invalid input" at the field.
import type { z } from 'zod';

/** One problem with a sweep document: where (a dotted path) and what. */
export interface SweepIssue {
  path: string;
  message: string;
}

type Issue = z.core.$ZodIssue;

/** Format a zod path like `lineup.opponents[2]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(root)';
}

/** Every zod issue as sweep issues under `prefix`, unions resolved to their closest alternative. */
export function toSweepIssues(
  issues: readonly Issue[],
  prefix: readonly PropertyKey[] = [],
): SweepIssue[] {
  return issues.flatMap((issue) => flatten(issue, prefix));
}

function flatten(issue: Issue, prefix: readonly PropertyKey[]): SweepIssue[] {
  const path = [...prefix, ...issue.path];
  if (issue.code !== 'invalid_union') return [{ path: formatPath(path), message: describe(issue) }];
  if ('note' in issue && issue.note === 'No matching discriminator') {
    const options = (issue as { options?: unknown[] }).options ?? [];
    return [{ path: formatPath(path), message: `must be one of ${quoteAll(options)}` }];
  }
  const branches = issue.errors;
  // An alternative whose own type matched got further: report its problems. Of several, the
  // one with the fewest problems is the one the author meant.
  const matched = branches.filter((b) => b.length > 0 && !b.some(isTypeMismatchAtRoot));
  if (matched.length > 0) {
    const best = matched.reduce((a, b) => (b.length < a.length ? b : a));
    return best.flatMap((i) => flatten(i, path));
  }
  return [{ path: formatPath(path), message: expectedAlternatives(branches) }];
}

/** The alternative rejected the value itself (wrong type, wrong literal, wrong key set). */
function isTypeMismatchAtRoot(issue: Issue): boolean {
  if (issue.path.length > 0) {
    // A missing required key of an object alternative: the value was not meant to be it.
    return issue.code === 'invalid_type' && issue.input === undefined;
  }
  return (
    issue.code === 'invalid_type' ||
    issue.code === 'invalid_value' ||
    issue.code === 'unrecognized_keys' ||
    issue.code === 'invalid_union'
  );
}

function expectedAlternatives(branches: readonly (readonly Issue[])[]): string {
  const wanted: string[] = [];
  let received: string | undefined;
  for (const branch of branches) {
    const missing = branch
      .filter((i) => i.path.length === 1 && i.code === 'invalid_type' && i.input === undefined)
      .map((i) => i.path[0]);
    if (missing.length > 0)
      wanted.push(`an object with ${missing.map((k) => `"${String(k)}"`).join(' and ')}`);
    for (const i of branch) {
      if (i.path.length > 0) continue;
      if (i.code === 'invalid_type') {
        wanted.push(article(i.expected === 'int' ? 'integer' : i.expected));
        received ??= typeOf(i.input);
      } else if (i.code === 'invalid_value') {
        wanted.push(quoteAll(i.values));
      } else if (i.code === 'unrecognized_keys' && missing.length === 0) {
        wanted.push(`an object without ${quoteAll(i.keys)}`);
      }
    }
  }
  const list = [...new Set(wanted)];
  const what = list.length > 0 ? list.join(' or ') : 'a different value';
  return `must be ${what}${received ? ` (got ${received})` : ''}`;
}

function describe(issue: Issue): string {
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `must be one of ${quoteAll(issue.values)}`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  return issue.message;
}

function quoteAll(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v) ?? String(v)).join(', ');
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return article(typeof value);
}

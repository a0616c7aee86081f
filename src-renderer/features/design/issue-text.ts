// Validation issues in plain words, and at the participant row they concern. The sweep schema
// speaks zod ("Too small: expected string to have >=1 characters"); the designer says what to
// do ("choose a baseline") and names rows by their number in the table as it is shown.
import type { SweepIssue } from '../../../src-shared/sweep';
import type { DesignForm } from './form-model';
import { fieldOf } from './form-model';
import { activeRows } from './party-lineup';

type RowFields = Pick<DesignForm, 'participants' | 'kind' | 'lineupMode' | 'byRole' | 'byParty'>;

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  description: 'Description',
  kind: 'Game',
  protocol: 'Protocol',
  agents: 'Agents per game',
  rounds: 'Rounds',
  gamma: 'Discount γ',
  acceptance: 'Acceptance rule',
  discussionTurns: 'Discussion passes',
  participants: 'Capability axis',
  levels: 'Competition axis',
  orders: 'Who speaks first',
  runs: 'Runs per cell',
  concurrency: 'Games at once',
  budgetUsd: 'Budget',
  'lineup.focalParty': 'Focal party',
  'lineup.byRole': 'Model by role',
  'lineup.byParty': 'Model by party',
};

/** The form field an issue is shown at, as its label says it ("Rounds", "Game: projects"). */
export function fieldLabel(issue: SweepIssue): string {
  const field = fieldOf(issue);
  if (field.startsWith('params.')) return `Game: ${field.slice('params.'.length)}`;
  return FIELD_LABELS[field] ?? (issue.path || 'Sweep');
}

/** What to do about one issue, in words (zod's generic texts translated; ours kept). */
export function plainMessage(issue: SweepIssue): string {
  const { path, message } = issue;
  if (path === 'lineup.baseline' && /Too small|at least 1|>=1 char/.test(message))
    return 'choose a baseline: set one participant’s role to “baseline”';
  if (path === 'lineup.opponents' && /at least one|Too small/.test(message))
    return 'put at least one participant on the axis';
  if (path === 'name' && /Too small/.test(message)) return 'give the sweep a name';
  let m = /^Too small: expected string to have >=(\d+) characters?$/.exec(message);
  if (m) return m[1] === '1' ? 'fill this in' : `use at least ${m[1]} characters`;
  m = /^Too big: expected string to have <=(\d+) characters?$/.exec(message);
  if (m) return `use at most ${m[1]} characters`;
  if (/^Invalid input: expected number, received (NaN|undefined|null)$/.test(message))
    return 'enter a number';
  m = /^Too small: expected number to be (>=|>)(-?[\d.e+-]+)$/.exec(message);
  if (m) return m[1] === '>=' ? `must be at least ${m[2]}` : `must be more than ${m[2]}`;
  m = /^Too big: expected number to be (<=|<)(-?[\d.e+-]+)$/.exec(message);
  if (m) return m[1] === '<=' ? `must be at most ${m[2]}` : `must be less than ${m[2]}`;
  if (/^Invalid input: expected int, received number$/.test(message)) return 'enter a whole number';
  m = /^Too small: expected array to have >=(\d+) items?$/.exec(message);
  if (m) return `list at least ${m[1]}`;
  if (/^Invalid input: expected string, received/.test(message)) return 'enter text';
  if (/^Invalid input: expected boolean, received/.test(message)) return 'choose yes or no';
  if (message === 'Invalid key in record') return 'not a valid name';
  m = /^Invalid option: expected one of (.*)$/.exec(message);
  if (m) return `choose one of ${m[1].replace(/"/g, '').split('|').join(', ')}`;
  return message;
}

/** The issues with their messages in plain words (paths kept, to place them). */
export function plainIssues(issues: readonly SweepIssue[]): SweepIssue[] {
  return issues.map((i) => ({ ...i, message: plainMessage(i) }));
}

/**
 * The form row (its key) an issue of the document concerns: `participants[i]` counts the active
 * rows the document lists (registry rows are looked up by id, so they are not in it), and
 * `lineup.opponents[i]` (or `focalModels[i]`) the rows on the axis. Null for issues of the whole lineup.
 */
export function rowKeyOf(issue: SweepIssue, form: RowFields): string | null {
  const active = activeRows(form);
  let m = /^participants\[(\d+)\]/.exec(issue.path);
  if (m) return active.filter((r) => r.source !== 'registry')[Number(m[1])]?.key ?? null;
  m = /^lineup\.(?:opponents|focalModels)\[(\d+)\]/.exec(issue.path);
  if (m) return active.filter((r) => r.role === 'opponent')[Number(m[1])]?.key ?? null;
  // The host names a participant in quotes ('participant "gpt-x" has no "capability" score').
  const quoted = [...issue.message.matchAll(/"([^"]+)"/g)].map((q) => q[1]);
  return active.find((r) => quoted.includes(r.id))?.key ?? null;
}

/** Issues of the participants section split by row (distinct messages) and the rest. */
export function issuesByRow(
  issues: readonly SweepIssue[],
  form: RowFields,
): { byRow: Map<string, string[]>; rest: SweepIssue[] } {
  const byRow = new Map<string, string[]>();
  const rest: SweepIssue[] = [];
  for (const issue of issues) {
    const key = rowKeyOf(issue, form);
    if (key === null) {
      rest.push(issue);
      continue;
    }
    const list = byRow.get(key) ?? [];
    if (!list.includes(issue.message)) list.push(issue.message);
    byRow.set(key, list);
  }
  return { byRow, rest };
}

// Where each validation issue of the sweep document belongs on the designer's form.
import type { SweepIssue } from '../../../src-shared/sweep';

/** The form field an issue belongs to ("general" when none fits). */
export function fieldOf(issue: SweepIssue): string {
  const path = issue.path;
  const head = path.split(/[.[ (]/)[0];
  if (path.startsWith('game.params.'))
    return `params.${path.slice('game.params.'.length).split(/[.[]/)[0]}`;
  if (head === 'game') return 'kind';
  // A game's seat count (e.g. a deliberation folder's parties) is the Agents field's business.
  if (/needs \d+ agents, got \d+/.test(issue.message)) return 'agents';
  // A model per party: the focal party and the by-role and by-party records have their fields.
  const lineupField = /^lineup\.(focalParty|byRole|byParty)\b/.exec(path);
  if (lineupField) return `lineup.${lineupField[1]}`;
  if (head === 'lineup' || head === 'participants' || head === 'capabilityMetric')
    return 'participants';
  if (head === 'competition') return 'levels';
  if (
    [
      'name',
      'protocol',
      'agents',
      'rounds',
      'gamma',
      'acceptance',
      'discussionTurns',
      'orders',
      'runs',
      'concurrency',
      'budgetUsd',
      'description',
    ].includes(head)
  )
    return head;
  return 'general';
}

/**
 * Issues grouped by form field, each message once per field (a problem of the game repeats for
 * every cell of the competition axis).
 */
export function issuesByField(issues: readonly SweepIssue[]): Record<string, SweepIssue[]> {
  const out: Record<string, SweepIssue[]> = {};
  for (const issue of issues) {
    const list = (out[fieldOf(issue)] ??= []);
    if (!list.some((i) => i.message === issue.message)) list.push(issue);
  }
  return out;
}

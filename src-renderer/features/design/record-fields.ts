// Record parameters of the designer (holdings per resource, incentives per party): the checks
// the form makes itself before the host sees the rows (a name missing, repeated or not of the
// schema's form), and the host's issues placed at the record they concern, in words.
import type { GameCatalogEntry } from '../../../src-shared/contract';
import type { SweepIssue } from '../../../src-shared/sweep';
import type { DesignForm } from './form-model';
import { recordFields } from './game-fields';

/** A name pattern of a record's schema in words (the patterns the games use; else the pattern). */
export function keyRuleText(pattern: string): string {
  if (pattern === '^[A-Z]$') return 'use one capital letter, A to Z';
  return `use a name of the form ${pattern}`;
}

/**
 * Problems of the records' names the document could not show (rows merge by name, so a
 * repeated or empty name would vanish): one issue per row, at `game.params.<name>`.
 */
export function recordIssues(
  form: Pick<DesignForm, 'records'>,
  entry: GameCatalogEntry | undefined,
): SweepIssue[] {
  const issues: SweepIssue[] = [];
  for (const p of recordFields(entry)) {
    const rows = form.records[p.name] ?? [];
    const pattern = p.record?.keyPattern ? new RegExp(p.record.keyPattern) : null;
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      // The path names the row (as the host's do), so the field marks it.
      const key = row.key.trim();
      const path = `game.params.${p.name}.${key}`;
      if (key === '') issues.push({ path, message: `row ${i + 1}: give it a name` });
      else if (seen.has(key)) issues.push({ path, message: `“${key}” is listed twice` });
      else if (pattern && !pattern.test(key))
        issues.push({ path, message: `“${key}”: ${keyRuleText(p.record!.keyPattern!)}` });
      seen.add(key);
    });
  }
  return issues;
}

/**
 * An issue the game's own check raised for a competition cell about a record parameter
 * ("incentives: no party named 'X' ...", "incentives.SportCo: the folder has no ..."), moved to
 * that parameter's field with the parameter's name taken off; any other issue as it is. Given
 * the record's rows (`rowsOf`), an issue naming a row that is not the form's own stays where it
 * is: a cell sets it (the focal party's incentive is the competition axis's doing).
 */
export function atRecordField(
  issue: SweepIssue,
  names: readonly string[],
  rowsOf?: (name: string) => readonly string[],
): SweepIssue {
  if (!issue.path.startsWith('competition')) return issue;
  const m = /^([A-Za-z]\w*)(?:\.([^:]+))?: (.+)$/s.exec(issue.message);
  if (!m || !names.includes(m[1])) return issue;
  const [, name, key, rest] = m;
  const named = key ?? /'([^']+)'|"([^"]+)"/.exec(rest)?.slice(1).find(Boolean);
  if (rowsOf && named !== undefined && !rowsOf(name).includes(named)) return issue;
  return key
    ? { path: `game.params.${name}.${key}`, message: rest }
    : { path: `game.params.${name}`, message: rest };
}

/**
 * The row an issue at a record field is about: its name ('' for an unnamed row), else null.
 * `path` is the record's own (`game.params.red`, `lineup.byRole`).
 */
export function recordRowOf(issue: SweepIssue, path: string): string | null {
  return issue.path.startsWith(`${path}.`) ? issue.path.slice(path.length + 1) : null;
}

/**
 * An issue at a record field as the field shows it: the row's name first when the issue is about
 * one row and does not name it already (`game.params.red.X` -> "X: must be at least 0").
 */
export function recordIssueText(issue: SweepIssue, path: string): string {
  const key = recordRowOf(issue, path);
  if (!key || issue.message.startsWith(`“${key}”`)) return issue.message;
  return `${key}: ${issue.message}`;
}

/**
 * An issue as the designer shows it (at the field and in the summary): one of the game's cell
 * checks moved to its record parameter's field (`names`), and an issue about one row of a record
 * (`paths`, by default the parameters') led by the row's name.
 */
export function placeRecordIssue(
  issue: SweepIssue,
  names: readonly string[],
  paths: readonly string[] = names.map((n) => `game.params.${n}`),
  rowsOf?: (name: string) => readonly string[],
): SweepIssue {
  const placed = atRecordField(issue, names, rowsOf);
  const path = paths.find((p) => recordRowOf(placed, p) !== null);
  return path ? { ...placed, message: recordIssueText(placed, path) } : placed;
}

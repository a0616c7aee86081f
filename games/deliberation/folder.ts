// Parse a game folder in the published LLM-Deliberation format (DESIGN 3.6) from its file texts.
// Pure: src-main/game-folders reads the files from disk. Every error names the file and line.
import { parseOptionList } from './deal';
import {
  DELIBERATION_INCENTIVES,
  DELIBERATION_ROLES,
  type DeliberationGame,
  type DeliberationIncentive,
  type DeliberationIssue,
  type DeliberationParty,
  type DeliberationRole,
  type GameFolderFiles,
} from './types';

/** A problem with a game folder, located at `file` (relative to the folder) and `line` (1-based). */
export class GameFolderError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly reason: string,
  ) {
    super(`${file}${line === null ? '' : ` line ${line}`}: ${reason}`);
    this.name = 'GameFolderError';
  }
}

interface ConfigLine {
  line: number;
  name: string;
  file: string;
  role: DeliberationRole;
  incentive: DeliberationIncentive;
  model: string;
}

/** Lines of a text with their 1-based numbers, blank lines dropped, CRLF tolerated. */
function numberedLines(text: string): { line: number; text: string }[] {
  return text
    .split(/\r?\n/)
    .map((t, i) => ({ line: i + 1, text: t.trim() }))
    .filter((l) => l.text !== '');
}

function requireFile(files: GameFolderFiles, path: string, why: string): string {
  const text = files[path];
  if (text === undefined) throw new GameFolderError(path, null, `file is missing (${why})`);
  return text;
}

function parseConfig(text: string): ConfigLine[] {
  const lines = numberedLines(text).map(({ line, text: t }): ConfigLine => {
    const fields = t.split(',').map((f) => f.trim());
    if (fields.length < 4 || fields.length > 5) {
      throw new GameFolderError(
        'config.txt',
        line,
        `expected "name, file, role, incentive, model", got ${fields.length} fields`,
      );
    }
    const [name, file, role, incentive, model = ''] = fields;
    if (name === '' || file === '') {
      throw new GameFolderError('config.txt', line, 'the name and the file must not be empty');
    }
    if (!(DELIBERATION_ROLES as readonly string[]).includes(role)) {
      throw new GameFolderError(
        'config.txt',
        line,
        `unknown role '${role}' (known: ${DELIBERATION_ROLES.join(', ')})`,
      );
    }
    if (!(DELIBERATION_INCENTIVES as readonly string[]).includes(incentive)) {
      throw new GameFolderError(
        'config.txt',
        line,
        `unknown incentive '${incentive}' (known: ${DELIBERATION_INCENTIVES.join(', ')})`,
      );
    }
    return {
      line,
      name,
      file,
      role: role as DeliberationRole,
      incentive: incentive as DeliberationIncentive,
      model,
    };
  });
  if (lines.length < 3) {
    // The schedule needs three: a block may neither start with the previous speaker nor end with p1.
    throw new GameFolderError(
      'config.txt',
      null,
      `needs at least three parties, got ${lines.length}`,
    );
  }
  for (const role of ['p1', 'p2'] as const) {
    const holders = lines.filter((l) => l.role === role);
    if (holders.length !== 1) {
      const where = holders.map((h) => h.line).join(', ');
      throw new GameFolderError(
        'config.txt',
        holders[1]?.line ?? null,
        `exactly one party must have the role ${role}, found ${holders.length}${where ? ` (lines ${where})` : ''}`,
      );
    }
  }
  const seen = new Map<string, number>();
  for (const l of lines) {
    const earlier = seen.get(l.name);
    if (earlier !== undefined) {
      throw new GameFolderError(
        'config.txt',
        l.line,
        `party '${l.name}' already on line ${earlier}`,
      );
    }
    seen.set(l.name, l.line);
  }
  const targeted = lines.find((l) => l.incentive === 'targeted_adv');
  if (targeted && !lines.some((l) => l.role === 'target')) {
    throw new GameFolderError(
      'config.txt',
      targeted.line,
      'a targeted_adv party needs a party with the role target',
    );
  }
  return lines;
}

/**
 * Issues and their option counts as global_instructions.txt declares them: one "Issue X:"
 * heading per issue and option labels X1..Xn in the text. Null when it declares no issues.
 */
function issuesOfGlobal(text: string): DeliberationIssue[] | null {
  const letters = [...new Set([...text.matchAll(/Issue ([A-Z])\s*:/g)].map((m) => m[1]))];
  if (letters.length === 0) return null;
  const issues = letters.map((letter) => {
    const labels = [...text.matchAll(new RegExp(`\\b${letter}(\\d+)\\b`, 'g'))];
    return { letter, options: Math.max(0, ...labels.map((m) => Number(m[1]))) };
  });
  return issues.every((issue) => issue.options > 0) ? issues : null;
}

function parseScores(
  path: string,
  text: string,
  issues: DeliberationIssue[] | null,
): { scores: number[][]; minimum: number } {
  const lines = numberedLines(text);
  const expected = issues?.length ?? lines.length - 1;
  const rows = lines.slice(0, expected).map(({ line, text: t }, k) => {
    const values = t.split(',').map((v) => v.trim());
    const numbers = values.map((v) => Number(v));
    const bad = values.findIndex((v, i) => v === '' || !Number.isFinite(numbers[i]));
    if (bad >= 0) throw new GameFolderError(path, line, `'${values[bad]}' is not a number`);
    if (issues && numbers.length !== issues[k].options) {
      throw new GameFolderError(
        path,
        line,
        `issue ${issues[k].letter} has ${issues[k].options} options but this line gives ${numbers.length} scores`,
      );
    }
    return numbers;
  });
  const rest = lines.slice(expected);
  const last = lines[lines.length - 1]?.line ?? 0;
  if (rest.length === 0 || rows.length < expected) {
    throw new GameFolderError(
      path,
      last,
      `missing minimum: expected ${expected} score lines (one per issue) and then the minimum on its own line`,
    );
  }
  if (rest.length > 1) {
    throw new GameFolderError(
      path,
      rest[1].line,
      `extra line: ${expected} score lines and one minimum line expected`,
    );
  }
  const minimum = Number(rest[0].text);
  if (rest[0].text.includes(',') || !Number.isFinite(minimum)) {
    throw new GameFolderError(
      path,
      rest[0].line,
      `the last line must be the minimum (one number), got '${rest[0].text}'`,
    );
  }
  return { scores: rows, minimum };
}

/** Fill #A1_NUM (score of option A1) and #A_MAX_NUM (best score of issue A) placeholders. */
function fillPlaceholders(
  path: string,
  text: string,
  issues: DeliberationIssue[],
  scores: number[][],
): string {
  return text
    .split('\n')
    .map((lineText, i) =>
      lineText.replace(/#([A-Za-z]+)(\d*)_(MAX_)?NUM/g, (whole, letter: string, option, max) => {
        const k = issues.findIndex((issue) => issue.letter === letter);
        const row = k >= 0 ? scores[k] : undefined;
        if (row && max && option === '') return String(Math.max(...row));
        const value = row && !max && option !== '' ? row[Number(option) - 1] : undefined;
        if (value === undefined) {
          throw new GameFolderError(path, i + 1, `placeholder ${whole} has no score`);
        }
        return String(value);
      }),
    )
    .join('\n');
}

/**
 * Parse a folder's files. Parties are the config.txt lines (a folder may configure fewer
 * parties than its instructions name); issues come from global_instructions.txt, or from the
 * first party's scores file when the instructions declare none.
 */
export function parseGameFolder(files: GameFolderFiles): DeliberationGame {
  const config = parseConfig(requireFile(files, 'config.txt', 'one line per party'));
  const globalInstructions = requireFile(files, 'global_instructions.txt', 'the public rules');
  let issues = issuesOfGlobal(globalInstructions);
  const parties = config.map((c): DeliberationParty => {
    const scoresPath = `scores_files/${c.file}.txt`;
    const scoresText = requireFile(files, scoresPath, `config.txt line ${c.line} names ${c.file}`);
    const { scores, minimum } = parseScores(scoresPath, scoresText, issues);
    issues ??= scores.map((row, k) => ({
      letter: String.fromCharCode(65 + k),
      options: row.length,
    }));
    const instructions: DeliberationParty['instructions'] = {};
    for (const incentive of DELIBERATION_INCENTIVES) {
      const path = `individual_instructions/${incentive}/${c.file}.txt`;
      const text = files[path];
      if (text !== undefined)
        instructions[incentive] = fillPlaceholders(path, text, issues, scores);
    }
    if (instructions[c.incentive] === undefined) {
      throw new GameFolderError(
        `individual_instructions/${c.incentive}/${c.file}.txt`,
        null,
        `file is missing (config.txt line ${c.line} gives ${c.name} the incentive ${c.incentive})`,
      );
    }
    return {
      name: c.name,
      file: c.file,
      role: c.role,
      incentive: c.incentive,
      model: c.model,
      scores,
      minimum,
      instructions,
    };
  });
  const gameIssues = issues ?? [];
  const dealText = requireFile(files, 'initial_deal.txt', "p1's opening deal");
  const dealLines = numberedLines(dealText);
  if (dealLines.length !== 1) {
    throw new GameFolderError(
      'initial_deal.txt',
      dealLines[1]?.line ?? null,
      'expected one line like A1,B1,C4',
    );
  }
  const initial = parseOptionList(gameIssues, dealLines[0].text);
  if (!initial.ok) throw new GameFolderError('initial_deal.txt', dealLines[0].line, initial.error);
  return { globalInstructions, issues: gameIssues, initialDeal: initial.deal, parties };
}

import { mkdtempSync, rmSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GameFolderError, parseGameFolder } from '../../games/deliberation/folder';
import { baseGame } from '../../games/deliberation/fixtures.test-helpers';
import type { GameFolderFiles } from '../../games/deliberation/types';
import { readGameFolder, readGameFolderFiles, SHIPPED_BASE_GAME } from './read-game-folder';

const base = (): GameFolderFiles => readGameFolderFiles(SHIPPED_BASE_GAME);

/** The error `files` give, as "file line N: reason". */
function folderError(files: GameFolderFiles): string {
  try {
    parseGameFolder(files);
  } catch (e) {
    if (e instanceof GameFolderError) return e.message;
    throw e;
  }
  throw new Error('expected a GameFolderError');
}

describe('the shipped base game', () => {
  const game = readGameFolder(SHIPPED_BASE_GAME);

  it('parses to the published issues, initial deal, roles and incentives', () => {
    expect(game.issues).toEqual([
      { letter: 'A', options: 3 },
      { letter: 'B', options: 3 },
      { letter: 'C', options: 4 },
      { letter: 'D', options: 4 },
      { letter: 'E', options: 5 },
    ]);
    // initial_deal.txt: A1,B1,C4,D1,E5
    expect(game.initialDeal).toEqual([0, 0, 3, 0, 4]);
    expect(game.parties.map((p) => [p.name, p.file, p.role, p.incentive, p.model])).toEqual([
      ['Mayor', 'mayor', 'player', 'cooperative', 'gpt-4-low'],
      ['Other cities', 'other_cities', 'player', 'cooperative', 'gpt-4-low'],
      ['Local Labour Union', 'union', 'player', 'cooperative', 'gpt-4-low'],
      ['SportCo', 'SportCo', 'p1', 'greedy', 'gpt-4-low'],
      ['Department of Tourism', 'DoT', 'p2', 'greedy', 'gpt-4-low'],
      ['Environmental League', 'enviroment', 'player', 'greedy', 'gpt-4-low'],
    ]);
  });

  it('reads the scores and minimums of the published files (hand-checked)', () => {
    const byFile = Object.fromEntries(game.parties.map((p) => [p.file, p]));
    // scores_files/SportCo.txt, with a trailing space on its E line
    expect(byFile.SportCo.scores).toEqual([
      [14, 8, 0],
      [11, 7, 0],
      [0, 5, 10, 17],
      [35, 29, 20, 0],
      [0, 5, 10, 15, 23],
    ]);
    expect(game.parties.map((p) => p.minimum)).toEqual([30, 31, 50, 55, 65, 55]);
    expect(byFile.DoT.scores[3]).toEqual([10, 26, 40, 0]);
    expect(byFile.other_cities.scores[4]).toEqual([60, 45, 30, 15, 0]);
    expect(byFile.enviroment.scores[1]).toEqual([0, 25, 55]);
  });

  it('matches the literal base game the pure tests use', () => {
    const literal = baseGame();
    expect(game.parties.map((p) => [p.scores, p.minimum])).toEqual(
      literal.parties.map((p) => [p.scores, p.minimum]),
    );
    expect([game.issues, game.initialDeal]).toEqual([literal.issues, literal.initialDeal]);
  });

  it('fills score placeholders of every incentive the folder has for a party', () => {
    const sport = game.parties[3];
    expect(Object.keys(sport.instructions)).toEqual(['cooperative', 'greedy']);
    expect(sport.instructions.cooperative).toContain(
      'Issue D (max score 35): D1 (35), D2(29), D3 (20), D4 (0)',
    );
    expect(sport.instructions.greedy).not.toMatch(/#\w+_NUM/);
    const env = game.parties[5];
    expect(Object.keys(env.instructions)).toEqual([
      'cooperative',
      'greedy',
      'untargeted_adv',
      'targeted_adv',
    ]);
    expect(env.instructions.targeted_adv).toContain(
      'Issue B (max score 55): B1 (0), B2 (25), B3 (55)',
    );
  });

  it('plays with fewer parties when a config line is deleted', () => {
    const files = base();
    files['config.txt'] = files['config.txt']
      .split('\n')
      .filter((l) => !l.startsWith('Environmental League'))
      .join('\n');
    const game5 = parseGameFolder(files);
    expect(game5.parties.map((p) => p.name)).toEqual([
      'Mayor',
      'Other cities',
      'Local Labour Union',
      'SportCo',
      'Department of Tourism',
    ]);
  });
});

describe('game folder errors name the file and line', () => {
  it('a score line with the wrong number of options', () => {
    const files = base();
    files['scores_files/DoT.txt'] =
      '0, 11, 5\n0, 20, 25\n0, 2, 4\n10, 26, 40, 0\n4, 8, 15, 12, 0\n65';
    expect(folderError(files)).toBe(
      'scores_files/DoT.txt line 3: issue C has 4 options but this line gives 3 scores',
    );
  });

  it('a missing minimum', () => {
    const files = base();
    files['scores_files/union.txt'] =
      '15, 20, 0\n0, 0, 0\n42, 35, 25, 0\n30, 20, 10, 0\n2, 4, 6, 8, 0 \n';
    expect(folderError(files)).toBe(
      'scores_files/union.txt line 5: missing minimum: expected 5 score lines (one per issue) and then the minimum on its own line',
    );
  });

  it('a minimum line that is not one number', () => {
    const files = base();
    files['scores_files/union.txt'] =
      '15, 20, 0\n0, 0, 0\n42, 35, 25, 0\n30, 20, 10, 0\n2, 4, 6, 8, 0\n50, 3';
    expect(folderError(files)).toBe(
      "scores_files/union.txt line 6: the last line must be the minimum (one number), got '50, 3'",
    );
  });

  it('a config line with an unknown role', () => {
    const files = base();
    files['config.txt'] = files['config.txt'].replace(
      'Other cities,other_cities,player',
      'Other cities,other_cities,judge',
    );
    expect(folderError(files)).toBe(
      "config.txt line 2: unknown role 'judge' (known: p1, p2, target, player)",
    );
  });

  it('a config line with an unknown incentive', () => {
    const files = base();
    files['config.txt'] = files['config.txt'].replace(
      'union,player,cooperative',
      'union,player,selfish',
    );
    expect(folderError(files)).toBe(
      "config.txt line 3: unknown incentive 'selfish' (known: cooperative, greedy, untargeted_adv, targeted_adv)",
    );
  });

  it('an instruction file missing for an incentive', () => {
    const files = base();
    files['config.txt'] = files['config.txt'].replace(
      'mayor,player,cooperative',
      'mayor,player,untargeted_adv',
    );
    expect(folderError(files)).toBe(
      'individual_instructions/untargeted_adv/mayor.txt: file is missing (config.txt line 1 gives Mayor the incentive untargeted_adv)',
    );
  });

  it('a placeholder with no score', () => {
    const files = base();
    files['individual_instructions/greedy/DoT.txt'] =
      'You represent DoT.\nIssue A: A1 (#A1_NUM), A4 (#A4_NUM)\nIssue F (#F_MAX_NUM)';
    expect(folderError(files)).toBe(
      'individual_instructions/greedy/DoT.txt line 2: placeholder #A4_NUM has no score',
    );
    files['individual_instructions/greedy/DoT.txt'] = 'Issue F (max #F_MAX_NUM)';
    expect(folderError(files)).toBe(
      'individual_instructions/greedy/DoT.txt line 1: placeholder #F_MAX_NUM has no score',
    );
  });

  it('an initial deal naming an unknown option', () => {
    const files = base();
    files['initial_deal.txt'] = 'A1,B1,C5,D1,E5';
    expect(folderError(files)).toBe(
      "initial_deal.txt line 1: 'C5' is not an option of issue C (C1 to C4)",
    );
    files['initial_deal.txt'] = 'A1,B1,C4,D1';
    expect(folderError(files)).toBe('initial_deal.txt line 1: the deal has no option for issue E');
  });

  it('a missing file, a missing p2 and a duplicate party', () => {
    const files = base();
    delete files['scores_files/mayor.txt'];
    expect(folderError(files)).toBe(
      'scores_files/mayor.txt: file is missing (config.txt line 1 names mayor)',
    );
    const noP2 = base();
    noP2['config.txt'] = noP2['config.txt'].replace('DoT,p2', 'DoT,player');
    expect(folderError(noP2)).toBe('config.txt: exactly one party must have the role p2, found 0');
    const twice = base();
    twice['config.txt'] += '\nMayor,mayor,player,cooperative,gpt-4-low';
    expect(folderError(twice)).toBe("config.txt line 7: party 'Mayor' already on line 1");
  });
});

describe('readGameFolder on disk', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  it('reads a copied folder and reports a broken file by its relative path', () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-folder-'));
    const copy = join(dir, 'game');
    cpSync(SHIPPED_BASE_GAME, copy, { recursive: true });
    expect(readGameFolder(copy).parties).toHaveLength(6);
    writeFileSync(join(copy, 'scores_files', 'SportCo.txt'), '14, 8\n');
    expect(() => readGameFolder(copy)).toThrow(
      'scores_files/SportCo.txt line 1: issue A has 3 options but this line gives 2 scores',
    );
    mkdirSync(join(dir, 'empty'));
    expect(() => readGameFolder(join(dir!, 'empty'))).toThrow(
      'config.txt: file is missing (one line per party)',
    );
    expect(() => readGameFolder(join(dir!, 'nowhere'))).toThrow('is not a folder');
  });
});

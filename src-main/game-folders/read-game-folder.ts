// Read a deliberation game folder (DESIGN 3.6) from disk and hand its texts to the pure parser.
// The folder's layout is the published one; files outside it are ignored.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GameFolderError, parseGameFolder } from '../../games/deliberation/folder';
import type { DeliberationGame, GameFolderFiles } from '../../games/deliberation/types';

/** The base game that ships with Parley (MIT licensed, LICENSE beside it). */
export const SHIPPED_BASE_GAME = fileURLToPath(
  new URL('../../resources/games/deliberation/base', import.meta.url),
);

const TOP_FILES = ['config.txt', 'global_instructions.txt', 'initial_deal.txt'];

function textFilesIn(folder: string, sub: string): string[] {
  const dir = join(folder, sub);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => `${sub}/${f}`);
}

/** The folder's files by relative path (forward slashes), as the pure parser takes them. */
export function readGameFolderFiles(folder: string): GameFolderFiles {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new GameFolderError(folder, null, 'is not a folder');
  }
  const incentiveDirs = existsSync(join(folder, 'individual_instructions'))
    ? readdirSync(join(folder, 'individual_instructions')).sort()
    : [];
  const paths = [
    ...TOP_FILES.filter((f) => existsSync(join(folder, f))),
    ...textFilesIn(folder, 'scores_files'),
    ...incentiveDirs.flatMap((d) => textFilesIn(folder, `individual_instructions/${d}`)),
  ];
  return Object.fromEntries(paths.map((p) => [p, readFileSync(join(folder, p), 'utf8')]));
}

/** Read and parse a game folder; a GameFolderError names the file and line of any problem. */
export function readGameFolder(folder: string): DeliberationGame {
  return parseGameFolder(readGameFolderFiles(folder));
}

// Deliberation params name a game folder; this fills in the folder's parsed data when a sweep is
// planned, so the stored game carries exactly what was played (and only the instructions of the
// incentives in play).
import { isAbsolute, resolve } from 'node:path';
import type { DeliberationGame } from '../../games/deliberation/types';
import { readGameFolder, SHIPPED_BASE_GAME } from './read-game-folder';

/** The folder a `folder` param names: "base" is the shipped base game, else a path from `cwd`. */
export function folderPath(folder: string, cwd = process.cwd()): string {
  if (folder === 'base') return SHIPPED_BASE_GAME;
  return isAbsolute(folder) ? folder : resolve(cwd, folder);
}

/** The game with each party's instructions cut to the incentive it plays. */
export function pruned(
  game: DeliberationGame,
  incentives: Record<string, string>,
): DeliberationGame {
  return {
    ...game,
    parties: game.parties.map((p) => {
      const played = (incentives[p.name] ?? p.incentive) as keyof typeof p.instructions;
      const text = p.instructions[played];
      return { ...p, instructions: text === undefined ? {} : { [played]: text } };
    }),
  };
}

/**
 * `params` with `data` filled in from its `folder` (default "base"); params that already carry
 * data are returned as they are. A GameFolderError names the file and line of a folder problem.
 */
export function withFolderData(params: unknown, cwd = process.cwd()): unknown {
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return params;
  const p = params as Record<string, unknown>;
  if (p.data !== undefined) return params;
  const folder = typeof p.folder === 'string' && p.folder.trim() !== '' ? p.folder.trim() : 'base';
  const incentives =
    p.incentives !== null && typeof p.incentives === 'object'
      ? (p.incentives as Record<string, string>)
      : {};
  return { ...p, folder, data: pruned(readGameFolder(folderPath(folder, cwd)), incentives) };
}

/**
 * A sweep's game params made ready for the game's schema: deliberation params get their
 * folder's data; other kinds pass through. The error names the folder's file and line.
 */
export function prepareGameParams(
  kind: string,
  params: Record<string, unknown>,
  cwd = process.cwd(),
): { ok: true; params: Record<string, unknown> } | { ok: false; error: string } {
  if (kind !== 'deliberation') return { ok: true, params };
  try {
    return { ok: true, params: withFolderData(params, cwd) as Record<string, unknown> };
  } catch (e) {
    const folder = typeof params.folder === 'string' ? params.folder : 'base';
    return { ok: false, error: `folder ${JSON.stringify(folder)}: ${(e as Error).message}` };
  }
}

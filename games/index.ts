// The game registry: the engine looks games up here by kind.
import { GAME_KINDS, type GameKind } from '../src-shared/game';
import { cofunding } from './cofunding';
import { deliberation } from './deliberation/definition';
import { itemAllocation } from './item-allocation';
import { treaty } from './treaty';
import type { GameDefinition } from './types';

/** Every shipped game, by kind (DESIGN 3.1-3.3, 3.6). */
export const GAMES: Record<GameKind, GameDefinition> = {
  'item-allocation': itemAllocation,
  treaty,
  cofunding,
  deliberation,
};

/** The game of `kind`; throws an error listing the known kinds when there is none. */
export function getGame(kind: string): GameDefinition {
  if (!isGameKind(kind)) {
    throw new Error(`unknown game kind '${kind}'; known kinds: ${GAME_KINDS.join(', ')}`);
  }
  return GAMES[kind];
}

function isGameKind(kind: string): kind is GameKind {
  return (GAME_KINDS as readonly string[]).includes(kind);
}

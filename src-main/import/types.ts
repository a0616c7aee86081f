// What every importer produces: a finished (or, for a truncated log, unfinished) Parley game with
// its instance, transcript and recomputed outcome, plus the source's own outcome and the flags.
import type { GameInstance, GameOutcome, TurnRecord } from '../../src-shared/game';
import type { PlannedGame } from '../../src-shared/planned-game';
import type { ImportedCall, ImportFlag, PublishedOutcome } from '../store/imports';

export const IMPORT_FORMATS = ['bargain', 'deliberation', 'arena'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** One game read from a source file, ready to be written in one transaction. */
export interface ImportedGame {
  format: ImportFormat;
  /** The game's plan; its id is derived from the source content, so a re-import finds it. */
  planned: PlannedGame;
  instance: GameInstance;
  turns: TurnRecord[];
  /** Model calls with the token usage the source reports (empty when it reports none). */
  calls: ImportedCall[];
  /** Parley's recomputed outcome; null for a truncated game (left unfinished). */
  outcome: GameOutcome | null;
  published: PublishedOutcome;
  flags: ImportFlag[];
  isTruncated: boolean;
  /** The source experiment the game belongs to: its sweep unless --sweep names one. */
  group: string;
  sourceFile: string;
  sourceSha256: string;
}

/** A user-facing problem with one input file: the message names what is wrong. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

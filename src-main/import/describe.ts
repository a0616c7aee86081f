// How an imported game reads in the transcript: where it came from, the outcome its source
// published beside Parley's, and every flag.
import type { GameRow } from '../store/types';
import type { GameImportRow } from '../store/imports';

const fmt = (x: number | null) => (x === null ? '-' : x.toFixed(3));

/** Lines for the end of a transcript; empty for a game Parley played. */
export function importNoteLines(game: GameRow, row: GameImportRow | null): string[] {
  if (!row) return [];
  const p = row.published;
  const ours = game.outcome;
  const lines = [
    `Imported (${row.format}) from ${row.sourceFile}${row.isTruncated ? ' [truncated: the log ends before the game did]' : ''}`,
    typeof p.detail?.note === 'string' && p.utilities.every((u) => u === null)
      ? `  published: no outcome (${p.detail.note})`
      : `  published: ${p.deal ? `deal in round ${p.round}` : 'no deal'}; utilities ${p.utilities.map(fmt).join(', ')}`,
    `  Parley:    ${ours ? (ours.deal ? `deal in round ${ours.round}` : 'no deal') : 'not finished'}` +
      (ours
        ? `; utilities ${ours.utilities.map(fmt).join(', ')} (undiscounted ${ours.rawUtilities.map(fmt).join(', ')})`
        : ''),
  ];
  for (const f of row.flags) lines.push(`  FLAG ${f.code}: ${f.message}`);
  return lines;
}

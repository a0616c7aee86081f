// Writes a Janus dataset (DESIGN 11) into a folder: trajectories.jsonl streamed game by game,
// then decision_steps and trajectory_outcomes as Parquet and CSV, and dataset.json saying what
// went in (source, counts, decisions left out). Every record is checked against the schema
// before it is written, so a file Parley wrote always parses as the format.
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { janusRecords, type LeftOut, type PlayedPriceGame } from './janus-records';
import {
  DECISION_STEP_COLUMNS,
  HISTORY_K,
  TRAJECTORY_OUTCOME_COLUMNS,
  janusRecordSchema,
  type DecisionStepRow,
  type TrajectoryOutcomeRow,
} from './janus-schema';
import { trajectoryRows } from './janus-tables';
import { writeTable } from './table-files';

export interface DatasetOptions {
  /** Leave out games without a deal (default: kept, with rho = -1). */
  successesOnly?: boolean;
  /** Written to dataset.json as `source`, e.g. {sweep: id} or {episodes: N, seed: S}. */
  source: Record<string, unknown>;
  /** Called after each game with the games read so far. */
  onProgress?: (gamesRead: number) => void;
}

export interface DatasetSummary {
  trajectories: number;
  decisions: number;
  successes: number;
  failures: number;
  /** Games without a deal left out by --successes-only. */
  failuresLeftOut: number;
  /** Games with no OFFER or ACCEPT decision at all (nothing to write). */
  empty: number;
  /** REJECT and NONE decisions, which Janus's action space (OFFER | ACCEPT) has no place for. */
  decisionsLeftOut: LeftOut;
  files: string[];
}

const FLUSH_BYTES = 1 << 20;

/** Write the dataset of `games` into `dir` (an existing, empty folder). */
export async function writeJanusDataset(
  games: AsyncIterable<PlayedPriceGame>,
  dir: string,
  opts: DatasetOptions,
): Promise<DatasetSummary> {
  const jsonl = join(dir, 'trajectories.jsonl');
  const fd = openSync(jsonl, 'w');
  const steps: DecisionStepRow[] = [];
  const outcomes: TrajectoryOutcomeRow[] = [];
  const s = {
    read: 0,
    decisions: 0,
    successes: 0,
    failures: 0,
    failuresLeftOut: 0,
    empty: 0,
    leftOut: { REJECT: 0, NONE: 0 },
  };
  let buffer = '';
  try {
    for await (const game of games) {
      s.read++;
      const { records, leftOut } = janusRecords(game);
      opts.onProgress?.(s.read);
      if (!game.outcome.deal && opts.successesOnly) {
        s.failuresLeftOut++;
        continue;
      }
      s.leftOut.REJECT += leftOut.REJECT;
      s.leftOut.NONE += leftOut.NONE;
      if (records.length === 0) {
        s.empty++;
        continue;
      }
      for (const r of records) {
        const checked = janusRecordSchema.safeParse(r);
        if (!checked.success)
          throw new Error(
            `game ${game.trajectoryId} turn ${r.turn}: the record does not fit the Janus schema: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
          );
        buffer += `${JSON.stringify(r)}\n`;
      }
      if (buffer.length >= FLUSH_BYTES) {
        writeSync(fd, buffer);
        buffer = '';
      }
      const rows = trajectoryRows(records);
      outcomes.push(rows.outcome);
      for (const step of rows.steps) steps.push(step);
      s.decisions += records.length;
      if (rows.outcome.success) s.successes++;
      else s.failures++;
    }
    writeSync(fd, buffer);
  } finally {
    closeSync(fd);
  }
  const files = [
    jsonl,
    ...writeTable(join(dir, 'decision_steps'), DECISION_STEP_COLUMNS, steps),
    ...writeTable(join(dir, 'trajectory_outcomes'), TRAJECTORY_OUTCOME_COLUMNS, outcomes),
  ];
  const counts = {
    trajectories: outcomes.length,
    decisions: s.decisions,
    successes: s.successes,
    failures: s.failures,
    failuresLeftOut: s.failuresLeftOut,
    empty: s.empty,
    decisionsLeftOut: s.leftOut,
  };
  const about = join(dir, 'dataset.json');
  const doc = { format: 'janus', historyK: HISTORY_K, source: opts.source, ...counts };
  writeFileSync(about, `${JSON.stringify(doc, null, 2)}\n`);
  return { ...counts, files: [...files, about] };
}

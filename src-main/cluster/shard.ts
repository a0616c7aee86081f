// Sharding a sweep across the tasks of a SLURM array (or any set of machines): each game belongs
// to exactly one of N shards, decided by its content-derived id alone, so every task computes the
// same split without talking to the others, and a re-run of a task repeats exactly its games.

export interface Shard {
  /** 0-based index of this shard. */
  index: number;
  /** Number of shards. */
  count: number;
}

/** The shard (0..count-1) a game id belongs to: its first 8 hex digits modulo count. */
export function shardOf(gameId: string, count: number): number {
  const head = Number.parseInt(gameId.slice(0, 8), 16);
  if (!Number.isFinite(head)) throw new Error(`game id "${gameId}" does not start with hex digits`);
  return head % count;
}

/**
 * Parse "K/N" (0 <= K < N). Throws an Error whose message names what is wrong.
 *
 * "slurm" (the shard from SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT) is refused: those
 * describe the array as submitted, so resubmitting one task (`sbatch --array=1`) would make it
 * "shard 0 of 1", the whole sweep. The count must be fixed when the job is written, as the job
 * script of `parley slurm` does with `--shard "$SLURM_ARRAY_TASK_ID/N"`.
 */
export function parseShard(text: string): Shard {
  if (text.trim() === 'slurm')
    throw new Error(
      '--shard slurm is no longer supported: SLURM_ARRAY_TASK_COUNT describes the array as ' +
        'submitted, so a resubmitted task would run the whole sweep. Give the shard count ' +
        'explicitly: --shard "$SLURM_ARRAY_TASK_ID/N" (write the job again with `parley slurm`).',
    );
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) throw new Error(`--shard must be K/N (e.g. 0/8), got "${text}"`);
  return checked(Number(m[1]), Number(m[2]), text);
}

function checked(index: number, count: number, what: string): Shard {
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--shard ${what}: N must be at least 1`);
  if (!Number.isInteger(index) || index < 0 || index >= count)
    throw new Error(`--shard ${what}: K must be between 0 and ${count - 1}`);
  return { index, count };
}

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
 * Parse "K/N" (0 <= K < N), or "slurm" for the array task this process runs as
 * (SLURM_ARRAY_TASK_ID of SLURM_ARRAY_TASK_COUNT, with SLURM_ARRAY_TASK_MIN as the base).
 * Throws an Error whose message names what is wrong.
 */
export function parseShard(text: string, env: NodeJS.ProcessEnv = process.env): Shard {
  if (text === 'slurm') {
    const id = env.SLURM_ARRAY_TASK_ID;
    const count = env.SLURM_ARRAY_TASK_COUNT;
    if (id === undefined || count === undefined)
      throw new Error(
        '--shard slurm needs SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT (run it inside `sbatch --array`)',
      );
    const base = Number(env.SLURM_ARRAY_TASK_MIN ?? 0);
    return checked(Number(id) - base, Number(count), `SLURM task ${id} of ${count}`);
  }
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) throw new Error(`--shard must be K/N (e.g. 0/8) or "slurm", got "${text}"`);
  return checked(Number(m[1]), Number(m[2]), text);
}

function checked(index: number, count: number, what: string): Shard {
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--shard ${what}: N must be at least 1`);
  if (!Number.isInteger(index) || index < 0 || index >= count)
    throw new Error(`--shard ${what}: K must be between 0 and ${count - 1}`);
  return { index, count };
}

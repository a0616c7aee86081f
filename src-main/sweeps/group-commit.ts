// Group commit: the writes that the games of one run ask for while the event loop turns once
// (a phase's turns, a claim, an outcome) are committed together in one SQLite transaction, and
// each game goes on only once its own write is committed. Four games in play commit their phases
// in about a quarter of the transactions, and nothing a game was told is committed can be lost.
import type { Store } from '../store/store';

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;
  /** Transactions committed, and writes they carried (for tests and benchmarks). */
  readonly stats = { transactions: 0, writes: 0 };

  constructor(private readonly store: Pick<Store, 'transaction'>) {}

  /**
   * Runs `work` inside the next group's transaction; resolves with its result once that
   * transaction committed. A write that throws rolls back only itself: the group is then
   * committed write by write, and only the failing write's promise rejects.
   */
  commit<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const group = this.queue;
    this.queue = [];
    if (group.length === 0) return;
    let results: unknown[];
    try {
      results = this.store.transaction(() => group.map((p) => p.work()));
    } catch {
      // Rolled back as a whole: commit each write alone, so one bad write fails only its game.
      for (const p of group) this.commitAlone(p);
      return;
    }
    this.stats.transactions++;
    this.stats.writes += group.length;
    group.forEach((p, i) => p.resolve(results[i]));
  }

  private commitAlone(p: Pending): void {
    let result: unknown;
    try {
      result = this.store.transaction(p.work);
    } catch (err) {
      p.reject(err);
      return;
    }
    this.stats.transactions++;
    this.stats.writes++;
    p.resolve(result);
  }
}

// Group commit: the writes that the games of one run ask for in one turn of the event loop (a
// phase's turns, a claim, a game's end) are committed together in one transaction, and each game
// goes on only once its own write is committed. Four games in play commit in about a quarter of
// the transactions, and nothing a game was told is committed can be lost.
import type { Store } from '../store/store';
import { commitGroup, type RunWrite, type RunWriteResult } from './run-writes';

interface Pending {
  write: RunWrite;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;
  /** Transactions committed, and writes they carried (for tests and benchmarks). */
  readonly stats = { transactions: 0, writes: 0 };

  constructor(private readonly store: Store) {}

  /**
   * Commits `write` with the writes the other games ask for before the event loop turns; resolves
   * with its result once that transaction committed. A write that throws rolls back only itself:
   * the group is then committed write by write, and only the failing write's promise rejects.
   */
  commit<W extends RunWrite>(write: W): Promise<RunWriteResult<W>> {
    return new Promise<RunWriteResult<W>>((resolve, reject) => {
      this.queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
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
    const { settled, transactions } = commitGroup(
      this.store,
      group.map((p) => p.write),
    );
    this.stats.transactions += transactions;
    settled.forEach((s, i) => {
      if (s.ok) {
        this.stats.writes++;
        group[i].resolve(s.value);
      } else group[i].reject(s.error);
    });
  }
}

// The queue a sweep run plays from: game ids read from the store a page at a time, in store
// order (never every planned game at once, so a 100,000-game sweep runs in bounded memory), and
// the turns of the phase being played, committed together.
import type { TurnRecord } from '../../src-shared/game';
import { toAgent, type Agent, type AnyAgent } from '../engine/agent';
import type { Store } from '../store/store';
import type { Lease } from '../store/types';

/** Games read per page. */
const PAGE = 256;

/**
 * Ids the run may play next. A pass reads the sweep's playable games page by page from the
 * store; a game played once in this run is not taken again by a later pass (as before, a paused
 * game comes back only through `add`, when its provider is back).
 */
export class RunQueue {
  private ids: string[] = [];
  private next = 0;
  private after = 0;
  /** Ids waiting in the queue, being played, or played once already in this run. */
  private readonly waiting = new Set<string>();
  readonly playing = new Set<string>();
  readonly played = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly sweepId: string,
    private readonly lease: Lease,
    /** Called before every page (hands back games of runners that died). */
    private readonly beforePage: () => void = () => {},
  ) {}

  /** Queue `id` unless it is queued or being played already. */
  add(id: string): void {
    if (this.waiting.has(id) || this.playing.has(id)) return;
    this.waiting.add(id);
    this.ids.push(id);
  }

  /** The next id to play, reading pages as needed; null when a whole pass found none. */
  take(): string | null {
    if (this.next >= this.ids.length && !this.fill()) return null;
    const id = this.ids[this.next++];
    this.waiting.delete(id);
    if (this.next >= PAGE) {
      this.ids = this.ids.slice(this.next);
      this.next = 0;
    }
    return id;
  }

  /** Whether an id is waiting without reading the store. */
  hasWaiting(): boolean {
    return this.next < this.ids.length;
  }

  /** Reads on from where the last page ended, then once from the start; false if nothing came. */
  private fill(): boolean {
    for (let pass = 0; pass < 2; pass++) {
      if (pass === 1) this.after = 0;
      for (;;) {
        this.beforePage();
        const page = this.store.queuePage(this.sweepId, this.after, PAGE);
        const now = Date.now();
        for (const g of page) {
          this.after = g.row;
          const isFree =
            g.status === 'running'
              ? g.leaseOwner !== this.lease.owner && (g.leaseUntil ?? 0) <= now
              : !this.played.has(g.id);
          if (isFree) this.add(g.id);
        }
        if (this.next < this.ids.length) return true;
        if (page.length < PAGE) break;
      }
    }
    return false;
  }
}

/**
 * Holds a game's new turns until the game moves on, then commits them in one write: before any
 * agent is asked in another phase than the held turns' first, and when the game stops (`take`
 * hands the held turns to the write that ends the game). Each write goes through `commit`, which
 * resolves once it is committed: the agent is asked only then. A run stopped before that resumes
 * from the last committed turn, replaying the rest.
 *
 * With `untilEnd`, every turn is held until the game stops. That is for games whose every seat is
 * a strategy agent: they call no provider, so a turn costs nothing to compute again, and they
 * are deterministic, so a resumed game replays exactly the turns that were lost.
 */
export class PhaseTurns {
  private pending: TurnRecord[] = [];
  /** The commit under way, which every agent of the game waits for (seats may act at once). */
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly commit: (turns: readonly TurnRecord[]) => Promise<void>,
    private readonly committed: (turn: TurnRecord) => void = () => {},
    private readonly untilEnd = false,
  ) {}

  add(turn: TurnRecord): void {
    this.pending.push(turn);
  }

  /** Commits the held turns (resolves at once when there are none, after a commit under way). */
  flush(): Promise<void> {
    const turns = this.take();
    if (turns.length === 0) return this.flushing ?? Promise.resolve();
    const before = this.flushing;
    const flushing = (async () => {
      await before;
      await this.commit(turns);
      this.announce(turns);
    })();
    this.flushing = flushing;
    void flushing
      .finally(() => {
        if (this.flushing === flushing) this.flushing = null;
      })
      .catch(() => undefined);
    return flushing;
  }

  /** The held turns, handed over: the caller commits them (with the game's end) and announces them. */
  take(): TurnRecord[] {
    const turns = this.pending;
    this.pending = [];
    return turns;
  }

  /** Tells the `committed` listener about turns once they are committed. */
  announce(turns: readonly TurnRecord[]): void {
    for (const t of turns) this.committed(t);
  }

  /** `agent`, committing the held turns first whenever it is asked in another phase. */
  wrap(agent: AnyAgent): Agent {
    const acting = toAgent(agent);
    return {
      id: acting.id,
      // The re-ask budget travels with the agent: the session shares it across a turn's attempts.
      ...(acting.maxReasks !== undefined ? { maxReasks: acting.maxReasks } : {}),
      act: async (ctx, action) => {
        const first = this.pending[0];
        if (!this.untilEnd && first && (first.round !== ctx.round || first.phase !== ctx.phase))
          await this.flush();
        else if (this.flushing) await this.flushing;
        return acting.act(ctx, action);
      },
    };
  }
}
